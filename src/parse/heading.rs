//! Lines that are neither speech nor a label: headings (`ORAL ARGUMENT OF JANE DOE`,
//! `P R O C E E D I N G S`, a title or a time before the first label), the Record's
//! procedural paragraphs (`The Clerk read the resolution, as follows:`), inserted
//! documents (lines indented five spaces or more) and page markers (`[[Page H6184]]`,
//! `{time}  2015`). They are left out of the counts, said in a diagnostic, and neither
//! break nor start a turn.

use crate::parse::label::{is_time, Label};
use crate::parse::lines::Line;
use crate::{Diagnostic, DiagnosticKind, Span};

/// Why a line was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOutKind {
    /// A heading or a title.
    Heading,
    /// A clerk's or procedural line (`There was no objection.`, `BY MR. SMITH:`).
    Procedure,
    /// An inserted document: a resolution, an amendment, quoted testimony.
    Inserted,
    /// A page or time marker.
    Marker,
}

impl LeftOutKind {
    fn describe(self) -> &'static str {
        match self {
            LeftOutKind::Heading => "heading lines (capitals or a title, without a label)",
            LeftOutKind::Procedure => "procedural lines (the clerk's, the record's or an examiner's)",
            LeftOutKind::Inserted => "lines of inserted text (indented five spaces or more)",
            LeftOutKind::Marker => "page and time markers",
        }
    }
}

/// Openings of the Congressional Record's procedural paragraphs, which the record
/// states in the third person between speeches.
const PROCEDURE: &[&str] = &[
    "The Clerk ",
    "The clerk ",
    "The legislative clerk ",
    "The assistant legislative clerk ",
    "The Chief Clerk ",
    "The bill clerk ",
    "The Journal clerk ",
    "There was no objection",
    "The question was taken",
    "The result was announced",
    "The previous question was ordered",
    "The yeas and nays were",
    "The vote was taken",
    "The material previously referred to",
    "A motion to reconsider was laid",
    "A recorded vote was",
    "So the ",
    "The resolution was agreed",
    "The amendment was agreed",
    "The motion was agreed",
    "The bill was ordered",
    "(Text of ",
    "(English translation",
];

/// In a period-label document: is `line` left out, and why?
pub(crate) fn period_aside(line: &str) -> Option<LeftOutKind> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if t.starts_with("[[Page") || t.starts_with("{time}") {
        return Some(LeftOutKind::Marker);
    }
    if indent >= 5 {
        return Some(LeftOutKind::Inserted);
    }
    PROCEDURE.iter().any(|p| t.starts_with(p)).then_some(LeftOutKind::Procedure)
}

/// Openings of a parliament's procedural paragraphs, printed between speeches
/// without a speaker (Hansard: `Motion made, and Question put`).
const PARLIAMENT_PROCEDURE: &[&str] = &[
    "Motion made",
    "Question put",
    "Question agreed to",
    "Question accordingly",
    "Question, That",
    "Ordered,",
    "Resolved,",
    "To be considered on",
    "Second Reading opposed",
    "Third Reading opposed",
    "Consideration of Bill",
    "Bill read",
    "Bill to be read",
    "Motion, by leave, withdrawn",
    "The House divided",
    "The Committee divided",
    "Division No.",
];

/// Is this unlabelled paragraph a parliament's procedural line? `after_motion` says
/// the paragraph before was `Motion made,`, whose text (`That …`) follows.
pub(crate) fn parliament_procedure(line: &str, after_motion: bool) -> bool {
    let t = line.trim_start();
    PARLIAMENT_PROCEDURE.iter().any(|p| t.starts_with(p)) || (after_motion && t.starts_with("That "))
}

/// Most lines a heading paragraph has.
const MAX_HEADING_LINES: usize = 3;
/// Most lines of a title block before the first label (a page header).
const MAX_TITLE_LINES: usize = 5;
/// Most words a heading has.
const MAX_HEADING_WORDS: usize = 25;
/// Most words of a title line before the first label.
const MAX_TITLE_WORDS: usize = 40;

/// If a heading paragraph starts at line `i` (after a blank line), the index of its
/// last line. A heading has no label, at most three lines, does not end a sentence,
/// and is in capitals; before the first label, a one-line paragraph of a few words
/// that does not end a sentence (a title, a time, a document number) is one too.
pub(crate) fn heading_paragraph(
    text: &str,
    lines: &[Line],
    blank: &[bool],
    i: usize,
    before_first_label: bool,
    label_at: &dyn Fn(usize) -> Option<Label>,
) -> Option<usize> {
    let max_lines = if before_first_label { MAX_TITLE_LINES } else { MAX_HEADING_LINES };
    // The paragraph ends at a blank line or a label line, so the decision never looks
    // past where a turn starts (parts cut there read alike).
    let mut end = i;
    while end + 1 < lines.len() && !blank.get(end + 1).copied().unwrap_or(true) && label_at(end + 1).is_none() {
        end += 1;
        if end - i >= max_lines {
            return None;
        }
    }
    let paragraph = lines.get(i..=end)?;
    let all: Vec<&str> = paragraph.iter().map(|l| l.text(text).trim()).collect();
    // A page header's bracketed lines (`[House]`, `[Pages H1-H8]`) go with it.
    let texts: Vec<&str> = all.iter().copied().filter(|t| !(t.starts_with('[') && t.ends_with(']'))).collect();
    if texts.is_empty() || texts.iter().any(|t| t.starts_with(['(', '['])) || (i..=end).any(|j| label_at(j).is_some()) {
        return None;
    }
    if texts.len() < all.len() && !before_first_label {
        return None;
    }
    let words = |t: &&str| t.split_whitespace().count();
    let last = texts.last()?;
    let capitals = texts.iter().all(|t| in_capitals(t))
        && texts.iter().map(words).sum::<usize>() <= MAX_HEADING_WORDS
        && (!ends_sentence(last) || ends_abbreviation(last));
    let unended = texts.iter().all(|t| !ends_sentence(t) || is_time_line(t));
    let titled = |t: &&str| {
        is_credit(t)
            || (words(t) <= MAX_TITLE_WORDS
                && (!ends_sentence(t) || is_time_line(t))
                && !t.ends_with([',', ':', '-', '–', '—'])
                && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '*' || c == '#'))
    };
    let title = before_first_label && texts.iter().all(titled);
    let title_case = texts.len() == 1 && unended && in_title_case(last);
    (capitals || title || title_case).then_some(end)
}

