//! `tokenize` and `tokenize_many`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::gc::GcPause;
use crate::names::KindNames;
use crate::offsets::CharOffsets;
use crate::text::{self, Texts};
use crate::{batch, repr};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_many, m)?)?;
    m.add_class::<Token>()?;
    Ok(())
}

/// One token: its text, its kind (`"syllable"`, `"word"`, `"date"`,
/// `"percent"`, `"doc_code"`, `"punctuation"`, …) and where it is, as
/// indices into the string tokenized: `text[t.start:t.end] == t.text`.
#[pyclass(frozen, get_all, module = "vitext")]
pub(crate) struct Token {
    text: Py<PyString>,
    kind: Py<PyString>,
    start: usize,
    end: usize,
}

#[pymethods]
impl Token {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Token(text={}, kind={}, start={}, end={})",
            repr(self.text.bind(py)),
            repr(self.kind.bind(py)),
            self.start,
            self.end
        )
    }

    /// `{"text", "kind", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("kind", &self.kind)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

/// A token read in Rust: its byte range, for its text, and its code-point
/// range, for Python.
struct RawToken {
    bytes: (usize, usize),
    chars: (usize, usize),
    kind: &'static str,
}

fn raw_tokens(text: &str) -> Vec<RawToken> {
    let mut offsets = CharOffsets::new(text);
    vitext::tokens(text)
        .map(|t| RawToken {
            bytes: (t.start(), t.end()),
            chars: (offsets.at(t.start()), offsets.at(t.end())),
            kind: t.kind().name(),
        })
        .collect()
}

fn token_list<'py>(
    py: Python<'py>,
    text: &str,
    raw: Vec<RawToken>,
    names: &mut KindNames,
) -> PyResult<Bound<'py, PyList>> {
    let tokens = raw
        .into_iter()
        .map(|t| {
            let piece = text.get(t.bytes.0..t.bytes.1);
            debug_assert!(piece.is_some(), "a token's span lies in its text");
            let token = Token {
                text: PyString::new(py, piece.unwrap_or_default()).unbind(),
                kind: names.get(py, t.kind),
                start: t.chars.0,
                end: t.chars.1,
            };
            Py::new(py, token)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, tokens)
}

/// Splits text into syllables, words, numbers, dates, codes, punctuation
/// and the other tokens of news text.
#[pyfunction]
fn tokenize<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let bytes = text::utf8(text)?;
    let s = text::as_str(&bytes)?;
    let raw = py.detach(|| raw_tokens(s));
    let _pause = GcPause::new(py, raw.len())?;
    token_list(py, s, raw, &mut KindNames::default())
}

/// `tokenize` over many texts on `threads` threads (every core by
/// default), without holding the GIL while tokenizing; results in input
/// order.
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None))]
fn tokenize_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = batch::thread_count(threads)?;
    let texts = Texts::read(texts)?;
    let strs = texts.strs()?;
    let mut names = KindNames::default();
    let mut lists = Vec::with_capacity(strs.len());
    batch::run(py, &strs, threads, raw_tokens, |first, run| {
        let _pause = GcPause::new(py, run.iter().map(Vec::len).sum())?;
        for (text, raw) in strs.get(first..).unwrap_or_default().iter().zip(run) {
            lists.push(token_list(py, text, raw, &mut names)?);
        }
        Ok(())
    })?;
    PyList::new(py, lists)
}
