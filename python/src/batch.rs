//! Running a function over many texts on several threads, results handed
//! on in input order.

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// About how many bytes of text a worker takes at a time: one message and
/// one wake-up of the calling thread a run, not a text (news comes a line
/// at a time), and a check for Ctrl-C every few milliseconds.
const RUN_BYTES: usize = 64 * 1024;

/// What a text costs beyond its bytes (a call, a result), in bytes: a run
/// of many empty texts still ends.
const TEXT_OVERHEAD: usize = 64;

/// The threads a batch call uses: `threads`, or every core for `None`.
pub(crate) fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get)),
    }
}

/// `texts` cut into runs of about [`RUN_BYTES`], in order.
fn runs(texts: &[&str]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        bytes += t.len() + TEXT_OVERHEAD;
        if bytes >= RUN_BYTES {
            runs.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < texts.len() {
        runs.push(start..texts.len());
    }
    runs
}

/// Applies `f` to every run of texts (it returns one result a text) and
/// hands the results to `take` a run at a time, with the index of the
/// run's first text, in the order of `texts`. (`f` takes a run rather than
/// a text so that it can keep buffers from one text to the next.)
///
/// With one thread, each run is computed on the calling thread with the
/// GIL released, then taken. With more, up to `threads` workers (no more
/// than there are runs) compute runs without the GIL, each taking the next
/// run as it finishes one, while the calling thread takes finished runs as
/// they arrive: turning results into Python objects, the one part that
/// cannot run in parallel, overlaps the part that can. Ctrl-C (any pending
/// signal) is honoured between runs; an error from it or from `take` stops
/// the workers and is returned.
pub(crate) fn run<'t, R, F, T>(
    py: Python<'_>,
    texts: &[&'t str],
    threads: usize,
    f: F,
    mut take: T,
) -> PyResult<()>
where
    R: Send,
    F: Fn(&[&'t str]) -> Vec<R> + Sync,
    T: FnMut(usize, Vec<R>) -> PyResult<()>,
{
    let runs = runs(texts);
    let compute = |run: &Range<usize>| -> Vec<R> { f(texts.get(run.clone()).unwrap_or_default()) };
    let alone = |take: &mut T| -> PyResult<()> {
        for run in &runs {
            let done = py.detach(|| compute(run));
            take(run.start, done)?;
            py.check_signals()?;
        }
        Ok(())
    };
    let threads = threads.min(runs.len());
    if threads <= 1 {
        return alone(&mut take);
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (send, mut receive) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|scope| {
        let mut workers = 0;
        for _ in 0..threads {
            let send = send.clone();
            let (next, stop, compute, runs) = (&next, &stop, &compute, &runs);
            let worker = move || {
                while !stop.load(Ordering::Relaxed) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(run) = runs.get(k) else { break };
                    if send.send((k, compute(run))).is_err() {
                        break;
                    }
                }
            };
            // A thread the system refuses leaves fewer workers, not an
            // error.
            match std::thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(_) => workers += 1,
                Err(_) => break,
            }
        }
        drop(send);
        if workers == 0 {
            return alone(&mut take);
        }
        let mut in_order = InOrder::new(runs.len());
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
            let Some((k, done)) = got else { break Ok(()) };
            in_order.put(k, done);
            let taken = in_order.due().try_for_each(|(k, done)| {
                let start = runs.get(k).map_or(0, |r| r.start);
                take(start, done)?;
                // Let other Python threads in between runs: while the
                // workers keep ahead, the wait below never comes.
                py.detach(|| ());
                py.check_signals()
            });
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

/// Runs of results that arrive in any order, handed on in order.
struct InOrder<R> {
    /// Each run that came before its turn, by its index.
    early: Vec<Option<Vec<R>>>,
    /// The index of the next run to hand on.
    turn: usize,
}

impl<R> InOrder<R> {
    fn new(runs: usize) -> InOrder<R> {
        let mut early = Vec::new();
        early.resize_with(runs, || None);
        InOrder { early, turn: 0 }
    }

    /// Files run `k`.
    fn put(&mut self, k: usize, done: Vec<R>) {
        if let Some(slot) = self.early.get_mut(k) {
            *slot = Some(done);
        }
    }

    /// The runs now due, in order, with their indices.
    fn due(&mut self) -> impl Iterator<Item = (usize, Vec<R>)> + '_ {
        std::iter::from_fn(move || {
            let done = self.early.get_mut(self.turn)?.take()?;
            self.turn += 1;
            Some((self.turn - 1, done))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_texts_in_order() {
        let long = "x".repeat(RUN_BYTES);
        let texts = ["a", long.as_str(), "", "b", long.as_str(), "c"];
        let runs = runs(&texts);
        assert_eq!(runs, [0..2, 2..5, 5..6]);
        assert!(super::runs(&[]).is_empty());
        let empties = vec![""; 3 * RUN_BYTES / TEXT_OVERHEAD];
        assert_eq!(super::runs(&empties).len(), 3);
    }

    #[test]
    fn hands_runs_on_in_order() {
        let mut in_order = InOrder::new(3);
        in_order.put(1, vec!['b']);
        assert_eq!(in_order.due().count(), 0);
        in_order.put(0, vec!['a']);
        in_order.put(2, vec!['c']);
        let due: Vec<(usize, Vec<char>)> = in_order.due().collect();
        assert_eq!(due, [(0, vec!['a']), (1, vec!['b']), (2, vec!['c'])]);
    }
}
