//! `claimcheck._claimcheck`: the Python bindings of the claimcheck core library (PyO3).
//!
//! Every function here goes through `claimcheck::embed`, which reads a text as `check` reads
//! an article file and a record as `audit` reads an archive line: the dicts Python gets are
//! the output contract's article objects, built straight from the report structs the command
//! line serialises (`topy`: the same values `json.loads` would give from its JSON). The
//! checking itself runs with the GIL released, on rayon threads for `check_many`, which also
//! write each report as a tape there; the Spark functions hand back the NDJSON lines
//! themselves, for Arrow's JSON reader, or (for the job) only each article's finding rows, as
//! column lists.

mod topy;

/// mimalloc for the Rust side of the module, as the command line has (Python keeps its own).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::embed::{self, ArgumentError, Mode, Outcome, Text, Unconverted};
use claimcheck::emit::dashboard::Row;
use claimcheck::policy::Policy;
use claimcheck::registry::{load, Problem, Registry};
use claimcheck::report::Report;
use crossbeam_channel::{bounded, Receiver};
use pyo3::create_exception;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::Arc;
use topy::{Keys, Tape};

create_exception!(
    _claimcheck,
    RegistryError,
    PyValueError,
    "The claim registry cannot be read. `problems` lists each problem as a dict with `kind`, \
     `path`, `line`, `column` (1-based; 0 when unknown) and `message`; the message lists them \
     as `path:line:column: message`."
);

/// A claim registry (`claims/*.yaml`), loaded and validated once, immutable, and safe to share
/// between threads. Pickling it carries the texts of its files, so a copy (on a Spark executor)
/// never reads the file system.
#[pyclass(frozen, module = "claimcheck._claimcheck", name = "Registry")]
struct PyRegistry {
    inner: Arc<Registry>,
    /// The paths given, as shown.
    paths: Vec<String>,
    /// (path shown, contents) of every file read: what a pickled copy is rebuilt from.
    texts: Arc<Vec<(String, String)>>,
}

fn registry_error(py: Python<'_>, problems: &[Problem]) -> PyErr {
    let mut message = format!(
        "the claim registry cannot be read ({} error{})",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        message.push_str(&format!("\n  {}: {}", p.location(), p.message));
    }
    let err = RegistryError::new_err(message);
    let list = PyList::empty(py);
    for p in problems {
        let d = PyDict::new(py);
        let items: [(&str, PyObject); 5] = [
            (
                "kind",
                p.kind.into_pyobject(py).unwrap().into_any().unbind(),
            ),
            (
                "path",
                p.path
                    .clone()
                    .into_pyobject(py)
                    .unwrap()
                    .into_any()
                    .unbind(),
            ),
            (
                "line",
                p.line.into_pyobject(py).unwrap().into_any().unbind(),
            ),
            (
                "column",
                p.column.into_pyobject(py).unwrap().into_any().unbind(),
            ),
            (
                "message",
                p.message
                    .clone()
                    .into_pyobject(py)
                    .unwrap()
                    .into_any()
                    .unbind(),
            ),
        ];
        for (k, v) in items {
            let _ = d.set_item(k, v);
        }
        let _ = list.append(d);
    }
    let _ = err.value(py).setattr("problems", list);
    err
}

impl PyRegistry {
    fn build(
        py: Python<'_>,
        paths: Vec<String>,
        texts: Vec<(String, String)>,
        unread: Vec<Problem>,
    ) -> PyResult<PyRegistry> {
        let as_paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let validated =
            py.allow_threads(|| Registry::usable(load::validate_read(&texts, unread), &as_paths));
        match validated {
            Ok(registry) => Ok(PyRegistry {
                inner: Arc::new(registry),
                paths,
                texts: Arc::new(texts),
            }),
            Err(problems) => Err(registry_error(py, &problems)),
        }
    }
}

