//! The `extract` example on bad input, run as a process: each bad file gets one clear line
//! on standard error naming it, the other files are still processed, and the exit status
//! says that something failed; a bad gazetteer stops the run before any output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The `extract` example binary of the profile this test was built with, brought up to
/// date once per run with `cargo build --example extract` (a no-op after `cargo test`,
/// which builds the examples; needed after `cargo test --test integration`).
fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/<profile>/deps/integration-… → target/<profile>/examples/extract
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary lies in target/<profile>/deps");
        let bin = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--quiet", "--example", "extract"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        if let Some(target_dir) = profile_dir.parent() {
            cmd.env("CARGO_TARGET_DIR", target_dir);
        }
        match cmd.status() {
            Ok(s) if s.success() => {}
            other => eprintln!(
                "cargo build --example extract: {other:?}; using {}",
                bin.display()
            ),
        }
        assert!(bin.is_file(), "{} not found", bin.display());
        bin
    })
}

/// A scratch folder for one test, emptied first and removed when the test ends.
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("claimscan-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    Scratch(dir)
}

/// A folder removed on drop (also when the test fails).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Make a folder made unreadable by a test removable again.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(entries) = std::fs::read_dir(&self.0) {
                for e in entries.flatten() {
                    let _ =
                        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o755));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(extract_bin())
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("extract runs")
}

/// Runs extract with `input` on standard input (written from another thread, so that a
/// large input cannot fill both pipes).
fn run_stdin(args: &[&str], input: &[u8], cwd: &Path) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .current_dir(cwd)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("extract runs");
    let mut stdin = child.stdin.take().expect("a pipe to standard input");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(&input).expect("extract reads its input");
    });
    let o = child.wait_with_output().expect("extract runs");
    writer.join().expect("the input is written");
    o
}

fn stdout_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

const GOOD: &str = "The MEK paid $5 million in 2019.\n";

