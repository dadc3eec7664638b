//! End-to-end tests of `colloquy corpus`: the five tables of a three-document fixture
//! corpus (tests/fixtures/corpus/), the formats agreeing, bad files skipped, the thread
//! count not changing a byte, and Parquet tables split into parts.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use arrow_array::{Array, BooleanArray, Float64Array, ListArray, StringArray, UInt32Array, UInt64Array};
use arrow_schema::DataType;
use assert_cmd::Command;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use predicates::prelude::*;
use serde_json::Value;

const TABLES: [&str; 5] = ["documents", "speakers", "terms", "phrases", "turns"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus")
}

fn colloquy() -> Command {
    Command::cargo_bin("colloquy").expect("the colloquy binary is built")
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `colloquy corpus FIXTURES --out DIR --format FORMAT ARGS…` from the fixtures'
/// folder (so `group` and `name` do not depend on where the repository is), expecting
/// success.
fn corpus(out: &Path, format: &str, args: &[&str]) {
    colloquy()
        .current_dir(fixtures())
        .args(["corpus", ".", "--out"])
        .arg(out)
        .args(["--format", format])
        .args(args)
        .assert()
        .success()
        .stderr("");
}

/// A table's cells as strings, the way CSV writes them (null = empty, lists joined by `|`,
/// floats by Rust's shortest round-trip form).
type Rows = Vec<Vec<String>>;

fn csv_rows(path: &Path) -> (Vec<String>, Rows) {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.expect("a row").iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

fn json_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) if n.is_f64() => n.as_f64().map(|f| f.to_string()).unwrap_or_default(),
        Value::Array(items) => items.iter().map(json_cell).collect::<Vec<_>>().join("|"),
        other => other.to_string(),
    }
}

fn jsonl_rows(path: &Path, header: &[String]) -> Rows {
    read(path)
        .lines()
        .map(|line| {
            let object: serde_json::Map<String, Value> = serde_json::from_str(line).expect("a JSON object a line");
            let keys: Vec<&String> = object.keys().collect();
            let mut sorted_header: Vec<&String> = header.iter().collect();
            sorted_header.sort();
            assert_eq!(keys, sorted_header, "{line}");
            assert!(line.starts_with(&format!("{{\"{}\":", header[0])), "columns in order: {line}");
            header.iter().map(|h| json_cell(&object[h])).collect()
        })
        .collect()
}

/// The Parquet table `name` in `dir` (one file, or the parts of its folder in order):
/// the header, the Arrow types and nullability, and the cells as strings.
fn parquet_rows(dir: &Path, name: &str) -> (Vec<String>, Vec<(DataType, bool)>, Rows) {
    let single = dir.join(format!("{name}.parquet"));
    let files: Vec<PathBuf> = if single.exists() {
        vec![single]
    } else {
        let mut parts: Vec<PathBuf> =
            fs::read_dir(dir.join(name)).expect("a parts folder").map(|e| e.expect("an entry").path()).collect();
        parts.sort();
        parts
    };
    let (mut header, mut types, mut rows) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let builder = ParquetRecordBatchReaderBuilder::try_new(fs::File::open(&file).expect("a Parquet file"))
            .expect("a Parquet file");
        let schema = builder.schema().clone();
        header = schema.fields().iter().map(|f| f.name().clone()).collect();
        types = schema.fields().iter().map(|f| (f.data_type().clone(), f.is_nullable())).collect();
        for batch in builder.build().expect("a reader") {
            let batch = batch.expect("a record batch");
            for i in 0..batch.num_rows() {
                rows.push(batch.columns().iter().map(|c| arrow_cell(c.as_ref(), i)).collect());
            }
        }
    }
    (header, types, rows)
}

