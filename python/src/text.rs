//! The UTF-8 text of Python strings, read for one call.
//!
//! A `str` asked for its UTF-8 form directly keeps a copy of it for the
//! rest of its life (a corpus held in memory would grow by half once
//! extracted from); here each string is encoded into a temporary `bytes`
//! object instead, dropped when the call ends.

use std::ops::Range;

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PySlice, PySliceMethods, PyString};

/// The UTF-8 bytes of `text`, valid for the call; a string that holds a
/// lone surrogate, which UTF-8 cannot write, raises `UnicodeEncodeError`.
pub(crate) fn utf8<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyBytes>> {
    text.encode_utf8()
}

/// The text of bytes made by [`utf8`].
pub(crate) fn as_str<'a>(bytes: &'a Bound<'_, PyBytes>) -> PyResult<&'a str> {
    std::str::from_utf8(bytes.as_bytes()).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The texts of a batch call, in order, read as UTF-8 one at a time
/// ([`Texts::utf8`]) by the call.
pub(crate) struct Texts<'py>(Vec<Bound<'py, PyString>>);

impl<'py> Texts<'py> {
    /// Reads an iterable of `str`. A `str` itself is refused (it would be
    /// read as its characters), and an item that is no `str` raises a
    /// `TypeError` that names its index.
    pub(crate) fn read(texts: &Bound<'py, PyAny>) -> PyResult<Texts<'py>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a str (pass [text])",
            ));
        }
        let mut out = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            let text = item.cast_into::<PyString>().map_err(|e| {
                let kind = e.into_inner().get_type().name().map(|n| n.to_string());
                PyTypeError::new_err(format!(
                    "item {i} is not a str (it is {})",
                    kind.as_deref().unwrap_or("of an unknown type")
                ))
            })?;
            out.push(text);
        }
        Ok(Texts(out))
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// The UTF-8 of text `i` (see [`utf8`]); one that cannot be encoded (a
    /// lone surrogate) raises a `ValueError` that names its index.
    pub(crate) fn utf8(&self, i: usize) -> PyResult<Bound<'py, PyBytes>> {
        let text = self.0.get(i).ok_or_else(out_of_range)?;
        utf8(text).map_err(|e| {
            let err = PyValueError::new_err(format!("item {i} cannot be read: {e}"));
            err.set_cause(text.py(), Some(e));
            err
        })
    }
}

/// The Python string of `range` of `utf8`, a token's or an entity's text
/// (which the crate cuts at character boundaries).
pub(crate) fn piece<'py>(
    py: Python<'py>,
    utf8: &Bound<'py, PyBytes>,
    range: Range<usize>,
) -> PyResult<Bound<'py, PyString>> {
    let bytes = utf8.as_bytes().get(range).unwrap_or_default();
    let text = std::str::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyString::new(py, text))
}

/// What a sequence's `__getitem__` was asked for.
pub(crate) enum Index {
    One(usize),
    /// The positions of a slice, in the slice's order.
    Many(Vec<usize>),
}

impl Index {
    /// An integer (negative from the end) or a slice, as `list` reads
    /// them, for a sequence of `len` items; an integer out of range raises
    /// `IndexError`.
    pub(crate) fn of(index: &Bound<'_, PyAny>, len: usize) -> PyResult<Index> {
        let len = isize::try_from(len).unwrap_or(isize::MAX);
        if let Ok(slice) = index.cast::<PySlice>() {
            let s = slice.indices(len)?;
            let positions = (0..s.slicelength)
                .filter_map(|k| usize::try_from(s.start + k as isize * s.step).ok())
                .collect();
            return Ok(Index::Many(positions));
        }
        let i: isize = index.extract()?;
        let at = if i < 0 { i + len } else { i };
        usize::try_from(at)
            .ok()
            .filter(|&at| (at as isize) < len)
            .map(Index::One)
            .ok_or_else(out_of_range)
    }
}

/// The `IndexError` of an index past the end.
pub(crate) fn out_of_range() -> PyErr {
    PyIndexError::new_err("index out of range")
}
