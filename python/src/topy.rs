//! Rust values to Python objects through serde, as `json.loads` would give them from the JSON
//! `serde_json` writes for the same values, in two halves: [`Tape::of`] walks a value's serde
//! form into a flat tape of tokens without Python (so it runs on `check_many`'s worker
//! threads, beside the checking), and [`Keys::build`] makes the dicts, lists, strings, ints,
//! floats, `True`/`False` and `None` of a tape with the C API, on the thread holding the GIL.
//!
//! What matches `serde_json` (and so the command line's output): struct fields and map entries
//! in the order they are serialised; a non-finite float as `None` (JSON's `null`); an `f32` as
//! the `f64` of its shortest digits; a unit variant as its name; a newtype variant as
//! `{name: value}`; map keys as strings (numbers and booleans as their JSON text). Struct field
//! and variant names are `&'static str`: each becomes one interned Python string, made once
//! per [`Keys`] and shared by every dict that uses it; other dict keys (a record's carried
//! fields) are shared by their text.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::os::raw::c_char;
use std::sync::Arc;

/// One token of a [`Tape`]. A dict's token is followed by its entries (each a key token, a
/// [`Tok::Name`] or a [`Tok::Str`], then its value), a list's by its items.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok {
    /// A dict of so many entries, and its shape: a hash of its keys in order when they are all
    /// names (a struct's fields, a variant's name), else 0. Dicts of one shape are made by
    /// copying a dict that has their keys (see [`Keys`]).
    Dict(usize, u64),
    List(usize),
    /// A struct field's or a variant's name: static text.
    Name(&'static str),
    /// Text: the range of the tape's `text`.
    Str(usize, usize),
    Int(i64),
    Uint(u64),
    /// An integer beyond 64 bits: its decimal digits, the range of the tape's `text`.
    Big(usize, usize),
    Float(f64),
    Bool(bool),
    Null,
}

/// A value's serde form as a flat list of tokens, and the text its strings point into.
#[derive(Debug, Default)]
pub struct Tape {
    toks: Vec<Tok>,
    text: String,
}

/// Why a value has no tape: a map key that is not text, or a serde error of the value's own.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl Tape {
    /// The tape of `value`.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
        let mut tape = Tape {
            toks: Vec::with_capacity(256),
            text: String::with_capacity(1024),
        };
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    fn str(&mut self, s: &str) -> Tok {
        let start = self.text.len();
        self.text.push_str(s);
        Tok::Str(start, self.text.len())
    }

    fn big(&mut self, digits: String) -> Tok {
        let start = self.text.len();
        self.text.push_str(&digits);
        Tok::Big(start, self.text.len())
    }

    /// Opens a dict or a list whose length is patched in at its end.
    fn open(&mut self, tok: Tok, variant: Option<&'static str>) -> Open<'_> {
        if let Some(variant) = variant {
            self.variant(variant);
        }
        let at = self.toks.len();
        self.toks.push(tok);
        Open {
            tape: self,
            at,
            n: 0,
            shape: Some(SHAPE),
        }
    }

    /// Opens the dict of one entry that holds a variant's value under its name.
    fn variant(&mut self, variant: &'static str) {
        self.toks
            .push(Tok::Dict(1, shape_end(shape_with(SHAPE, variant))));
        self.toks.push(Tok::Name(variant));
    }
}

/// The shape of a dict with no keys yet.
const SHAPE: u64 = 0x243F_6A88_85A3_08D3;

