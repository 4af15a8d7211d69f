//! Extracts entity mentions and numeric claims from text files, HTML pages and feeds,
//! and prints one JSON object per document (JSON Lines) on standard output.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [FILE ...]
//! ```
//!
//! With no FILE, or `-`, it reads standard input. Run with `--help` for the options.
//!
//! Files, and the lines of `--input jsonl`, are processed on all cores (`--jobs`): in
//! batches, each batch's documents in parallel, and printed in input order before the
//! next batch is read, so that memory stays bounded on an endless stream.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use claimscan::input::{Format, documents};
use claimscan::{Date, Extractor, Gazetteer, Input, Scratch};
use rayon::prelude::*;

const USAGE: &str = "\
usage: extract [OPTIONS] [FILE ...]

Prints the sentences, entity mentions and numeric claims of each document as one JSON
object per line. With no FILE, or -, reads standard input.

options:
  --gazetteer PATH         also load this TSV file, or every *.tsv in this directory
                           (repeatable)
  --no-builtin             do not load the built-in gazetteers
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
  -h, --help               print this help
";

struct Options {
    gazetteers: Vec<PathBuf>,
    builtin: bool,
    format: Format,
    /// `--input jsonl`: one `{"id", "text"}` document a line.
    jsonl: bool,
    jobs: usize,
    reference: Option<Date>,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        gazetteers: Vec::new(),
        builtin: true,
        format: Format::Auto,
        jsonl: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        reference: None,
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            o.files.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{what} needs a value"))
        };
        match name.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "--no-builtin" => o.builtin = false,
            "--gazetteer" => o.gazetteers.push(PathBuf::from(value("--gazetteer")?)),
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
    builder.builtin(opts.builtin);
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

/// What a worker hands back for one file or line: its JSON lines, and the messages to
/// print on standard error (each names the file or line).
#[derive(Default)]
struct Done {
    json: Vec<u8>,
    errors: Vec<String>,
}

/// Documents are read and extracted on `pool`, a batch at a time; each batch is
/// printed in input order before the next one is read.
struct Run<'r> {
    extractor: &'r Extractor,
    opts: &'r Options,
    pool: &'r rayon::ThreadPool,
}

/// At most this many bytes of input lines in one batch (and at least one line).
const BATCH_BYTES: usize = 2 << 20;

impl Run<'_> {
    /// Every file (or standard input), each one document or a feed's items, sent to `out`
    /// in batches. Returns false: a file's failure is reported with its batch.
    fn files(&self, out: &mpsc::SyncSender<Vec<Done>>) -> bool {
        // Batches of files: a few per thread, so that a long file does not leave the
        // others idle for long.
        for batch in self.opts.files.chunks(4 * self.opts.jobs) {
            let done = self.map(batch, |scratch, file| self.file(scratch, file));
            if out.send(done).is_err() {
                break;
            }
        }
        false
    }

    fn file(&self, scratch: &mut Scratch, file: &str) -> Done {
        let mut done = Done::default();
        let bytes = match read(file) {
            Ok(b) => b,
            Err(e) => {
                done.errors.push(format!("{file}: {e}"));
                return done;
            }
        };
        // A feed's items are printed in order, and those before a malformed part are kept.
        for d in documents(&bytes, self.opts.format) {
            let d = match d {
                Ok(d) => d,
                Err(e) => {
                    done.errors.push(format!("{file}: {e}"));
                    break;
                }
            };
            let mut doc = self
                .extractor
                .extract_with(scratch, d.input(self.opts.reference));
            doc.source = Some(file.to_string());
            doc.item = d.item;
            doc.published = d.published;
            push_json(&mut done.json, &doc);
        }
        done
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
                        eprintln!("extract: {file}: {e}");
                        failed = true;
                        continue;
                    }
                }
            };
            let name = if file == "-" {
                "<stdin>"
            } else {
                file.as_str()
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
                    self.line(scratch, name, *n, line)
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
                done.errors.push(format!(
                    "{name}: line {number}: not a {{\"id\", \"text\"}} object: {e}"
                ));
                return done;
            }
        };
        let id = match record.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                done.errors.push(format!(
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

fn push_json(buf: &mut Vec<u8>, doc: &claimscan::Document<'_>) {
    // Serialising into memory cannot fail (no I/O, string keys only).
    serde_json::to_writer(&mut *buf, doc).expect("a document serialises");
    buf.push(b'\n');
}

/// Prints a batch in order; true if any of it failed.
fn write_done(out: &mut impl Write, done: Vec<Done>) -> io::Result<bool> {
    let mut failed = false;
    for d in done {
        for e in &d.errors {
            eprintln!("extract: {e}");
        }
        failed |= !d.errors.is_empty();
        out.write_all(&d.json)?;
    }
    Ok(failed)
}

fn read(file: &str) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file == "-" {
        io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        let meta = std::fs::metadata(file)?;
        if meta.is_dir() {
            return Err(io::Error::other("is a directory"));
        }
        bytes = std::fs::read(file)?;
    }
    Ok(bytes)
}

fn stdout_error(e: io::Error) -> Result<ExitCode, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("writing output: {e}"))
    }
}
