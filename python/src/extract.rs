//! `extract` and `extract_many`: entities with their values and links,
//! kept compact in Rust and each made into a Python `Entity` only when it
//! is read.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyDateAccess, PyDict, PyList, PyString};
use serde_json::Value;
use vitext::extract::{EntityKind, Extractor, ExtractorConfig, Layers};
use vitext::{NormalizeConfig, Span};

use crate::offsets::CharOffsets;
use crate::text::{self, Texts};
use crate::{batch, names, repr};

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
/// those inside it), and the links between them: a sequence of `Entity`.
/// They are kept compact and each becomes a Python object when it is read,
/// so that a batch call makes one object a text.
#[pyclass(frozen, sequence, module = "vitext")]
pub(crate) struct Extraction {
    /// The text's UTF-8 bytes, which the entities' texts are read from.
    utf8: Py<PyBytes>,
    entities: Vec<RawEntity>,
    links: Vec<RawLink>,
}

impl Extraction {
    fn entity(&self, py: Python<'_>, i: usize) -> PyResult<Option<Entity>> {
        let Some(e) = self.entities.get(i) else {
            return Ok(None);
        };
        Ok(Some(Entity {
            kind: names::kind_name(py, e.kind),
            text: text::piece(py, self.utf8.bind(py), e.bytes.start..e.bytes.end)?.unbind(),
            start: e.chars.0,
            end: e.chars.1,
            within: e.within,
            value: e.value.clone(),
        }))
    }

    fn all<'py>(&self, py: Python<'py>) -> PyResult<Vec<Entity>> {
        (0..self.entities.len())
            .filter_map(|i| self.entity(py, i).transpose())
            .collect()
    }
}

#[pymethods]
impl Extraction {
    /// The entities, a new `list` of `Entity`.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.all(py)?)
    }

    /// The links, a new `list` of `Link`.
    #[getter]
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let links = self.links.iter().map(|l| Link {
            kind: names::kind_name(py, l.kind),
            source: l.source,
            target: l.target,
        });
        PyList::new(py, links.collect::<Vec<_>>())
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
        match text::Index::of(index, self.entities.len())? {
            text::Index::One(i) => {
                let entity = self.entity(py, i)?;
                Ok(Bound::new(py, entity.ok_or_else(text::out_of_range)?)?.into_any())
            }
            text::Index::Many(positions) => {
                let entities = positions
                    .into_iter()
                    .filter_map(|i| self.entity(py, i).transpose())
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyList::new(py, entities)?.into_any())
            }
        }
    }

    fn __iter__(slf: Bound<'_, Self>) -> EntityIter {
        EntityIter {
            extraction: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    /// `{"entities": [...], "links": [...]}`, each as its `to_dict()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let entities = self
            .all(py)?
            .iter()
            .map(|e| e.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        let links = self
            .links
            .iter()
            .map(|l| {
                let d = PyDict::new(py);
                d.set_item("kind", l.kind)?;
                d.set_item("source", l.source)?;
                d.set_item("target", l.target)?;
                Ok(d)
            })
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

/// Iterates over an [`Extraction`], making each `Entity` as it comes.
#[pyclass(frozen, module = "vitext")]
pub(crate) struct EntityIter {
    extraction: Py<Extraction>,
    next: AtomicUsize,
}

#[pymethods]
impl EntityIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Entity>> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.extraction.get().entity(py, i)
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

/// A link read in Rust.
struct RawLink {
    kind: &'static str,
    source: usize,
    target: usize,
}

/// The entities and links of `text`, their spans (those inside values
/// too) turned into code points.
fn raw_extraction(extractor: &Extractor, text: &str) -> (Vec<RawEntity>, Vec<RawLink>) {
    raw_parts(text, &extractor.extract(text))
}

/// [`raw_extraction`] of each of `texts`, with one buffer for them all
/// (the extractor's working memory is not allocated again for each text).
fn raw_extractions(extractor: &Extractor, texts: &[&str]) -> Vec<(Vec<RawEntity>, Vec<RawLink>)> {
    let mut found = vitext::extract::Extraction::default();
    texts
        .iter()
        .map(|text| {
            found.clear();
            extractor.extract_into(text, &mut found);
            raw_parts(text, &found)
        })
        .collect()
}

/// The entities and links of `found`, read from `text`, in code points.
fn raw_parts(
    text: &str,
    found: &vitext::extract::Extraction<'_>,
) -> (Vec<RawEntity>, Vec<RawLink>) {
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
        .map(|l| RawLink {
            kind: l.kind.name(),
            source: l.from,
            target: l.to,
        })
        .collect();
    (entities, links)
}

/// The extractor shared by calls without options.
static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::default);

/// The extractor for a call's options: the shared default, or one built
/// for a reference date, normalization, or without the names layer.
fn extractor(
    reference_date: Option<&Bound<'_, PyAny>>,
    normalize: bool,
    names: bool,
) -> PyResult<Option<Extractor>> {
    let reference = match reference_date {
        None => None,
        Some(d) if d.is_none() => None,
        Some(d) => Some(date_parts(d)?),
    };
    if reference.is_none() && !normalize && names {
        return Ok(None);
    }
    let mut config = ExtractorConfig::default();
    if let Some((y, m, d)) = reference {
        config = config.reference_date(y, m, d);
    }
    if normalize {
        config = config.normalize(NormalizeConfig::default());
    }
    if !names {
        config = config.layers(Layers::WithoutNames);
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
/// still point into the text given); `names=False` reads dates, documents
/// and quantities only, in about half the time.
#[pyfunction]
#[pyo3(signature = (text, *, reference_date = None, normalize = false, names = true))]
fn extract(
    text: &Bound<'_, PyString>,
    reference_date: Option<&Bound<'_, PyAny>>,
    normalize: bool,
    names: bool,
) -> PyResult<Extraction> {
    let py = text.py();
    let utf8 = text::utf8(text)?;
    let s = text::as_str(&utf8)?;
    let built = extractor(reference_date, normalize, names)?;
    let extractor = built.as_ref().unwrap_or(&DEFAULT);
    let (entities, links) = py.detach(|| raw_extraction(extractor, s));
    Ok(Extraction {
        utf8: utf8.unbind(),
        entities,
        links,
    })
}

/// `extract` over many texts on `threads` threads (every core by
/// default), without holding the GIL while extracting; results in input
/// order.
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None, reference_date = None, normalize = false, names = true))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    reference_date: Option<&Bound<'py, PyAny>>,
    normalize: bool,
    names: bool,
) -> PyResult<Bound<'py, PyList>> {
    let threads = batch::thread_count(threads)?;
    let texts = Texts::read(texts)?;
    let built = extractor(reference_date, normalize, names)?;
    let extractor = built.as_ref().unwrap_or(&DEFAULT);
    let mut results = Vec::with_capacity(texts.len());
    let extract = |run: &[&str]| raw_extractions(extractor, run);
    batch::run(py, &texts, threads, extract, |run, utf8| {
        for ((entities, links), utf8) in run.into_iter().zip(utf8) {
            let utf8 = utf8.clone().unbind();
            results.push(Bound::new(
                py,
                Extraction {
                    utf8,
                    entities,
                    links,
                },
            )?);
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
