//! CSV (or tab- or semicolon-separated) exports of diarised transcripts: a header row
//! with a speaker column (`speaker`, `name`, `speaker_label`, `speaker name`,
//! `participant`) and a text column (`text`, `transcript`, `utterance`, `content`), in
//! any case, and optional `start` and `end` columns (`start_time`, `begin`, `end_time`,
//! `stop`) in seconds or `hh:mm:ss(.mmm)`. Each row is a segment, written as WebVTT.
//!
//! ```text
//! speaker,start,end,text
//! Alice,0.0,2.5,"Hello, Bob."      →   00:00:00.000 --> 00:00:02.500 / <v Alice>Hello, Bob.
//! ```

use super::vtt::{self, parse_time, Segment};
use super::{ReadError, ReadLimits, ReadText, Source, SourceFormat};

const SPEAKER: &[&str] = &["speaker", "name", "speaker_label", "speaker_name", "participant"];
const TEXT: &[&str] = &["text", "transcript", "utterance", "content"];
const START: &[&str] = &["start", "start_time", "begin", "starttime", "start_seconds"];
const END: &[&str] = &["end", "end_time", "stop", "endtime", "end_seconds"];

/// The columns found in a header.
struct Columns {
    delimiter: u8,
    speaker: usize,
    text: usize,
    start: Option<usize>,
    end: Option<usize>,
}

/// Reads `text` as CSV if its header row names speaker and text columns. `Ok(None)`:
/// not such a CSV (plain text), unless the name says CSV, which is then refused.
pub(crate) fn read(text: &str, source: &Source<'_>, limits: &ReadLimits) -> Result<Option<ReadText>, ReadError> {
    let Some(columns) = header(text) else {
        if source.says(SourceFormat::Csv) {
            let mut error = ReadError::unsupported(
                "This CSV file has no speaker and text columns: colloquy reads a header row naming a speaker column (speaker, name, participant) and a text column (text, transcript, utterance).".to_owned(),
            );
            error.looks_like = Some("CSV");
            return Err(error);
        }
        return Ok(None);
    };
    let mut segments = Vec::new();
    let mut size = 0usize;
    for record in Records::new(text, columns.delimiter).skip(1) {
        let field = |i: usize| record.get(i).map_or("", String::as_str);
        let segment = Segment {
            speaker: Some(field(columns.speaker).to_owned()).filter(|s| !s.trim().is_empty()),
            start: columns.start.and_then(|i| parse_time(field(i))),
            end: columns.end.and_then(|i| parse_time(field(i))),
            text: field(columns.text).to_owned(),
        };
        // The segments hold about what the VTT will: stop early past the limit.
        size = size.saturating_add(segment.text.len());
        if size > limits.max_text_bytes {
            return Err(ReadError::too_large(
                SourceFormat::Csv,
                &format!("its text is over {}", super::bytes_in_words(limits.max_text_bytes)),
            ));
        }
        segments.push(segment);
    }
    vtt::write(&segments, SourceFormat::Csv, Vec::new(), limits).map(Some)
}

/// The speaker and text columns of the first line, trying `,`, tab and `;`.
fn header(text: &str) -> Option<Columns> {
    let first = text.lines().next()?.trim_start_matches('\u{feff}');
    if first.len() > 1024 {
        return None;
    }
    [b',', b'\t', b';'].into_iter().find_map(|delimiter| {
        let record = Records::new(first, delimiter).next()?;
        let names: Vec<String> = record.iter().map(|f| f.trim().to_lowercase().replace([' ', '-'], "_")).collect();
        let find = |set: &[&str]| names.iter().position(|n| set.contains(&n.as_str()));
        Some(Columns { delimiter, speaker: find(SPEAKER)?, text: find(TEXT)?, start: find(START), end: find(END) })
    })
}

/// The records of CSV text (RFC 4180): fields split by the delimiter, a quoted field
/// may hold delimiters, line ends and doubled quotes (`""`); a line ends a record
/// (`\n` or `\r\n`); blank lines are skipped. Never fails: a quote left open runs to
/// the end.
struct Records<'a> {
    bytes: &'a [u8],
    at: usize,
    delimiter: u8,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: u8) -> Records<'a> {
        Records { bytes: text.as_bytes(), at: 0, delimiter }
    }
}

impl Iterator for Records<'_> {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        loop {
            if self.at >= self.bytes.len() {
                return None;
            }
            let mut fields = Vec::new();
            let mut field: Vec<u8> = Vec::new();
            let mut quoted = false;
            let mut at_start = true;
            while let Some(&b) = self.bytes.get(self.at) {
                self.at += 1;
                match b {
                    b'"' if quoted => {
                        if self.bytes.get(self.at) == Some(&b'"') {
                            field.push(b'"');
                            self.at += 1;
                        } else {
                            quoted = false;
                        }
                    }
                    b'"' if at_start => quoted = true,
                    _ if quoted => field.push(b),
                    b'\n' => break,
                    b'\r' if self.bytes.get(self.at) == Some(&b'\n') => {}
                    _ if b == self.delimiter => {
                        fields.push(String::from_utf8_lossy(&field).into_owned());
                        field.clear();
                        at_start = true;
                        continue;
                    }
                    _ => field.push(b),
                }
                at_start = false;
            }
            fields.push(String::from_utf8_lossy(&field).into_owned());
            if fields.len() > 1 || fields.first().is_some_and(|f| !f.trim().is_empty()) {
                return Some(fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_columns() {
        let c = header("Start Time;Speaker;Text\n").unwrap();
        assert_eq!((c.delimiter, c.speaker, c.text, c.start, c.end), (b';', 1, 2, Some(0), None));
        assert!(header("Alice: speaker, text\n").is_none());
        assert!(header("speaker\ttranscript").is_some());
    }

    #[test]
    fn records_with_quotes_and_line_ends() {
        let records: Vec<Vec<String>> = Records::new("a,\"b,\"\"c\"\"\nd\"\r\n\n,x\r\n\"open", b',').collect();
        assert_eq!(
            records,
            [
                vec!["a".to_owned(), "b,\"c\"\nd".to_owned()],
                vec![String::new(), "x".to_owned()],
                vec!["open".to_owned()]
            ]
        );
    }
}
