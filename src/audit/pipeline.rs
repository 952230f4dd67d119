//! The audit pipeline: one reader, N workers and one writer joined by bounded channels, with
//! a fixed number of batches in flight so memory stays flat however large the archive.
//!
//! The reader cuts its input into batches, each with a sequence number, and may only send a
//! batch when it holds a credit. The writer gives the credit back once the batch is written,
//! so at most `in_flight` batches exist at once: in the work queue, in a worker, in the done
//! queue or in the writer's reorder buffer. This bounds memory in ordered mode too, where one
//! slow batch holds up the ones behind it.

use super::summary::Tally;
use crate::analysis::Checked;
use crate::emit::json::ndjson_line;
use crate::report::{ArticleReport, Report};
use crate::source::InputError;
use crate::unreadable;
use crossbeam_channel::{bounded, unbounded, Receiver, RecvTimeoutError, Sender};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// One unit of work from the reader.
#[derive(Debug)]
pub enum Unit {
    /// A raw JSON Lines record, parsed by a worker.
    Record {
        source: Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    /// A whole file (Markdown or text), read and parsed by a worker.
    File { path: std::path::PathBuf },
    /// Input that could not be read: becomes an error object in the output.
    Unreadable(InputError),
}

/// What a worker makes of one unit. A checked article is kept whole, so that its report can
/// borrow its text while it is serialised, rather than copy it.
pub enum Processed {
    /// An article that was read and checked.
    Checked(Checked),
    /// Input that could not be read: its report says why.
    Failed(ArticleReport),
}

/// Pipeline settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub jobs: usize,
    /// Write articles in input order (otherwise as they are finished).
    pub ordered: bool,
    /// Drop articles with no findings and no error.
    pub only_findings: bool,
    /// A batch is sent when it holds this many units...
    pub batch_units: usize,
    /// ...or this many bytes of input.
    pub batch_bytes: usize,
    /// Batches in flight at once, reorder buffer included.
    pub in_flight: usize,
}

impl Config {
    pub fn new(jobs: usize) -> Config {
        let jobs = jobs.max(1);
        Config {
            jobs,
            ordered: true,
            only_findings: false,
            batch_units: 256,
            batch_bytes: 256 * 1024,
            in_flight: 4 * jobs + 2,
        }
    }
}

/// Flags shared by every stage.
#[derive(Debug, Default)]
pub struct Control {
    /// Set by Ctrl-C or a closed output: the reader stops, the rest drains.
    pub stop: AtomicBool,
    /// Set by Ctrl-C.
    pub interrupted: AtomicBool,
    /// Batches the reader has sent, so the writer can tell when it has written them all.
    sent: AtomicU64,
}

impl Control {
    fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || super::interrupted()
    }
}

struct Batch {
    seq: u64,
    units: Vec<Unit>,
    input_bytes: u64,
}

struct Done {
    seq: u64,
    out: Vec<u8>,
    tally: Tally,
}

/// The reader's side: collects units into batches and sends them when a credit is free.
/// Methods take `&self` so that a reader adapter can flush a partial batch before it blocks
/// (see [`Feeder::flush`]); the state lives on the reader thread only.
pub struct Feeder {
    state: RefCell<Pending>,
    limits: (usize, usize),
    credits: Receiver<()>,
    work: Sender<Batch>,
    control: Arc<Control>,
}

struct Pending {
    units: Vec<Unit>,
    input_bytes: u64,
    seq: u64,
}

impl Feeder {
    /// Adds a unit that took `input_bytes` of input. Returns false when reading should stop
    /// (Ctrl-C, or the output was closed); the unit is then dropped.
    pub fn push(&self, unit: Unit, input_bytes: u64) -> bool {
        if self.control.stopping() {
            return false;
        }
        let full = {
            let mut pending = self.state.borrow_mut();
            pending.units.push(unit);
            pending.input_bytes += input_bytes;
            pending.units.len() >= self.limits.0 || pending.input_bytes >= self.limits.1 as u64
        };
        if full {
            return self.flush();
        }
        true
    }