/// A shape with one more key, `name`, by its address and length (static text).
fn shape_with(shape: u64, name: &'static str) -> u64 {
    let key = (name.as_ptr() as u64) ^ ((name.len() as u64) << 48);
    (shape.rotate_left(5) ^ key).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The shape a dict's token holds: never 0, which means "no shape".
fn shape_end(shape: u64) -> u64 {
    shape | 1
}

/// The f64 that json.loads reads from serde_json's text of an f32 (its shortest digits).
fn ryu_f32(v: f32) -> f64 {
    v.to_string().parse().unwrap_or(f64::from(v))
}

/// `$m!` over the serializer methods of every integer type, `serialize_i8(i8)` to
/// `serialize_u128(u128)`.
macro_rules! every_integer {
    ($m:ident) => {
        $m!(
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_i128(i128),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_u128(u128)
        );
    };
}

/// `serialize_i8` to `serialize_u128` for the tape: an `i64` or `u64` when the value fits,
/// else its digits.
macro_rules! integers {
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            #[allow(irrefutable_let_patterns)]
            let tok = if let Ok(i) = i64::try_from(v) {
                Tok::Int(i)
            } else if let Ok(u) = u64::try_from(v) {
                Tok::Uint(u)
            } else {
                self.big(v.to_string())
            };
            self.toks.push(tok);
            Ok(())
        }
    )*};
}

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Open<'t>;
    type SerializeTuple = Open<'t>;
    type SerializeTupleStruct = Open<'t>;
    type SerializeTupleVariant = Open<'t>;
    type SerializeMap = Open<'t>;
    type SerializeStruct = Open<'t>;
    type SerializeStructVariant = Open<'t>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.toks.push(Tok::Bool(v));
        Ok(())
    }

    every_integer!(integers);

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // serde_json writes an f32 by its own shortest digits, which json.loads reads back as
        // the f64 nearest them, not as the f32's exact value.
        let tok = if v.is_finite() {
            Tok::Float(ryu_f32(v))
        } else {
            Tok::Null
        };
        self.toks.push(tok);
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        let tok = if v.is_finite() {
            Tok::Float(v)
        } else {
            Tok::Null
        };
        self.toks.push(tok);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        let tok = self.str(v);
        self.toks.push(tok);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // serde_json: an array of numbers.
        self.toks.push(Tok::List(v.len()));
        self.toks.extend(v.iter().map(|&b| Tok::Int(i64::from(b))));
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.toks.push(Tok::Null);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.toks.push(Tok::Name(variant));
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::List(0), None))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::List(0), None))
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::List(0), None))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::List(0), Some(variant)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::Dict(0, 0), None))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::Dict(0, 0), None))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Open<'t>, Error> {
        Ok(self.open(Tok::Dict(0, 0), Some(variant)))
    }
}

/// A dict or list being written: where its token is, how many entries or items so far, and
/// the shape of a dict's keys so far (`None` once a key is not a name).
pub struct Open<'t> {
    tape: &'t mut Tape,
    at: usize,
    n: usize,
    shape: Option<u64>,
}

impl Open<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.n += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        self.tape.toks.push(Tok::Name(name));
        self.shape = self.shape.map(|shape| shape_with(shape, name));
        self.item(value)
    }

    fn close(self) -> Result<(), Error> {
        self.tape.toks[self.at] = match self.tape.toks[self.at] {
            Tok::Dict(..) => Tok::Dict(self.n, self.shape.map_or(0, shape_end)),
            _ => Tok::List(self.n),
        };
        Ok(())
    }
}

/// The serde traits of a list being written.
macro_rules! seq_traits {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Open<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }

            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

seq_traits!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The serde traits of a struct (or struct variant) being written: each field under its name.
macro_rules! struct_traits {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Open<'_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(name, value)
            }

            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

struct_traits!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let tok = key.serialize(KeyToTape {
            tape: &mut *self.tape,
        })?;
        self.tape.toks.push(tok);
        // Keys of data, not of a type: no template for them.
        self.shape = None;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key as serde_json writes it: a string as itself, an integer, a boolean, a char or a
/// unit variant as its text; anything else cannot be a key.
struct KeyToTape<'t> {
    tape: &'t mut Tape,
}

impl KeyToTape<'_> {
    fn text(self, text: &str) -> Result<Tok, Error> {
        Ok(self.tape.str(text))
    }

    fn not_a_key<T>() -> Result<T, Error> {
        Err(Error("key must be a string".to_string()))
    }
}

/// `serialize_i8` to `serialize_u128` of a key: its digits.
macro_rules! integer_keys {
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Result<Tok, Error> {
            self.text(&v.to_string())
        }
    )*};
}

