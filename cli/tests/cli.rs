//! End-to-end tests of the `colloquy` binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SEED: &str = "mfa-cis-press-conference-2024-04-12.txt";

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(SEED)
}

fn colloquy() -> Command {
    Command::cargo_bin("colloquy").expect("the colloquy binary is built")
}

/// Runs `colloquy analyse ARGS` with `stdin`, expects success, parses the JSON.
fn analyse_json(args: &[&str], stdin: &str) -> Value {
    let out = colloquy().arg("analyse").args(args).write_stdin(stdin).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

fn speaker_turns(analysis: &Value) -> Vec<(String, u64)> {
    analysis["speakers"]
        .as_array()
        .expect("speakers is an array")
        .iter()
        .map(|s| (s["name"].as_str().unwrap_or_default().to_owned(), s["turns"].as_u64().unwrap_or_default()))
        .collect()
}

fn term_count(analysis: &Value) -> usize {
    analysis["terms"].as_array().map_or(0, Vec::len)
}

/// Writes `bytes` to a file in a fresh temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the file is written");
    (dir, path)
}

/// `colloquy analyse path` fails (exit 1, nothing on standard output) with `message`
/// on standard error, and no panic.
fn refused(path: &Path, message: &str) {
    colloquy()
        .arg("analyse")
        .arg(path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(message).and(predicate::str::contains("panicked").not()));
}