    /// Whether reading should stop.
    pub fn stopping(&self) -> bool {
        self.control.stopping()
    }

    /// Sends the batch collected so far, even if it is not full. Called when a batch is full,
    /// at the end, and before a read from a slow stream (stdin) that may block, so that a
    /// trickle of records is not held back waiting for the batch to fill.
    pub fn flush(&self) -> bool {
        let mut pending = self.state.borrow_mut();
        if pending.units.is_empty() {
            return true;
        }
        // Blocks while `in_flight` batches are out: this is what keeps memory flat.
        if self.credits.recv().is_err() {
            return false;
        }
        let capacity = self.limits.0.min(64);
        let batch = Batch {
            seq: pending.seq,
            units: std::mem::replace(&mut pending.units, Vec::with_capacity(capacity)),
            input_bytes: std::mem::take(&mut pending.input_bytes),
        };
        pending.seq += 1;
        self.control.sent.fetch_add(1, Ordering::SeqCst);
        self.work.send(batch).is_ok()
    }
}

/// A buffered reader that flushes the feeder's partial batch before each read from the
/// stream beneath, which may block (stdin fed slowly, or never closed).
pub struct FlushBeforeRead<'a, R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    feeder: &'a Feeder,
}

impl<'a, R: io::Read> FlushBeforeRead<'a, R> {
    pub fn new(inner: R, feeder: &'a Feeder) -> Self {
        FlushBeforeRead {
            inner,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            filled: 0,
            feeder,
        }
    }
}

impl<R: io::Read> io::Read for FlushBeforeRead<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = io::BufRead::fill_buf(self)?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl<R: io::Read> io::BufRead for FlushBeforeRead<'_, R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.feeder.flush();
            self.filled = self.inner.read(&mut self.buf)?;
            self.pos = 0;
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.filled);
    }
}

/// What the writer sees of the output: every batch is written whole with one `write_all`,
/// so an interrupted run leaves only whole lines.
pub trait Sink: Write {}
impl<W: Write> Sink for W {}

/// Called by the writer after each batch is written, with the running tally.
pub type OnBatch<'a> = &'a mut dyn FnMut(&Tally);

/// How the pipeline ended.
pub struct Outcome {
    pub tally: Tally,
    pub broken_pipe: bool,
    pub interrupted: bool,
}

/// Runs the pipeline: `read` feeds units on a reader thread, `process` checks each unit on
/// `config.jobs` worker threads, and this thread writes the NDJSON to `sink` (in order, or
/// as finished) and calls `on_batch` after each batch. Returns the tally of what was written.
pub fn run<R, P>(
    config: &Config,
    read: R,
    process: P,
    sink: &mut dyn Sink,
    on_batch: OnBatch<'_>,
) -> io::Result<Outcome>
where
    R: FnOnce(&Feeder) + Send + 'static,
    P: Fn(Unit) -> Processed + Send + Sync + 'static,
{
    let control = Arc::new(Control::default());
    let in_flight = config.in_flight.max(1);
    let (credit_tx, credit_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        credit_tx.send(()).expect("credits fit the channel");
    }
    let (work_tx, work_rx) = bounded::<Batch>(in_flight);
    let (done_tx, done_rx) = bounded::<Done>(in_flight);
    // Output buffers go back to the workers, so steady state allocates no new ones.
    let (spare_tx, spare_rx) = unbounded::<Vec<u8>>();

    let feeder = Feeder {
        state: RefCell::new(Pending {
            units: Vec::with_capacity(config.batch_units.min(64)),
            input_bytes: 0,
            seq: 0,
        }),
        limits: (config.batch_units.max(1), config.batch_bytes.max(1)),
        credits: credit_rx,
        work: work_tx,
        control: Arc::clone(&control),
    };
    let reader = thread::Builder::new()
        .name("audit-reader".into())
        .spawn(move || {
            read(&feeder);
            feeder.flush();
        })?;
    let workers = spawn_workers(config, process, work_rx, done_tx, spare_rx)?;

    let mut writer = Writer {
        ordered: config.ordered,
        control,
        credits: credit_tx,
        spare: spare_tx,
        outcome: Outcome {
            tally: Tally::default(),
            broken_pipe: false,
            interrupted: false,
        },
        written_batches: 0,
        pending: BTreeMap::new(),
        next_seq: 0,
        write_error: None,
    };
    writer.write_all(&done_rx, sink, on_batch);
    writer.finish(sink, reader, workers)
}

