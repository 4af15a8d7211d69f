//! Extracts entity mentions and numeric claims from text files, HTML pages and feeds,
//! and prints one JSON object per document (JSON Lines) on standard output.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [FILE ...]
//! ```
//!
//! With no FILE, or `-`, it reads standard input. Run with `--help` for the options.
//!
//! Bad input never stops the run: a file that cannot be read, is not UTF-8 or is a
//! malformed feed gets a one-line message on standard error naming it, the other files
//! are still processed, and the exit status is 1. The items of a feed read before a
//! malformed part are kept. An empty file gets a warning and one empty document (so that
//! every file read has its line). A bad option or a bad gazetteer stops the run before
//! any output, with exit status 2.
//!
//! Files, and the lines of `--input jsonl`, are processed on all cores (`--jobs`): in
//! batches, each batch's documents in parallel, and printed in input order before the
//! next batch is read, so that memory stays bounded on an endless stream.

use std::ffi::{OsStr, OsString};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use claimscan::input::{Decoded, Format, Lossy, documents};
use claimscan::{Date, Document, Error, Extractor, Gazetteer, Input, Scratch, Span};
use rayon::prelude::*;

const USAGE: &str = "\
usage: extract [OPTIONS] [FILE ...]

Prints the sentences, entity mentions and numeric claims of each document as one JSON
object per line. With no FILE, or -, reads standard input.