#[pymethods]
impl PyRegistry {
    /// Loads every `*.yaml` / `*.yml` file under `path` (a file, a folder, or a list of them),
    /// as `claimcheck --registry PATH` does. Raises `RegistryError` (a `ValueError`) naming
    /// each problem's file:line:column when the registry cannot be read.
    #[new]
    fn new(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<PyRegistry> {
        let paths: Vec<String> =
            if path.is_instance_of::<PyList>() || path.is_instance_of::<PyTuple>() {
                path.try_iter()?
                    .map(|p| p.and_then(|p| fspath(&p)))
                    .collect::<PyResult<_>>()?
            } else {
                vec![fspath(path)?]
            };
        let as_paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let (texts, unread) = py.allow_threads(|| load::read_files(&as_paths));
        PyRegistry::build(py, paths, texts, unread)
    }

    /// Rebuilds a registry from the texts of its files (what unpickling does).
    #[staticmethod]
    fn _from_texts(
        py: Python<'_>,
        paths: Vec<String>,
        texts: Vec<(String, String)>,
    ) -> PyResult<PyRegistry> {
        PyRegistry::build(py, paths, texts, Vec::new())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let rebuild = slf.get_type().getattr("_from_texts")?;
        let args = (this.paths.clone(), this.texts.as_ref().clone()).into_pyobject(py)?;
        PyTuple::new(py, [rebuild.into_any(), args.into_any()])
    }

    /// The paths the registry was loaded from, as given.
    #[getter]
    fn paths(&self) -> Vec<String> {
        self.paths.clone()
    }

    /// The number of registry files read.
    #[getter]
    fn files(&self) -> usize {
        self.inner.files
    }

    /// The ids of the facts, stated and implied, in the order they were read.
    #[getter]
    fn facts(&self) -> Vec<String> {
        self.inner.facts.iter().map(|f| f.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry({:?}: {} files, {} facts)",
            self.paths.join(", "),
            self.inner.files,
            self.inner.facts.len()
        )
    }
}

/// `os.fspath(p)` as a string.
fn fspath(p: &Bound<'_, PyAny>) -> PyResult<String> {
    let os = p.py().import("os")?;
    os.getattr("fspath")?.call1((p,))?.extract()
}

/// The registry an argument names: a `Registry`, a path (loaded now), or `None`.
fn registry_arg(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Arc<Registry>>> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        return Ok(None);
    };
    if let Ok(registry) = arg.downcast::<PyRegistry>() {
        return Ok(Some(Arc::clone(&registry.get().inner)));
    }
    let loaded = PyRegistry::new(arg.py(), arg)?;
    Ok(Some(loaded.inner))
}