/// Starts `config.jobs` workers: each takes a batch, checks it into a spare output buffer and
/// passes it on to the writer.
fn spawn_workers<P>(
    config: &Config,
    process: P,
    work: Receiver<Batch>,
    done: Sender<Done>,
    spare: Receiver<Vec<u8>>,
) -> io::Result<Vec<JoinHandle<()>>>
where
    P: Fn(Unit) -> Processed + Send + Sync + 'static,
{
    let process = Arc::new(process);
    let mut workers = Vec::with_capacity(config.jobs);
    for i in 0..config.jobs.max(1) {
        let (work, done, spare) = (work.clone(), done.clone(), spare.clone());
        let process = Arc::clone(&process);
        let only_findings = config.only_findings;
        workers.push(
            thread::Builder::new()
                .name(format!("audit-worker-{i}"))
                .spawn(move || {
                    for batch in work {
                        let out = spare.try_recv().unwrap_or_default();
                        let checked = check_batch(batch, out, &*process, only_findings);
                        if done.send(checked).is_err() {
                            return;
                        }
                    }
                })?,
        );
    }
    Ok(workers)
}

/// The writer's state: batches waiting for their turn, and what has been written.
struct Writer {
    ordered: bool,
    control: Arc<Control>,
    /// Handed back to the reader once a batch is written.
    credits: Sender<()>,
    /// Written buffers, handed back to the workers.
    spare: Sender<Vec<u8>>,
    outcome: Outcome,
    written_batches: u64,
    /// Finished batches ahead of `next_seq` (ordered mode).
    pending: BTreeMap<u64, Done>,
    next_seq: u64,
    write_error: Option<io::Error>,
}

impl Writer {
    /// Writes batches as the workers finish them, until every worker is done (or, after
    /// Ctrl-C, until nothing more is coming).
    fn write_all(&mut self, done: &Receiver<Done>, sink: &mut dyn Sink, on_batch: OnBatch<'_>) {
        let mut idle_ticks = 0;
        loop {
            let batch = match done.recv_timeout(Duration::from_millis(100)) {
                Ok(batch) => batch,
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    idle_ticks = if self.drained() { idle_ticks + 1 } else { 0 };
                    if idle_ticks >= 3 {
                        break;
                    }
                    continue;
                }
            };
            idle_ticks = 0;
            for ready in self.ready(batch) {
                self.write(ready, sink, on_batch);
            }
        }
    }

    /// After Ctrl-C the reader may be blocked reading stdin: once every batch it sent is
    /// written, there is nothing left to wait for.
    fn drained(&self) -> bool {
        self.control.stopping()
            && self.written_batches == self.control.sent.load(Ordering::SeqCst)
            && self.pending.is_empty()
    }

    /// The batches that may be written now that `done` has arrived: in input order, or as
    /// they come.
    fn ready(&mut self, done: Done) -> Vec<Done> {
        if !self.ordered {
            return vec![done];
        }
        self.pending.insert(done.seq, done);
        let mut ready = Vec::new();
        while let Some(done) = self.pending.remove(&self.next_seq) {
            self.next_seq += 1;
            ready.push(done);
        }
        ready
    }

    /// Writes one batch whole (unless the output has already failed), then hands back its
    /// credit and its buffer.
    fn write(&mut self, mut done: Done, sink: &mut dyn Sink, on_batch: OnBatch<'_>) {
        self.written_batches += 1;
        if !self.outcome.broken_pipe && self.write_error.is_none() {
            match sink.write_all(&done.out) {
                Ok(()) => {
                    self.outcome.tally.merge(std::mem::take(&mut done.tally));
                    on_batch(&self.outcome.tally);
                }
                Err(e) => {
                    self.failed(e);
                    self.control.stop.store(true, Ordering::SeqCst);
                }
            }
        }
        // The reader may have finished: then nobody needs the credit.
        let _ = self.credits.send(());
        let mut out = std::mem::take(&mut done.out);
        if out.capacity() <= 4 << 20 {
            out.clear();
            let _ = self.spare.send(out);
        }
    }

    /// Records a failed write: a closed pipe ends the run quietly, anything else is an error.
    fn failed(&mut self, e: io::Error) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            self.outcome.broken_pipe = true;
        } else {
            self.write_error = Some(e);
        }
    }

    /// Flushes the output and waits for the other threads, unless Ctrl-C was pressed: the
    /// reader may then still be blocked on stdin, and it and the workers waiting on it end
    /// with the process rather than hang here.
    fn finish(
        mut self,
        sink: &mut dyn Sink,
        reader: JoinHandle<()>,
        workers: Vec<JoinHandle<()>>,
    ) -> io::Result<Outcome> {
        self.outcome.interrupted = super::interrupted();
        if !self.outcome.broken_pipe && self.write_error.is_none() {
            if let Err(e) = sink.flush() {
                self.failed(e);
            }
        }
        if !self.outcome.interrupted {
            let _ = reader.join();
            for worker in workers {
                let _ = worker.join();
            }
        }
        match self.write_error {
            Some(e) => Err(e),
            None => Ok(self.outcome),
        }
    }
}