#[test]
fn json_on_the_seed_transcript() {
    let seed = seed();
    let a = analyse_json(&[seed.to_str().unwrap_or_default()], "");
    let turns = speaker_turns(&a);
    assert!(turns.contains(&("Sergey Lavrov".to_owned(), 5)), "speakers: {turns:?}");
    assert!(turns.contains(&("Question".to_owned(), 5)), "speakers: {turns:?}");
    assert_eq!(a["summary"]["format"], "text");
    assert!(a["summary"]["tokens"].as_u64().unwrap_or(0) > 1000);
    assert_eq!(term_count(&a), 50, "--top defaults to 50");
    assert!(a["phrases"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn reads_standard_input() {
    let a = analyse_json(&["-"], "Alice: Hello, hello world.\nBob: Hello?");
    assert_eq!(speaker_turns(&a), vec![("Alice".to_owned(), 1), ("Bob".to_owned(), 1)]);
    assert_eq!(a["terms"][0]["term"], "hello");
    assert_eq!(a["terms"][0]["count"], 3);
    assert_eq!(a["terms"][0]["bySpeaker"]["Bob"], 1);
    assert!(a["summary"].get("source").is_none(), "plain text names no source");
}

#[test]
fn standard_input_is_the_default() {
    let a = analyse_json(&[], "Alice: Hello there.\nBob: Hello.");
    assert_eq!(a["summary"]["turns"], 2);
}

#[test]
fn a_utf8_bom_is_stripped() {
    let a = analyse_json(&[], "\u{FEFF}Alice: Hello.\nBob: Hi.");
    let names: Vec<String> = speaker_turns(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Alice", "Bob"]);
}

#[test]
fn top_zero_reports_every_term() {
    let seed = seed();
    let seed = seed.to_str().unwrap_or_default();
    let default = term_count(&analyse_json(&[seed], ""));
    let all = term_count(&analyse_json(&[seed, "--top", "0"], ""));
    let five = term_count(&analyse_json(&[seed, "--top", "5"], ""));
    assert_eq!(default, 50);
    assert!(all > default, "--top 0 gave {all} terms, the default {default}");
    assert_eq!(five, 5);
}

#[test]
fn the_table_suggests_a_label_pattern_that_works() {
    let text = "SMITH -- I yield.\n\nJONES -- Thank you.\n\nSMITH -- Go on.\n\nJONES -- I will.\n";
    let out = colloquy().args(["analyse", "--format", "table"]).write_stdin(text).assert().success();
    let table = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let line = table.lines().find(|l| l.trim_start().starts_with("Labels:")).unwrap_or_default();
    assert!(line.contains("none found; lines like `SMITH --`, `JONES --` look like labels"), "{table}");
    let pattern = line.split("--label-pattern '").nth(1).and_then(|p| p.strip_suffix('\'')).unwrap_or_default();
    let json = analyse_json(&["--label-pattern", pattern], text);
    assert_eq!(speaker_turns(&json), [("SMITH".to_owned(), 2), ("JONES".to_owned(), 2)]);
    assert!(json["labelHint"].is_null());
}

#[test]
fn table_is_a_readable_report() {
    colloquy().args(["analyse", "--format", "table"]).arg(seed()).assert().success().stdout(
        predicate::str::contains("Summary")
            .and(predicate::str::contains("Speakers"))
            .and(predicate::str::contains("Sergey Lavrov"))
            .and(predicate::str::contains("Question"))
            .and(predicate::str::contains("Top terms"))
            .and(predicate::str::contains("Top phrases"))
            .and(predicate::str::contains("Stage directions"))
            .and(predicate::str::contains("Diagnostics"))
            .and(predicate::str::contains("unattributed-text")),
    );
}

#[test]
fn csv_terms_has_a_header_and_a_column_per_speaker() {
    let out = colloquy()
        .args(["analyse", "--format", "csv", "--view", "terms"])
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    assert_eq!(header.get(..3), Some(&["term", "count", "per10k"].map(String::from)[..]));
    assert!(header.contains(&"count:Sergey Lavrov".to_owned()), "{header:?}");
    assert!(header.contains(&"count:Question".to_owned()), "{header:?}");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 50);
    for row in &rows {
        assert_eq!(row.len(), header.len());
        // The per-speaker columns add up to the count.
        let count: u64 = row[1].parse().expect("a count");
        let sum: u64 = (3..row.len()).map(|i| row[i].parse::<u64>().expect("a count")).sum();
        assert_eq!(sum, count, "row {row:?}");
    }
}

#[test]
fn csv_quotes_speaker_names_with_commas_and_quotes() {
    let out = colloquy()
        .args(["analyse", "--format", "csv", "--view", "terms"])
        .args(["--alias", "Doe=Doe, \"Jane\""])
        .write_stdin("Smith: hello friend\nDoe: quoted words")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8 output");
    assert!(text.starts_with("term,count,per10k,count:Smith,\"count:Doe, \"\"Jane\"\"\"\n"), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(header.len(), 5);
    assert_eq!(&header[4], "count:Doe, \"Jane\"");
    let quoted = reader.records().map(|r| r.expect("a row")).find(|r| &r[0] == "quoted").expect("a row for \"quoted\"");
    assert_eq!((&quoted[3], &quoted[4]), ("0", "1"));
}

#[test]
fn csv_phrases_and_speakers_views() {
    colloquy()
        .args(["analyse", "--format", "csv", "--view", "phrases"])
        .arg(seed())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("text,n,count,first,count:"));
    colloquy()
        .args(["analyse", "--format", "csv", "--view", "speakers"])
        .arg(seed())
        .assert()
        .success()
        .stdout(predicate::str::contains("\nSergey Lavrov,true,"));
}

#[test]
fn csv_without_view_is_a_usage_error() {
    colloquy()
        .args(["analyse", "--format", "csv"])
        .arg(seed())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--view"));
}

#[test]
fn view_without_csv_is_a_usage_error() {
    colloquy()
        .args(["analyse", "--view", "terms"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--view only applies to --format csv"));
}

/// Runs `colloquy analyse - ARGS` on a small transcript and expects a usage error
/// whose message contains `message`.
fn usage_error(args: &[&str], message: &str) {
    colloquy()
        .arg("analyse")
        .args(args)
        .write_stdin("Alice: hello\nBob: hello")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(message));
}

#[test]
fn bad_ngram_ranges_are_usage_errors() {
    usage_error(&["--ngram", "5..2"], "greater than the maximum");
    usage_error(&["--ngram", "1..9"], "between 2 and 8");
    usage_error(&["--ngram", "2..9"], "between 2 and 8");
    usage_error(&["--ngram", "two..five"], "MIN..MAX");
}

#[test]
fn bad_aliases_are_usage_errors() {
    usage_error(&["--alias", "Lavrov"], "FROM=TO");
    usage_error(&["--alias", "=Sergey Lavrov"], "non-empty");
}

#[test]
fn a_bad_label_pattern_is_a_usage_error() {
    usage_error(&["--label-pattern", "^(\\w+"], "not a valid regular expression");
}

#[test]
fn an_unknown_stopword_language_is_a_usage_error() {
    usage_error(&["--stopwords", "xx"], "\"xx\" is not auto, none, or a language");
}

#[test]
fn other_bad_flags_are_usage_errors() {
    usage_error(&["--min-count", "0"], "at least 1");
    usage_error(&["--top", "many"], "--top");
    usage_error(&["--format", "xml"], "xml");
    usage_error(&["--keep-stopwords", "--stopwords", "en"], "cannot be used with");
    usage_error(&["--no-such-flag"], "--no-such-flag");
}

#[test]
fn a_missing_file_is_reported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("absent.txt");
    colloquy()
        .arg("analyse")
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("absent.txt: no such file"));
}

#[test]
fn a_directory_is_reported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    colloquy()
        .arg("analyse")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(": is a directory"));
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let mut bytes = b"Alice: caf".to_vec();
    bytes.push(0xE9); // Latin-1 e-acute at offset 10
    bytes.extend_from_slice(b"\nBob: ok\n");
    let (_dir, path) = temp_file("latin1.txt", &bytes);
    colloquy().arg("analyse").arg(&path).assert().code(1).stdout("").stderr(
        predicate::str::contains("latin1.txt: not valid UTF-8")
            .and(predicate::str::contains("offset 10"))
            .and(predicate::str::contains("panicked").not()),
    );
}

