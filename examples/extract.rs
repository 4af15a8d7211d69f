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

use std::ffi::{OsStr, OsString};
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimscan::input::{Format, Lossy, documents};
use claimscan::{Date, Document, Error, Extractor, Gazetteer};

const USAGE: &str = "\
usage: extract [OPTIONS] [FILE ...]

Prints the sentences, entity mentions and numeric claims of each document as one JSON
object per line. With no FILE, or -, reads standard input.

options:
  --gazetteer PATH         also load this TSV file, or every *.tsv in this directory
                           (repeatable)
  --no-builtin             do not load the built-in gazetteers
  --input auto|text|html|rss
                           how to decode the input (default: auto, by content)
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
    format: Format,
    reference: Option<Date>,
    lossy: bool,
    /// File names as given (not necessarily UTF-8).
    files: Vec<OsString>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        gazetteers: Vec::new(),
        builtin: true,
        format: Format::Auto,
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
            "--lossy" => o.lossy = true,
            "--gazetteer" => o.gazetteers.push(PathBuf::from(value_os("--gazetteer")?)),
            "--input" => {
                let v = value("--input")?;
                o.format = Format::parse(&v).ok_or_else(|| {
                    format!("--input: unknown format `{v}` (auto, text, html or rss)")
                })?;
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

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    for file in &opts.files {
        match run_file(&extractor, &opts, file, &mut out) {
            Ok(true) => {}
            Ok(false) => failed = true,
            Err(e) => return stdout_error(e),
        }
    }
    if let Err(e) = out.flush() {
        return stdout_error(e);
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts from one file and prints its documents. Problems with the file are reported
/// on standard error; returns whether the file was read without error, or an error
/// writing the output.
fn run_file(
    extractor: &Extractor,
    opts: &Options,
    path: &OsStr,
    out: &mut impl Write,
) -> io::Result<bool> {
    let name = path.to_string_lossy();
    let file: &str = &name;
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("extract: {file}: cannot read: {e}");
            return Ok(false);
        }
    };
    if bytes.is_empty() {
        eprintln!("extract: {file}: warning: empty file");
        let mut doc = Document::default();
        doc.source = Some(file.to_string());
        return write_doc(out, &doc).map(|()| true);
    }
    let lossy = Lossy::new(&bytes);
    if opts.lossy {
        if let Some(at) = lossy.first_invalid() {
            eprintln!(
                "extract: {file}: warning: {} invalid UTF-8 sequence(s) replaced by U+FFFD, \
                 the first at byte offset {at}",
                lossy.invalid_count()
            );
        }
    }
    // Documents are decoded one at a time: a feed's items are printed as they are read,
    // and those before a malformed part are kept.
    let docs: Box<dyn Iterator<Item = Result<_, Error>>> = if opts.lossy {
        Box::new(lossy.documents(opts.format))
    } else {
        Box::new(documents(&bytes, opts.format))
    };
    let mut count = 0;
    for d in docs {
        let d = match d {
            Ok(d) => d,
            Err(e) => {
                report(file, &e, count);
                return Ok(false);
            }
        };
        let mut doc = extractor.extract_input(d.input(opts.reference));
        doc.source = Some(file.to_string());
        doc.item = d.item;
        doc.published = d.published;
        write_doc(out, &doc)?;
        count += 1;
    }
    if count == 0 {
        eprintln!("extract: {file}: warning: a feed with no items");
    }
    Ok(true)
}

/// Prints a decoding error of `file`, after `count` documents of it were printed.
fn report(file: &str, e: &Error, count: usize) {
    let place = match e.line() {
        Some(line) => format!("{file}:{line}"),
        None => file.to_string(),
    };
    let mut msg = format!("extract: {place}: {}", e.kind());
    if matches!(e.kind(), claimscan::ErrorKind::InvalidUtf8 { .. }) {
        msg.push_str(" (--lossy reads it with U+FFFD in place of bad bytes)");
    }
    if count > 0 {
        msg.push_str(&format!("; the {count} item(s) before it were kept"));
    }
    eprintln!("{msg}");
}

fn write_doc(out: &mut impl Write, doc: &Document<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn read(file: &OsStr) -> io::Result<Vec<u8>> {
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