fn argument_error(e: ArgumentError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A `date` argument as text: a string as given, a `datetime.date` (or `datetime`, or
/// pandas `Timestamp`) as its ISO day.
fn date_arg(date: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(date) = date.filter(|d| !d.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = date.downcast::<PyString>() {
        return Ok(Some(s.to_str()?.to_string()));
    }
    match iso_day(date)? {
        Some(day) => Ok(Some(day)),
        None => Err(PyValueError::new_err(format!(
            "`date`: must be a string or a datetime.date, not {}",
            date.get_type().name()?
        ))),
    }
}

/// The ISO day of a `datetime.date` or `datetime.datetime`; `None` for anything else.
fn iso_day(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let datetime = value.py().import("datetime")?;
    let value = if value.is_instance(&datetime.getattr("datetime")?)? {
        value.call_method0("date")?
    } else if value.is_instance(&datetime.getattr("date")?)? {
        value.clone()
    } else {
        return Ok(None);
    };
    Ok(Some(value.call_method0("isoformat")?.extract()?))
}

#[allow(clippy::too_many_arguments)]
fn run_text<'py>(
    py: Python<'py>,
    mode: Mode,
    text: String,
    date: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    lang: Option<String>,
    registry: Option<&Bound<'py, PyAny>>,
    id: Option<String>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let date = date_arg(date)?;
    let registry = registry_arg(registry)?;
    let id = id.unwrap_or_else(|| "text".to_string());
    let source = source.unwrap_or_else(|| "<text>".to_string());
    let result = py.allow_threads(|| {
        let input = Text {
            text: &text,
            id: &id,
            source: &source,
            date: date.as_deref(),
            title: title.as_deref(),
            lang: lang.as_deref(),
        };
        embed::text(&input, registry.as_deref(), &Policy::default(), mode)
    });
    let (report, warnings) = result.map_err(argument_error)?;
    for warning in warnings {
        let message = CString::new(warning.replace('\0', " "))?;
        PyErr::warn(py, &py.get_type::<PyUserWarning>(), &message, 2)?;
    }
    let tape =
        Tape::of(&report).map_err(|e| PyValueError::new_err(format!("internal error: {e}")))?;
    Keys::default().build(py, &tape)
}

/// Checks one article and returns its object of the JSON output contract, exactly as
/// `claimcheck check --format json` writes it: `id`, `source`, `date`, `title`, `claims`,
/// `findings`, `error` (and `suppressed` when an inline suppression silenced a finding).
///
/// `text` is read as an article file is: it may start with YAML front matter (`title`,
/// `date`, `lang`); `date`, `title` and `lang`, when given, take its place. `date` is a string
/// (`2025-07-21`, RFC 3339 or 2822, `July 21, 2025`) or a `datetime.date`; it anchors relative
/// periods ("June"). `registry` is a `Registry`, a path to load one from, or `None` for no
/// registry. `id` and `source` fill the object's fields of the same names (default `text` and
/// `<text>`). A `date` or `lang` that cannot be read, or broken front matter, raises a
/// `ValueError` naming the argument; an unreadable front-matter date is a `UserWarning`.
#[pyfunction]
#[pyo3(signature = (text, *, date=None, title=None, lang=Some("en".to_string()), registry=None, id=None, source=None))]
#[allow(clippy::too_many_arguments)]
fn check<'py>(
    py: Python<'py>,
    text: String,
    date: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    lang: Option<String>,
    registry: Option<&Bound<'py, PyAny>>,
    id: Option<String>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    run_text(
        py,
        Mode::Check,
        text,
        date,
        title,
        lang,
        registry,
        id,
        source,
    )
}

/// Extracts one article's claims and every numeric mention, as `claimcheck extract --format
/// json` does: the article object of `check` with `mentions` added and no findings (no rules
/// run). Arguments as for `check`.
#[pyfunction]
#[pyo3(signature = (text, *, date=None, title=None, lang=Some("en".to_string()), registry=None, id=None, source=None))]
#[allow(clippy::too_many_arguments)]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    date: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    lang: Option<String>,
    registry: Option<&Bound<'py, PyAny>>,
    id: Option<String>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    run_text(
        py,
        Mode::Extract,
        text,
        date,
        title,
        lang,
        registry,
        id,
        source,
    )
}

/// Records nest no deeper than this (a guard against self-referencing structures).
const MAX_DEPTH: usize = 64;

/// A record's value as read on the GIL thread, its strings still Python's (borrowed, not
/// copied), for a worker thread to write as the JSON `audit` would read.
enum Val {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer beyond 64 bits: its digits, a JSON number all the same.
    Digits(String),
    Float(f64),
    Str(PyBackedStr),
    /// Text made on the GIL thread (a date's ISO day).
    Text(String),
    Object(Vec<(PyBackedStr, Val)>),
    Array(Vec<Val>),
}

/// Appends `s` as a JSON string: runs of plain text copied whole (found sixteen bytes at a
/// time), `"`, `\\` and control characters escaped.
fn json_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut at = 0;
    loop {
        let special = claimcheck::swar::json_special_from(bytes, at);
        out.extend_from_slice(&bytes[at..special]);
        let Some(&b) = bytes.get(special) else {
            break;
        };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        at = special + 1;
    }
    out.push(b'"');
}

