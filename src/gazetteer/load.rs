//! TSV parsing and validation (SPEC §1).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Entity, EntityType};
use crate::error::{Error, ErrorKind};

const HEADER: &str = "id\ttype\tname\taliases";

/// Parses a whole TSV text into entities; the first bad line fails it.
/// Duplicate ids inside the text are left to the caller, which checks them
/// against everything already loaded.
///
/// One pass of `memchr2` finds every tab and newline of the text, in order; each line is
/// then cut at the tabs it holds, with no search of its own. The built-in gazetteer is
/// parsed this way at every start, and a large one (a list of cities) has 100,000 lines.
pub(crate) fn parse(name: &str, text: &str) -> Result<Vec<Entity>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    // About one entity a line, and lines are rarely shorter than this.
    let mut out = Vec::with_capacity(text.len() / 40);
    let mut header_seen = false;
    let file: Arc<str> = name.into();
    let mut lineno = 0;
    let mut start = 0;
    // The first three tabs of the line, and how many it has in all.
    let mut tabs = [0; 3];
    let mut count = 0;
    let ends = memchr::memchr2_iter(b'\t', b'\n', bytes).chain(std::iter::once(bytes.len()));
    for at in ends {
        if bytes.get(at) == Some(&b'\t') {
            if let Some(t) = tabs.get_mut(count) {
                *t = at;
            }
            count += 1;
            continue;
        }
        lineno += 1;
        let raw = &text[start..at];
        let line_start = start;
        start = at + 1;
        let columns = count + 1;
        count = 0;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let at = |kind: ErrorKind| Error::new(kind).with_path(name).with_line(lineno);
        if !header_seen {
            if line.trim_end() != HEADER {
                return Err(at(ErrorKind::BadHeader(shorten(line))));
            }
            header_seen = true;
            continue;
        }
        if columns != 4 {
            return Err(at(ErrorKind::ColumnCount { found: columns }));
        }
        // Tabs are ASCII: every cut falls on a character boundary.
        let line_end = line_start + line.len();
        let id = text[line_start..tabs[0]].trim();
        let kind = text[tabs[0] + 1..tabs[1]].trim();
        let name_col = &text[tabs[1] + 1..tabs[2]];
        let aliases = &text[tabs[2] + 1..line_end];
        let kind = EntityType::parse(kind).ok_or_else(|| at(ErrorKind::BadType(shorten(kind))))?;
        let origin = Some((file.clone(), lineno as u32));
        let entity = Entity::with_origin(id, kind, name_col, Pipes(Some(aliases)), origin)
            .map_err(|e| e.with_path(name).with_line(lineno))?;
        out.push(entity);
    }
    if !header_seen {
        return Err(Error::new(ErrorKind::BadHeader("no header line".into())).with_path(name));
    }
    Ok(out)
}

/// The `|`-separated parts of an aliases column (as `str::split('|')`, for short
/// columns: a plain byte loop, where a search would cost more to start than to run).
struct Pipes<'a>(Option<&'a str>);

impl<'a> Iterator for Pipes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        match rest.bytes().position(|b| b == b'|') {
            Some(i) => {
                self.0 = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// Checks an id: non-empty, lowercase ASCII letters, digits and `-`.
pub(crate) fn check_id(id: &str) -> Result<(), Error> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::BadId(shorten(id))))
    }
}

/// The longest surface form accepted, in bytes. The longest real names (`Office of the
/// United Nations High Commissioner for Human Rights`) are a third of it; the matcher walks
/// up to a form's length from every word start, so a bound on forms is a bound on its work
/// per byte of text.
pub(crate) const MAX_ALIAS_BYTES: usize = 200;

/// Checks that an alias has something to match (at least one letter or digit) and is not
/// longer than [`MAX_ALIAS_BYTES`].
pub(crate) fn check_alias(alias: &str) -> Result<(), Error> {
    let body = alias.strip_prefix('=').unwrap_or(alias);
    if !body.chars().any(char::is_alphanumeric) {
        return Err(Error::new(ErrorKind::BadAlias(shorten(alias))));
    }
    if body.len() > MAX_ALIAS_BYTES {
        return Err(Error::new(ErrorKind::LongAlias {
            alias: shorten(alias),
            len: body.len(),
            max: MAX_ALIAS_BYTES,
        }));
    }
    Ok(())
}

/// Validates UTF-8, reporting the line and the offset of the first bad byte.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = memchr::memchr_iter(b'\n', &bytes[..offset]).count() + 1;
        Error::new(ErrorKind::InvalidUtf8 { offset }).with_line(line)
    })
}

