//! Python's cyclic garbage collector, paused while results are made.

use pyo3::prelude::*;

/// Objects below which a pause costs more than the collections it saves.
const WORTH_PAUSING: usize = 1_000;

/// The collector paused while a call makes many result objects, and
/// resumed as it was when dropped. The results hold no cycles, yet every
/// few hundred new objects would start a collection that walks them all
/// again (a tenth of a large batch's time). The GIL is held from the pause
/// to the resume, so no other Python thread ever sees the collector paused.
pub(crate) struct GcPause<'py>(Option<Bound<'py, PyModule>>);

impl<'py> GcPause<'py> {
    /// Pauses the collector when `objects` are about to be made, enough for
    /// its collections to cost more than pausing it.
    pub(crate) fn new(py: Python<'py>, objects: usize) -> PyResult<GcPause<'py>> {
        if objects < WORTH_PAUSING {
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