#[test]
fn invalid_utf8_on_standard_input_is_reported() {
    colloquy()
        .arg("analyse")
        .write_stdin(b"Alice: \xFF\xFE\xFD".to_vec())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>: not valid UTF-8 (invalid byte at offset 7"));
}

#[test]
fn binary_files_are_reported() {
    let cases: [(&str, &[u8], &str); 3] = [
        ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "(PNG image)"),
        ("img.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF", "(JPEG image)"),
        ("data.bin", b"Alice: hello\0\0\0world", "NUL bytes"),
    ];
    for (name, bytes, kind) in cases {
        let (_dir, path) = temp_file(name, bytes);
        colloquy().arg("analyse").arg(&path).assert().code(1).stdout("").stderr(
            predicate::str::contains(format!("{name}: looks like a binary file"))
                .and(predicate::str::contains(kind))
                .and(predicate::str::contains("not a transcript")),
        );
    }
}

/// The committed files of every format the core reads (`tests/fixtures/read/`).
fn read_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/read").join(name)
}

#[test]
fn documents_and_engine_json_are_read() {
    let sources = [
        ("talk.docx", "docx", "text"),
        ("talk.odt", "odt", "text"),
        ("talk.rtf", "rtf", "text"),
        ("talk.html", "html", "text"),
        ("whisperx.json", "whisper-json", "vtt"),
        ("talk.csv", "csv", "vtt"),
        ("talk.pdf", "pdf", "text"),
    ];
    for (name, source, format) in sources {
        let out = colloquy().arg("analyse").arg(read_fixture(name)).assert().success().get_output().stdout.clone();
        let analysis: Value = serde_json::from_slice(&out).expect("stdout is JSON");
        // The summary names the file's format, and how its text was parsed.
        assert_eq!(analysis["summary"]["source"], source, "{name}");
        assert_eq!(analysis["summary"]["format"], format, "{name}");
        let mut turns = speaker_turns(&analysis);
        turns.sort();
        let expected = [("Alice", 2), ("Bob", 2), ("Carol", 1)].map(|(n, t)| (n.to_owned(), t));
        assert_eq!(turns, expected, "{name}");
    }
    // What was left out is said on standard error.
    colloquy()
        .arg("analyse")
        .arg(read_fixture("talk.docx"))
        .assert()
        .success()
        .stderr(predicate::str::contains("talk.docx: left out 1 comment, 1 tracked deletion"));
}

#[test]
fn pdfs_are_read_and_damaged_ones_said() {
    let out = colloquy().arg("analyse").arg(read_fixture("talk.pdf")).assert().success().get_output().stdout.clone();
    let analysis: Value = serde_json::from_slice(&out).expect("stdout is JSON");
    assert_eq!(analysis["summary"]["source"], "pdf");
    let mut turns = speaker_turns(&analysis);
    turns.sort();
    assert_eq!(turns, [("Alice", 2), ("Bob", 2), ("Carol", 1)].map(|(n, t)| (n.to_owned(), t)));
    // A PDF cut short: damaged, in one line, no panic.
    let (_dir, path) = temp_file("doc.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog");
    refused(&path, "doc.pdf: This PDF is damaged: it ends early");
}

#[test]
fn a_truncated_docx_is_damaged() {
    let (_dir, path) = temp_file("doc.docx", b"PK\x03\x04\x14\x00\x06\x00");
    refused(&path, "doc.docx: This .docx file is damaged: its archive ends early");
}