/// Checks `units` as a worker checks one batch and returns their NDJSON lines in order,
/// error lines included (a panic becomes its unit's error line): for a caller that makes its
/// own batches and threads, such as the Python package's `check_many` and Spark jobs.
pub fn check_units<P>(units: Vec<Unit>, process: &P) -> Vec<u8>
where
    P: Fn(Unit) -> Processed,
{
    let input_bytes = units
        .iter()
        .map(|u| match u {
            Unit::Record { bytes, .. } => bytes.len() as u64,
            _ => 0,
        })
        .sum();
    let batch = Batch {
        seq: 0,
        units,
        input_bytes,
    };
    check_batch(batch, Vec::new(), process, false).out
}

/// Checks every unit of a batch and serialises the reports into `out`, one line each.
fn check_batch<P>(batch: Batch, mut out: Vec<u8>, process: &P, only_findings: bool) -> Done
where
    P: Fn(Unit) -> Processed,
{
    let mut tally = Tally {
        input_bytes: batch.input_bytes,
        ..Tally::default()
    };
    // A report line runs to about 1.3 times its input on newswire: room for the batch up
    // front, rather than a buffer copied again and again as it grows.
    let input = usize::try_from(batch.input_bytes).unwrap_or(0);
    out.reserve(input.saturating_add(input / 2));
    for unit in batch.units {
        // A fallback report is made only if checking panics; keep what it needs up front.
        let fallback = FallbackInfo::of(&unit);
        // Checking, reporting and serialising are all guarded: a panic in any of them leaves
        // only this unit's error line.
        let start = out.len();
        let outcome = catch_unwind(AssertUnwindSafe(|| match process(unit) {
            Processed::Checked(checked) => write_line(
                &mut out,
                &mut tally,
                &Report::of(&checked, false),
                checked.doc.body.len(),
                only_findings,
            ),
            Processed::Failed(report) => {
                write_line(&mut out, &mut tally, &report, 0, only_findings)
            }
        }));
        if let Err(panic) = outcome {
            out.truncate(start);
            let report = fallback.report(&unreadable::panic_message(&*panic));
            write_line(&mut out, &mut tally, &report, 0, only_findings);
        }
    }
    Done {
        seq: batch.seq,
        out,
        tally,
    }
}

