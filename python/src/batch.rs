//! Running a function over many texts on several threads, results handed
//! on in input order.

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::text::{self, Texts};

/// About how many bytes of text a worker takes at a time: one message and
/// one wake-up of the calling thread a run, not a text (news comes a line
/// at a time), and a check for Ctrl-C every few milliseconds.
const RUN_BYTES: usize = 32 * 1024;

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

/// Cuts texts into runs of about [`RUN_BYTES`] as their lengths come.
#[derive(Default)]
struct Runs {
    runs: Vec<Range<usize>>,
    start: usize,
    bytes: usize,
}

impl Runs {
    /// Counts text `i`, of `len` bytes; the run it ends, if it ends one.
    fn add(&mut self, i: usize, len: usize) -> Option<Range<usize>> {
        self.bytes += len + TEXT_OVERHEAD;
        if self.bytes < RUN_BYTES {
            return None;
        }
        self.bytes = 0;
        let run = self.start..i + 1;
        self.start = i + 1;
        self.runs.push(run.clone());
        Some(run)
    }

    /// Ends the last run at `len` texts; the run, if it holds any.
    fn finish(&mut self, len: usize) -> Option<Range<usize>> {
        let run = self.start..len;
        self.start = len;
        if run.is_empty() {
            return None;
        }
        self.runs.push(run.clone());
        Some(run)
    }
}