fn arrow_cell(column: &dyn Array, i: usize) -> String {
    if column.is_null(i) {
        return String::new();
    }
    let any = column.as_any();
    if let Some(a) = any.downcast_ref::<UInt32Array>() {
        a.value(i).to_string()
    } else if let Some(a) = any.downcast_ref::<UInt64Array>() {
        a.value(i).to_string()
    } else if let Some(a) = any.downcast_ref::<Float64Array>() {
        a.value(i).to_string()
    } else if let Some(a) = any.downcast_ref::<BooleanArray>() {
        a.value(i).to_string()
    } else if let Some(a) = any.downcast_ref::<StringArray>() {
        a.value(i).to_owned()
    } else if let Some(a) = any.downcast_ref::<ListArray>() {
        let items = a.value(i);
        (0..items.len()).map(|j| arrow_cell(items.as_ref(), j)).collect::<Vec<_>>().join("|")
    } else {
        panic!("an unexpected column type {:?}", column.data_type())
    }
}

// ---- the tables ----

#[test]
fn the_five_tables_of_the_fixture_corpus() {
    let out = tempdir();
    corpus(out.path(), "csv", &[]);
    for (table, want) in TABLES.iter().zip(EXPECTED) {
        assert_eq!(read(&out.path().join(format!("{table}.csv"))), want, "{table}.csv");
    }
}

#[test]
fn csv_jsonl_and_parquet_agree() {
    let (csv, jsonl, parquet) = (tempdir(), tempdir(), tempdir());
    corpus(csv.path(), "csv", &[]);
    corpus(jsonl.path(), "jsonl", &[]);
    corpus(parquet.path(), "parquet", &[]);
    let u32 = (DataType::UInt32, false);
    let u64 = (DataType::UInt64, false);
    let text = (DataType::Utf8, false);
    let maybe_text = (DataType::Utf8, true);
    let mut types: BTreeMap<&str, Vec<(DataType, bool)>> = BTreeMap::new();
    let list = DataType::List(std::sync::Arc::new(arrow_schema::Field::new("item", DataType::Utf8, true)));
    types.insert(
        "documents",
        vec![
            u32.clone(),
            text.clone(),
            maybe_text.clone(),
            maybe_text.clone(),
            text.clone(),
            maybe_text,
            u64.clone(),
            u64.clone(),
            u64.clone(),
            u64.clone(),
            u64.clone(),
            u64.clone(),
            (list, false),
        ],
    );
    types.insert(
        "speakers",
        vec![
            u32.clone(),
            text.clone(),
            text.clone(),
            (DataType::Boolean, false),
            u64.clone(),
            (DataType::Float64, false),
            u64.clone(),
        ],
    );
    types.insert("terms", vec![u32.clone(), text.clone(), text.clone(), text.clone(), u64.clone()]);
    types.insert("phrases", vec![u32.clone(), text.clone(), (DataType::UInt32, false), u64.clone()]);
    types.insert(
        "turns",
        vec![u32, u64.clone(), text.clone(), text, u64, (DataType::UInt64, true), (DataType::UInt64, true)],
    );
    for table in TABLES {
        let (header, rows) = csv_rows(&csv.path().join(format!("{table}.csv")));
        assert!(!rows.is_empty(), "{table} has rows");
        assert_eq!(jsonl_rows(&jsonl.path().join(format!("{table}.jsonl")), &header), rows, "{table}.jsonl");
        let (p_header, p_types, p_rows) = parquet_rows(parquet.path(), table);
        assert_eq!(p_header, header, "{table}.parquet columns");
        assert_eq!(p_rows, rows, "{table}.parquet rows");
        assert_eq!(Some(&p_types), types.get(table), "{table}.parquet types");
    }
}

