//! Rust values to Python objects through serde, as `json.loads` would give them from the JSON
//! `serde_json` writes for the same values: the report structs become dicts, lists, strings,
//! ints, floats, `True`/`False` and `None` without JSON text in between.
//!
//! What matches `serde_json` (and so the command line's output): struct fields and map entries
//! in the order they are serialised; a non-finite float as `None` (JSON's `null`); a unit
//! variant as its name; a newtype variant as `{name: value}`; map keys as strings (numbers and
//! booleans as their JSON text). Struct field and variant names are `&'static str`: each
//! becomes one Python string, made once per [`Keys`] and shared by every dict that uses it.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyNone, PyString};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Python strings of the `&'static str` names seen so far (field and variant names), by
/// address and length: static text never changes, so the same address and length is the same
/// text.
#[derive(Default)]
pub struct Keys {
    known: HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>,
}

impl Keys {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        self.known
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    }
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

/// `value` as Python objects (see the module's documentation).
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    keys: &mut Keys,
    value: &T,
) -> Result<Bound<'py, PyAny>, Error> {
    value.serialize(ToPy { py, keys })
}

/// Why a value could not be converted: a Python error (out of memory), or a serde error.
#[derive(Debug)]
pub struct Error(PyErr);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> Self {
        e.0
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

struct ToPy<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys,
}

impl<'py> ToPy<'_, 'py> {
    fn int<T>(self, v: T) -> Out<'py>
    where
        T: IntoPyObject<'py, Target = PyInt, Output = Bound<'py, PyInt>>,
        PyErr: From<T::Error>,
    {
        Ok(v.into_pyobject(self.py).map_err(PyErr::from)?.into_any())
    }

    fn none(self) -> Out<'py> {
        Ok(PyNone::get(self.py).to_owned().into_any())
    }

    /// `{variant: value}`, serde_json's form of a non-unit enum variant.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.keys.get(self.py, variant), value)?;
        Ok(dict.into_any())
    }
}

/// `serialize_i8` to `serialize_u128`, each through the serializer's own `int` (the value as
/// a Python int, or as the text of a map key).
macro_rules! integers {
    () => {
        integers!(
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
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Out<'py> {
            self.int(v)
        }
    )*};
}

impl<'k, 'py> ser::Serializer for ToPy<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'k, 'py>;
    type SerializeTuple = Seq<'k, 'py>;
    type SerializeTupleStruct = Seq<'k, 'py>;
    type SerializeTupleVariant = Seq<'k, 'py>;
    type SerializeMap = Map<'k, 'py>;
    type SerializeStruct = Map<'k, 'py>;
    type SerializeStructVariant = Map<'k, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }

    integers!();

    fn serialize_f32(self, v: f32) -> Out<'py> {
        // serde_json writes an f32 by its own shortest digits, which json.loads reads back as
        // the f64 nearest them, not as the f32's exact value.
        if !v.is_finite() {
            return self.none();
        }
        let shown = ryu_f32(v);
        Ok(PyFloat::new(self.py, shown).into_any())
    }

    fn serialize_f64(self, v: f64) -> Out<'py> {
        if !v.is_finite() {
            return self.none();
        }
        Ok(PyFloat::new(self.py, v).into_any())
    }

    fn serialize_char(self, v: char) -> Out<'py> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }

    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }

    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        // serde_json: an array of numbers.
        Ok(PyList::new(self.py, v)?.into_any())
    }

    fn serialize_none(self) -> Out<'py> {
        self.none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Out<'py> {
        self.none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.keys.get(self.py, variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let inner = value.serialize(ToPy {
            py: self.py,
            keys: &mut *self.keys,
        })?;
        self.tagged(variant, inner)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'k, 'py>, Error> {
        Ok(Seq {
            py: self.py,
            keys: self.keys,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'k, 'py>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>, Error> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'k, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            py: self.py,
            keys: self.keys,
            key: None,
            variant: None,
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'k, 'py>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'k, 'py>, Error> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

/// The f64 that json.loads reads from serde_json's text of an f32 (its shortest digits).
fn ryu_f32(v: f32) -> f64 {
    v.to_string().parse().unwrap_or(f64::from(v))
}

/// A list being built (an array, a tuple, or the content of a tuple variant).
pub struct Seq<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(ToPy {
            py: self.py,
            keys: &mut *self.keys,
        })?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => ToPy {
                py: self.py,
                keys: self.keys,
            }
            .tagged(variant, list),
            None => Ok(list),
        }
    }
}

/// The serde traits of a list being built: each element pushed, the list made at the end.
macro_rules! seq_traits {
    ($($trait:ident::$method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }

            fn end(self) -> Out<'py> {
                self.finish()
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

/// A dict being built (a map, a struct, or the content of a struct variant).
pub struct Map<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys,
    dict: Bound<'py, PyDict>,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<Bound<'py, PyAny>, Error> {
        value.serialize(ToPy {
            py: self.py,
            keys: &mut *self.keys,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        let value = self.value(value)?;
        self.dict.set_item(self.keys.get(self.py, name), value)?;
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => ToPy {
                py: self.py,
                keys: self.keys,
            }
            .tagged(variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyToPy { py: self.py })?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let value = self.value(value)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// The serde traits of a struct (or struct variant) being built: each field set under its
/// name's shared string.
macro_rules! struct_traits {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(name, value)
            }

            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

struct_traits!(SerializeStruct, SerializeStructVariant);

/// A map key as serde_json writes it: a string as itself, an integer, a boolean, a char or a
/// unit variant as its text; anything else cannot be a key.
struct KeyToPy<'py> {
    py: Python<'py>,
}

impl<'py> KeyToPy<'py> {
    fn text(self, text: &str) -> Out<'py> {
        Ok(PyString::new(self.py, text).into_any())
    }

    fn int<T: ToString>(self, v: T) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn not_a_key() -> Error {
        <Error as ser::Error>::custom("key must be a string")
    }
}

impl<'py> ser::Serializer for KeyToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTuple = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleStruct = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleVariant = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStruct = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStructVariant = ser::Impossible<Bound<'py, PyAny>, Error>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        self.text(if v { "true" } else { "false" })
    }

    integers!();

    fn serialize_f32(self, _v: f32) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_f64(self, _v: f64) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_char(self, v: char) -> Out<'py> {
        let mut buf = [0u8; 4];
        self.text(v.encode_utf8(&mut buf))
    }

    fn serialize_str(self, v: &str) -> Out<'py> {
        self.text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_none(self) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_unit(self) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Out<'py> {
        Err(Self::not_a_key())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(Self::not_a_key())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Self::not_a_key())
    }
}
