//! `vitext` for Python: the crate's engine behind a Pythonic API, with
//! offsets in code points (`text[e.start:e.end] == e.text`), not UTF-8
//! bytes. Nothing is implemented twice: every call goes to the crate.

mod batch;
mod decode;
mod extract;
mod offsets;
mod tokenize;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use vitext::{FoldMode, NormalizeConfig, Normalizer, TonePlacement};

/// The tone placements `normalize` accepts, by name.
fn tone_placement(tone: &str) -> PyResult<TonePlacement> {
    match tone {
        "keep" => Ok(TonePlacement::Keep),
        "traditional" => Ok(TonePlacement::Traditional),
        "modern" => Ok(TonePlacement::Modern),
        other => Err(PyValueError::new_err(format!(
            "unknown tone placement '{}' (expected \"keep\", \"traditional\" or \"modern\")",
            other.escape_debug()
        ))),
    }
}

/// Normalizes Vietnamese text: composed letters, tone marks where the
/// syllable puts them, look-alike letters and odd spaces repaired.
#[pyfunction]
#[pyo3(signature = (text, tone = "keep"))]
fn normalize<'py>(text: &Bound<'py, PyString>, tone: &str) -> PyResult<Bound<'py, PyString>> {
    let placement = tone_placement(tone)?;
    let normalizer = Normalizer::new(NormalizeConfig::new().tone(placement));
    let out = normalizer.normalize(text.to_str()?);
    if out.is_unchanged() {
        // The same object: nothing copied for text already normal.
        return Ok(text.clone());
    }
    Ok(PyString::new(text.py(), out.as_str()))
}

/// Whether `normalize(text)` would return `text` unchanged.
#[pyfunction]
fn is_normalized(text: &str) -> bool {
    vitext::is_normalized(text)
}

/// Removes tone marks (and with `mode="full"` the letter modifiers, `đ` →
/// `d`) for search keys: `Đảng` → `Dang`.
#[pyfunction]
#[pyo3(signature = (text, mode = "full"))]
fn fold<'py>(text: &Bound<'py, PyString>, mode: &str) -> PyResult<Bound<'py, PyString>> {
    let mode = match mode {
        "full" => FoldMode::Full,
        "tones" => FoldMode::TonesOnly,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown fold mode '{}' (expected \"full\" or \"tones\")",
                other.escape_debug()
            )));
        }
    };
    match vitext::fold(text.to_str()?, mode) {
        std::borrow::Cow::Borrowed(_) => Ok(text.clone()),
        std::borrow::Cow::Owned(folded) => Ok(PyString::new(text.py(), &folded)),
    }
}

/// Python's cyclic garbage collector, paused while a call makes many result
/// objects and resumed as it was when dropped. The results hold no cycles,
/// yet every few hundred new objects would start a collection that walks
/// them all again (a tenth of a large batch's time).
pub(crate) struct GcPause<'py>(Option<Bound<'py, PyModule>>);

impl<'py> GcPause<'py> {
    /// Pauses the collector when `objects` is large enough for its
    /// collections to cost more than pausing it does.
    pub(crate) fn new(py: Python<'py>, objects: usize) -> PyResult<GcPause<'py>> {
        if objects < 1_000 {
            return Ok(GcPause(None));
        }
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause(None));
        }
        gc.call_method0("disable")?;
        Ok(GcPause(Some(gc)))
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.0 {
            // (Nothing to do if it fails: the collector stays paused, as a
            // caller's `gc.disable()` would leave it.)
            let _ = gc.call_method0("enable");
        }
    }
}

/// `repr(value)`, for the `__repr__` of the result classes.
pub(crate) fn repr(value: &Bound<'_, PyString>) -> String {
    value
        .repr()
        .map_or_else(|_| "?".to_owned(), |r| r.to_string())
}

#[pymodule]
fn _vitext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(is_normalized, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    decode::register(m)?;
    tokenize::register(m)?;
    extract::register(m)?;
    Ok(())
}