#[test]
fn bad_files_are_reported_and_the_rest_processed() {
    let dir = scratch("bad");
    std::fs::write(dir.join("good.txt"), GOOD).unwrap();
    std::fs::write(dir.join("bad.txt"), b"ab\xffcd. The MEK.\n").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::create_dir(dir.join("folder")).unwrap();
    std::fs::write(
        dir.join("cut.xml"),
        "<rss><channel><item><title>One</title></item><item><title>Two</title></channel></rss>",
    )
    .unwrap();
    std::fs::write(dir.join("last.txt"), "Iran said so.").unwrap();
    let o = run(
        &[
            "good.txt",
            "missing.txt",
            "bad.txt",
            "empty.txt",
            "folder",
            "cut.xml",
            "last.txt",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout_lines(&o);
    let sources: Vec<(&str, Option<u64>)> = out
        .iter()
        .map(|d| (d["source"].as_str().unwrap(), d["item"].as_u64()))
        .collect();
    assert_eq!(
        sources,
        [
            ("good.txt", None),
            ("empty.txt", None),
            ("cut.xml", Some(0)),
            ("last.txt", None)
        ]
    );
    // The empty file is an empty document.
    assert_eq!(out[1]["sentences"].as_array().map(Vec::len), Some(0));
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 5, "one line per bad file: {err:#?}");
    let line_for = |file: &str| {
        err.iter()
            .find(|l| l.starts_with(&format!("extract: {file}")))
            .unwrap_or_else(|| panic!("no message for {file}: {err:#?}"))
            .clone()
    };
    assert!(line_for("missing.txt").contains("cannot read"));
    let bad = line_for("bad.txt");
    assert!(bad.contains("invalid UTF-8 at byte offset 2"), "{bad}");
    assert!(bad.contains("--lossy"), "{bad}");
    assert!(line_for("empty.txt").contains("warning: empty file"));
    assert!(line_for("folder").contains("is a directory"));
    let cut = line_for("cut.xml:");
    assert!(cut.contains("malformed markup"), "{cut}");
    assert!(cut.contains("1 item(s) before it were kept"), "{cut}");
}

#[test]
fn lossy_reads_invalid_utf8_with_offsets_into_the_bytes() {
    let dir = scratch("lossy");
    // Invalid bytes before and inside the text; a truncated sequence at the end.
    let bytes = b"\xff\xfeThe MEK paid $5 million.\x80 Iran \xe2\x82".to_vec();
    std::fs::write(dir.join("bin.txt"), &bytes).unwrap();
    let o = run(
        &["--lossy", "--no-builtin", "--gazetteer", "g.tsv", "bin.txt"],
        &dir,
    );
    // No gazetteer yet: an error before any output, naming the file.
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr_lines(&o)[0].contains("g.tsv"), "{o:?}");

    std::fs::write(
        dir.join("g.tsv"),
        "id\ttype\tname\taliases\nmek\torganisation\tMEK\t\niran\tplace\tIran\t\n",
    )
    .unwrap();
    let o = run(
        &["--lossy", "--no-builtin", "--gazetteer", "g.tsv", "bin.txt"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].starts_with("extract: bin.txt: warning: 4 invalid UTF-8"),
        "{err:?}"
    );
    assert!(err[0].contains("byte offset 0"), "{err:?}");
    let doc = &stdout_lines(&o)[0];
    let span = |v: &serde_json::Value| {
        (v["start"].as_u64().unwrap() as usize)..(v["end"].as_u64().unwrap() as usize)
    };
    let mentions = doc["mentions"].as_array().unwrap();
    let texts: Vec<&[u8]> = mentions.iter().map(|m| &bytes[span(m)]).collect();
    assert_eq!(texts, [&b"MEK"[..], b"Iran"]);
    let claim = &doc["claims"][0];
    assert_eq!(&bytes[span(claim)], b"$5 million");
    // Every sentence lies in the file and the last one ends at its end.
    for s in doc["sentences"].as_array().unwrap() {
        assert!(span(s).end <= bytes.len());
    }
    let last = doc["sentences"].as_array().unwrap().last().unwrap();
    assert_eq!(span(last).end, bytes.len());

    // Without --lossy the file fails, and says where.
    let o = run(&["--no-builtin", "--gazetteer", "g.tsv", "bin.txt"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr_lines(&o)[0].contains("invalid UTF-8 at byte offset 0"));
}

#[test]
fn gazetteer_errors_stop_before_any_output() {
    let dir = scratch("gaz");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("header.tsv", b"id\tname\n", "header.tsv:1:"),
        (
            "columns.tsv",
            b"# c\nid\ttype\tname\taliases\nmek\torganisation\tMEK\n",
            "columns.tsv:3: expected 4 tab-separated columns, found 3",
        ),
        (
            "dup.tsv",
            b"id\ttype\tname\taliases\nmek\torganisation\tMEK\t\nmek\tplace\tX\t\n",
            "dup.tsv:3: duplicate id `mek`",
        ),
        (
            "utf8.tsv",
            b"id\ttype\tname\taliases\nx\tplace\tCaf\xe9\t\n",
            "utf8.tsv:2: invalid UTF-8",
        ),
        ("empty.tsv", b"", "empty.tsv: expected the header"),
        (
            "clash.tsv",
            b"id\ttype\tname\taliases\niran\tplace\tIran\t\n",
            "clash.tsv:2: duplicate id `iran`",
        ),
    ];
    for (name, body, want) in cases {
        std::fs::write(dir.join(name), body).unwrap();
        let o = run(&["--gazetteer", name, "a.txt"], &dir);
        assert_eq!(o.status.code(), Some(2), "{name}: {o:?}");
        assert!(o.stdout.is_empty(), "{name}: output before the error");
        let err = stderr_lines(&o);
        assert!(
            err[0].starts_with(&format!("extract: {want}")),
            "{name}: {err:?}"
        );
    }
    let o = run(&["--gazetteer", "nowhere.tsv", "a.txt"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_lines(&o)[0].contains("nowhere.tsv"));
}

#[test]
fn unreadable_file() {
    let dir = scratch("perm");
    let path = dir.join("secret.txt");
    std::fs::write(&path, GOOD).unwrap();
    // A path through a file cannot be opened, whoever asks.
    let o = run(&["secret.txt/inside", "secret.txt"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout_lines(&o).len(), 1);
    let err = stderr_lines(&o);
    assert!(
        err[0].starts_with("extract: secret.txt/inside: cannot read:"),
        "{err:?}"
    );
    // A file without read permission (not unreadable to root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    if std::fs::read(&path).is_ok() {
        eprintln!(
            "skipping: {} is readable anyway (running as root?)",
            path.display()
        );
        return;
    }
    let o = run(&["secret.txt"], &dir);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr_lines(&o);
    assert!(
        err[0].starts_with("extract: secret.txt: cannot read:"),
        "{err:?}"
    );
}

#[test]
fn standard_input_and_binary_input() {
    let dir = scratch("stdin");
    // Bytes that are not text at all: a run of every byte value.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let o = run_stdin(&["--lossy", "-"], &bytes, &dir);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let docs = stdout_lines(&o);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], "-");
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("names");
    let name = OsStr::from_bytes(b"n\xffme.txt");
    std::fs::write(dir.join(name), GOOD).unwrap();
    let o = Command::new(extract_bin())
        .arg(name)
        .arg(OsStr::from_bytes(b"gone\xfe.txt"))
        .current_dir(&dir)
        .output()
        .expect("extract runs");
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let docs = stdout_lines(&o);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], "n\u{fffd}me.txt");
    let err = stderr_lines(&o);
    assert!(
        err[0].starts_with("extract: gone\u{fffd}.txt: cannot read:"),
        "{err:?}"
    );
}