/// The files a `--gazetteer PATH` names: the file itself, or the `*.tsv` files of a
/// directory, sorted by name.
pub(crate) fn tsv_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let p = entry.map_err(|e| Error::io(path, e))?.path();
        if p.extension().is_some_and(|x| x == "tsv") && p.is_file() {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// Keeps error messages one line and short.
fn shorten(s: &str) -> String {
    let s = s.replace('\t', "<TAB>");
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::Pipes;
    use crate::Gazetteer;

    fn err(text: &str) -> String {
        Gazetteer::from_tsv("g.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn pipes_split_like_str_split() {
        for s in [
            "",
            "|",
            "||",
            "a",
            "a|",
            "|a",
            "MEK| MKO ||PMOI",
            "Manëz|Tiranë",
            "é|",
            " | ",
        ] {
            let ours: Vec<&str> = Pipes(Some(s)).collect();
            let std: Vec<&str> = s.split('|').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    #[test]
    fn lines_and_columns() {
        // No newline at the end, CRLF, tabs in a comment, blank lines of tabs and spaces,
        // a BOM, and a last column that is empty.
        let text = "\u{feff}# a\tcomment\n\t \t\r\nid\ttype\tname\taliases\r\n\
                    a\tplace\tA\t\r\n \t\t\t\n  b \t place \t B \t b1 |b2\t";
        let e = err(text);
        assert_eq!(e, "g.tsv:6: expected 4 tab-separated columns, found 5");
        let g = Gazetteer::from_tsv("g.tsv", &text[..text.len() - 1]).unwrap();
        assert_eq!(g.len(), 2);
        let b = g.get("b").unwrap();
        assert_eq!(
            (b.name(), b.aliases()),
            ("B", &["b1".to_string(), "b2".into()][..])
        );
        assert_eq!(b.origin(), Some(("g.tsv", 6)));
        assert_eq!(g.get("a").unwrap().aliases().len(), 0);
        assert_eq!(
            err("id\ttype\tname\taliases\na\tplace\n"),
            "g.tsv:2: expected 4 tab-separated columns, found 2"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\na\tplace\tA\tB\tC\tD\r\n"),
            "g.tsv:2: expected 4 tab-separated columns, found 6"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\na\tplace\tA\t=|B"),
            "g.tsv:2: bad alias `=`: nothing left to match"
        );
    }

    #[test]
    fn good_file() {
        let text = "# comment\n\nid\ttype\tname\taliases\r\n\
                    mek\torganisation\tPeople's Mojahedin Organization of Iran\tMEK| MKO ||PMOI\r\n\
                    # another\n\
                    maryam-rajavi\tperson\tMaryam Rajavi\t\n\
                    nowruz\tevent\tNowruz\tNorooz\n";
        let g = Gazetteer::from_tsv("g.tsv", text).unwrap();
        assert_eq!(g.len(), 3);
        let mek = g.get("mek").unwrap();
        assert_eq!(mek.aliases(), ["MEK", "MKO", "PMOI"]);
        assert_eq!(mek.origin(), Some(("g.tsv", 4)));
        assert_eq!(g.get("maryam-rajavi").unwrap().aliases().len(), 0);
        assert_eq!(g.get("nowruz").unwrap().kind().as_str(), "event");
        assert_eq!(
            g.entity(g.id_of("maryam-rajavi").unwrap()).name(),
            "Maryam Rajavi"
        );
    }

    #[test]
    fn long_alias() {
        let long = "word ".repeat(41);
        let e = err(&format!("id\ttype\tname\taliases\nx\tplace\tX\tY|{long}\n"));
        assert!(e.starts_with("g.tsv:2: alias `word word"), "{e}");
        assert!(e.ends_with("is too long: 204 bytes, at most 200"), "{e}");
        let ok = "w".repeat(200);
        assert!(
            crate::Gazetteer::from_tsv(
                "g.tsv",
                &format!("id\ttype\tname\taliases\nx\tplace\t{ok}\t\n")
            )
            .is_ok()
        );
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        assert_eq!(
            err("mek\torganisation\tMEK\t\n"),
            "g.tsv:1: expected the header `id<TAB>type<TAB>name<TAB>aliases`, found \
             `mek<TAB>organisation<TAB>MEK<TAB>`"
        );
        assert_eq!(
            err(""),
            "g.tsv: expected the header `id<TAB>type<TAB>name<TAB>aliases`, found `no header line`"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\nmek\torganisation\tMEK\n"),
            "g.tsv:2: expected 4 tab-separated columns, found 3"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\nmek\torganisation\t \tMEK\n"),
            "g.tsv:2: empty name"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\nMEK\torganisation\tMEK\t\n"),
            "g.tsv:2: bad id `MEK`: ids are lowercase ASCII letters, digits and `-`"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\nmek\tOrg\tMEK\t\n"),
            "g.tsv:2: bad type `Org`: types are lowercase words"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\nmek\torganisation\tMEK\t=\n"),
            "g.tsv:2: bad alias `=`: nothing left to match"
        );
        assert_eq!(
            err("id\ttype\tname\taliases\na\tplace\tA\t\n\nb\tplace\tB\t\na\tplace\tC\t\n"),
            "g.tsv:5: duplicate id `a` (first defined at g.tsv:2)"
        );
    }

    #[test]
    fn all_or_nothing() {
        let mut g =
            Gazetteer::from_tsv("a.tsv", "id\ttype\tname\taliases\nx\tplace\tX\t\n").unwrap();
        let bad = "id\ttype\tname\taliases\ny\tplace\tY\t\nx\tplace\tX2\t\n";
        let e = g.add_tsv("b.tsv", bad).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.tsv:3: duplicate id `x` (first defined at a.tsv:2)"
        );
        assert_eq!(g.len(), 1, "nothing of b.tsv was added");
        assert!(g.get("y").is_none());
        let e = g
            .add_tsv(
                "c.tsv",
                "id\ttype\tname\taliases\nz\tplace\tZ\t\nbad line\n",
            )
            .unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn missing_file_and_directory() {
        let e = Gazetteer::from_path("/no/such/file.tsv").unwrap_err();
        assert!(
            e.to_string().starts_with("/no/such/file.tsv: cannot read:"),
            "{e}"
        );
        let dir = std::env::temp_dir().join(format!("claimscan-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.tsv"),
            "id\ttype\tname\taliases\na\tplace\tA\t\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("b.tsv"),
            "id\ttype\tname\taliases\nb\tplace\tB\t\n",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), "not a gazetteer").unwrap();
        let g = Gazetteer::from_path(&dir).unwrap();
        assert_eq!(g.len(), 2);
        std::fs::write(dir.join("c.tsv"), [0xff, 0xfe]).unwrap();
        let e = Gazetteer::from_path(&dir).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("c.tsv:1: invalid UTF-8 at byte offset 0"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
