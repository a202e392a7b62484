//! The Python strings of kind names, made once per call.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Interned Python strings for the `&'static str` names of token, entity
/// and link kinds: each result object shares its kind's one string.
#[derive(Default)]
pub(crate) struct KindNames(Vec<(&'static str, Py<PyString>)>);

impl KindNames {
    pub(crate) fn get(&mut self, py: Python<'_>, name: &'static str) -> Py<PyString> {
        // A few dozen names: a list beats a hash of each name.
        if let Some((_, s)) = self.0.iter().find(|(n, _)| *n == name) {
            return s.clone_ref(py);
        }
        let s = PyString::intern(py, name).unbind();
        self.0.push((name, s.clone_ref(py)));
        s
    }
}