impl Val {
    /// Appends the value's JSON text.
    fn write(&self, out: &mut Vec<u8>) {
        let text = json_string;
        match self {
            Val::Null => out.extend_from_slice(b"null"),
            Val::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Val::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
            Val::Digits(d) => out.extend_from_slice(d.as_bytes()),
            Val::Float(f) => {
                // Writing JSON into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, f);
            }
            Val::Str(s) => text(out, s),
            Val::Text(s) => text(out, s),
            Val::Object(fields) => {
                out.push(b'{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    text(out, key);
                    out.push(b':');
                    value.write(out);
                }
                out.push(b'}');
            }
            Val::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write(out);
                }
                out.push(b']');
            }
        }
    }

    /// The value's JSON text.
    fn json(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        self.write(&mut out);
        out
    }

    /// The value `serde_json` reads from its JSON text, or `None` for a number it would not
    /// read (beyond `f64`).
    fn value(&self) -> Option<Value> {
        Some(match self {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Int(n) => Value::from(*n),
            // Read back from their text, as the record's JSON would be.
            Val::Digits(_) | Val::Float(_) => serde_json::from_slice(&self.json()).ok()?,
            Val::Str(s) => Value::String(s.to_string()),
            Val::Text(s) => Value::String(s.clone()),
            Val::Object(fields) => Value::Object(Val::map(fields)?),
            Val::Array(items) => Value::Array(items.iter().map(Val::value).collect::<Option<_>>()?),
        })
    }

    fn map(fields: &[(PyBackedStr, Val)]) -> Option<Map<String, Value>> {
        fields
            .iter()
            .map(|(key, value)| Some((key.to_string(), value.value()?)))
            .collect()
    }

    /// A record's fields for the core to read without JSON, its JSON written only if they do
    /// not do (see `embed::Fields`). A record whose fields have no JSON value goes by its JSON
    /// text: it is given no fields, which read as no `body` and so send the core to its text.
    fn fields(&self) -> embed::Fields<impl FnOnce() -> Vec<u8> + '_> {
        let fields = match self {
            Val::Object(fields) => Val::map(fields),
            _ => None,
        };
        embed::Fields {
            fields: fields.unwrap_or_default(),
            json: || self.json(),
        }
    }
}

/// Reads `value` for JSON: the JSON types, `datetime.date` as its ISO day, numpy scalars as
/// their Python value, NaN (a missing value in pandas) as `null`. `field` names the record's
/// field in the error for anything else.
fn read_value(value: &Bound<'_, PyAny>, field: &str, depth: usize) -> Result<Val, String> {
    let no_json = |what: &str| format!("`{field}` is {what}, which has no JSON form");
    if depth > MAX_DEPTH {
        return Err(no_json("nested too deeply"));
    }
    let py_err = |e: PyErr| format!("`{field}`: {e}");
    if value.is_none() {
        Ok(Val::Null)
    } else if let Ok(s) = value.downcast::<PyString>() {
        Ok(Val::Str(PyBackedStr::try_from(s.clone()).map_err(py_err)?))
    } else if let Ok(b) = value.downcast::<PyBool>() {
        Ok(Val::Bool(b.is_true()))
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(n) => Ok(Val::Int(n)),
            // Larger integers: their digits are a JSON number all the same.
            Err(_) => Ok(Val::Digits(
                value
                    .str()
                    .map_err(py_err)?
                    .to_str()
                    .map_err(py_err)?
                    .to_string(),
            )),
        }
    } else if let Ok(f) = value.downcast::<PyFloat>() {
        let f = f.value();
        Ok(if f.is_finite() {
            Val::Float(f)
        } else {
            Val::Null
        })
    } else if let Ok(d) = value.downcast::<PyDict>() {
        Ok(Val::Object(read_object(d, depth + 1)?))
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()
            .map_err(py_err)?
            .map(|item| read_value(&item.map_err(py_err)?, field, depth + 1))
            .collect::<Result<_, _>>()?;
        Ok(Val::Array(items))
    } else if let Some(day) = iso_day(value).map_err(py_err)? {
        Ok(Val::Text(day))
    } else if value.hasattr("item").unwrap_or(false) && value.hasattr("dtype").unwrap_or(false) {
        // A numpy scalar (what pandas columns hold): its Python value.
        let item = value.call_method0("item").map_err(py_err)?;
        if item.is(value) {
            return Err(no_json("a scalar"));
        }
        read_value(&item, field, depth + 1)
    } else {
        let name = value
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_string());
        Err(no_json(&format!("a {name}")))
    }
}

fn read_object(dict: &Bound<'_, PyDict>, depth: usize) -> Result<Vec<(PyBackedStr, Val)>, String> {
    let mut fields = Vec::with_capacity(dict.len());
    for (key, value) in dict.iter() {
        let key = key
            .downcast_into::<PyString>()
            .map_err(|_| "a record's keys must be strings".to_string())?;
        let key = PyBackedStr::try_from(key).map_err(|e| e.to_string())?;
        let value = read_value(&value, &key, depth)?;
        fields.push((key, value));
    }
    Ok(fields)
}

/// One record for `check_many`: a dict read for the JSON object `audit` would read (written
/// as JSON on a worker thread), or why not (with the record's `id` when it is a string, as
/// `audit` keeps a bad record's id).
type Record = Result<Val, Unconverted>;