options:
  --gazetteer PATH         also load this TSV file, or every *.tsv in this directory
                           (repeatable)
  --no-builtin             do not load the built-in gazetteers
  --any-case               let aliases written with capitals match text in any case
                           (`iran` for Iran; by default such an alias needs capitals
                           in the text, so that `the hill` is not The Hill)
  --input auto|text|html|rss|jsonl
                           how to decode the input (default: auto, by content);
                           jsonl: standard input (or each FILE) holds one document a
                           line, {\"id\": ..., \"text\": ...}, plain text, and `source` is
                           the id; output lines follow input lines
  --jobs N                 documents processed in parallel (default: all cores; 1:
                           one at a time)
  --reference-date YYYY-MM-DD
                           resolve relative dates against this date (default: a feed
                           item's own publication date, else none)
  --lossy                  read invalid UTF-8 as U+FFFD and go on (offsets still point
                           into the original bytes); by default such a file is an error
  -h, --help               print this help

Each file that cannot be read, is not UTF-8 or is a malformed feed gets a message on
standard error; the others are still processed. An empty file gets a warning and an
empty document. Exit status: 0 if every file was read, 1 if any failed, 2 for a bad
option or gazetteer (before any output).
";

struct Options {
    gazetteers: Vec<PathBuf>,
    builtin: bool,
    any_case: bool,
    format: Format,
    /// `--input jsonl`: one `{"id", "text"}` document a line.
    jsonl: bool,
    jobs: usize,
    reference: Option<Date>,
    lossy: bool,
    /// File names as given (not necessarily UTF-8).
    files: Vec<OsString>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        gazetteers: Vec::new(),
        builtin: true,
        any_case: false,
        format: Format::Auto,
        jsonl: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        reference: None,
        lossy: false,
        files: Vec::new(),
    };
    let mut args = std::env::args_os().skip(1);
    let mut only_files = false;
    while let Some(os_arg) = args.next() {
        let is_option = os_arg.as_encoded_bytes().starts_with(b"-") && os_arg != "-";
        if only_files || !is_option {
            o.files.push(os_arg);
            continue;
        }
        let arg = os_arg
            .into_string()
            .map_err(|a| format!("unknown option `{}`", a.to_string_lossy()))?;
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value_os = |what: &str| -> Result<OsString, String> {
            inline
                .clone()
                .map(OsString::from)
                .or_else(|| args.next())
                .ok_or_else(|| format!("{what} needs a value"))
        };
        let mut value = |what: &str| -> Result<String, String> {
            value_os(what)?
                .into_string()
                .map_err(|v| format!("{what}: bad value `{}`", v.to_string_lossy()))
        };
        match name.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "--no-builtin" => o.builtin = false,
            "--any-case" => o.any_case = true,
            "--lossy" => o.lossy = true,
            "--gazetteer" => o.gazetteers.push(PathBuf::from(value_os("--gazetteer")?)),
            "--input" => {
                let v = value("--input")?;
                if v == "jsonl" {
                    o.jsonl = true;
                } else {
                    o.format = Format::parse(&v).ok_or_else(|| {
                        format!("--input: unknown format `{v}` (auto, text, html, rss or jsonl)")
                    })?;
                }
            }
            "--jobs" => {
                let v = value("--jobs")?;
                o.jobs = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--jobs: `{v}` is not a number of 1 or more"))?;
            }
            "--reference-date" => {
                let v = value("--reference-date")?;
                o.reference =
                    Some(Date::parse_ymd(&v).map_err(|e| format!("--reference-date: {e}"))?);
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if o.files.is_empty() {
        o.files.push("-".into());
    }
    Ok(Some(o))
}

fn main() -> ExitCode {
    match try_main() {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("extract: {msg}");
            ExitCode::from(2)
        }
    }
}

fn try_main() -> Result<ExitCode, String> {
    let Some(opts) = parse_args().map_err(|e| format!("{e}\n\n{USAGE}"))? else {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let mut builder = Extractor::builder();
    builder
        .builtin(opts.builtin)
        .require_capital(!opts.any_case);
    for path in &opts.gazetteers {
        builder.gazetteer(Gazetteer::from_path(path).map_err(|e| e.to_string())?);
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(|e| format!("--jobs: {e}"))?;
    let run = Run {
        extractor: &extractor,
        opts: &opts,
        pool: &pool,
    };

    // Batches go from here to a writer thread, which prints them while the next batch
    // is read and extracted.
    let (failed_input, written) = std::thread::scope(|s| {
        let (tx, rx) = mpsc::sync_channel::<Vec<Done>>(2);
        let writer = s.spawn(move || write_batches(rx));
        let failed = if opts.jsonl {
            run.jsonl(&tx)
        } else {
            run.files(&tx)
        };
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        (failed, written)
    });
    let failed_output = match written {
        Ok(failed) => failed,
        Err(e) => return stdout_error(e),
    };
    Ok(if failed_input || failed_output {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the batches as they come, in order; true if any document failed.
fn write_batches(rx: mpsc::Receiver<Vec<Done>>) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    for done in rx {
        failed |= write_done(&mut out, done)?;
    }
    out.flush()?;
    Ok(failed)
}

/// What a worker hands back for one file or line: its JSON lines, the messages to print
/// on standard error (each names the file or line), and whether it failed.
#[derive(Default)]
struct Done {
    json: Vec<u8>,
    messages: Vec<String>,
    failed: bool,
}

impl Done {
    /// Adds `other`, which comes after this in the output.
    fn append(&mut self, mut other: Done) {
        self.json.append(&mut other.json);
        self.messages.append(&mut other.messages);
        self.failed |= other.failed;
    }

    fn error(&mut self, msg: String) {
        self.messages.push(msg);
        self.failed = true;
    }

    fn warning(&mut self, msg: String) {
        self.messages.push(msg);
    }
}

/// Documents are read and extracted on `pool`, a batch at a time; each batch is
/// printed in input order before the next one is read.
struct Run<'r> {
    extractor: &'r Extractor,
    opts: &'r Options,
    pool: &'r rayon::ThreadPool,
}

/// At most this many bytes of input lines in one batch (and at least one line); about
/// this many bytes of text in a batch of a large file's documents.
const BATCH_BYTES: usize = 2 << 20;

/// A batch of small files ends at this many bytes of input or this many files.
const BATCH_FILE_BYTES: u64 = 8 << 20;
const BATCH_FILES: usize = 4096;

/// Files from this size on (and standard input) are streamed: their documents (a feed's
/// items) are extracted in parallel batches and printed batch by batch, so that memory
/// holds one batch's results, not the results of the whole file (see [`read`] for the
/// file's own bytes).
const LARGE_FILE: u64 = 8 << 20;

impl Run<'_> {
    /// Every file (or standard input), each one document or a feed's items, sent to `out`
    /// in batches. Returns false: a file's failure is reported with its batch.
    fn files(&self, out: &mpsc::SyncSender<Vec<Done>>) -> bool {
        // Small files go in batches of many, balanced over the threads by work stealing,
        // so that the wait for the slowest file at the end of a batch is short beside the
        // batch; a large file is streamed on its own.
        let mut small: Vec<&OsStr> = Vec::new();
        let mut small_bytes = 0;
        let flush = |small: &mut Vec<&OsStr>| {
            let done = self.map(small, |scratch, path| {
                let mut done = Done::default();
                self.file(
                    path,
                    usize::MAX,
                    &mut |name, docs| self.extract(scratch, name, docs),
                    &mut |d| {
                        done.append(d);
                        true
                    },
                );
                done
            });
            small.clear();
            out.send(done).is_ok()
        };
        for path in &self.opts.files {
            let size = if path == "-" {
                None
            } else {
                // A file that cannot be read is reported with its batch.
                Some(std::fs::metadata(path).map_or(0, |m| m.len()))
            };
            if let Some(size) = size.filter(|&n| n < LARGE_FILE) {
                small.push(path);
                small_bytes += size;
                if small_bytes < BATCH_FILE_BYTES && small.len() < BATCH_FILES {
                    continue;
                }
                small_bytes = 0;
                if flush(&mut small) {
                    continue;
                }
                return false;
            }
            small_bytes = 0;
            if !small.is_empty() && !flush(&mut small) {
                return false;
            }
            let mut sent = true;
            self.file(
                path,
                BATCH_BYTES,
                &mut |name, docs| {
                    let parts = self.map(docs, |scratch, d| Done {
                        json: self.extract(scratch, name, std::slice::from_ref(d)),
                        ..Done::default()
                    });
                    let mut json = Vec::with_capacity(parts.iter().map(|d| d.json.len()).sum());
                    for d in parts {
                        json.extend_from_slice(&d.json);
                    }
                    json
                },
                &mut |d| {
                    sent = out.send(vec![d]).is_ok();
                    sent
                },
            );
            if !sent {
                return false;
            }
        }
        if !small.is_empty() {
            flush(&mut small);
        }
        false
    }

    /// Reads and decodes `path`, hands its documents to `extract` in batches of at least
    /// `batch_bytes` of text (the last one smaller), in order, and each batch's output,
    /// with the file's messages, to `emit`, which returns false to stop.
    fn file(
        &self,
        path: &OsStr,
        batch_bytes: usize,
        extract: &mut dyn FnMut(&str, &[Decoded<'_>]) -> Vec<u8>,
        emit: &mut dyn FnMut(Done) -> bool,
    ) {
        let mut done = Done::default();
        let name = path.to_string_lossy();
        let file: &str = &name;
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                done.error(format!("{file}: cannot read: {e}"));
                emit(done);
                return;
            }
        };
        if bytes.is_empty() {
            done.warning(format!("{file}: warning: empty file"));
            let mut doc = Document::default();
            doc.source = Some(file.to_string());
            push_json(&mut done.json, &doc);
            emit(done);
            return;
        }
        let lossy = self.opts.lossy.then(|| Lossy::new(&bytes));
        if let Some(at) = lossy.as_ref().and_then(Lossy::first_invalid) {
            let count = lossy.as_ref().map_or(0, Lossy::invalid_count);
            done.warning(format!(
                "{file}: warning: {count} invalid UTF-8 sequence(s) replaced by U+FFFD, \
                 the first at byte offset {at}"
            ));
        }
        // Documents are decoded one at a time; a feed's items are printed in order, and
        // those before a malformed part are kept.
        let docs: Box<dyn Iterator<Item = Result<Decoded<'_>, Error>>> = match &lossy {
            Some(lossy) => Box::new(lossy.documents(self.opts.format)),
            None => Box::new(documents(&bytes, self.opts.format)),
        };
        // Checking the text read every page of a mapped file; the parser reads them again
        // as it goes.
        bytes.release_before(bytes.len());
        let mut batch = Vec::new();
        let mut size = 0;
        let mut count = 0;
        for d in docs {
            match d {
                Ok(d) => {
                    size += d.text.len();
                    batch.push(d);
                    count += 1;
                    if size >= batch_bytes {
                        done.json = extract(file, &batch);
                        // The pages of a mapped file before the batch's last document
                        // are read no more: let them go.
                        if let Some(d) = batch.last() {
                            let len = d.text.len();
                            bytes.release_before(d.offsets.to_original(Span::new(len, len)).start);
                        }
                        batch.clear();
                        size = 0;
                        if !emit(std::mem::take(&mut done)) {
                            return;
                        }
                    }
                }
                Err(e) => {
                    done.error(decoding_error(file, &e, count));
                    break;
                }
            }
        }
        if !batch.is_empty() {
            done.json = extract(file, &batch);
        }
        if count == 0 && !done.failed {
            done.warning(format!("{file}: warning: a feed with no items"));
        }
        emit(done);
    }

    /// The JSON lines of `docs`, documents of the file `name`, extracted here.
    fn extract(&self, scratch: &mut Scratch, name: &str, docs: &[Decoded<'_>]) -> Vec<u8> {
        let mut json = Vec::new();
        for d in docs {
            let mut doc = self
                .extractor
                .extract_with(scratch, d.input(self.opts.reference));
            doc.source = Some(name.to_string());
            doc.item = d.item;
            doc.published = d.published;
            push_json(&mut json, &doc);
        }
        json
    }

    /// `{"id", "text"}` lines of each file (or standard input), read in batches and sent
    /// to `out`. True if a file could not be read.
    fn jsonl(&self, out: &mpsc::SyncSender<Vec<Done>>) -> bool {
        let mut failed = false;
        for file in &self.opts.files {
            let reader: Box<dyn BufRead> = if file == "-" {
                Box::new(io::stdin().lock())
            } else {
                match std::fs::File::open(file) {
                    Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
                    Err(e) => {
                        eprintln!("extract: {}: cannot read: {e}", file.to_string_lossy());
                        failed = true;
                        continue;
                    }
                }
            };
            let name = if file == "-" {
                "<stdin>".into()
            } else {
                file.to_string_lossy()
            };
            let mut lines = reader.split(b'\n');
            let mut number = 0usize;
            loop {
                // A batch: whole lines, up to BATCH_BYTES.
                let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
                let mut size = 0;
                while size < BATCH_BYTES {
                    match lines.next() {
                        Some(Ok(line)) => {
                            number += 1;
                            size += line.len();
                            batch.push((number, line));
                        }
                        Some(Err(e)) => {
                            eprintln!("extract: {name}: line {}: {e}", number + 1);
                            failed = true;
                            break;
                        }
                        None => break,
                    }
                }
                if batch.is_empty() {
                    break;
                }
                let done = self.map(&batch, |scratch, (n, line)| {
                    self.line(scratch, &name, *n, line)
                });
                if out.send(done).is_err() {
                    return failed;
                }
                if size < BATCH_BYTES {
                    break;
                }
            }
        }
        failed
    }

    fn line(&self, scratch: &mut Scratch, name: &str, number: usize, line: &[u8]) -> Done {
        let mut done = Done::default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return done;
        }
        let record: JsonlRecord = match serde_json::from_slice(line) {
            Ok(r) => r,
            Err(e) => {
                done.error(format!(
                    "{name}: line {number}: not a {{\"id\", \"text\"}} object: {e}"
                ));
                return done;
            }
        };
        let id = match record.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                done.error(format!(
                    "{name}: line {number}: \"id\" is not a string or a number"
                ));
                return done;
            }
        };
        let input = Input::new(&record.text).reference_date(self.opts.reference);
        let mut doc = self.extractor.extract_with(scratch, input);
        doc.source = Some(id);
        push_json(&mut done.json, &doc);
        done
    }

    /// `f` over `items` on the pool (in order), or here with one job.
    fn map<T: Sync>(&self, items: &[T], f: impl Fn(&mut Scratch, &T) -> Done + Sync) -> Vec<Done> {
        if self.opts.jobs == 1 {
            let mut scratch = Scratch::new();
            return items.iter().map(|x| f(&mut scratch, x)).collect();
        }
        self.pool
            .install(|| items.par_iter().map_init(Scratch::new, &f).collect())
    }
}

#[derive(serde::Deserialize)]
struct JsonlRecord {
    id: serde_json::Value,
    text: String,
}

/// Appends the document's line of JSON Lines to `buf`.
fn push_json(buf: &mut Vec<u8>, doc: &Document<'_>) {
    doc.write_json(buf);
    buf.push(b'\n');
}

/// Prints a batch in order; true if any of it failed.
fn write_done(out: &mut impl Write, done: Vec<Done>) -> io::Result<bool> {
    let mut failed = false;
    for d in done {
        for m in &d.messages {
            eprintln!("extract: {m}");
        }
        failed |= d.failed;
        out.write_all(&d.json)?;
    }
    Ok(failed)
}

/// The message for a decoding error of `file`, after `count` documents of it were read.
fn decoding_error(file: &str, e: &Error, count: usize) -> String {
    let place = match e.line() {
        Some(line) => format!("{file}:{line}"),
        None => file.to_string(),
    };
    let mut msg = format!("{place}: {}", e.kind());
    if matches!(e.kind(), claimscan::ErrorKind::InvalidUtf8 { .. }) {
        msg.push_str(" (--lossy reads it with U+FFFD in place of bad bytes)");
    }
    if count > 0 {
        msg.push_str(&format!("; the {count} item(s) before it were kept"));
    }
    msg
}

/// The bytes of a file: read into memory, or, for a large file, mapped.
enum Bytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

impl Bytes {
    /// Lets the pages of a mapped file that end at or before `at` go from memory (they
    /// are read again from the file if touched again).
    fn release_before(&self, at: usize) {
        if let Bytes::Mapped(m) = self {
            let end = at.min(m.len()) & !(PAGE - 1);
            if end > 0 {
                // SAFETY: the map is a private read-only mapping of a file: dropped pages
                // read back the same bytes from the file.
                #[allow(unsafe_code)]
                let _ =
                    unsafe { m.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, 0, end) };
            }
        }
    }
}

/// A size that divides the page size of the machines this runs on.
const PAGE: usize = 4096;

/// Reads `file` (`-`: standard input). A large regular file is mapped instead, so that
/// its pages are read as the documents reach them and stay reclaimable page cache, not
/// memory of the process: a feed of a gigabyte costs one batch of results.
fn read(file: &OsStr) -> io::Result<Bytes> {
    if file == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        return Ok(Bytes::Read(bytes));
    }
    let meta = std::fs::metadata(file)?;
    if meta.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    if meta.is_file() && meta.len() >= LARGE_FILE {
        let f = std::fs::File::open(file)?;
        // SAFETY: the map is read-only and private. Were another process to truncate or
        // rewrite the file while it is read, the output could be wrong or the process
        // stopped by SIGBUS; that is the contract of every tool that maps its input
        // (grep, ripgrep), accepted here for large files only.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(&f)? };
        return Ok(Bytes::Mapped(map));
    }
    Ok(Bytes::Read(std::fs::read(file)?))
}

fn stdout_error(e: io::Error) -> Result<ExitCode, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("writing output: {e}"))
    }
}
