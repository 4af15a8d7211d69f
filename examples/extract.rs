//! Extracts entity mentions and numeric claims from text files, HTML pages and feeds,
//! and prints one JSON object per document (JSON Lines) on standard output.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [FILE ...]
//! ```
//!
//! With no FILE, or `-`, it reads standard input. Run with `--help` for the options.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimscan::input::{Format, documents};
use claimscan::{Date, Extractor, Gazetteer};

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
  -h, --help               print this help
";

struct Options {
    gazetteers: Vec<PathBuf>,
    builtin: bool,
    format: Format,
    reference: Option<Date>,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        gazetteers: Vec::new(),
        builtin: true,
        format: Format::Auto,
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
        let bytes = match read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("extract: {file}: {e}");
                failed = true;
                continue;
            }
        };
        // Documents are decoded one at a time: a feed's items are printed as they are read,
        // and those before a malformed part are kept.
        for d in documents(&bytes, opts.format) {
            let d = match d {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("extract: {file}: {e}");
                    failed = true;
                    break;
                }
            };
            let mut doc = extractor.extract_input(d.input(opts.reference));
            doc.source = Some(file.clone());
            doc.item = d.item;
            doc.published = d.published;
            let written = serde_json::to_writer(&mut out, &doc)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"));
            if let Err(e) = written {
                return stdout_error(e);
            }
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
