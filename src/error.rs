//! The error type.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// An error from loading a gazetteer, reading or decoding an input, or building an
/// [`Extractor`](crate::Extractor).
///
/// Extraction itself never fails: any text yields a [`Document`](crate::Document), maybe
/// an empty one. Errors name the file (and, for gazetteers, the line) they concern, so
/// that `Display` alone makes a useful one-line message:
///
/// ```text
/// gazetteers/people.tsv:17: duplicate id `john-bolton` (first defined at gazetteers/people.tsv:9)
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
}

/// What went wrong. Callers that need to branch on the cause match on this.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read (missing, a directory, no permission, …).
    Io(io::Error),
    /// The input is not valid UTF-8; `offset` is the byte offset of the first bad byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The markup of an HTML page or a feed could not be read.
    Markup(String),
    /// The gazetteer has no `id\ttype\tname\taliases` header line, or a different one.
    BadHeader(String),
    /// A gazetteer line does not have exactly four tab-separated columns.
    ColumnCount {
        /// How many columns the line has.
        found: usize,
    },
    /// A gazetteer entity has an empty canonical name.
    EmptyName,
    /// A gazetteer id is empty or uses characters other than `a-z`, `0-9` and `-`.
    BadId(String),
    /// A gazetteer type is not a lowercase word.
    BadType(String),
    /// A gazetteer alias is empty once folded (e.g. only punctuation or a bare `=`).
    BadAlias(String),
    /// A gazetteer name or alias is longer than the matcher accepts.
    LongAlias {
        /// The alias (shortened).
        alias: String,
        /// Its length in bytes.
        len: usize,
        /// The longest accepted.
        max: usize,
    },
    /// An id is defined twice, in the same file or across the loaded files.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where it was first defined (`file:line`).
        first: String,
    },
    /// A date given as an option is not `YYYY-MM-DD`.
    BadDate(String),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
        }
    }

    pub(crate) fn io(path: &Path, err: io::Error) -> Error {
        Error::new(ErrorKind::Io(err)).with_path(path)
    }

    pub(crate) fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn with_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error concerns, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line of the file the error concerns, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Markup(msg) => write!(f, "malformed markup: {msg}"),
            ErrorKind::BadHeader(found) => write!(
                f,
                "expected the header `id<TAB>type<TAB>name<TAB>aliases`, found `{found}`"
            ),
            ErrorKind::ColumnCount { found } => {
                write!(f, "expected 4 tab-separated columns, found {found}")
            }
            ErrorKind::EmptyName => write!(f, "empty name"),
            ErrorKind::BadId(id) => write!(
                f,
                "bad id `{id}`: ids are lowercase ASCII letters, digits and `-`"
            ),
            ErrorKind::BadType(t) => {
                write!(f, "bad type `{t}`: types are lowercase words")
            }
            ErrorKind::BadAlias(a) => write!(f, "bad alias `{a}`: nothing left to match"),
            ErrorKind::LongAlias { alias, len, max } => {
                write!(f, "alias `{alias}` is too long: {len} bytes, at most {max}")
            }
            ErrorKind::DuplicateId { id, first } => {
                write!(f, "duplicate id `{id}` (first defined at {first})")
            }
            ErrorKind::BadDate(d) => write!(f, "bad date `{d}`: expected YYYY-MM-DD"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p.display(), l, self.kind),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.kind),
            (None, Some(l)) => write!(f, "line {}: {}", l, self.kind),
            (None, None) => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let e = Error::new(ErrorKind::ColumnCount { found: 3 })
            .with_path("g.tsv")
            .with_line(7);
        assert_eq!(
            e.to_string(),
            "g.tsv:7: expected 4 tab-separated columns, found 3"
        );
        let e = Error::new(ErrorKind::InvalidUtf8 { offset: 12 }).with_path("a.txt");
        assert_eq!(e.to_string(), "a.txt: invalid UTF-8 at byte offset 12");
    }
}