/// Reads `texts` as UTF-8, applies `f` to every run of them (it returns one
/// result a text) and hands the results to `take` a run at a time, with the
/// UTF-8 of the run's texts, in the order of `texts`. (`f` takes a run
/// rather than a text so that it can keep buffers from one text to the
/// next.)
///
/// With one thread, each run is computed on the calling thread with the
/// GIL released, then taken. With more, `threads - 1` workers compute runs
/// without the GIL while the calling thread reads the next texts (Python
/// strings can only be read with the GIL), then takes finished runs as they
/// arrive, turning results into Python objects, and computes runs itself
/// while none has arrived: the parts that cannot run in parallel overlap
/// the part that can, and no more threads run than were asked for. Ctrl-C
/// (any pending signal) is honoured between runs; an error from it, from
/// reading a text or from `take` stops the workers and is returned.
pub(crate) fn run<'py, R, F, T>(
    py: Python<'py>,
    texts: &Texts<'py>,
    threads: usize,
    f: F,
    mut take: T,
) -> PyResult<()>
where
    R: Send,
    F: Fn(&[&str]) -> Vec<R> + Sync,
    T: FnMut(Vec<R>, &[Bound<'py, PyBytes>]) -> PyResult<()>,
{
    if threads <= 1 || texts.len() <= 1 {
        let utf8 = (0..texts.len())
            .map(|i| texts.utf8(i))
            .collect::<PyResult<Vec<_>>>()?;
        let strs = utf8
            .iter()
            .map(text::as_str)
            .collect::<PyResult<Vec<_>>>()?;
        let mut runs = Runs::default();
        for (i, s) in strs.iter().enumerate() {
            runs.add(i, s.len());
        }
        runs.finish(strs.len());
        for run in &runs.runs {
            let done = py.detach(|| f(strs.get(run.clone()).unwrap_or_default()));
            take(done, utf8.get(run.clone()).unwrap_or_default())?;
            py.check_signals()?;
        }
        return Ok(());
    }
    let stop = AtomicBool::new(false);
    let (send_job, receive_job) = mpsc::channel::<Job>();
    let receive_job = Mutex::new(receive_job);
    let (send, mut receive) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|scope| {
        // The calling thread works too, between reading texts and taking
        // results: one thread fewer is started.
        for _ in 1..threads {
            let send = send.clone();
            let (stop, f, receive_job) = (&stop, &f, &receive_job);
            let worker = move || {
                while !stop.load(Ordering::Relaxed) {
                    let job = receive_job
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let Ok((k, owned)) = job else { break };
                    if send.send((k, compute(f, &owned))).is_err() {
                        break;
                    }
                }
            };
            // A thread the system refuses leaves fewer workers, not an
            // error.
            if std::thread::Builder::new()
                .spawn_scoped(scope, worker)
                .is_err()
            {
                break;
            }
        }
        drop(send);
        let outcome = feed_and_take(
            py,
            texts,
            &f,
            send_job,
            &receive_job,
            &mut receive,
            &mut take,
        );
        stop.store(true, Ordering::Relaxed);
        // Workers still sending find the channel closed and stop.
        drop(receive);
        outcome
    })
}

/// The calling thread's part of [`run`] with workers: sends each run of
/// texts, read as UTF-8 and copied for the workers; then takes the results
/// in order as they come back, computing runs no worker has taken yet
/// while it has nothing to take.
fn feed_and_take<'py, R, F, T>(
    py: Python<'py>,
    texts: &Texts<'py>,
    f: &F,
    send_job: mpsc::Sender<Job>,
    jobs: &Mutex<mpsc::Receiver<Job>>,
    receive: &mut mpsc::Receiver<(usize, Vec<R>)>,
    take: &mut T,
) -> PyResult<()>
where
    R: Send,
    F: Fn(&[&str]) -> Vec<R> + Sync,
    T: FnMut(Vec<R>, &[Bound<'py, PyBytes>]) -> PyResult<()>,
{
    let mut utf8 = Vec::with_capacity(texts.len());
    let mut runs = Runs::default();
    let mut job = Vec::new();
    for i in 0..texts.len() {
        let bytes = texts.utf8(i)?;
        let s = text::as_str(&bytes)?;
        job.push(s.to_owned());
        let ended = runs.add(i, s.len());
        utf8.push(bytes);
        if ended.is_some() {
            // (The calling thread holds a receiver: the channel is open.)
            let _ = send_job.send((runs.runs.len() - 1, std::mem::take(&mut job)));
        }
    }
    if runs.finish(texts.len()).is_some() {
        let _ = send_job.send((runs.runs.len() - 1, job));
    }
    drop(send_job);
    let mut in_order = InOrder::new(runs.runs.len());
    let mut hand_on = |in_order: &mut InOrder<R>| {
        in_order.due().try_for_each(|(k, done)| {
            let run = runs.runs.get(k).cloned().unwrap_or_default();
            take(done, utf8.get(run).unwrap_or_default())?;
            // Let other Python threads in between runs: while the workers
            // keep ahead, the wait below never comes.
            py.detach(|| ());
            py.check_signals()
        })
    };
    loop {
        while let Ok((k, done)) = receive.try_recv() {
            in_order.put(k, done);
        }
        hand_on(&mut in_order)?;
        if in_order.is_done() {
            return Ok(());
        }
        let next = jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .try_recv();
        if let Ok((k, owned)) = next {
            let done = py.detach(|| compute(f, &owned));
            in_order.put(k, done);
            continue;
        }
        // Every run is taken: wait for the workers without the GIL (the
        // receiver goes with the wait).
        let waiting = std::mem::replace(receive, mpsc::channel().1);
        let (back, got) = py.detach(move || {
            let got = waiting.recv().ok();
            (waiting, got)
        });
        *receive = back;
        match got {
            Some((k, done)) => in_order.put(k, done),
            // (Every worker has stopped: a panic, which the scope passes on.)
            None => return Ok(()),
        }
    }
}

/// A run of texts for a worker: its index and its texts, copied.
type Job = (usize, Vec<String>);

/// `f` of a job's texts.
fn compute<R, F: Fn(&[&str]) -> Vec<R>>(f: &F, owned: &[String]) -> Vec<R> {
    let strs: Vec<&str> = owned.iter().map(String::as_str).collect();
    f(&strs)
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

    /// Whether every run has been handed on.
    fn is_done(&self) -> bool {
        self.turn == self.early.len()
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
        let lens = [1, RUN_BYTES, 0, 1, RUN_BYTES, 1];
        let mut runs = Runs::default();
        let ended: Vec<_> = lens
            .iter()
            .enumerate()
            .filter_map(|(i, &n)| runs.add(i, n))
            .collect();
        assert_eq!(ended, [0..2, 2..5]);
        assert_eq!(runs.finish(lens.len()), Some(5..6));
        assert_eq!(runs.runs, [0..2, 2..5, 5..6]);
        assert_eq!(Runs::default().finish(0), None);
        let mut empties = Runs::default();
        let n = 3 * RUN_BYTES / TEXT_OVERHEAD;
        let ended = (0..n).filter_map(|i| empties.add(i, 0)).count();
        assert_eq!(ended, 3);
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