#[test]
fn one_thread_and_two_write_the_same_bytes() {
    // The fixtures, and 150 small documents: three batches, analysed out of order by two
    // threads, written in order.
    let dir = tempdir();
    let many = dir.path().join("many");
    fs::create_dir_all(&many).expect("a folder");
    for i in 0..150 {
        let text = format!("Ann: Number {i} is here. Ferry {i}.\nBob{}: Hi {i}, ferry and pier.\n", i % 7);
        fs::write(many.join(format!("{i:03}.txt")), text).expect("write");
    }
    let run = |jobs: &str| {
        let out = dir.path().join(format!("out-{jobs}"));
        colloquy()
            .current_dir(fixtures())
            .args(["corpus", "."])
            .arg(&many)
            .arg("--out")
            .arg(&out)
            .args(["--format", "csv", "--jobs", jobs])
            .assert()
            .success();
        out
    };
    let (one, two) = (run("1"), run("2"));
    for table in TABLES {
        let file = format!("{table}.csv");
        let (a, b) = (fs::read(one.join(&file)).ok(), fs::read(two.join(&file)).ok());
        assert!(a.as_ref().is_some_and(|a| a.len() > 100), "{file}");
        assert_eq!(a, b, "{file}");
    }
    let (_, rows) = csv_rows(&one.join("documents.csv"));
    assert_eq!(rows.len(), 153);
}

// ---- bad files ----

