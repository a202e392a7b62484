//! `extract` and `extract_many`: entities with their values and links.

use std::sync::LazyLock;

use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyDict, PyList, PyString};
use serde_json::Value;
use vitext::extract::{EntityKind, Extractor, ExtractorConfig};
use vitext::{NormalizeConfig, Span};

use crate::gc::GcPause;
use crate::names::KindNames;
use crate::offsets::CharOffsets;
use crate::text::{self, Texts};
use crate::{batch, repr};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_class::<Entity>()?;
    m.add_class::<Link>()?;
    m.add_class::<Extraction>()?;
    Ok(())
}

/// One entity: its kind (`"date"`, `"doc_ref"`, `"quantity"`, `"person"`,
/// `"title"`, `"organization"`, `"place"`, …), its text, where it is
/// (`text[e.start:e.end] == e.text`), its value and the entity it lies
/// inside.
#[pyclass(frozen, module = "vitext")]
pub(crate) struct Entity {
    #[pyo3(get)]
    kind: Py<PyString>,
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// The index of the innermost entity this one lies inside, or `None`.
    #[pyo3(get)]
    within: Option<usize>,
    /// The value, its spans already in code points; made into Python
    /// objects only when asked for.
    value: EntityKind,
}

#[pymethods]
impl Entity {
    /// The typed value as plain dicts, lists, numbers and strings, the
    /// shape of the crate's JSON; spans inside it (`{"start", "end"}`) are
    /// indices into the text, like the entity's own.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_value(&self.value)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        // `{"date": {…}}`: the kind is the entity's, the value inside.
        let inner = match json {
            Value::Object(map) => map.into_iter().next().map_or(Value::Null, |(_, v)| v),
            other => other,
        };
        to_python(py, &inner)
    }

    /// `{"kind", "text", "start", "end", "value", "within"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("value", self.value(py)?)?;
        d.set_item("within", self.within)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Entity(kind={}, text={}, start={}, end={})",
            repr(self.kind.bind(py)),
            repr(self.text.bind(py)),
            self.start,
            self.end
        )
    }
}

/// A link between two entities of one result, by their indices: a person
/// `"holds"` a title, a mention is `"same_as"` a person met earlier, a
/// title is `"of"` an organization, a document is `"issued_on"` a date and
/// `"issued_by"` an organization, …
#[pyclass(frozen, get_all, module = "vitext")]
pub(crate) struct Link {
    kind: Py<PyString>,
    /// The index of the entity the link starts from.
    source: usize,
    /// The index of the entity it points to.
    target: usize,
}

#[pymethods]
impl Link {
    /// `{"kind", "source", "target"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("source", self.source)?;
        d.set_item("target", self.target)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Link(kind={}, source={}, target={})",
            repr(self.kind.bind(py)),
            self.source,
            self.target
        )
    }
}

/// The entities of one text, in order of position (an outer entity before
/// those inside it), and the links between them. It reads as a sequence of
/// its entities.
#[pyclass(frozen, sequence, module = "vitext")]
pub(crate) struct Extraction {
    entities: Vec<Py<Entity>>,
    links: Vec<Py<Link>>,
}

#[pymethods]
impl Extraction {
    /// The entities, a new `list` of `Entity`.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.entities.iter().map(|e| e.bind(py)))
    }

    /// The links, a new `list` of `Link`.
    #[getter]
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.links.iter().map(|l| l.bind(py)))
    }

    fn __len__(&self) -> usize {
        self.entities.len()
    }

    /// An entity by index (negative from the end), or a `list` of them
    /// for a slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(i) = index.extract::<isize>() {
            let len = self.entities.len() as isize;
            let at = if i < 0 { i + len } else { i };
            return usize::try_from(at)
                .ok()
                .and_then(|at| self.entities.get(at))
                .map(|e| e.bind(py).clone().into_any())
                .ok_or_else(|| PyIndexError::new_err("entity index out of range"));
        }
        self.entities(py)?.as_any().get_item(index)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.entities(py)?.as_any().try_iter()?.into_any())
    }

    /// `{"entities": [...], "links": [...]}`, each as its `to_dict()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let entities = self
            .entities
            .iter()
            .map(|e| e.get().to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        let links = self
            .links
            .iter()
            .map(|l| l.get().to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        let d = PyDict::new(py);
        d.set_item("entities", entities)?;
        d.set_item("links", links)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Extraction({} entities, {} links)",
            self.entities.len(),
            self.links.len()
        )
    }
}

/// An entity read in Rust, its offsets in code points.
struct RawEntity {
    bytes: Span,
    chars: (usize, usize),
    kind: &'static str,
    within: Option<usize>,
    value: EntityKind,
}

