//! Running a function over many texts on several threads, results in input
//! order.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// About how many bytes of text a worker takes at a time.
const RUN_BYTES: usize = 64 * 1024;

/// The threads a batch call uses: `threads`, or every core for `None`.
pub(crate) fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get)),
    }
}

/// The strings of an iterable of `str`, in order; a `TypeError` naming the
/// first item that is not one.
pub(crate) fn strings<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    texts
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            item.cast_into::<PyString>().map_err(|e| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "item {i} is not a str (it is {})",
                    e.into_inner()
                        .get_type()
                        .name()
                        .map_or_else(|_| "unknown".to_owned(), |n| n.to_string())
                ))
            })
        })
        .collect()
}

/// Applies `f` to every text and hands each result to `take` with the
/// text's index, in the order of `texts`. With one thread, `f` runs on the calling thread with the GIL
/// released, then `take` runs on every result. With more, `threads`
/// workers run `f` without the GIL, taking the next text as they finish one
/// (a long text does not hold up the rest), while the calling thread, with
/// the GIL, turns finished results into Python objects as they arrive: the
/// one part that cannot run in parallel overlaps the part that can. An
/// error from `take` stops the workers and is returned.
pub(crate) fn run<R, F, T>(
    py: Python<'_>,
    texts: &[&str],
    threads: usize,
    f: F,
    mut take: T,
) -> PyResult<()>
where
    R: Send,
    F: Fn(&str) -> R + Sync,
    T: FnMut(usize, R) -> PyResult<()>,
{
    let threads = threads.min(texts.len());
    if threads <= 1 {
        let results: Vec<R> = py.detach(|| texts.iter().map(|t| f(t)).collect());
        return results
            .into_iter()
            .enumerate()
            .try_for_each(|(i, r)| take(i, r));
    }
    // Texts go to the workers in runs of about `RUN_BYTES`: one message
    // and one wake-up a run, not a text (news comes a line at a time).
    let mut runs = vec![0];
    let mut bytes = 0;
    for (i, t) in texts.iter().enumerate() {
        bytes += t.len() + 64;
        if bytes >= RUN_BYTES {
            runs.push(i + 1);
            bytes = 0;
        }
    }
    if runs.last() != Some(&texts.len()) {
        runs.push(texts.len());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (send, mut receive) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (next, stop, f, runs) = (&next, &stop, &f, &runs);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(&from), Some(&to)) = (runs.get(k), runs.get(k + 1)) else {
                        break;
                    };
                    let done = texts
                        .get(from..to)
                        .unwrap_or_default()
                        .iter()
                        .map(|t| f(t))
                        .collect();
                    if send.send((k, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        // Runs of results that came before their turn, by run.
        let mut early: Vec<Option<Vec<R>>> = Vec::new();
        early.resize_with(runs.len(), || None);
        let (mut turn, mut index) = (0, 0);
        let outcome = loop {
            let got = match receive.try_recv() {
                Ok(got) => Some(got),
                Err(mpsc::TryRecvError::Empty) => {
                    // Wait without the GIL; the receiver goes with the wait.
                    let (back, got) = py.detach(move || {
                        let got = receive.recv().ok();
                        (receive, got)
                    });
                    receive = back;
                    got
                }
                Err(mpsc::TryRecvError::Disconnected) => None,
            };
            let Some((i, result)) = got else { break Ok(()) };
            if let Some(slot) = early.get_mut(i) {
                *slot = Some(result);
            }
            let mut taken = Ok(());
            while let Some(done) = early.get_mut(turn).and_then(Option::take) {
                turn += 1;
                taken = done.into_iter().try_for_each(|result| {
                    index += 1;
                    take(index - 1, result)
                });
                if taken.is_err() {
                    break;
                }
            }
            if taken.is_err() {
                break taken;
            }
        };
        stop.store(true, Ordering::Relaxed);
        // Workers still sending find the channel closed and stop.
        drop(receive);
        outcome
    })
}