fn read_record(record: &Bound<'_, PyAny>) -> Record {
    let Ok(dict) = record.downcast::<PyDict>() else {
        let name = record
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_string());
        return Err(Unconverted {
            message: format!("a record must be a dict (a JSON object), not {name}"),
            id: None,
        });
    };
    read_object(dict, 0)
        .map(Val::Object)
        .map_err(|message| Unconverted {
            message,
            id: dict
                .get_item("id")
                .ok()
                .flatten()
                .and_then(|id| id.extract::<String>().ok()),
        })
}

/// Records per batch handed to the threads at once.
const BATCH: usize = 512;
/// Records per piece of a batch that one thread takes.
const PIECE: usize = 16;
/// The source `check_many` names in its error objects.
const RECORDS: &str = "<records>";

type Pool = Arc<rayon::ThreadPool>;

/// Runs `check` over a batch of records on `pool`, split into pieces of [`PIECE`] records
/// (each with the line of its first record), and returns the pieces' results in input order.
fn in_pieces<R: Send, T: Send>(
    pool: &rayon::ThreadPool,
    first_line: usize,
    records: Vec<R>,
    check: impl Fn(usize, Vec<R>) -> T + Sync,
) -> Vec<T> {
    let mut pieces = Vec::new();
    let mut records = records.into_iter();
    let mut line = first_line;
    loop {
        let piece: Vec<_> = records.by_ref().take(PIECE).collect();
        if piece.is_empty() {
            break;
        }
        let n = piece.len();
        pieces.push((line, piece));
        line += n;
    }
    pool.install(|| {
        pieces
            .into_par_iter()
            .map(|(line, piece)| check(line, piece))
            .collect()
    })
}

/// Checks a batch of records on `pool`, split into pieces, the NDJSON lines in input order.
fn run_batch(
    pool: &rayon::ThreadPool,
    source: &str,
    first_line: usize,
    records: Vec<Result<Vec<u8>, Unconverted>>,
    registry: Option<&Registry>,
) -> Vec<u8> {
    let policy = Policy::default();
    in_pieces(pool, first_line, records, |line, piece| {
        embed::records(source, line, piece, registry, &policy)
    })
    .concat()
}

/// What the Spark job keeps of an article's report: its `id`, `source`, `date` and `error`, and
/// its findings as rows of claimcheck's CSV output (the claims are left behind).
struct ArticleRows {
    id: String,
    source: String,
    date: Option<String>,
    error: Option<String>,
    rows: Vec<Row>,
}

impl ArticleRows {
    fn of(report: &Report<'_>) -> ArticleRows {
        ArticleRows {
            id: report.id.clone(),
            source: report.source.clone(),
            date: report.date.map(|d| d.to_string()),
            error: report.error.clone(),
            rows: claimcheck::emit::csv::rows(report).collect(),
        }
    }
}