/// The fixture corpus copied into `dir/corpus/`, with a binary file, a file that is not
/// UTF-8, an empty file and a hidden file among the documents.
fn corpus_with_bad_files(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    for entry in ["briefings", "interviews"] {
        fs::create_dir_all(root.join(entry)).expect("a folder");
        for file in fs::read_dir(fixtures().join(entry)).expect("the fixtures") {
            let file = file.expect("an entry").path();
            fs::copy(&file, root.join(entry).join(file.file_name().expect("a name"))).expect("a copy");
        }
    }
    fs::write(root.join("briefings/2024-01-12-chart.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    fs::write(root.join("briefings/2024-01-19-notes.txt"), b"Maria Lopez: caf\xE9 au lait\n").expect("write");
    fs::write(root.join("interviews/empty.txt"), b"").expect("write");
    fs::write(root.join("interviews/.draft.txt"), b"Maria Lopez: not this one.\n").expect("write");
    root
}

#[test]
fn bad_files_are_named_and_skipped_and_the_rest_analysed() {
    let dir = tempdir();
    let root = corpus_with_bad_files(dir.path());
    let out = dir.path().join("out");
    let assert = colloquy()
        .current_dir(&root)
        .args(["corpus", ".", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .code(3)
        .stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with("colloquy: skipped ./briefings/2024-01-12-chart.png: looks like a binary file (PNG"),
        "{stderr}"
    );
    assert_eq!(
        lines[1],
        "colloquy: skipped ./briefings/2024-01-19-notes.txt: not valid UTF-8 (invalid byte at offset 16, line 1)"
    );
    assert_eq!(lines[2], "colloquy: skipped ./interviews/empty.txt: empty (no text)");
    // The three good documents, numbered 0, 1, 2 as if the bad ones were not there.
    let clean = tempdir();
    corpus(clean.path(), "csv", &[]);
    for table in TABLES {
        let file = format!("{table}.csv");
        assert_eq!(read(&out.join(&file)), read(&clean.path().join(&file)), "{file}");
    }
}

#[test]
fn missing_paths_and_empty_patterns_are_skipped_too() {
    let out = tempdir();
    colloquy()
        .current_dir(fixtures())
        .args(["corpus", "briefings/2024-01-05-briefing.txt", "nowhere.txt", "interviews/*.vtt", "--out"])
        .arg(out.path())
        .args(["--format", "csv"])
        .assert()
        .code(3)
        .stderr(
            "colloquy: skipped nowhere.txt: no such file\n\
             colloquy: skipped interviews/*.vtt: no file matches this pattern\n",
        );
    let (_, rows) = csv_rows(&out.path().join("documents.csv"));
    assert_eq!(rows.len(), 1);
}

#[test]
fn no_readable_file_is_a_failure_and_writes_nothing() {
    let dir = tempdir();
    fs::write(dir.path().join("empty.txt"), b"  \n").expect("write");
    let out = dir.path().join("out");
    colloquy().args(["corpus"]).arg(dir.path().join("empty.txt")).arg("--out").arg(&out).assert().code(1).stderr(
        predicate::str::contains("empty (no text)")
            .and(predicate::str::contains("colloquy: the one file given could not be read; no tables written")),
    );
    assert!(!out.exists());
}

#[test]
fn globs_expand_sorted() {
    let out = tempdir();
    colloquy()
        .current_dir(fixtures())
        .args(["corpus", "*/2024-0[12]-*.txt", "--out"])
        .arg(out.path())
        .args(["--format", "csv"])
        .assert()
        .success();
    let (_, rows) = csv_rows(&out.path().join("documents.csv"));
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["2024-01-05-briefing.txt", "2024-02-09-briefing.txt"]);
}

// ---- Parquet parts ----

#[test]
fn a_big_parquet_table_is_split_into_parts_of_whole_batches() {
    let dir = tempdir();
    let root = dir.path().join("many");
    fs::create_dir_all(&root).expect("a folder");
    for i in 0..130 {
        fs::write(root.join(format!("{i:03}.txt")), format!("Ann: Hello number {i}.\nBob: Hi {i}.\n")).expect("write");
    }
    let out = dir.path().join("out");
    // A stale part from an earlier run is removed.
    fs::create_dir_all(out.join("documents")).expect("a folder");
    fs::write(out.join("documents/part-00009.parquet"), b"stale").expect("write");
    colloquy().arg("corpus").arg(&root).arg("--out").arg(&out).args(["--rows-per-file", "64"]).assert().success();
    // 130 documents in batches of 64: 64 rows, then a new part for each later batch.
    assert!(!out.join("documents.parquet").exists());
    let parts: Vec<String> = {
        let mut p: Vec<String> = fs::read_dir(out.join("documents"))
            .expect("parts")
            .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        p.sort();
        p
    };
    assert_eq!(parts, ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]);
    let (_, _, rows) = parquet_rows(&out, "documents");
    let numbers: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let want: Vec<String> = (0..130).map(|i| i.to_string()).collect();
    assert_eq!(numbers, want);
    // Below the limit, a table is one file.
    assert!(out.join("speakers").exists() && !out.join("speakers.parquet").exists());
    let small = dir.path().join("small");
    colloquy().arg("corpus").arg(&root).arg("--out").arg(&small).assert().success();
    assert!(small.join("documents.parquet").exists() && !small.join("documents").exists());
}

// ---- views ----

/// Runs `colloquy corpus . ARGS…` in the fixtures' folder, expecting success; stdout.
fn view(args: &[&str]) -> String {
    let out = colloquy().current_dir(fixtures()).args(["corpus", "."]).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

#[test]
fn the_documents_view_as_csv_is_the_documents_table() {
    assert_eq!(view(&["--view", "documents", "--format", "csv"]), EXPECTED[0]);
    let table = view(&["--view", "documents"]);
    assert!(table.contains("3 documents, 158 words, 15 turns, 4 speakers"), "{table}");
}

#[test]
fn the_speakers_view_matches_one_speaker_across_spellings() {
    let json: Value = serde_json::from_str(&view(&["--view", "speakers", "--format", "json"])).expect("JSON");
    let maria = &json[0];
    assert_eq!(maria["name"], "Maria Lopez");
    assert_eq!(maria["key"], "maria lopez");
    assert_eq!(
        (maria["words"].as_u64(), maria["turns"].as_u64(), maria["documents"].as_u64()),
        (Some(120), Some(8), Some(3))
    );
    assert_eq!(maria["names"], serde_json::json!(["Maria Lopez", "MARIA LOPEZ"]));
    let per: Vec<u64> = maria["perDocument"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["words"].as_u64()).collect())
        .unwrap_or_default();
    assert_eq!(per, [42, 42, 36]);
}

#[test]
fn the_trends_view_follows_the_terms_asked_for() {
    let csv = view(&["--view", "trends", "--terms", "Ferry,pier", "--format", "csv"]);
    let (header, rows) = csv_records(&csv);
    assert_eq!(header, ["term", "document", "name", "date", "count", "per10k"]);
    let counts: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[1], &r[4])).collect();
    assert_eq!(
        counts,
        [
            ("ferry", "0", "3"),
            ("ferry", "1", "3"),
            ("ferry", "2", "2"),
            ("pier", "0", "0"),
            ("pier", "1", "0"),
            ("pier", "2", "3")
        ]
    );
    assert_eq!(rows[5][5].parse::<f64>().ok(), Some(3.0 * 10_000.0 / 53.0));
}