impl ser::Serializer for KeyToTape<'_> {
    type Ok = Tok;
    type Error = Error;
    type SerializeSeq = ser::Impossible<Tok, Error>;
    type SerializeTuple = ser::Impossible<Tok, Error>;
    type SerializeTupleStruct = ser::Impossible<Tok, Error>;
    type SerializeTupleVariant = ser::Impossible<Tok, Error>;
    type SerializeMap = ser::Impossible<Tok, Error>;
    type SerializeStruct = ser::Impossible<Tok, Error>;
    type SerializeStructVariant = ser::Impossible<Tok, Error>;

    fn serialize_bool(self, v: bool) -> Result<Tok, Error> {
        self.text(if v { "true" } else { "false" })
    }

    every_integer!(integer_keys);

    fn serialize_f32(self, _v: f32) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_f64(self, _v: f64) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_char(self, v: char) -> Result<Tok, Error> {
        let mut buf = [0u8; 4];
        self.text(v.encode_utf8(&mut buf))
    }

    fn serialize_str(self, v: &str) -> Result<Tok, Error> {
        self.text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_none(self) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_unit(self) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Tok, Error> {
        Ok(Tok::Name(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Tok, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Tok, Error> {
        Self::not_a_key()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Self::not_a_key()
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Self::not_a_key()
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Self::not_a_key()
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Self::not_a_key()
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Self::not_a_key()
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Self::not_a_key()
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Self::not_a_key()
    }
}

/// Dict keys other than names kept by their text: at most this many (a record's carried
/// fields repeat from record to record; a map keyed by data would not).
const TEXT_KEYS: usize = 1024;

/// Slots of the table of recent names in front of [`Keys`]'s map (a power of two).
const SLOTS: usize = 256;

/// A name's (address, length) and its Python string.
type Named = (usize, usize, Py<PyString>);

/// Shapes of dict kept as templates: at most this many (a report's structs have a few dozen).
const TEMPLATES: usize = 1024;

/// A dict of one shape, every value `None`: dicts of that shape are copies of it with their
/// values set, which spares CPython growing each from empty (the resizes of every dict of six
/// keys or more) and looking each key up in a table that lacks it.
struct Template {
    /// The keys' (address, length), in order: a tape's keys are checked against them.
    names: Vec<(usize, usize)>,
    keys: Vec<Py<PyString>>,
    dict: Py<PyDict>,
}

/// The Python strings of the dict keys and names seen so far: the `&'static str` names by
/// address and length (static text never changes, so the same address and length is the same
/// text), other keys by their text.
pub struct Keys {
    /// Each slot the last name whose address and length fall in it: a few instructions where
    /// the map takes a few dozen, and a report has several names per object.
    recent: Vec<Option<Named>>,
    names: HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>,
    texts: HashMap<Box<str>, Py<PyString>>,
    /// The templates by shape (see [`Tok::Dict`]).
    templates: HashMap<u64, Arc<Template>, BuildHasherDefault<AddressHasher>>,
}

impl Default for Keys {
    fn default() -> Self {
        Keys {
            recent: (0..SLOTS).map(|_| None).collect(),
            names: HashMap::default(),
            texts: HashMap::new(),
            templates: HashMap::default(),
        }
    }
}

impl Keys {
    fn name<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let (at, len) = (name.as_ptr() as usize, name.len());
        let hash = ((at ^ (len << 48)) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (hash >> 56) as usize % SLOTS;
        if let Some((a, l, s)) = &self.recent[slot] {
            if (*a, *l) == (at, len) {
                return s.bind(py).clone();
            }
        }
        let s = self
            .names
            .entry((at, len))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .clone_ref(py);
        self.recent[slot] = Some((at, len, s.clone_ref(py)));
        s.into_bound(py)
    }

    fn text_key<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        if let Some(key) = self.texts.get(text) {
            return key.bind(py).clone().into_any();
        }
        if self.texts.len() >= TEXT_KEYS {
            return PyString::new(py, text).into_any();
        }
        let key = PyString::intern(py, text);
        self.texts.insert(text.into(), key.clone().unbind());
        key.into_any()
    }

    /// The Python objects of `tape` (see the module's documentation).
    pub fn build<'py>(&mut self, py: Python<'py>, tape: &Tape) -> PyResult<Bound<'py, PyAny>> {
        let mut at = 0;
        self.value(py, tape, &mut at)
    }

    /// A dict key's string: a name's, or a carried field's.
    fn key<'py>(&mut self, py: Python<'py>, tape: &Tape, tok: Tok) -> PyResult<Bound<'py, PyAny>> {
        match tok {
            Tok::Name(name) => Ok(self.name(py, name).into_any()),
            Tok::Str(start, end) => Ok(self.text_key(py, &tape.text[start..end])),
            _ => Err(pyo3::exceptions::PyValueError::new_err(
                "internal error: a dict key that is not text",
            )),
        }
    }

    /// Sets the next `n` entries of `tape` in `dict`; `names` gets their keys when all are names.
    fn fill<'py>(
        &mut self,
        py: Python<'py>,
        tape: &Tape,
        at: &mut usize,
        dict: &Bound<'py, PyDict>,
        n: usize,
        mut names: Option<&mut Vec<&'static str>>,
    ) -> PyResult<()> {
        for _ in 0..n {
            let tok = tape.toks[*at];
            if let (Some(names), Tok::Name(name)) = (names.as_deref_mut(), tok) {
                names.push(name);
            }
            let key = self.key(py, tape, tok)?;
            *at += 1;
            let value = self.value(py, tape, at)?;
            set_item(py, dict, &key, &value)?;
        }
        Ok(())
    }

    /// Keeps a dict of keys `names` (all the keys of a dict of `shape`) as that shape's template.
    fn add_template(
        &mut self,
        py: Python<'_>,
        shape: u64,
        names: Vec<&'static str>,
    ) -> PyResult<()> {
        let dict = PyDict::new(py);
        let keys: Vec<Py<PyString>> = names.iter().map(|&n| self.name(py, n).unbind()).collect();
        for key in &keys {
            set_item(py, &dict, key.bind(py), &py.None().into_bound(py))?;
        }
        let names = names
            .iter()
            .map(|n| (n.as_ptr() as usize, n.len()))
            .collect();
        let template = Template {
            names,
            keys,
            dict: dict.unbind(),
        };
        self.templates.insert(shape, Arc::new(template));
        Ok(())
    }

    /// The dict whose token was just read, made as a copy of `template` with its values set
    /// from `tape`: its keys are checked against the template's, and should another set of
    /// keys have the same shape (a hash), the entries so far go to a new dict made as usual.
    fn copy<'py>(
        &mut self,
        py: Python<'py>,
        tape: &Tape,
        at: &mut usize,
        template: &Template,
    ) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: `PyDict_Copy` returns a new reference (or null with the error set).
        let dict = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyDict_Copy(template.dict.as_ptr()))?
                .downcast_into_unchecked::<PyDict>()
        };
        for (i, (&name, key)) in template.names.iter().zip(&template.keys).enumerate() {
            let same =
                matches!(tape.toks[*at], Tok::Name(n) if (n.as_ptr() as usize, n.len()) == name);
            if !same {
                let fresh = PyDict::new(py);
                for key in &template.keys[..i] {
                    let key = key.bind(py);
                    set_item(py, &fresh, key, &dict.as_any().get_item(key)?)?;
                }
                self.fill(py, tape, at, &fresh, template.keys.len() - i, None)?;
                return Ok(fresh.into_any());
            }
            *at += 1;
            let value = self.value(py, tape, at)?;
            set_item(py, &dict, key.bind(py), &value)?;
        }
        Ok(dict.into_any())
    }

    fn value<'py>(
        &mut self,
        py: Python<'py>,
        tape: &Tape,
        at: &mut usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let tok = tape.toks[*at];
        *at += 1;
        // SAFETY: every pointer handed to `from_owned_ptr_or_err` is a new reference (or null
        // with the Python error set) from a C API constructor; `PyDict_SetItem` takes its own
        // references; `PyList_SetItem` steals the item's, at an index below the list's length.
        unsafe {
            match tok {
                Tok::Dict(n, shape) => {
                    let template = self.templates.get(&shape).filter(|t| t.keys.len() == n);
                    if let Some(template) = template.cloned() {
                        return self.copy(py, tape, at, &template);
                    }
                    let dict = PyDict::new(py);
                    let first = shape != 0 && self.templates.len() < TEMPLATES;
                    let mut names = first.then(|| Vec::with_capacity(n));
                    self.fill(py, tape, at, &dict, n, names.as_mut())?;
                    if let Some(names) = names {
                        self.add_template(py, shape, names)?;
                    }
                    Ok(dict.into_any())
                }
                Tok::List(n) => {
                    let list = Bound::from_owned_ptr_or_err(py, ffi::PyList_New(n as isize))?;
                    for i in 0..n {
                        let item = self.value(py, tape, at)?;
                        if ffi::PyList_SetItem(list.as_ptr(), i as isize, item.into_ptr()) < 0 {
                            return Err(PyErr::fetch(py));
                        }
                    }
                    Ok(list)
                }
                Tok::Name(name) => Ok(self.name(py, name).into_any()),
                Tok::Str(start, end) => {
                    let s = &tape.text[start..end];
                    Bound::from_owned_ptr_or_err(
                        py,
                        ffi::PyUnicode_FromStringAndSize(
                            s.as_ptr() as *const c_char,
                            s.len() as isize,
                        ),
                    )
                }
                Tok::Int(i) => Bound::from_owned_ptr_or_err(py, ffi::PyLong_FromLongLong(i)),
                Tok::Uint(u) => {
                    Bound::from_owned_ptr_or_err(py, ffi::PyLong_FromUnsignedLongLong(u))
                }
                Tok::Big(start, end) => {
                    let digits = std::ffi::CString::new(&tape.text[start..end])?;
                    Bound::from_owned_ptr_or_err(
                        py,
                        ffi::PyLong_FromString(digits.as_ptr(), std::ptr::null_mut(), 10),
                    )
                }
                Tok::Float(f) => Bound::from_owned_ptr_or_err(py, ffi::PyFloat_FromDouble(f)),
                Tok::Bool(b) => Ok(PyBool::new(py, b).to_owned().into_any()),
                Tok::Null => Ok(py.None().into_bound(py)),
            }
        }
    }
}