#[test]
fn error_messages_are_one_line() {
    let (_dir, path) = temp_file("doc.pdf", b"%PDF-1.4");
    let out = colloquy().arg("analyse").arg(&path).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("colloquy: "), "{stderr}");
}

#[test]
fn an_alias_merges_speakers() {
    let text = "Lavrov: a\nSergey Lavrov: b";
    let without = analyse_json(&[], text);
    assert_eq!(speaker_turns(&without).len(), 2);
    let with = analyse_json(&["--alias", "Lavrov=Sergey Lavrov"], text);
    let names: Vec<String> = speaker_turns(&with).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Sergey Lavrov"]);
    assert_eq!(with["speakers"][0]["words"], 2);
}

#[test]
fn keep_stopwords_keeps_function_words() {
    let text = "Alice: the cat and the dog\nBob: the end";
    let filtered = analyse_json(&["--stopwords", "en"], text);
    let kept = analyse_json(&["--keep-stopwords"], text);
    let terms = |a: &Value| -> Vec<String> {
        a["terms"]
            .as_array()
            .map(|t| t.iter().filter_map(|t| t["term"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    assert!(!terms(&filtered).contains(&"the".to_owned()));
    assert_eq!(terms(&kept).first().map(String::as_str), Some("the"));
    assert_eq!(kept["summary"]["stopwords"], "none");
}

#[test]
fn a_stopword_file_adds_stopwords() {
    let (_dir, list) = temp_file("stop.txt", b"# extra words\ncat dog\n");
    let text = "Alice: cat dog bird\nBob: bird";
    let a = analyse_json(&["--stopword-file", list.to_str().unwrap_or_default()], text);
    let terms: Vec<&str> =
        a["terms"].as_array().map(|t| t.iter().filter_map(|t| t["term"].as_str()).collect()).unwrap_or_default();
    assert_eq!(terms, ["bird"]);
}

#[test]
fn ngram_and_min_count_shape_the_phrases() {
    let text = "Alice: big red fox runs. big red fox sleeps.\nBob: big red fox eats.";
    let a = analyse_json(&["--ngram", "3..3", "--min-count", "3"], text);
    let phrases: Vec<(&str, u64)> = a["phrases"]
        .as_array()
        .map(|p| p.iter().filter_map(|p| Some((p["text"].as_str()?, p["count"].as_u64()?))).collect())
        .unwrap_or_default();
    assert_eq!(phrases, [("big red fox", 3)]);
}

#[test]
fn help_and_version_succeed() {
    colloquy()
        .args(["analyse", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--label-pattern").and(predicate::str::contains("--alias")));
    colloquy().arg("--version").assert().success().stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_byte_order_mark_is_skipped_and_offsets_stay_true_to_the_file() {
    let (_dir, path) = temp_file("bom.txt", "\u{feff}Alice: Hello there.\nBob: Hi.\n".as_bytes());
    let a = analyse_json(&[path.to_str().unwrap_or_default()], "");
    let names: Vec<String> = speaker_turns(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Alice", "Bob"]);
    assert_eq!(a["turns"][0]["start"].as_u64(), Some(3), "the turn starts after the 3-byte BOM");
}

/// The row of `term` among `speaker`'s distinctive and avoided words.
fn distinctive_row<'a>(analysis: &'a Value, speaker: &str, term: &str) -> Option<&'a Value> {
    let s = analysis["speakers"].as_array()?.iter().find(|s| s["name"] == speaker)?;
    let rows = s["distinctive"].as_array()?.iter().chain(s["avoided"].as_array()?);
    rows.into_iter().find(|r| r["term"] == term)
}

#[test]
fn analyse_compares_distinctive_words_against_whom_it_is_told() {
    let turn = |name: &str, words: &[(&str, usize)]| {
        let said: Vec<&str> = words.iter().flat_map(|&(w, n)| std::iter::repeat_n(w, n)).collect();
        format!("{name}: {}\n", said.join(" "))
    };
    // 1,000 words each; A says `politicians` 10 times, B never: z and G² both significant.
    let two = turn("A", &[("talk", 990), ("politicians", 10)]) + &turn("B", &[("talk", 1000)]);
    let a = analyse_json(&["-"], &two);
    let row = distinctive_row(&a, "A", "politicians").cloned().unwrap_or_default();
    assert!(row["z"].as_f64().is_some_and(|z| (z - 2.303829).abs() < 1e-6), "{row}");
    assert_eq!((&row["zSignificant"], &row["g2Significant"]), (&Value::Bool(true), &Value::Bool(true)));
    let heavy = analyse_json(&["-", "--prior-weight", "1"], &two);
    assert_eq!(distinctive_row(&heavy, "A", "politicians").map(|r| &r["zSignificant"]), Some(&Value::Bool(false)));

    let three = turn("A", &[("talk", 95), ("apple", 5)])
        + &turn("B", &[("talk", 100)])
        + &turn("C", &[("talk", 95), ("apple", 5)]);
    let other_count = |args: &[&str]| {
        let a = analyse_json(&[&["-"], args].concat(), &three);
        distinctive_row(&a, "A", "apple").and_then(|r| r["otherCount"].as_u64())
    };
    assert_eq!(other_count(&[]), Some(5));
    assert_eq!(other_count(&["--against", "B"]), Some(0));
    assert_eq!(other_count(&["--against", "B", "--against", "C"]), Some(5));
    assert_eq!(other_count(&["--leave-out", "C"]), Some(0));
    let unknown = analyse_json(&["-", "--against", "Nobody"], &three);
    let kinds: Vec<&str> = unknown["diagnostics"]
        .as_array()
        .map(|d| d.iter().filter_map(|d| d["kind"].as_str()).collect())
        .unwrap_or_default();
    assert!(kinds.contains(&"unknown-speaker"), "{kinds:?}");
    colloquy().args(["analyse", "-", "--prior-weight", "0"]).write_stdin("A: hi").assert().code(2);
}

/// A .docx whose word/document.xml is `document`, deflated.
fn docx(document: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [("[Content_Types].xml", &b"<Types/>"[..]), ("word/document.xml", document)] {
        out.start_file(name, deflated).expect("an entry");
        out.write_all(bytes).expect("written");
    }
    out.finish().expect("the archive").into_inner()
}

/// WordprocessingML with a paragraph per line of `text`, after `prolog`.
fn document(prolog: &str, text: &str) -> Vec<u8> {
    let paragraphs: String = text.lines().map(|l| format!("<w:p><w:r><w:t>{l}</w:t></w:r></w:p>")).collect();
    format!("{prolog}<w:document xmlns:w=\"w\"><w:body>{paragraphs}</w:body></w:document>").into_bytes()
}

#[test]
fn hostile_documents_get_a_clear_message_and_no_more() {
    // A zip bomb: 257 MiB of text in an archive of a few hundred KB stops at the entry limit.
    let bomb = docx(&document("", &format!("Alice: {}", "x".repeat(257 << 20))));
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    let nested = format!("<html><body>{}Alice: hi", "<div>".repeat(100_000));
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("bomb.docx", bomb, "bomb.docx: This .docx file is too large to read: its part word/document.xml holds over 256 MiB uncompressed."),
        ("nested.html", nested.into_bytes(), "nested.html: This web page is too large to read: it is nested more than 256 levels deep."),
        ("deep.json", "[".repeat(100_000).into_bytes(), "deep.json: This JSON file is too large to read: it is nested more than 256 levels deep."),
    ];
    for (name, bytes, message) in cases {
        let (_dir, path) = temp_file(name, &bytes);
        refused(&path, message);
    }
    // A billion laughs declared in the DTD: read, and never expanded.
    let entities: String = std::iter::once("<!ENTITY lol \"lol\">".to_owned())
        .chain((1..10).map(|i| {
            format!(
                "<!ENTITY lol{i} \"{}\">",
                format!("&lol{};", if i == 1 { String::new() } else { (i - 1).to_string() }).repeat(10)
            )
        }))
        .collect();
    let laughs =
        docx(&document(&format!("<!DOCTYPE w:document [{entities}]>"), "Alice: before &lol9; after\nBob: fine"));
    let (_dir, path) = temp_file("laughs.docx", &laughs);
    let out = colloquy().arg("analyse").arg(&path).assert().success().get_output().stdout.clone();
    let analysis: Value = serde_json::from_slice(&out).expect("stdout is JSON");
    assert_eq!(speaker_turns(&analysis), [("Alice".to_owned(), 1), ("Bob".to_owned(), 1)]);
    assert_eq!(analysis["summary"]["tokens"], 3, "before, after, fine: no laughs");
}