/// Appends an article's NDJSON line to `out` (unless `only_findings` leaves it out) and counts
/// it in `tally`; `body_bytes` is the length of the text it checked.
fn write_line(
    out: &mut Vec<u8>,
    tally: &mut Tally,
    report: &Report<'_>,
    body_bytes: usize,
    only_findings: bool,
) {
    let keep = !only_findings || !report.findings.is_empty() || report.error.is_some();
    if !keep {
        tally.record(report, body_bytes, false);
        return;
    }
    let start = out.len();
    match ndjson_line(out, report) {
        Ok(()) => tally.record(report, body_bytes, true),
        Err(e) => {
            out.truncate(start);
            let failed = unreadable::internal_error(
                Some(report.id.clone()),
                &report.source,
                report.line,
                &format!("could not serialise the report: {e}"),
            );
            if ndjson_line(out, &failed).is_ok() {
                tally.record(&failed, 0, true);
            } else {
                out.truncate(start);
            }
        }
    }
}

/// Enough of a unit to report it if checking it panics. Taken for every unit before it is
/// checked, so a record's source is shared, not copied.
enum FallbackInfo {
    Record(Arc<str>, usize),
    Other(Option<String>, String, Option<usize>),
}

impl FallbackInfo {
    fn of(unit: &Unit) -> FallbackInfo {
        match unit {
            Unit::Record { source, line, .. } => FallbackInfo::Record(Arc::clone(source), *line),
            Unit::File { path } => FallbackInfo::Other(None, path.display().to_string(), None),
            Unit::Unreadable(e) => {
                FallbackInfo::Other(e.id.clone(), e.path.clone(), (e.line > 0).then_some(e.line))
            }
        }
    }

