//! The Python strings of kind names, made once per process.

use std::sync::{Mutex, PoisonError};

use pyo3::prelude::*;
use pyo3::types::PyString;

/// The interned Python string of every kind name asked for so far (a few
/// dozen): each token or entity read shares its kind's one string, with
/// no string made or hashed for it.
static NAMES: Mutex<Vec<(&'static str, Py<PyString>)>> = Mutex::new(Vec::new());

/// The Python string of the kind name `name` (`"syllable"`, `"date"`, …).
pub(crate) fn kind_name(py: Python<'_>, name: &'static str) -> Py<PyString> {
    // (Taken only with the GIL held, and the GIL is not released under
    // it: no two threads wait for each other.)
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, s)) = names.iter().find(|(n, _)| *n == name) {
        return s.clone_ref(py);
    }
    let s = PyString::intern(py, name).unbind();
    names.push((name, s.clone_ref(py)));
    s
}
