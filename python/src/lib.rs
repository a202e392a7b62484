//! `vitext` for Python: the crate's engine behind a Pythonic API, with
//! offsets in code points (`text[e.start:e.end] == e.text`), not UTF-8
//! bytes. Nothing is implemented twice: every call goes to the crate.

mod batch;
mod decode;
mod extract;
mod names;
mod offsets;
mod text;
mod tokenize;

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use vitext::{FoldMode, NormalizeConfig, Normalizer, TonePlacement};

/// The allocator of the extension. Batch calls allocate results on worker
/// threads and free them on the calling thread, which the system
/// allocator's per-thread arenas handle badly: with it, `extract_many` on
/// 1 MB of news lines took 25.1 ms on one thread and 17.0 ms on two,
/// against 23.3 and 14.6 ms with this one (docs/evaluation.md, "Python").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let bytes = text::utf8(text)?;
    let out = normalizer.normalize(text::as_str(&bytes)?);
    if out.is_unchanged() {
        // The same object: nothing copied for text already normal.
        return Ok(text.clone());
    }
    Ok(PyString::new(text.py(), out.as_str()))
}

/// Whether `normalize(text)` would return `text` unchanged.
#[pyfunction]
fn is_normalized(text: &Bound<'_, PyString>) -> PyResult<bool> {
    let bytes = text::utf8(text)?;
    Ok(vitext::is_normalized(text::as_str(&bytes)?))
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
    let bytes = text::utf8(text)?;
    match vitext::fold(text::as_str(&bytes)?, mode) {
        Cow::Borrowed(_) => Ok(text.clone()),
        Cow::Owned(folded) => Ok(PyString::new(text.py(), &folded)),
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