    fn report(self, what: &str) -> ArticleReport {
        match self {
            FallbackInfo::Record(source, line) => {
                unreadable::internal_error(None, &source, Some(line), what)
            }
            FallbackInfo::Other(id, source, line) => {
                unreadable::internal_error(id, &source, line, what)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::finding::{Finding, Severity};
    use crate::span::Span;

    /// A stand-in for the real checker: records whose text contains "bad" are unreadable,
    /// "boom" panics, "flag" gets one finding; "slow" takes a while (to shuffle completion
    /// order).
    fn fake_process(unit: Unit) -> Processed {
        let Unit::Record {
            source,
            line,
            bytes,
        } = unit
        else {
            panic!("records only");
        };
        let text = String::from_utf8(bytes).unwrap();
        if text.contains("bad") {
            return Processed::Failed(ArticleReport::failed(
                format!("{source}:{line}"),
                source.to_string(),
                Some(line),
                "bad record".into(),
            ));
        }
        if text.contains("boom") {
            panic!("boom at {line}");
        }
        if text.contains("slow") {
            std::thread::sleep(Duration::from_millis(5));
        }
        let body = Span::new(0, text.len());
        let mut doc = Document::new(text.clone(), source.to_string(), text.clone(), body);
        doc.record_line = Some(line);
        let mut findings = Vec::new();
        if text.contains("flag") {
            findings.push(Finding {
                rule: "change-mismatch",
                severity: Severity::Error,
                span: Span::new(0, 1),
                message: "m".into(),
                claims: vec![],
                notes: vec![],
            });
        }
        Processed::Checked(Checked {
            doc,
            mentions: Vec::new(),
            claims: Vec::new(),
            findings,
            suppressed: Vec::new(),
        })
    }

    fn run_lines(config: &Config, lines: Vec<String>) -> (Vec<serde_json::Value>, Outcome) {
        let read = move |feeder: &Feeder| {
            let source: Arc<str> = Arc::from("t.jsonl");
            for (i, text) in lines.into_iter().enumerate() {
                let n = text.len() as u64 + 1;
                let unit = Unit::Record {
                    source: Arc::clone(&source),
                    line: i + 1,
                    bytes: text.into_bytes(),
                };
                if !feeder.push(unit, n) {
                    break;
                }
            }
        };
        let mut out = Vec::new();
        let mut batches = 0;
        let outcome = run(config, read, fake_process, &mut out, &mut |_| batches += 1).unwrap();
        assert!(batches > 0 || outcome.tally.lines_written == 0);
        let values = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, outcome)
    }

    fn small_batches(jobs: usize) -> Config {
        Config {
            batch_units: 3,
            in_flight: 2,
            ..Config::new(jobs)
        }
    }

    #[test]
    fn ordered_output_keeps_input_order_across_workers() {
        let lines: Vec<String> = (0..500)
            .map(|i| {
                if i % 7 == 0 {
                    format!("slow {i}")
                } else {
                    format!("a {i}")
                }
            })
            .collect();
        let (values, outcome) = run_lines(&small_batches(4), lines.clone());
        let ids: Vec<&str> = values.iter().map(|v| v["id"].as_str().unwrap()).collect();
        assert_eq!(ids, lines.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(outcome.tally.articles, 500);
        assert_eq!(outcome.tally.lines_written, 500);
        assert_eq!(
            outcome.tally.input_bytes,
            lines.iter().map(|l| l.len() as u64 + 1).sum::<u64>()
        );
    }

    #[test]
    fn unordered_output_has_every_article_once() {
        let lines: Vec<String> = (0..300).map(|i| format!("slow {i}")).collect();
        let config = Config {
            ordered: false,
            ..small_batches(3)
        };
        let (values, _) = run_lines(&config, lines.clone());
        let mut ids: Vec<String> = values
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        let mut expected = lines;
        expected.sort();
        assert_eq!(ids, expected);
    }

    #[test]
    fn bad_and_panicking_records_are_reported_and_the_run_goes_on() {
        let lines = vec![
            "a".to_string(),
            "bad".into(),
            "boom".into(),
            "flag".into(),
            "b".into(),
        ];
        let (values, outcome) = run_lines(&small_batches(2), lines);
        assert_eq!(values.len(), 5);
        assert_eq!(values[1]["error"], "bad record");
        assert_eq!(values[1]["line"], 2);
        assert!(values[2]["error"].as_str().unwrap().contains("boom at 3"));
        assert_eq!(values[2]["line"], 3);
        assert_eq!(values[4]["id"], "b");
        let t = &outcome.tally;
        assert_eq!(
            (t.articles, t.unreadable, t.articles_with_findings),
            (3, 2, 1)
        );
        assert_eq!(
            t.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![Some(2), Some(3)]
        );
        assert_eq!(t.by_rule["change-mismatch"].get(Severity::Error), 1);
    }

    #[test]
    fn only_findings_drops_quiet_articles_but_keeps_errors_and_counts_all() {
        let lines = vec!["a".to_string(), "flag 1".into(), "bad".into(), "c".into()];
        let config = Config {
            only_findings: true,
            ..small_batches(2)
        };
        let (values, outcome) = run_lines(&config, lines);
        let ids: Vec<&str> = values.iter().map(|v| v["id"].as_str().unwrap()).collect();
        assert_eq!(ids, vec!["flag 1", "t.jsonl:3"]);
        assert_eq!(outcome.tally.articles, 3);
        assert_eq!(outcome.tally.lines_written, 2);
    }

    #[test]
    fn empty_input_writes_nothing() {
        let (values, outcome) = run_lines(&Config::new(2), vec![]);
        assert!(values.is_empty());
        assert_eq!(outcome.tally, Tally::default());
    }

    /// A sink that accepts `limit` bytes and then reports a broken pipe.
    struct ClosingPipe {
        taken: Vec<u8>,
        limit: usize,
    }

    impl Write for ClosingPipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.taken.len() >= self.limit {
                return Err(io::Error::from(io::ErrorKind::BrokenPipe));
            }
            self.taken.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn broken_pipe_stops_the_reader_without_error() {
        let read = |feeder: &Feeder| {
            let source: Arc<str> = Arc::from("endless");
            for line in 1.. {
                let unit = Unit::Record {
                    source: Arc::clone(&source),
                    line,
                    bytes: b"x".to_vec(),
                };
                if !feeder.push(unit, 2) {
                    return;
                }
            }
        };
        let mut sink = ClosingPipe {
            taken: Vec::new(),
            limit: 1000,
        };
        let outcome = run(
            &small_batches(2),
            read,
            fake_process,
            &mut sink,
            &mut |_| {},
        )
        .unwrap();
        assert!(outcome.broken_pipe);
        // The tally counts only what was written.
        let lines = sink.taken.iter().filter(|&&b| b == b'\n').count() as u64;
        assert_eq!(outcome.tally.lines_written, lines);
    }
}
