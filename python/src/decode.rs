//! Legacy encodings: `decode`, `repair` and `detect`.

use std::borrow::Cow;
use std::ffi::CString;

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyTypeError, PyUnicodeDecodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use vitext::decode::Encoding;

use crate::offsets::CharOffsets;
use crate::text;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_class::<Detection>()?;
    Ok(())
}

/// The encoding named `name` (`"tcvn3"`, `"vni"`, `"viqr"`, `"viscii"`,
/// `"cp1258"` and the aliases the crate reads), or `None` for `"auto"`.
fn encoding(name: &str) -> PyResult<Option<Encoding>> {
    if name.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    name.parse().map(Some).map_err(|_| {
        PyValueError::new_err(format!(
            "unknown encoding '{}' (expected \"auto\", \"tcvn3\", \"vni\", \"viqr\", \"viscii\" or \"cp1258\")",
            name.escape_debug()
        ))
    })
}

/// Whether undefined bytes raise (`"strict"`) or become U+FFFD
/// (`"replace"`), as in `bytes.decode`.
fn strict(errors: &str) -> PyResult<bool> {
    match errors {
        "strict" => Ok(true),
        "replace" => Ok(false),
        other => Err(PyValueError::new_err(format!(
            "unknown error handling '{}' (expected \"strict\" or \"replace\")",
            other.escape_debug()
        ))),
    }
}

/// A `UnicodeDecodeError` for the byte at `at` of `data`, read as
/// `encoding`.
fn decode_error(py: Python<'_>, encoding: &str, data: &[u8], at: usize, reason: &str) -> PyErr {
    let at = at.min(data.len().saturating_sub(1));
    let encoding = CString::new(encoding).unwrap_or_default();
    let reason = CString::new(reason).unwrap_or_default();
    match PyUnicodeDecodeError::new(py, &encoding, data, at..at + 1, &reason) {
        Ok(e) => PyErr::from_value(e.into_any()),
        Err(e) => e,
    }
}

/// The bytes of a bytes-like object (`bytes`, `bytearray`, `memoryview`,
/// any buffer of bytes), borrowed when it is `bytes`.
fn bytes_of<'a>(data: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(bytes.as_bytes()));
    }
    let buffer = PyBuffer::<u8>::get(data).map_err(|_| {
        let kind = data.get_type().name().map(|n| n.to_string());
        PyTypeError::new_err(format!(
            "expected a bytes-like object, not {}",
            kind.as_deref().unwrap_or("this type")
        ))
    })?;
    Ok(Cow::Owned(buffer.to_vec(data.py())?))
}

/// Decodes the raw bytes of a legacy Vietnamese file. With
/// `encoding="auto"` the encoding is detected; bytes that no legacy
/// encoding claims and that are valid UTF-8 are read as UTF-8.
#[pyfunction]
#[pyo3(signature = (data, encoding = "auto", errors = "strict"))]
fn decode(data: &Bound<'_, PyAny>, encoding: &str, errors: &str) -> PyResult<String> {
    let py = data.py();
    let strict = strict(errors)?;
    let encoding = self::encoding(encoding)?;
    let data = bytes_of(data)?;
    let encoding = match encoding.or_else(|| vitext::decode::detect(&data).map(|d| d.encoding())) {
        Some(e) => e,
        None => {
            return match std::str::from_utf8(&data) {
                Ok(text) => Ok(text.to_owned()),
                Err(e) if strict => Err(decode_error(
                    py,
                    "utf-8",
                    &data,
                    e.valid_up_to(),
                    "no legacy Vietnamese encoding fits and the bytes are not UTF-8 (pass encoding=...)",
                )),
                Err(_) => Ok(String::from_utf8_lossy(&data).into_owned()),
            };
        }
    };
    if strict {
        encoding.decode(&data).map_err(|e| {
            let reason = format!("byte not defined in {}", e.encoding().name());
            decode_error(py, e.encoding().name(), &data, e.offset(), &reason)
        })
    } else {
        Ok(encoding.decode_lossy(&data))
    }
}

/// Repairs mojibake: legacy text that was once read as Windows-1252
/// (`B¶o Th¾ng` → `Bảo Thắng`). With `encoding="auto"` the encoding is
/// detected, and text that looks like no legacy encoding is returned as it
/// is.
#[pyfunction]
#[pyo3(signature = (text, encoding = "auto", errors = "strict"))]
fn repair<'py>(
    text: &Bound<'py, PyString>,
    encoding: &str,
    errors: &str,
) -> PyResult<Bound<'py, PyString>> {
    let strict = strict(errors)?;
    let bytes = text::utf8(text)?;
    let s = text::as_str(&bytes)?;
    let encoding = match self::encoding(encoding)? {
        Some(e) => e,
        None => match vitext::decode::detect_str(s) {
            Some(found) => found.encoding(),
            None => return Ok(text.clone()),
        },
    };
    let repaired = if strict {
        encoding.repair(s).map_err(|e| {
            let at = CharOffsets::new(s).at(e.offset());
            PyValueError::new_err(format!(
                "character at index {at} stands for a byte not defined in {}",
                e.encoding().name()
            ))
        })?
    } else {
        encoding.repair_lossy(s)
    };
    Ok(match repaired {
        Cow::Borrowed(_) => text.clone(),
        Cow::Owned(r) => PyString::new(text.py(), &r),
    })
}

/// What `detect` found: an encoding's name and how sure the guess is.
#[pyclass(frozen, get_all, module = "vitext")]
struct Detection {
    /// The encoding's name: `"tcvn3"`, `"vni"`, `"viqr"`, `"viscii"` or
    /// `"cp1258"`.
    encoding: &'static str,
    /// Above 0 and at most 1; whole sentences score above 0.9.
    confidence: f32,
}

#[pymethods]
impl Detection {
    /// `{"encoding", "confidence"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("encoding", self.encoding)?;
        d.set_item("confidence", self.confidence)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Detection(encoding='{}', confidence={:.3})",
            self.encoding, self.confidence
        )
    }
}

/// Guesses the legacy encoding of raw bytes (`bytes` or another bytes-like
/// object) or of mojibake (`str`); `None` when the input does not look like
/// legacy Vietnamese.
#[pyfunction]
fn detect(data: &Bound<'_, PyAny>) -> PyResult<Option<Detection>> {
    let found = if let Ok(text) = data.cast::<PyString>() {
        let bytes = text::utf8(text)?;
        vitext::decode::detect_str(text::as_str(&bytes)?)
    } else {
        let bytes = bytes_of(data).map_err(|_| {
            PyTypeError::new_err("detect() takes bytes (a legacy file's content) or str (mojibake)")
        })?;
        vitext::decode::detect(&bytes)
    };
    Ok(found.map(|d| Detection {
        encoding: d.encoding().name(),
        confidence: d.confidence(),
    }))
}
