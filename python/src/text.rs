//! The UTF-8 text of Python strings, read for one call.
//!
//! A `str` asked for its UTF-8 form directly keeps a copy of it for the
//! rest of its life (a corpus held in memory would grow by half once
//! extracted from); here each string is encoded into a temporary `bytes`
//! object instead, dropped when the call ends.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The UTF-8 bytes of `text`, valid for the call; a string that holds a
/// lone surrogate, which UTF-8 cannot write, raises `UnicodeEncodeError`.
pub(crate) fn utf8<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyBytes>> {
    text.encode_utf8()
}

/// The text of bytes made by [`utf8`].
pub(crate) fn as_str<'a>(bytes: &'a Bound<'_, PyBytes>) -> PyResult<&'a str> {
    std::str::from_utf8(bytes.as_bytes()).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The texts of a batch call, encoded as [`utf8`] does, in order.
pub(crate) struct Texts<'py>(Vec<Bound<'py, PyBytes>>);

impl<'py> Texts<'py> {
    /// Reads an iterable of `str`. A `str` itself is refused (it would be
    /// read as its characters), and an item that is no `str`, or that
    /// cannot be encoded, raises an error that names its index.
    pub(crate) fn read(texts: &Bound<'py, PyAny>) -> PyResult<Texts<'py>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a str (pass [text])",
            ));
        }
        let mut out = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            let Ok(text) = item.cast::<PyString>() else {
                let kind = item.get_type().name().map(|n| n.to_string());
                return Err(PyTypeError::new_err(format!(
                    "item {i} is not a str (it is {})",
                    kind.as_deref().unwrap_or("of an unknown type")
                )));
            };
            let bytes = utf8(text).map_err(|e| {
                let err = PyValueError::new_err(format!("item {i} cannot be read: {e}"));
                err.set_cause(item.py(), Some(e));
                err
            })?;
            out.push(bytes);
        }
        Ok(Texts(out))
    }

    /// The texts as `&str`, in order.
    pub(crate) fn strs(&self) -> PyResult<Vec<&str>> {
        self.0.iter().map(as_str).collect()
    }
}