/// Checks a batch of records on `pool`, split into pieces, each record's [`ArticleRows`] in
/// input order (from the report `audit` would write for it, fallbacks included).
fn rows_of_batch(
    pool: &rayon::ThreadPool,
    source: &str,
    first_line: usize,
    records: Vec<Result<Vec<u8>, Unconverted>>,
    registry: Option<&Registry>,
) -> Vec<ArticleRows> {
    let policy = Policy::default();
    in_pieces(pool, first_line, records, |line, piece| {
        embed::outcomes(source, line, piece, registry, &policy)
            .into_iter()
            .map(|outcome: Outcome| {
                let written = outcome.write(|r| Ok::<_, Infallible>(ArticleRows::of(r)));
                written.unwrap_or_else(|never| match never {})
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The columns of [`ArticleRows`] as Python lists, for an Arrow record batch: `id`, `source`,
/// `date`, `error` (one per article), the offsets of each article's rows (one more than the
/// articles), then `rule`, `severity`, `line`, `column`, `claim`, `message` and `registry` (one
/// per finding; `registry` is a `registry-mismatch` finding's notes, empty for other rules,
/// as in the CSV).
fn rows_to_py<'py>(py: Python<'py>, articles: Vec<ArticleRows>) -> PyResult<Bound<'py, PyTuple>> {
    let n: usize = articles.iter().map(|a| a.rows.len()).sum();
    let (mut ids, mut sources, mut dates, mut errors) = (
        Vec::with_capacity(articles.len()),
        Vec::with_capacity(articles.len()),
        Vec::with_capacity(articles.len()),
        Vec::with_capacity(articles.len()),
    );
    let mut offsets = Vec::with_capacity(articles.len() + 1);
    offsets.push(0usize);
    let (mut rule, mut severity, mut line, mut column) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut claim, mut message, mut registry) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for a in articles {
        for row in a.rows {
            registry.push(if row.rule == claimcheck::rules::registry_mismatch::NAME {
                row.notes.join("; ")
            } else {
                String::new()
            });
            rule.push(row.rule);
            severity.push(row.severity.as_str());
            line.push(row.line);
            column.push(row.column);
            claim.push(row.claim);
            message.push(row.message);
        }
        offsets.push(rule.len());
        ids.push(a.id);
        sources.push(a.source);
        dates.push(a.date);
        errors.push(a.error);
    }
    let columns: [Bound<'py, PyAny>; 12] = [
        ids.into_pyobject(py)?,
        sources.into_pyobject(py)?,
        dates.into_pyobject(py)?,
        errors.into_pyobject(py)?,
        offsets.into_pyobject(py)?,
        rule.into_pyobject(py)?,
        severity.into_pyobject(py)?,
        line.into_pyobject(py)?,
        column.into_pyobject(py)?,
        claim.into_pyobject(py)?,
        message.into_pyobject(py)?,
        registry.into_pyobject(py)?,
    ];
    PyTuple::new(py, columns)
}

/// Checks a batch for Spark on `jobs` threads, the GIL released: its NDJSON lines as bytes
/// (`rows` false), or the columns of its finding rows (`rows` true, see [`rows_to_py`]).
fn spark_batch(
    py: Python<'_>,
    source: &str,
    first_line: usize,
    records: Vec<Result<Vec<u8>, Unconverted>>,
    registry: Option<&Registry>,
    jobs: usize,
    rows: bool,
) -> PyResult<PyObject> {
    let pool = make_pool(Some(jobs.max(1)))?;
    if rows {
        let articles =
            py.allow_threads(|| rows_of_batch(&pool, source, first_line, records, registry));
        return Ok(rows_to_py(py, articles)?.into_any().unbind());
    }
    let out = py.allow_threads(|| run_batch(&pool, source, first_line, records, registry));
    Ok(PyBytes::new(py, &out).into_any().unbind())
}

/// A record's article object as a tape, or why it has none (a report that cannot be written
/// even as `audit`'s fallback error report).
type Written = Result<Tape, String>;

/// What the threads give back for a batch of `check_many`: each record's article object as a
/// tape, in input order, and the records themselves, so that their Python strings are let go
/// on the thread holding the GIL.
type Checked = (Vec<Written>, Vec<Vec<Record>>);

/// Checks a batch of records on `pool`, split into pieces: each piece's records handed to the
/// core as their fields' JSON values (as JSON text only when the core needs it for an error's
/// column), checked, and each report written as a tape (on the same threads, so the GIL thread
/// only reads the dicts and makes the Python objects); the checked articles are freed there
/// too.
fn tapes_of_batch(
    pool: &rayon::ThreadPool,
    first_line: usize,
    records: Vec<Record>,
    registry: Option<&Registry>,
) -> Checked {
    let policy = Policy::default();
    let pieces = in_pieces(pool, first_line, records, |line, piece| {
        let fields = piece
            .iter()
            .map(|r| match r {
                Ok(val) => Ok(val.fields()),
                Err(e) => Err(e.clone()),
            })
            .collect();
        let tapes = embed::outcomes_of_fields(RECORDS, line, fields, registry, &policy)
            .into_iter()
            .map(|outcome: Outcome| outcome.write(|r| Tape::of(r)).map_err(|e| e.to_string()))
            .collect::<Vec<Written>>();
        (tapes, piece)
    });
    let mut tapes = Vec::with_capacity(records_in(&pieces));
    let mut held = Vec::with_capacity(pieces.len());
    for (written, piece) in pieces {
        tapes.extend(written);
        held.push(piece);
    }
    (tapes, held)
}

fn records_in(pieces: &[(Vec<Written>, Vec<Record>)]) -> usize {
    pieces.iter().map(|(w, _)| w.len()).sum()
}

fn make_pool(jobs: Option<usize>) -> PyResult<Pool> {
    let jobs = match jobs {
        Some(0) => return Err(PyValueError::new_err("`jobs` must be at least 1")),
        Some(n) => n.min(256),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("claimcheck-{i}"))
        .build()
        .map(Arc::new)
        .map_err(|e| PyValueError::new_err(format!("cannot start {jobs} threads: {e}")))
}

/// The iterator `check_many` returns: pulls records in batches, checks each batch on the
/// threads while the previous one is handed out, and yields the article objects in order.
#[pyclass(module = "claimcheck._claimcheck")]
struct CheckMany {
    records: Option<Py<PyAny>>,
    pool: Pool,
    registry: Option<Arc<Registry>>,
    /// Batches being checked, oldest first.
    pending: VecDeque<Receiver<Checked>>,
    /// The tapes of the batch being handed out, those not yet handed out.
    ready: std::vec::IntoIter<Written>,
    /// The records of the batch being handed out (their strings are Python's).
    held: Vec<Vec<Record>>,
    /// The 1-based position of the next record to pull.
    next_line: usize,
    /// The Python strings of the report's keys, made once for the whole run.
    keys: Keys,
}

impl CheckMany {
    /// Pulls up to one batch of records and starts checking it; false when none was left.
    fn submit(&mut self, py: Python<'_>) -> PyResult<bool> {
        let Some(records) = self.records.as_ref() else {
            return Ok(false);
        };
        let records = records.bind(py);
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match records.call_method0("__next__") {
                Ok(record) => batch.push(read_record(&record)),
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyStopIteration>(py) => {
                    self.records = None;
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if batch.is_empty() {
            return Ok(false);
        }
        let first_line = self.next_line;
        self.next_line += batch.len();
        let (tx, rx) = bounded(1);
        let pool = Arc::clone(&self.pool);
        let registry = self.registry.clone();
        self.pool.spawn(move || {
            let out = tapes_of_batch(&pool, first_line, batch, registry.as_deref());
            let _ = tx.send(out);
        });
        self.pending.push_back(rx);
        Ok(true)
    }
}

#[pymethods]
impl CheckMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            if let Some(written) = self.ready.next() {
                let tape =
                    written.map_err(|e| PyValueError::new_err(format!("internal error: {e}")))?;
                return Ok(Some(self.keys.build(py, &tape)?));
            }
            // Two batches in flight: one checked while the other is handed out.
            while self.pending.len() < 2 && self.submit(py)? {}
            let Some(rx) = self.pending.pop_front() else {
                return Ok(None);
            };
            let (tapes, held) = py.allow_threads(move || rx.recv().unwrap_or_default());
            self.ready = tapes.into_iter();
            // The previous batch's records are let go here, with the GIL.
            self.held = held;
        }
    }
}

/// Checks many articles on Rust threads (the GIL released while they work) and yields each
/// one's article object, in input order, as `claimcheck audit` writes them.
///
/// `records` is any iterable of dicts with `id` and `body`, and optionally `title`, `date`
/// and `lang`; other fields are carried through in the object, as `audit` carries a JSON
/// record's. A record that cannot be read (not a dict, no `body`, a field with no JSON form)
/// yields an object whose `error` says why, naming the field, and the run goes on; such an
/// object's `source` is `<records>` and its `line` the record's 1-based position. `jobs` is the
/// number of threads (one per core by default); `registry` a `Registry`, a path or `None`.
#[pyfunction]
#[pyo3(signature = (records, *, jobs=None, registry=None))]
fn check_many(
    records: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    registry: Option<&Bound<'_, PyAny>>,
) -> PyResult<CheckMany> {
    let registry = registry_arg(registry)?;
    let iterator = records.try_iter()?;
    Ok(CheckMany {
        records: Some(iterator.into_any().unbind()),
        pool: make_pool(jobs)?,
        registry,
        pending: VecDeque::new(),
        ready: Vec::new().into_iter(),
        held: Vec::new(),
        next_line: 1,
        keys: Keys::default(),
    })
}

/// One string-or-null column of a batch (Spark's).
fn column(list: &Bound<'_, PyAny>) -> PyResult<Vec<Option<String>>> {
    list.extract()
}

/// Checks one batch of a table's rows (Spark's `mapInArrow`): the columns as lists of strings
/// (or `None`), each row a record with `id`, `body`, `title` and `date` as `audit` reads it
/// (a `None` id or body is a missing field). Returns the NDJSON lines, one per row in order,
/// or with `rows`, the columns of each row's finding rows (what the Spark job keeps).
#[pyfunction]
#[pyo3(signature = (ids, bodies, titles, dates, *, source, registry=None, jobs=1, rows=false))]
#[allow(clippy::too_many_arguments)]
fn _check_columns(
    py: Python<'_>,
    ids: &Bound<'_, PyAny>,
    bodies: &Bound<'_, PyAny>,
    titles: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyAny>,
    source: String,
    registry: Option<&Bound<'_, PyAny>>,
    jobs: usize,
    rows: bool,
) -> PyResult<PyObject> {
    let registry = registry_arg(registry)?;
    let (ids, bodies, titles, dates) = (
        column(ids)?,
        column(bodies)?,
        column(titles)?,
        column(dates)?,
    );
    let n = bodies.len();
    if [ids.len(), titles.len(), dates.len()]
        .iter()
        .any(|&l| l != n)
    {
        return Err(PyValueError::new_err(
            "the columns must have the same length",
        ));
    }
    let records = (0..n)
        .map(|i| {
            let mut record = Vec::with_capacity(64 + bodies[i].as_ref().map_or(0, String::len));
            record.push(b'{');
            let fields = [
                ("id", &ids[i]),
                ("body", &bodies[i]),
                ("title", &titles[i]),
                ("date", &dates[i]),
            ];
            for (name, value) in fields {
                if let Some(value) = value {
                    if record.len() > 1 {
                        record.push(b',');
                    }
                    json_string(&mut record, name);
                    record.push(b':');
                    json_string(&mut record, value);
                }
            }
            record.push(b'}');
            Ok(record)
        })
        .collect();
    spark_batch(py, &source, 1, records, registry.as_deref(), jobs, rows)
}

/// Checks raw JSON Lines records (strings, one record each, blank lines already left out)
/// exactly as `audit` reads an archive's lines; record `i` is line `first_line + i` of
/// `source`. Returns the NDJSON lines in order, or with `rows` the columns of each record's
/// finding rows (as `_check_columns`).
#[pyfunction]
#[pyo3(signature = (lines, *, source, first_line=1, registry=None, jobs=1, rows=false))]
#[allow(clippy::too_many_arguments)]
fn _check_lines(
    py: Python<'_>,
    lines: &Bound<'_, PyAny>,
    source: String,
    first_line: usize,
    registry: Option<&Bound<'_, PyAny>>,
    jobs: usize,
    rows: bool,
) -> PyResult<PyObject> {
    let registry = registry_arg(registry)?;
    let lines: Vec<Option<String>> = lines.extract()?;
    let records = lines
        .into_iter()
        .map(|l| {
            l.map(String::into_bytes).ok_or_else(|| Unconverted {
                message: "blank line".to_string(),
                id: None,
            })
        })
        .collect();
    spark_batch(
        py,
        &source,
        first_line,
        records,
        registry.as_deref(),
        jobs,
        rows,
    )
}

#[pymodule]
fn _claimcheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRegistry>()?;
    m.add_class::<CheckMany>()?;
    m.add("RegistryError", m.py().get_type::<RegistryError>())?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(_check_columns, m)?)?;
    m.add_function(wrap_pyfunction!(_check_lines, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn strings_are_written_as_json_that_reads_back_the_same() {
        let long = "plain text ".repeat(5) + "\"quoted\"\n\tand \\ \u{1} \u{1f} é ✓ end";
        for s in [
            "",
            "a",
            "\"",
            "\\",
            "\n\r\t\u{8}\u{c}\u{0}",
            "é",
            long.as_str(),
        ] {
            let mut out = Vec::new();
            json_string(&mut out, s);
            let back: String = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, s);
            // The same text as serde_json's, but for \b and \f, written as \u0008 and \u000c.
            if !s.contains(['\u{8}', '\u{c}']) {
                assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
            }
        }
    }
}