/// `dict[key] = value` with the C API (no conversions, no method lookup).
fn set_item(
    py: Python<'_>,
    dict: &Bound<'_, PyDict>,
    key: &Bound<'_, impl Sized>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: three live objects; `PyDict_SetItem` takes its own references.
    if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), key.as_ptr(), value.as_ptr()) } < 0 {
        return Err(PyErr::fetch(py));
    }
    Ok(())
}

/// A hasher for (address, length) pairs: a multiply and a rotate, enough for a few dozen
/// distinct addresses.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        New(u8),
        Pair(i32, f32),
        Named { big: u128, tiny: i128 },
    }

    #[derive(serde::Serialize)]
    struct Sample {
        shapes: Vec<Shape>,
        map: std::collections::BTreeMap<u32, Option<f64>>,
        text: &'static str,
        flag: bool,
    }

    #[test]
    fn a_tape_holds_serde_json_s_structure_in_order() {
        let sample = Sample {
            shapes: vec![
                Shape::Unit,
                Shape::New(7),
                Shape::Pair(-1, 0.1),
                Shape::Named {
                    big: u128::MAX,
                    tiny: -5,
                },
            ],
            map: [(3, Some(f64::NAN)), (10, Some(2.5))].into_iter().collect(),
            text: "é",
            flag: true,
        };
        let tape = Tape::of(&sample).unwrap();
        let t = |tok: &Tok| match *tok {
            Tok::Str(a, b) | Tok::Big(a, b) => format!("{:?}", &tape.text[a..b]),
            Tok::Dict(n, _) => format!("Dict({n})"),
            other => format!("{other:?}"),
        };
        let shown: Vec<String> = tape.toks.iter().map(t).collect();
        let expected = [
            "Dict(4)",
            "Name(\"shapes\")",
            "List(4)",
            "Name(\"Unit\")",
            "Dict(1)",
            "Name(\"New\")",
            "Int(7)",
            "Dict(1)",
            "Name(\"Pair\")",
            "List(2)",
            "Int(-1)",
            "Float(0.1)",
            "Dict(1)",
            "Name(\"Named\")",
            "Dict(2)",
            "Name(\"big\")",
            "\"340282366920938463463374607431768211455\"",
            "Name(\"tiny\")",
            "Int(-5)",
            "Name(\"map\")",
            "Dict(2)",
            "\"3\"",
            "Null",
            "\"10\"",
            "Float(2.5)",
            "Name(\"text\")",
            "\"é\"",
            "Name(\"flag\")",
            "Bool(true)",
        ];
        assert_eq!(shown, expected);
        // Shapes: the struct, the three variants' dicts and Named's fields have one each, all
        // different; the map, keyed by data, has none; a second tape has the same.
        let shapes: Vec<u64> = tape
            .toks
            .iter()
            .filter_map(|t| match t {
                Tok::Dict(_, shape) => Some(*shape),
                _ => None,
            })
            .collect();
        assert_eq!(shapes.len(), 6);
        assert_eq!(shapes[5], 0);
        let distinct: std::collections::HashSet<u64> = shapes[..5].iter().copied().collect();
        assert_eq!(distinct.len(), 5);
        assert!(!distinct.contains(&0));
        assert_eq!(Tape::of(&sample).unwrap().toks, tape.toks);
    }
}