#[test]
fn the_keyness_view_compares_two_sets_of_documents() {
    let json: Value =
        serde_json::from_str(&view(&["--view", "keyness", "--a", "briefings", "--b", "rest", "--format", "json"]))
            .expect("JSON");
    assert_eq!(json["aDocuments"], serde_json::json!([0, 1]));
    assert_eq!(json["bDocuments"], serde_json::json!([2]));
    assert_eq!((json["aWords"].as_u64(), json["bWords"].as_u64()), (Some(105), Some(53)));
    assert_eq!(json["key"][0]["term"], "timetable");
    assert_eq!(json["avoided"][0]["term"], "harbour");
    // A date range picks the same documents.
    let dates: Value = serde_json::from_str(&view(&[
        "--view",
        "keyness",
        "--a",
        "2024-01-01..2024-02-29",
        "--b",
        "2024-03..",
        "--format",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(dates, json);
    colloquy()
        .current_dir(fixtures())
        .args(["corpus", ".", "--view", "keyness", "--a", "nowhere"])
        .assert()
        .code(1)
        .stderr("colloquy: group a has no documents\n");
}

#[test]
fn the_frequency_view_counts_documents() {
    let (header, rows) = csv_records(&view(&["--view", "frequency", "--format", "csv", "--limit", "2"]));
    assert_eq!(header, ["kind", "text", "n", "documents", "count"]);
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().collect()).collect();
    assert_eq!(
        rows,
        [
            vec!["term", "ferry", "1", "3", "8"],
            vec!["term", "dredging", "1", "2", "5"],
            vec!["phrase", "ferry timetable", "2", "2", "5"]
        ]
    );
}

#[test]
fn the_concordance_view_names_each_hits_document() {
    let (header, rows) =
        csv_records(&view(&["--view", "kwic", "--query", "ferry timetable", "--width", "2", "--format", "csv"]));
    assert_eq!(header[..6], ["document", "name", "speaker", "left", "match", "right"]);
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().take(6).collect()).collect();
    let docs: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    // Five times in two documents (the frequency view's count), in document order.
    assert_eq!(docs.len(), 5);
    assert!(docs.windows(2).all(|w| w[0] <= w[1]), "{docs:?}");
    assert_eq!(
        rows[0],
        ["0", "2024-01-05-briefing.txt", "Maria Lopez", "morning. The ", "ferry timetable", " changes on"]
    );
    // Each hit's offsets slice its own document's text.
    let text = read(&fixtures().join("briefings/2024-01-05-briefing.txt"));
    let (_, all) = csv_records(&view(&["--view", "kwic", "--query", "ferry", "--format", "csv"]));
    let first = all.first().expect("a hit");
    let at = |i: usize| first.get(i).and_then(|s| s.parse::<usize>().ok()).expect("an offset");
    assert_eq!(&text[at(6)..at(7)], "ferry");
    let usage = colloquy().current_dir(fixtures()).args(["corpus", ".", "--view", "kwic"]).assert().code(2);
    usage.stderr(predicate::str::contains("--query"));
}

#[test]
fn usage_errors_are_reported_before_reading() {
    let usage = |args: &[&str], message: &str| {
        colloquy()
            .current_dir(fixtures())
            .args(["corpus", "."])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    };
    usage(&[], "--out");
    usage(&["--out", "x", "--view", "documents"], "cannot be used with");
    usage(&["--view", "documents", "--format", "parquet"], "--view prints --format table, json or csv");
    usage(&["--out", "x", "--format", "table"], "--out writes --format parquet, csv or jsonl");
    usage(&["--view", "keyness"], "--view keyness needs --a SET");
    usage(&["--view", "keyness", "--a", ".."], "a date range needs FROM, TO or both");
    usage(&["--out", "x", "--jobs", "0"], "--jobs");
}

fn csv_records(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    (header, reader.records().map(|r| r.expect("a row")).collect())
}

/// The fixture corpus's tables, checked by hand against the three transcripts: words and
/// turns counted, `MARIA LOPEZ` and `Maria  Lopez` one `speaker_key`, the interview's
/// `[hh:mm:ss]` starts in milliseconds (no ends: the labels give starts only), dates and
/// groups from the paths, the headings (`Harbour Authority weekly briefing`) left out.
const EXPECTED: [&str; 5] = [
    // documents
    r#"document,name,date,group,format,language,bytes,words,types,sentences,turns,speakers,top_terms
0,2024-01-05-briefing.txt,2024-01-05,briefings,text,en,406,52,30,9,5,2,crossings|evening|ferry|timetable|fares|run|adds|board|changes|good
1,2024-02-09-briefing.txt,2024-02-09,briefings,text,en,410,53,32,9,5,2,dredging|channel|ferry|north|open|stays|timetable|afternoon|around|change
2,2024-03-15-interview.txt,2024-03-15,interviews,text,en,397,53,35,8,5,2,harbour|new|pier|ferry|us|busier|carries|cars|comes|dredging
"#,
    // speakers
    r#"document,speaker,speaker_key,attributed,words,share,turns
0,Maria Lopez,maria lopez,true,42,0.8076923076923077,3
0,Tom Baker,tom baker,true,10,0.19230769230769232,2
1,MARIA LOPEZ,maria lopez,true,42,0.7924528301886793,3
1,Priya Nair,priya nair,true,11,0.20754716981132076,2
2,Maria Lopez,maria lopez,true,36,0.6792452830188679,2
2,Sam Ortiz,sam ortiz,true,17,0.32075471698113206,3
"#,
    // terms
    r#"document,speaker,speaker_key,term,count
0,Maria Lopez,maria lopez,crossings,2
0,Tom Baker,tom baker,crossings,1
0,Maria Lopez,maria lopez,evening,2
0,Tom Baker,tom baker,evening,1
0,Maria Lopez,maria lopez,ferry,3
0,Maria Lopez,maria lopez,timetable,3
0,Maria Lopez,maria lopez,fares,1
0,Tom Baker,tom baker,fares,1
0,Maria Lopez,maria lopez,run,1
0,Tom Baker,tom baker,run,1
0,Maria Lopez,maria lopez,adds,1
0,Maria Lopez,maria lopez,board,1
0,Maria Lopez,maria lopez,changes,1
0,Maria Lopez,maria lopez,good,1
0,Maria Lopez,maria lopez,monday,1
0,Maria Lopez,maria lopez,morning,1
0,Maria Lopez,maria lopez,new,1
0,Maria Lopez,maria lopez,notice,1
0,Maria Lopez,maria lopez,online,1
0,Maria Lopez,maria lopez,permitting,1
0,Maria Lopez,maria lopez,stay,1
0,Maria Lopez,maria lopez,two,1
0,Maria Lopez,maria lopez,weather,1
0,Tom Baker,tom baker,winter,1
0,Maria Lopez,maria lopez,year,1
0,Maria Lopez,maria lopez,yes,1
1,MARIA LOPEZ,maria lopez,dredging,3
1,Priya Nair,priya nair,dredging,1
1,MARIA LOPEZ,maria lopez,channel,3
1,MARIA LOPEZ,maria lopez,ferry,2
1,Priya Nair,priya nair,ferry,1
1,MARIA LOPEZ,maria lopez,north,2
1,MARIA LOPEZ,maria lopez,open,2
1,MARIA LOPEZ,maria lopez,stays,2
1,MARIA LOPEZ,maria lopez,timetable,1
1,Priya Nair,priya nair,timetable,1
1,MARIA LOPEZ,maria lopez,afternoon,1
1,MARIA LOPEZ,maria lopez,around,1
1,Priya Nair,priya nair,change,1
1,MARIA LOPEZ,maria lopez,crossings,1
1,MARIA LOPEZ,maria lopez,good,1
1,MARIA LOPEZ,maria lopez,keeps,1
1,Priya Nair,priya nair,long,1
1,MARIA LOPEZ,maria lopez,next,1
1,MARIA LOPEZ,maria lopez,night,1
1,MARIA LOPEZ,maria lopez,six,1
1,MARIA LOPEZ,maria lopez,starts,1
1,Priya Nair,priya nair,take,1
1,MARIA LOPEZ,maria lopez,week,1
1,MARIA LOPEZ,maria lopez,weeks,1
1,MARIA LOPEZ,maria lopez,works,1
2,Maria Lopez,maria lopez,harbour,1
2,Sam Ortiz,sam ortiz,harbour,2
2,Maria Lopez,maria lopez,new,3
2,Maria Lopez,maria lopez,pier,3
2,Maria Lopez,maria lopez,ferry,2
2,Sam Ortiz,sam ortiz,us,2
2,Maria Lopez,maria lopez,busier,1
2,Maria Lopez,maria lopez,carries,1
2,Maria Lopez,maria lopez,cars,1
2,Sam Ortiz,sam ortiz,comes,1
2,Maria Lopez,maria lopez,dredging,1
2,Maria Lopez,maria lopez,early,1
2,Maria Lopez,maria lopez,ever,1
2,Maria Lopez,maria lopez,finished,1
2,Sam Ortiz,sam ortiz,joining,1
2,Sam Ortiz,sam ortiz,next,1
2,Maria Lopez,maria lopez,night,1
2,Maria Lopez,maria lopez,opens,1
2,Maria Lopez,maria lopez,summer,1
2,Sam Ortiz,sam ortiz,tell,1
2,Sam Ortiz,sam ortiz,thank,1
2,Sam Ortiz,sam ortiz,thanks,1
2,Maria Lopez,maria lopez,use,1
"#,
    // phrases
    r#"document,phrase,n,count
0,ferry timetable,2,3
0,evening crossings run,3,2
1,ferry timetable,2,2
1,north channel,2,2
2,new pier,2,3
"#,
    // turns
    r#"document,turn,speaker,speaker_key,words,start_ms,end_ms
0,0,Maria Lopez,maria lopez,18,,
0,1,Tom Baker,tom baker,7,,
0,2,Maria Lopez,maria lopez,9,,
0,3,Tom Baker,tom baker,3,,
0,4,Maria Lopez,maria lopez,15,,
1,0,MARIA LOPEZ,maria lopez,19,,
1,1,Priya Nair,priya nair,6,,
1,2,MARIA LOPEZ,maria lopez,9,,
1,3,Priya Nair,priya nair,5,,
1,4,MARIA LOPEZ,maria lopez,14,,
2,0,Sam Ortiz,sam ortiz,9,5000,
2,1,Maria Lopez,maria lopez,16,12000,
2,2,Sam Ortiz,sam ortiz,6,62000,
2,3,Maria Lopez,maria lopez,20,80000,
2,4,Sam Ortiz,sam ortiz,2,161000,
"#,
];