/// `… ESQ.`, `… JR.`: a heading may end in an abbreviation's period.
fn ends_abbreviation(s: &str) -> bool {
    let word = s.split_whitespace().last().unwrap_or("").trim_end_matches('.');
    (1..=4).contains(&word.chars().filter(|c| c.is_alphabetic()).count())
}

/// `Written by: …`, `Transcribed by: …`: a credit line before the transcript.
fn is_credit(s: &str) -> bool {
    s.split_once(':').is_some_and(|(head, _)| head.ends_with(" by") || head.ends_with(" By"))
}

/// Most words of a heading in title case between speeches (`Bournemouth Borough
/// Council Bill [Lords]`, `Questions From Counsel to the Inquiry`).
const MAX_TITLE_CASE_WORDS: usize = 10;

/// Three to ten words, the first capitalised and nearly every word of four letters
/// or more capitalised.
fn in_title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capital = |w: &str| w.trim_start_matches(['[', '(', '"', '“']).chars().next().is_some_and(char::is_uppercase);
    (3..=MAX_TITLE_CASE_WORDS).contains(&words.len())
        && words.first().is_some_and(|w| capital(w))
        && !long.is_empty()
        && long.iter().filter(|w| capital(w)).count() * 10 >= long.len() * 9
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '?', '!', '…', ';'])
}

/// `2:09 p.m. EST`, `10.00 am`: a time of day, perhaps with its zone.
fn is_time_line(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    (is_time(first) || is_time(&first.replace('.', ":"))) && s.split_whitespace().count() <= 4
}

/// No lowercase letter, and at least three capitals.
fn in_capitals(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_uppercase()).count() >= 3
}

/// What a transcript left out and found mid-line, as counts and first places: kept
/// by [`crate::Counts`], merged across a stream's parts, and said in diagnostics when
/// the analysis is reported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LeftOutCounts {
    /// Per kind, ordered by kind: lines left out and the first.
    kinds: Vec<(LeftOutKind, usize, Span)>,
    /// Labels found in the middle of a line, and the first.
    mid_line: Option<(usize, Span)>,
    /// The document was read as a script.
    pub script: bool,
}

impl LeftOutCounts {
    pub fn new(left_out: &[(LeftOutKind, Span)], mid_line: &[Span], script: bool) -> LeftOutCounts {
        let mut kinds: Vec<(LeftOutKind, usize, Span)> = Vec::new();
        for &(kind, span) in left_out {
            match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
                Some((_, n, _)) => *n += 1,
                None => kinds.push((kind, 1, span)),
            }
        }
        kinds.sort_by_key(|(k, _, _)| *k);
        LeftOutCounts { kinds, mid_line: mid_line.first().map(|s| (mid_line.len(), *s)), script }
    }

    /// Lines left out, of every kind.
    pub fn lines(&self) -> usize {
        self.kinds.iter().map(|(_, n, _)| n).sum()
    }

    /// Adds the counts of the text that follows, whose offsets start at `shift`.
    pub fn merge(&mut self, other: &LeftOutCounts, shift: usize) {
        for &(kind, n, span) in &other.kinds {
            match self.kinds.iter_mut().find(|(k, _, _)| *k == kind) {
                Some((_, m, _)) => *m += n,
                None => self.kinds.push((kind, n, span.shift(shift))),
            }
        }
        self.kinds.sort_by_key(|(k, _, _)| *k);
        self.mid_line = match (self.mid_line, other.mid_line) {
            (Some((a, first)), Some((b, _))) => Some((a + b, first)),
            (None, Some((b, first))) => Some((b, first.shift(shift))),
            (mine, None) => mine,
        };
        self.script |= other.script;
    }

    /// Rewrites every offset with `f`.
    pub fn map_offsets(&mut self, f: &mut impl FnMut(Span) -> Span) {
        for (_, _, span) in &mut self.kinds {
            *span = f(*span);
        }
        if let Some((_, span)) = &mut self.mid_line {
            *span = f(*span);
        }
    }

    /// One diagnostic per kind of left-out line, one for labels found mid-line, and one
    /// saying the text was read as a script.
    pub fn diagnose(&self, out: &mut Vec<Diagnostic>) {
        for &(kind, n, first) in &self.kinds {
            out.push(Diagnostic::new(
                DiagnosticKind::LeftOut,
                first,
                format!("left out {n} {} as not speech; the first is here", kind.describe()),
            ));
        }
        if let Some((n, first)) = self.mid_line {
            out.push(Diagnostic::new(
                DiagnosticKind::MidLineLabel,
                first,
                format!(
                    "{n} speaker labels found in the middle of a line, after a sentence end (names already used as labels at the start of a line); the first is here"
                ),
            ));
        }
        if self.script {
            out.push(Diagnostic::new(
                DiagnosticKind::ScriptDirections,
                Span::default(),
                "this reads as a script (scene lines, or directions right after labels), so parentheses and brackets inside speech are stage directions; keep them as speech with the keep-script-directions option",
            ));
        }
    }
}
