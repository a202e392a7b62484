//! `tokenize` and `tokenize_many`: a text's tokens kept compact in Rust,
//! each made into a Python `Token` only when it is read.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::offsets::CharOffsets;
use crate::text::{self, Texts};
use crate::{batch, names, repr};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_many, m)?)?;
    m.add_class::<Token>()?;
    m.add_class::<Tokens>()?;
    Ok(())
}

/// One token: its text, its kind (`"syllable"`, `"word"`, `"day_month"`,
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

/// The tokens of one text, in order: a sequence of `Token`. They are kept
/// compact and each becomes a Python object when it is read, so a text's
/// hundred thousand tokens are not a hundred thousand objects for Python's
/// garbage collector to walk, and a batch call makes one object a text.
#[pyclass(frozen, sequence, module = "vitext")]
pub(crate) struct Tokens {
    /// The text's UTF-8 bytes, which the tokens' texts are read from.
    utf8: Py<PyBytes>,
    tokens: Vec<RawToken>,
}

impl Tokens {
    fn token(&self, py: Python<'_>, i: usize) -> PyResult<Option<Token>> {
        let Some(t) = self.tokens.get(i) else {
            return Ok(None);
        };
        Ok(Some(Token {
            text: text::piece(py, self.utf8.bind(py), t.bytes.0..t.bytes.1)?.unbind(),
            kind: names::kind_name(py, t.kind),
            start: t.chars.0,
            end: t.chars.1,
        }))
    }
}

#[pymethods]
impl Tokens {
    fn __len__(&self) -> usize {
        self.tokens.len()
    }

    /// A token by index (negative from the end), or a `list` of them for a
    /// slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match text::Index::of(index, self.tokens.len())? {
            text::Index::One(i) => {
                let token = self.token(py, i)?;
                Ok(Bound::new(py, token.ok_or_else(text::out_of_range)?)?.into_any())
            }
            text::Index::Many(range) => {
                let tokens = range
                    .into_iter()
                    .filter_map(|i| self.token(py, i).transpose())
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyList::new(py, tokens)?.into_any())
            }
        }
    }

    fn __iter__(slf: Bound<'_, Self>) -> TokenIter {
        TokenIter {
            tokens: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    fn __repr__(&self) -> String {
        format!("Tokens({} tokens)", self.tokens.len())
    }
}

/// Iterates over [`Tokens`], making each `Token` as it comes.
#[pyclass(frozen, module = "vitext")]
pub(crate) struct TokenIter {
    tokens: Py<Tokens>,
    next: AtomicUsize,
}

#[pymethods]
impl TokenIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Token>> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.tokens.get().token(py, i)
    }
}

/// Splits text into syllables, words, numbers, dates, codes, punctuation
/// and the other tokens of news text.
#[pyfunction]
fn tokenize(text: &Bound<'_, PyString>) -> PyResult<Tokens> {
    let py = text.py();
    let utf8 = text::utf8(text)?;
    let s = text::as_str(&utf8)?;
    let tokens = py.detach(|| raw_tokens(s));
    Ok(Tokens {
        utf8: utf8.unbind(),
        tokens,
    })
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
    let mut results = Vec::with_capacity(texts.len());
    let tokenize = |run: &[&str]| run.iter().map(|t| raw_tokens(t)).collect();
    batch::run(py, &texts, threads, tokenize, |run, utf8| {
        for (tokens, utf8) in run.into_iter().zip(utf8) {
            let utf8 = utf8.clone().unbind();
            results.push(Bound::new(py, Tokens { utf8, tokens })?);
        }
        Ok(())
    })?;
    PyList::new(py, results)
}
