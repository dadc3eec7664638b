//! End-to-end tests of the query subcommands: `kwic`, `collocates`, `dispersion`.

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

/// Runs `colloquy SUBCOMMAND SEED ARGS…`, expects success and returns stdout.
fn on_seed(subcommand: &str, args: &[&str]) -> String {
    let out = colloquy().arg(subcommand).arg(seed()).args(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

/// As [`on_seed`], parsing the output as JSON.
fn json_on_seed(subcommand: &str, args: &[&str]) -> Value {
    serde_json::from_str(&on_seed(subcommand, args)).expect("stdout is JSON")
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().expect("an array")
}

/// Runs `colloquy ARGS` on the seed's path in place of `SEED`, expects exit code 2
/// with nothing on stdout and `message` on stderr.
fn usage_error(args: &[&str], message: &str) {
    let seed = seed();
    let args: Vec<&str> =
        args.iter().map(|&a| if a == "SEED" { seed.to_str().unwrap_or_default() } else { a }).collect();
    colloquy().args(&args).assert().code(2).stdout("").stderr(predicate::str::contains(message));
}

fn csv_records(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    (header, reader.records().map(|r| r.expect("a row")).collect())
}

/// The lowercased words of `s`, as the core compares contexts when sorting.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

// ---- kwic ----

#[test]
fn kwic_finds_every_cis_with_its_speaker_and_true_offsets() {
    let hits = json_on_seed("kwic", &["cis"]);
    let hits = array(&hits);
    // 23 in the file; the two in the headline (a heading, not speech) are not hits;
    // `CIS-UN` is, its `CIS` part marked as inside a compound.
    assert_eq!(hits.len(), 22);
    let inside: Vec<&Value> = hits.iter().filter(|h| h["inCompound"] == true).collect();
    assert_eq!(inside.len(), 1, "{inside:?}");
    assert!(inside.iter().all(|h| h["right"].as_str().is_some_and(|r| r.starts_with("-UN"))));
    let file = std::fs::read(seed()).expect("the seed is readable");
    let mut previous = None;
    for h in hits {
        assert_eq!(h["match"], "CIS", "{h}");
        assert!(h["speaker"].as_str().is_some_and(|s| !s.is_empty()), "{h}");
        let (start, end) = (h["start"].as_u64().unwrap_or(0) as usize, h["end"].as_u64().unwrap_or(0) as usize);
        assert_eq!(file.get(start..end), Some(&b"CIS"[..]), "offsets are bytes of the file");
        assert!(h["left"].is_string() && h["right"].is_string() && h["token"].is_u64());
        assert!(previous < Some(start), "in text order");
        previous = Some(start);
    }
    let speakers: Vec<&str> = hits.iter().filter_map(|h| h["speaker"].as_str()).collect();
    assert!(speakers.contains(&"Sergey Lavrov") && speakers.contains(&"Question"), "{speakers:?}");
}

#[test]
fn kwic_sort_right_orders_hits_by_right_context() {
    let hits = json_on_seed("kwic", &["cis", "--sort", "right"]);
    let keys: Vec<Vec<String>> = array(&hits).iter().map(|h| words(h["right"].as_str().unwrap_or_default())).collect();
    assert_eq!(keys.len(), 22);
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    // The first two right contexts start with punctuation: "CIS, the CSTO" and "CIS. But".
    assert_eq!(keys.first().and_then(|k| k.first()).map(String::as_str), Some(","));
    let positions: Vec<u64> = array(&hits).iter().filter_map(|h| h["start"].as_u64()).collect();
    assert!(positions.windows(2).any(|w| w[0] > w[1]), "not in text order");
}

#[test]
fn kwic_sort_left_orders_hits_by_the_nearest_word_first() {
    let hits = json_on_seed("kwic", &["cis", "--sort", "left"]);
    let keys: Vec<Vec<String>> = array(&hits)
        .iter()
        .map(|h| {
            let mut w = words(h["left"].as_str().unwrap_or_default());
            w.reverse();
            w
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
}

#[test]
fn kwic_width_and_limit() {
    let hits = json_on_seed("kwic", &["cis", "--width", "2", "--limit", "3"]);
    let hits = array(&hits);
    assert_eq!(hits.len(), 3);
    for h in hits {
        assert!(words(h["left"].as_str().unwrap_or_default()).len() <= 2, "{h}");
        assert!(words(h["right"].as_str().unwrap_or_default()).len() <= 2, "{h}");
    }
    assert_eq!(hits[2]["left"], "chairs the ");
    assert_eq!(hits[2]["right"], " this year");
}

#[test]
fn kwic_matches_phrases_with_wildcards() {
    let hits = json_on_seed("kwic", &["foreign minist*"]);
    let matches: Vec<&str> = array(&hits).iter().filter_map(|h| h["match"].as_str()).collect();
    assert_eq!(matches.len(), 5);
    assert!(matches.iter().all(|m| m.starts_with("Foreign Minist")), "{matches:?}");
    assert!(matches.contains(&"Foreign Ministries"), "{matches:?}");
}

#[test]
fn kwic_of_several_queries_is_one_concordance() {
    let cis = array(&json_on_seed("kwic", &["cis"])).len();
    let council = array(&json_on_seed("kwic", &["council of foreign ministers"])).len();
    // `CIS` finds what `cis` finds: those hits come once.
    let both = json_on_seed("kwic", &["cis", "council of foreign ministers", "CIS", "--sort", "right"]);
    let both = array(&both);
    assert_eq!(both.len(), cis + council);
    let keys: Vec<Vec<String>> = both.iter().map(|h| words(h["right"].as_str().unwrap_or(""))).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "one list sorted by the right context: {keys:?}");
    let table = on_seed("kwic", &["cis", "council of foreign ministers", "--format", "table"]);
    assert!(
        table.starts_with(&format!("{} hits for \"cis\" or \"council of foreign ministers\"\n", cis + council)),
        "{table}"
    );
}

#[test]
fn kwic_table_is_a_concordance() {
    let out = on_seed("kwic", &["cis", "--format", "table"]);
    assert!(out.starts_with("22 hits for \"cis\"\n"), "{out}");
    assert!(out.contains("Sergey Lavrov") && out.contains("Question") && out.contains("(unattributed)"), "{out}");
    assert!(!out.contains('\x1b'), "no bold when stdout is not a terminal");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("  CIS  ")).collect();
    assert_eq!(lines.len(), 22, "one line a hit, contexts on one line:\n{out}");
    // The match starts in the same column on every line.
    let columns: Vec<usize> =
        lines.iter().filter_map(|l| l.find("  CIS  ").and_then(|i| l.get(..i)).map(|s| s.chars().count())).collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{out}");
    // A context across a paragraph break is shown on one line.
    assert!(out.contains("Colleagues, We have completed the session of the  CIS"), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 160), "{out}");
}

#[test]
fn kwic_csv_has_a_header_and_a_row_per_hit() {
    let out = on_seed("kwic", &["cis", "--format", "csv"]);
    assert!(out.starts_with("speaker,left,match,right,start,end,in_compound\n"), "{out}");
    let (_, rows) = csv_records(&out);
    assert_eq!(rows.len(), 22);
    assert!(rows.iter().all(|r| &r[2] == "CIS" && !r[0].is_empty()));
    assert_eq!(rows.iter().filter(|r| &r[6] == "true").count(), 1);
    assert_eq!(&rows[0][4], "279");
    assert_eq!(&rows[0][5], "282");
}

#[test]
fn kwic_reads_standard_input_and_takes_the_document_options() {
    let out = colloquy()
        .args(["kwic", "-", "post-soviet", "--alias", "Q=Question"])
        .write_stdin("Q: The post-Soviet space.\nA: Post-Soviet, yes.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits: Value = serde_json::from_slice(&out).expect("JSON");
    let speakers: Vec<&str> = array(&hits).iter().filter_map(|h| h["speaker"].as_str()).collect();
    assert_eq!(speakers, ["Question", "A"]);
    let split = colloquy()
        .args(["kwic", "-", "soviet", "--split-hyphens"])
        .write_stdin("Q: The post-Soviet space.\nA: Post-Soviet, yes.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits: Value = serde_json::from_slice(&split).expect("JSON");
    assert_eq!(array(&hits).len(), 2);
    assert_eq!(hits[0]["match"], "Soviet");
}

#[test]
fn kwic_without_compounds_finds_whole_tokens_only() {
    let hits = json_on_seed("kwic", &["cis", "--no-compounds"]);
    assert_eq!(array(&hits).len(), 21, "the term's count");
    assert!(array(&hits).iter().all(|h| h["inCompound"] == false));
    let un = json_on_seed("kwic", &["un"]);
    assert_eq!(array(&un).iter().filter(|h| h["match"] == "UN" && h["inCompound"] == true).count(), 1, "{un}");
}

#[test]
fn kwic_with_no_hits_is_not_an_error() {
    assert_eq!(on_seed("kwic", &["zebra"]), "[]\n");
    assert_eq!(on_seed("kwic", &["zebra", "--format", "table"]), "0 hits for \"zebra\"\n");
    assert_eq!(on_seed("kwic", &["zebra", "--format", "csv"]), "speaker,left,match,right,start,end,in_compound\n");
}

#[test]
fn kwic_usage_errors() {
    usage_error(&["kwic", "SEED"], "<QUERY>");
    usage_error(&["kwic", "SEED", "  "], "the query is empty");
    usage_error(&["kwic", "SEED", "cis", "--sort", "middle"], "middle");
    usage_error(&["kwic", "SEED", "cis", "--width", "wide"], "--width");
    usage_error(&["kwic", "SEED", "cis", "--alias", "Lavrov"], "FROM=TO");
}

// ---- collocates ----

fn terms(collocates: &Value) -> Vec<&str> {
    array(collocates).iter().filter_map(|c| c["term"].as_str()).collect()
}

#[test]
fn collocates_of_foreign_include_ministers() {
    let c = json_on_seed("collocates", &["foreign", "--min-count", "2"]);
    assert!(terms(&c).contains(&"ministers"), "{:?}", terms(&c));
    let ministers = array(&c).iter().find(|c| c["term"] == "ministers").expect("ministers");
    assert_eq!(ministers["count"], 3);
    assert_eq!(ministers["nodeCount"], 6);
    assert_eq!(ministers["collocateCount"], 3);
    assert!(ministers["mi"].is_null(), "MI is only reported from 5 co-occurrences");
    for key in ["t", "logDice", "g2"] {
        assert!(ministers[key].as_f64().is_some_and(f64::is_finite), "{key}: {ministers}");
    }
    // Sorted by logDice, highest first; nothing below --min-count.
    let dice: Vec<f64> = array(&c).iter().filter_map(|c| c["logDice"].as_f64()).collect();
    assert!(dice.windows(2).all(|w| w[0] >= w[1]), "{dice:?}");
    assert!(array(&c).iter().all(|c| c["count"].as_u64() >= Some(2)));
    // MI is there from 5 co-occurrences (none in the seed's speech: a text of our own).
    let text = "Ann: The foreign ministers met. The foreign ministers spoke. The foreign ministers left.\nBen: The foreign ministers ate. The foreign ministers slept.\n";
    let out = colloquy()
        .args(["collocates", "-", "foreign"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let c: Value = serde_json::from_slice(&out).expect("stdout is JSON");
    let ministers = array(&c).iter().find(|c| c["term"] == "ministers").expect("ministers");
    assert!(ministers["count"].as_u64() >= Some(5) && ministers["mi"].is_f64(), "{ministers}");
}

#[test]
fn collocates_min_count_window_and_top() {
    let default = json_on_seed("collocates", &["foreign"]);
    assert!(!terms(&default).contains(&"minister"), "minister is seen twice, below the default --min-count 3");
    let cis = |c: &Value| array(c).iter().find(|c| c["term"] == "cis").map(|c| c["count"].clone());
    let wide = json_on_seed("collocates", &["foreign", "--min-count", "2"]);
    let narrow = json_on_seed("collocates", &["foreign", "--min-count", "2", "--window", "1"]);
    assert_eq!(cis(&wide), Some(Value::from(3)), "CIS within ±5 words of foreign");
    assert_eq!(cis(&narrow), Some(Value::from(2)), "CIS right next to foreign");
    let top = json_on_seed("collocates", &["foreign", "--min-count", "1", "--top", "2", "--sort", "count"]);
    assert_eq!(array(&top).len(), 2);
    assert_eq!(top[0]["term"], "cis");
    assert_eq!(top[0]["count"], 3);
}

#[test]
fn bigrams_include_united_states() {
    let c = json_on_seed("collocates", &["--bigrams"]);
    assert!(terms(&c).contains(&"united states"), "{:?}", terms(&c));
    assert!(terms(&c).contains(&"foreign ministers"), "{:?}", terms(&c));
    assert!(terms(&c).iter().all(|t| t.split(' ').count() == 2));
}

#[test]
fn collocates_table_has_the_measures_and_a_legend() {
    let out = on_seed("collocates", &["foreign", "--min-count", "2", "--format", "table"]);
    assert!(out.starts_with("Collocates of \"foreign\" within ±5 words, seen at least 2 times, by logDice\n"), "{out}");
    for header in ["Term", "Count", "Node", "Collocate", "MI", "t", "logDice", "G²"] {
        assert!(out.contains(header), "{header}: {out}");
    }
    // ministers: O = 3, f_node = 6, f_coll = 3; MI blank; t, logDice and G² with two decimals.
    let line = out.lines().find(|l| l.contains(" ministers ")).unwrap_or_default();
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cells.get(1..5), Some(&["ministers", "3", "6", "3"][..]), "{line}");
    assert_eq!(cells.get(6), Some(&"13.42"), "logDice = 14 + log2(8/12): {line}");
    assert!(out.contains("MI = log2(O/E); t = (O−E)/√O; logDice = 14 + log2(2·O/(f_node+f_coll)); G² = log-likelihood"));
    assert!(out.contains("span = 10"), "{out}");
}

#[test]
fn collocates_csv_has_the_same_columns() {
    let out = on_seed("collocates", &["--bigrams", "--format", "csv"]);
    let (header, rows) = csv_records(&out);
    assert_eq!(header, ["term", "count", "nodeCount", "collocateCount", "mi", "t", "logDice", "g2"]);
    let united = rows.iter().find(|r| &r[0] == "united states").expect("a row for united states");
    assert_eq!((&united[1], &united[4]), ("3", ""), "MI is blank below 5");
}

#[test]
fn collocates_needs_exactly_one_of_node_and_bigrams() {
    usage_error(&["collocates", "SEED", "foreign", "--bigrams"], "cannot be used with");
    usage_error(&["collocates", "SEED"], "<NODE|--bigrams>");
    usage_error(&["collocates", "SEED", "foreign", "--window", "0"], "at least 1");
    usage_error(&["collocates", "SEED", "--bigrams", "--window", "2"], "cannot be used with");
    usage_error(&["collocates", "SEED", "foreign ministers"], "one word");
    usage_error(&["collocates", "SEED", "foreign", "--min-count", "0"], "at least 1");
    usage_error(&["collocates", "SEED", "foreign", "--sort", "dice"], "dice");
    usage_error(&["collocates", "SEED", "foreign", "--stopwords", "xx"], "not auto, none, or a language");
}

// ---- dispersion ----

#[test]
fn dispersion_counts_and_dp() {
    let d = json_on_seed("dispersion", &["cis", "lukashenko"]);
    let d = array(&d);
    assert_eq!(d.len(), 2);
    // As kwic finds it: 21 `CIS` and the `CIS` of `CIS-UN`.
    assert_eq!((&d[0]["term"], &d[0]["count"]), (&Value::from("cis"), &Value::from(22)));
    assert_eq!((&d[1]["term"], &d[1]["count"]), (&Value::from("lukashenko"), &Value::from(2)));
    for t in d {
        let dp = t["dp"].as_f64().expect("a DP");
        assert!((0.0..=1.0).contains(&dp), "{dp}");
        let count = t["count"].as_u64().unwrap_or(0) as usize;
        for key in ["positions", "speakers", "starts"] {
            assert_eq!(t[key].as_array().map(Vec::len), Some(count), "{key}");
        }
        let tokens = t["tokens"].as_u64().unwrap_or(0);
        assert!(t["positions"].as_array().is_some_and(|p| p.iter().all(|p| p.as_u64() < Some(tokens))));
    }
    assert_eq!(d[1]["speakers"], serde_json::json!(["Question", "Sergey Lavrov"]));
    // Two occurrences are concentrated; 22 spread over the transcript are more even.
    assert!(d[1]["dp"].as_f64() > d[0]["dp"].as_f64());
}

#[test]
fn dispersion_table_shows_an_x_ray_strip() {
    let out = on_seed("dispersion", &["cis", "lukashenko", "zebra", "--format", "table"]);
    assert!(out.starts_with("Dispersion over 10 equal parts ("), "{out}");
    let strip = |term: &str| -> String {
        let line = out.lines().find(|l| l.trim_start().starts_with(&format!("{term} "))).unwrap_or_default();
        line.split_whitespace().last().unwrap_or_default().to_owned()
    };
    for term in ["cis", "lukashenko", "zebra"] {
        let s = strip(term);
        assert_eq!(s.chars().count(), 60, "{term}: {s:?}");
        assert!(s.chars().all(|c| c == '|' || c == '·'), "{term}: {s:?}");
    }
    assert_eq!(strip("lukashenko").matches('|').count(), 2);
    assert!(strip("cis").matches('|').count() > 10);
    assert_eq!(strip("zebra").matches('|').count(), 0);
    let zebra = out.lines().find(|l| l.trim_start().starts_with("zebra ")).unwrap_or_default();
    assert!(zebra.contains(" 0 ") && zebra.contains('—'), "no DP for a term that does not occur: {zebra}");
    assert!(out.contains("DP = ½·Σ|vᵢ−sᵢ| normalised by 1−min(sᵢ); 0 = even, 1 = concentrated"), "{out}");
    let lukashenko = out.lines().find(|l| l.trim_start().starts_with("lukashenko ")).unwrap_or_default();
    assert!(lukashenko.contains(" 0.889 "), "DP with three decimals: {lukashenko}");
}

#[test]
fn dispersion_over_speakers() {
    let by_slices = json_on_seed("dispersion", &["lukashenko"]);
    let by_speakers = json_on_seed("dispersion", &["lukashenko", "--parts", "speakers"]);
    let dp = |v: &Value| v[0]["dp"].as_f64().unwrap_or(f64::NAN);
    assert!((0.0..=1.0).contains(&dp(&by_speakers)));
    assert!((dp(&by_slices) - dp(&by_speakers)).abs() > 0.1, "{} vs {}", dp(&by_slices), dp(&by_speakers));
    assert_eq!(by_slices[0]["positions"], by_speakers[0]["positions"]);
    let table = on_seed("dispersion", &["lukashenko", "--parts", "speakers", "--format", "table"]);
    assert!(table.starts_with("Dispersion over the speech of 3 speakers"), "{table}");
}

#[test]
fn dispersion_csv_has_a_row_per_occurrence() {
    let out = on_seed("dispersion", &["cis", "lukashenko", "--format", "csv"]);
    let (header, rows) = csv_records(&out);
    assert_eq!(header, ["term", "position", "speaker", "start"]);
    assert_eq!(rows.iter().filter(|r| &r[0] == "cis").count(), 22);
    let lukashenko: Vec<(&str, &str)> = rows.iter().filter(|r| &r[0] == "lukashenko").map(|r| (&r[2], &r[3])).collect();
    assert_eq!(lukashenko.len(), 2);
    let file = std::fs::read(seed()).expect("the seed is readable");
    for (speaker, start) in lukashenko {
        assert!(speaker == "Question" || speaker == "Sergey Lavrov");
        let start: usize = start.parse().expect("an offset");
        assert_eq!(file.get(start..start + 10), Some(&b"Lukashenko"[..]));
    }
}

#[test]
fn spread_prints_both_lists() {
    let table = on_seed("dispersion", &["--spread", "--format", "table"]);
    assert!(table.contains("Most evenly spread") && table.contains("Least evenly spread"), "{table}");
    assert!(table.starts_with("Spread of the terms seen at least 5 times, over 10 equal parts"), "{table}");
    assert!(table.contains("security") && table.contains("host"), "{table}");
    assert!(table.contains("DP = ½·Σ|vᵢ−sᵢ|"), "{table}");
    let s = json_on_seed("dispersion", &["--spread"]);
    let (even, uneven) = (array(&s["even"]), array(&s["uneven"]));
    assert_eq!((even.len(), uneven.len()), (10, 10));
    let dps = |list: &Vec<Value>| list.iter().filter_map(|t| t["dp"].as_f64()).collect::<Vec<f64>>();
    assert!(dps(even).windows(2).all(|w| w[0] <= w[1]), "even: lowest DP first");
    assert!(dps(uneven).windows(2).all(|w| w[0] >= w[1]), "uneven: highest DP first");
    assert!(even.iter().chain(uneven).all(|t| t["count"].as_u64() >= Some(5)));
    let top3 = json_on_seed("dispersion", &["--spread", "--top", "3", "--min-count", "8"]);
    assert_eq!(array(&top3["even"]).len(), 3);
    assert!(array(&top3["uneven"]).iter().all(|t| t["count"].as_u64() >= Some(8)));
    let csv = on_seed("dispersion", &["--spread", "--top", "2", "--format", "csv"]);
    let (header, rows) = csv_records(&csv);
    assert_eq!(header, ["list", "term", "count", "dp"]);
    let lists: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(lists, ["even", "even", "uneven", "uneven"]);
}

#[test]
fn dispersion_usage_errors() {
    usage_error(&["dispersion", "SEED", "cis", "--parts", "0"], "at least 1");
    usage_error(&["dispersion", "SEED", "cis", "--parts", "turns"], "speakers");
    usage_error(&["dispersion", "SEED"], "<TERM|--spread>");
    usage_error(&["dispersion", "SEED", "cis", "--spread"], "cannot be used with");
    usage_error(&["dispersion", "SEED", "cis", "--top", "3"], "cannot be used with '--top");
    usage_error(&["dispersion", "SEED", "cis", "--keep-stopwords"], "cannot be used with '--keep-stopwords");
    usage_error(&["dispersion", "SEED", "--spread", "--min-count", "0"], "at least 1");
}

/// A stopword file in a temporary directory, which is kept while the guard lives.
fn stopword_file(words: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("stopwords.txt");
    std::fs::write(&path, words).expect("the stopword file is written");
    (dir, path)
}

#[test]
fn a_stopword_file_leaves_its_words_out_of_collocates_and_the_spread() {
    let (_dir, path) = stopword_file("# not these\nMinisters united\n");
    let path = path.to_str().unwrap_or_default();
    let terms =
        |rows: &Value| array(rows).iter().filter_map(|r| r["term"].as_str().map(str::to_owned)).collect::<Vec<_>>();
    let with = terms(&json_on_seed("collocates", &["foreign", "--min-count", "2"]));
    let without = terms(&json_on_seed("collocates", &["foreign", "--min-count", "2", "--stopword-file", path]));
    assert!(with.iter().any(|t| t == "ministers") && !without.iter().any(|t| t == "ministers"), "{without:?}");
    assert_eq!(without.len(), with.len() - 1, "only ministers is left out: {with:?} {without:?}");
    let bigrams = terms(&json_on_seed("collocates", &["--bigrams", "--min-count", "2", "--stopword-file", path]));
    assert!(!bigrams.is_empty() && bigrams.iter().all(|t| !t.split(' ').any(|w| w == "united" || w == "ministers")));
    let spread = json_on_seed("dispersion", &["--spread"]);
    let first = terms(&spread["even"]).into_iter().next().unwrap_or_default();
    let (_dir2, file) = stopword_file(&first);
    let spread = json_on_seed("dispersion", &["--spread", "--stopword-file", file.to_str().unwrap_or_default()]);
    let (even, uneven) = (terms(&spread["even"]), terms(&spread["uneven"]));
    assert!(even.len() == 10 && !even.contains(&first) && !uneven.contains(&first), "{first}: {even:?}");
    usage_error(&["dispersion", "SEED", "cis", "--stopword-file", path], "cannot be used with '--stopword-file");
    colloquy()
        .args(["collocates", "-", "x", "--stopword-file", "/nonexistent/words.txt"])
        .write_stdin("A: x y")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("words.txt: no such file"));
}

// ---- all three ----

#[test]
fn a_missing_file_is_reported_by_every_query() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("absent.txt");
    for args in [&["kwic", "_", "cis"][..], &["collocates", "_", "foreign"], &["dispersion", "_", "cis"]] {
        let args: Vec<&str> =
            args.iter().map(|&a| if a == "_" { path.to_str().unwrap_or_default() } else { a }).collect();
        colloquy().args(&args).assert().code(1).stdout("").stderr(predicate::str::contains("absent.txt: no such file"));
    }
}

#[test]
fn binary_input_is_reported_by_the_queries() {
    colloquy()
        .args(["kwic", "-", "x"])
        .write_stdin(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>: looks like a binary file (PNG image)"));
}

#[test]
fn help_lists_the_subcommands_and_shared_options() {
    colloquy().arg("--help").assert().success().stdout(
        predicate::str::contains("kwic")
            .and(predicate::str::contains("collocates"))
            .and(predicate::str::contains("dispersion")),
    );
    for sub in ["kwic", "collocates", "dispersion", "analyse"] {
        colloquy().args([sub, "--help"]).assert().success().stdout(
            predicate::str::contains("--input-format")
                .and(predicate::str::contains("--label-pattern"))
                .and(predicate::str::contains("--alias"))
                .and(predicate::str::contains("--keep-furniture"))
                .and(predicate::str::contains("--split-hyphens"))
                .and(predicate::str::contains("--format")),
        );
    }
}

// ---- dynamics ----

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(path)
}

fn run_on(path: &Path, args: &[&str]) -> String {
    let out = colloquy().arg("dynamics").arg(path).args(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

#[test]
fn dynamics_json_on_the_seed_pairs_every_question_with_its_answer() {
    let d = json_on_seed("dynamics", &["--format", "json"]);
    assert_eq!(d["timing"], "none");
    assert!(d["durationMs"].is_null());
    let pairs = array(&d["questions"]);
    assert_eq!(pairs.len(), 5);
    assert!(pairs.iter().all(|q| q["asker"] == "Question" && q["answerer"] == "Sergey Lavrov"));
    // Each answer is one of Sergey Lavrov's turns, with its words.
    let a = json_on_seed("analyse", &[]);
    let turns = array(&a["turns"]);
    for q in pairs {
        let first = q["answerFirstTurn"].as_u64().expect("answered") as usize;
        assert_eq!(q["answerWords"], turns[first]["words"]);
        assert_eq!(q["answerStart"], turns[first]["start"]);
    }
    // Transitions sum to the turns − 1 (one run of turns).
    let sum: u64 = array(&d["transitions"]).iter().map(|c| c["count"].as_u64().unwrap_or(0)).sum();
    assert_eq!(sum + 1, d["turns"].as_u64().unwrap_or(0));
}

#[test]
fn dynamics_table_of_timed_captions_gives_times_and_gaps() {
    let out = run_on(&fixture("dynamics/meeting.vtt"), &["--bins", "4"]);
    for line in [
        "Duration               0:21.0",
        "Silence between turns  0:01.5 in 2 gaps",
        "Overlap                0:01.0",
        "Times: from the cues",
        "Talk over time",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    // Untimed: the time columns are left out, and the report says why.
    let seed = on_seed("dynamics", &["--view", "speakers"]);
    assert!(
        !seed.contains("Talk time") && seed.contains("talk time, time share and words per minute are absent"),
        "{seed}"
    );
}

#[test]
fn dynamics_csv_views_agree_with_the_json() {
    let d = json_on_seed("dynamics", &["--format", "json"]);
    let (header, rows) = csv_records(&on_seed("dynamics", &["--format", "csv", "--view", "pairs"]));
    assert_eq!(header[..3], ["asker", "question_turn", "question_start"]);
    assert_eq!(rows.len(), 5);
    for (row, q) in rows.iter().zip(array(&d["questions"])) {
        // The speech, without the label.
        assert_eq!(&row[5], q["questionText"].as_str().unwrap_or_default());
        assert!(!row[5].starts_with("Question:") && row[5].ends_with('?'), "{row:?}");
        assert!(!row[12].is_empty() && !row[12].starts_with("Sergey Lavrov:"), "{row:?}");
        assert_eq!(row[11], q["answerWords"].to_string());
    }
    let (header, rows) = csv_records(&on_seed("dynamics", &["--format", "csv", "--view", "transitions"]));
    assert_eq!(header, ["from", "to", "count", "share"]);
    assert_eq!(rows.len(), array(&d["transitions"]).len());
    let (_, rows) = csv_records(&on_seed("dynamics", &["--format", "csv"]));
    let names: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(names, ["Sergey Lavrov", "(unattributed)", "Question"], "speakers is the default CSV view");
    let (_, rows) = csv_records(&on_seed("dynamics", &["--format", "csv", "--view", "time", "--bins", "3"]));
    assert_eq!(rows.len(), 3 * 3, "a row per bin and speaker");
}

#[test]
fn dynamics_usage_errors() {
    usage_error(&["dynamics", "SEED", "--bins", "0"], "must be 1 to 1000");
    usage_error(&["dynamics", "SEED", "--bins", "1001"], "must be 1 to 1000");
    usage_error(
        &["dynamics", "SEED", "--format", "json", "--view", "pairs"],
        "--view applies to --format table and csv",
    );
}