struct RawExtraction {
    entities: Vec<RawEntity>,
    links: Vec<(&'static str, usize, usize)>,
}

fn raw_extraction(extractor: &Extractor, text: &str) -> RawExtraction {
    let found = extractor.extract(text);
    let mut offsets = CharOffsets::new(text);
    let entities = found
        .iter()
        .map(|e| {
            let chars = (offsets.at(e.span.start), offsets.at(e.span.end));
            let mut value = e.kind.clone();
            value.map_spans(|s| Span::new(offsets.at(s.start), offsets.at(s.end)));
            RawEntity {
                bytes: e.span,
                chars,
                kind: e.kind.name(),
                within: e.within,
                value,
            }
        })
        .collect();
    let links = found
        .links()
        .iter()
        .map(|l| (l.kind.name(), l.from, l.to))
        .collect();
    RawExtraction { entities, links }
}

fn into_python<'py>(
    py: Python<'py>,
    text: &str,
    raw: RawExtraction,
    names: &mut KindNames,
) -> PyResult<Bound<'py, Extraction>> {
    let entities = raw
        .entities
        .into_iter()
        .map(|e| {
            let entity = Entity {
                kind: names.get(py, e.kind),
                text: PyString::new(py, piece(text, e.bytes)).unbind(),
                start: e.chars.0,
                end: e.chars.1,
                within: e.within,
                value: e.value,
            };
            Py::new(py, entity)
        })
        .collect::<PyResult<Vec<_>>>()?;
    let links = raw
        .links
        .into_iter()
        .map(|(kind, source, target)| {
            Py::new(
                py,
                Link {
                    kind: names.get(py, kind),
                    source,
                    target,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Bound::new(py, Extraction { entities, links })
}

/// The text of `span`, which lies in `text` (the crate's entities point
/// into the text they were found in).
fn piece(text: &str, span: Span) -> &str {
    let piece = text.get(span.start..span.end);
    debug_assert!(piece.is_some(), "an entity's span lies in its text");
    piece.unwrap_or_default()
}

/// The extractor shared by calls without options.
static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::default);

/// The extractor for a call's options: the shared default, or one built
/// for a reference date or normalization.
fn extractor(
    reference_date: Option<&Bound<'_, PyAny>>,
    normalize: bool,
) -> PyResult<Option<Extractor>> {
    let reference = match reference_date {
        None => None,
        Some(d) if d.is_none() => None,
        Some(d) => Some(date_parts(d)?),
    };
    if reference.is_none() && !normalize {
        return Ok(None);
    }
    let mut config = ExtractorConfig::default();
    if let Some((y, m, d)) = reference {
        config = config.reference_date(y, m, d);
    }
    if normalize {
        config = config.normalize(NormalizeConfig::default());
    }
    Ok(Some(Extractor::new(config)))
}

/// The year, month and day of a `datetime.date` (or `datetime`), or of an
/// ISO date string (`"2024-05-18"`) read by Python's own calendar.
fn date_parts(d: &Bound<'_, PyAny>) -> PyResult<(i32, u8, u8)> {
    let py = d.py();
    let date = if let Ok(text) = d.cast::<PyString>() {
        let parsed = py
            .import("datetime")?
            .getattr("date")?
            .call_method1("fromisoformat", (text,));
        parsed.map_err(|e| {
            let err = PyValueError::new_err(format!("reference_date {text}: {e}"));
            err.set_cause(py, Some(e));
            err
        })?
    } else {
        d.clone()
    };
    let date = date.cast_into::<PyDate>().map_err(|_| {
        PyTypeError::new_err(
            "reference_date must be a datetime.date or an ISO date string (\"2024-05-18\")",
        )
    })?;
    Ok((date.get_year(), date.get_month(), date.get_day()))
}

/// Extracts dates and times, document references, quantities, persons,
/// titles, organizations, places and credits, with the links between them.
///
/// `reference_date` (a `datetime.date` or `"YYYY-MM-DD"`) gives partial
/// dates their year; `normalize=True` reads the text normalized (offsets
/// still point into the text given).
#[pyfunction]
#[pyo3(signature = (text, *, reference_date = None, normalize = false))]
fn extract<'py>(
    text: &Bound<'py, PyString>,
    reference_date: Option<&Bound<'py, PyAny>>,
    normalize: bool,
) -> PyResult<Bound<'py, Extraction>> {
    let py = text.py();
    let bytes = text::utf8(text)?;
    let s = text::as_str(&bytes)?;
    let built = extractor(reference_date, normalize)?;
    let extractor = built.as_ref().unwrap_or(&DEFAULT);
    let raw = py.detach(|| raw_extraction(extractor, s));
    let _pause = GcPause::new(py, raw.entities.len())?;
    into_python(py, s, raw, &mut KindNames::default())
}

/// `extract` over many texts on `threads` threads (every core by
/// default), without holding the GIL while extracting; results in input
/// order.
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None, reference_date = None, normalize = false))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    reference_date: Option<&Bound<'py, PyAny>>,
    normalize: bool,
) -> PyResult<Bound<'py, PyList>> {
    let threads = batch::thread_count(threads)?;
    let texts = Texts::read(texts)?;
    let strs = texts.strs()?;
    let built = extractor(reference_date, normalize)?;
    let extractor = built.as_ref().unwrap_or(&DEFAULT);
    let mut names = KindNames::default();
    let mut results = Vec::with_capacity(strs.len());
    let extract = |t: &str| raw_extraction(extractor, t);
    batch::run(py, &strs, threads, extract, |first, run| {
        let objects = run.len() + run.iter().map(|r| r.entities.len()).sum::<usize>();
        let _pause = GcPause::new(py, objects)?;
        for (text, raw) in strs.get(first..).unwrap_or_default().iter().zip(run) {
            results.push(into_python(py, text, raw, &mut names)?);
        }
        Ok(())
    })?;
    PyList::new(py, results)
}

/// A JSON value as Python objects: `dict`, `list`, `str`, `int`, `float`,
/// `bool` and `None`.
fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::IntoPyObjectExt;
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_bound_py_any(py),
            (_, Some(u)) => u.into_bound_py_any(py),
            // (Every other JSON number of `serde_json` is an `f64`.)
            _ => n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py),
        },
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|v| to_python(py, v))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any())
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, v) in map {
                d.set_item(k, to_python(py, v)?)?;
            }
            Ok(d.into_any())
        }
    }
}
