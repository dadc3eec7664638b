//! The bad-input matrix's biggest case: a 600 MB transcript, which the page refuses,
//! is analysed by `colloquy analyse` natively, with the counts of the whole.

use std::io::Write;

use assert_cmd::Command;

/// One block of the transcript: three speakers, questions, curly quotes, Cyrillic.
/// It starts and ends with different speakers, so repeated blocks never merge turns.
const BLOCK: &str = "Moderator: Good afternoon. Our first question comes from the floor?\n\
Анна Петрова: Спасибо. The “budget” question again: when will the plan be published?\n\
Minister: We expect it next week. The plan is ready; the budget is agreed, and we’ll publish it.\n\
Moderator: Thank you. Next question, please.\n\
Minister: One more thing — the committee meets on Friday, 12 April, at 10:30.\n";

/// The size the page refuses (www/files.js) and the CLI must still handle.
const SIZE: usize = 600 << 20;

#[test]
fn analyse_handles_a_600_mb_transcript() {
    let repeats = SIZE.div_ceil(BLOCK.len());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("huge.txt");
    {
        let file = std::fs::File::create(&path).expect("the file is created");
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        for _ in 0..repeats {
            out.write_all(BLOCK.as_bytes()).expect("the block is written");
        }
        out.flush().expect("the file is flushed");
    }
    assert!(std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) >= SIZE as u64);

    let output = Command::cargo_bin("colloquy")
        .expect("the colloquy binary is built")
        .args(["analyse", "--format", "csv", "--view", "speakers"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(output).expect("the CSV is UTF-8");

    // What one block gives, scaled: every count is additive over whole turns.
    let block = colloquy::analyse(BLOCK, &colloquy::Options::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("a header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect("the column exists");
    let (name, words, turns, questions) = (column("name"), column("words"), column("turns"), column("questions"));
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV records");
    assert_eq!(rows.len(), block.speakers.len(), "speakers: {csv}");
    for expected in &block.speakers {
        let row = rows
            .iter()
            .find(|r| &r[name] == expected.name.as_str())
            .unwrap_or_else(|| panic!("{} in {csv}", expected.name));
        assert_eq!(row[words].parse::<usize>().ok(), Some(expected.words * repeats), "{}", expected.name);
        assert_eq!(row[turns].parse::<usize>().ok(), Some(expected.turns * repeats), "{}", expected.name);
        assert_eq!(row[questions].parse::<usize>().ok(), Some(expected.questions * repeats), "{}", expected.name);
    }
}