/// Standard input is streamed: a feed's items are extracted in parallel batches and
/// printed batch by batch. The output is the same as for the file read whole, in order,
/// and a malformed tail keeps the items before it.
#[test]
fn a_streamed_feed_gives_the_same_output_as_the_file() {
    let dir = scratch("stream");
    let item = |i: usize| {
        format!(
            "<item><title>Report {i}</title><pubDate>Mon, 10 May 2021 09:46:35 +0000</pubDate>\
             <description><![CDATA[<p>The MEK paid ${i} million to Bolton in 2019. Last week \
             {i} people were killed near Camp Ashraf.</p>{}]]></description></item>\n",
            "<p>Nothing of note happened on that day, said the spokesman, again.</p>".repeat(12)
        )
    };
    // Over 2 MB of item text: more than one batch.
    let items: String = (0..2600).map(item).collect();
    let feed = format!("<?xml version=\"1.0\"?><rss><channel>\n{items}</channel></rss>\n");
    std::fs::write(dir.join("feed.xml"), &feed).unwrap();
    let whole = run(&["--jobs", "2", "feed.xml"], &dir);
    assert_eq!(whole.status.code(), Some(0), "{whole:?}");

    let piped = |input: &[u8]| run_stdin(&["--jobs", "2"], input, &dir);
    let without_source = |o: &Output| {
        stdout_lines(o)
            .into_iter()
            .map(|mut d| {
                d.as_object_mut().unwrap().remove("source");
                d
            })
            .collect::<Vec<_>>()
    };
    let streamed = piped(feed.as_bytes());
    assert_eq!(streamed.status.code(), Some(0), "{streamed:?}");
    let (a, b) = (without_source(&whole), without_source(&streamed));
    assert_eq!(a.len(), 2600);
    assert!(a == b, "the streamed output differs from the whole file's");
    assert_eq!(b[2599]["item"], 2599);

    // Cut inside the last item's CDATA: the items before it are kept, in order.
    let cut = &feed.as_bytes()[..feed.rfind("Nothing of note").unwrap()];
    let o = piped(cut);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let docs = without_source(&o);
    assert_eq!(docs.len(), 2599);
    assert!(docs[..] == a[..2599]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].contains("the 2599 item(s) before it were kept"),
        "{err:?}"
    );
}

/// By default an alias written with capitals needs capitals in the text; `--any-case`
/// lets it match lowercase text too.
#[test]
fn any_case_matches_lowercase_text() {
    let dir = scratch("case");
    std::fs::write(
        dir.join("gaz.tsv"),
        "id\ttype\tname\taliases\niran\tplace\tIran\t\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "Iran, iran and IRAN.\n").unwrap();
    let texts = |extra: &[&str]| {
        let mut args = vec!["--no-builtin", "--gazetteer", "gaz.tsv"];
        args.extend_from_slice(extra);
        args.push("a.txt");
        let o = run(&args, &dir);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        stdout_lines(&o)[0]["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&[]), ["Iran", "IRAN"]);
    assert_eq!(texts(&["--any-case"]), ["Iran", "iran", "IRAN"]);
}

/// A large file (8 MB or more) is mapped, not read, and its pages let go as its items are
/// done: the output is the same as for the same bytes read from standard input.
#[test]
fn a_large_mapped_feed_gives_the_same_output() {
    let dir = scratch("mapped");
    let items: String = (0..300)
        .map(|i| {
            format!(
                "<item><title>Item {i}</title><description><![CDATA[<p>The MEK paid \
                 ${i} million in 2019; {i} people were killed in Albania.</p>]]>\
                 </description></item>\n"
            )
        })
        .collect();
    // Most of the file is a comment after the items, so that it is large but quick.
    let padding = "x".repeat(9 << 20);
    let feed = format!(
        "<?xml version=\"1.0\"?><rss><channel>\n{items}<!-- {padding} --></channel></rss>\n"
    );
    std::fs::write(dir.join("big.xml"), &feed).unwrap();
    let without_source = |o: &Output| {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{:?}",
            String::from_utf8_lossy(&o.stderr)
        );
        stdout_lines(o)
            .into_iter()
            .map(|mut d| {
                d.as_object_mut().unwrap().remove("source");
                d
            })
            .collect::<Vec<_>>()
    };
    let mapped = without_source(&run(&["big.xml"], &dir));
    let read = without_source(&run_stdin(&[], feed.as_bytes(), &dir));
    assert_eq!(mapped.len(), 300);
    assert!(mapped == read, "the mapped file's output differs");
    assert_eq!(mapped[299]["claims"].as_array().unwrap().len(), 3);
}
