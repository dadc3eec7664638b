//! Lines that are neither speech nor a label: headings (`ORAL ARGUMENT OF JANE DOE`,
//! `P R O C E E D I N G S`, a title or a time before the first label, a play's `ACT I`
//! and `SCENE II. The walls.`, a TV transcript's `Commercial Break`), the Record's
//! procedural paragraphs (`The Clerk read the resolution, as follows:`, a hearing's
//! `The committee met, …`), a deposition's swearing-in of the witness, inserted
//! documents (lines indented five spaces or more) and page markers (`[[Page H6184]]`,
//! `{time}  2015`). They are left out of the counts, said in a diagnostic, and neither
//! break nor start a turn.

use crate::parse::label::is_time;
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
    // A hearing's opening paragraph: `The committee met, pursuant to notice, at 10:02 a.m.`
    "The committee met",
    "The Committee met",
    "The subcommittee met",
    "The Subcommittee met",
];

/// In a period-label document: is `line` left out, and why?
pub(crate) fn period_aside(line: &str) -> Option<LeftOutKind> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if t.starts_with("[[Page") || t.starts_with("{time}") {
        return Some(LeftOutKind::Marker);
    }
    if indent >= 5 {
        // A centred title in capitals is a heading; other indented text is inserted.
        return Some(if in_capitals(t) { LeftOutKind::Heading } else { LeftOutKind::Inserted });
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

/// A deposition's swearing-in of the witness, printed by the reporter before the
/// questions: `HAROLD KEMPER, having been first duly sworn, was examined and testified
/// as follows:`.
pub(crate) fn swearing_in(line: &str) -> bool {
    let t = line.trim();
    t.contains("duly sworn") || t.contains("testified as follows")
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
    is_label: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let max_lines = if before_first_label { MAX_TITLE_LINES } else { MAX_HEADING_LINES };
    // The paragraph ends at a blank line or a label line, so the decision never looks
    // past where a turn starts (parts cut there read alike).
    let mut end = i;
    while end + 1 < lines.len() && !blank.get(end + 1).copied().unwrap_or(true) && !is_label(end + 1) {
        end += 1;
        if end - i >= max_lines {
            return None;
        }
    }
    let paragraph = lines.get(i..=end)?;
    let all: Vec<&str> = paragraph.iter().map(|l| l.text(text).trim()).collect();
    // A page header's bracketed lines (`[House]`, `[Pages H1-H8]`) go with it.
    let texts: Vec<&str> = all.iter().copied().filter(|t| !(t.starts_with('[') && t.ends_with(']'))).collect();
    if texts.is_empty() || texts.iter().any(|t| t.starts_with(['(', '['])) || (i..=end).any(is_label) {
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
    let marker = texts.len() == 1 && (is_act_or_scene(last) || is_script_marker(last));
    (capitals || title || title_case || marker).then_some(end)
}

/// `ACT II`, `SCENE I. A hall in the palace.`, `Scene 3`: a play's act or scene heading,
/// a word and a roman or arabic number.
fn is_act_or_scene(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(first), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let ends = number.ends_with('.') || words.next().is_none();
    let number = number.trim_end_matches('.');
    matches!(first, "ACT" | "Act" | "SCENE" | "Scene")
        && ends
        && !number.is_empty()
        && (number.bytes().all(|b| b.is_ascii_digit()) || number.bytes().all(|b| b"IVXLC".contains(&b)))
}

/// Lines a TV transcript prints between scenes: `Commercial Break`, `Closing Credits`.
const SCRIPT_MARKERS: &[&str] =
    &["commercial break", "opening credits", "closing credits", "end credits", "opening titles", "the end", "end"];

fn is_script_marker(s: &str) -> bool {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    SCRIPT_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(s))
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
pub(crate) fn is_time_line(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::label::match_label;
    use crate::parse::lines::lines;

    /// The lines of the heading paragraph at the start of `text` (`before` the first
    /// label or after it), or `None` when it is speech.
    fn check(text: &str, before: bool, expect: Option<&[&str]>) {
        let ls = lines(text);
        let blank: Vec<bool> = ls.iter().map(|l| l.text(text).trim().is_empty()).collect();
        let is_label = |i: usize| ls.get(i).is_some_and(|l| match_label(l.text(text)).is_some());
        let got = heading_paragraph(text, &ls, &blank, 0, before, &is_label)
            .map(|end| ls[..=end].iter().map(|l| l.text(text)).collect::<Vec<_>>());
        assert_eq!(got.as_deref(), expect, "{text:?}");
    }

    #[test]
    fn headings() {
        check(
            "ORAL ARGUMENT OF CAMILA VARGAS\nON BEHALF OF THE PETITIONERS\n\nMS. VARGAS: Hi.",
            false,
            Some(&["ORAL ARGUMENT OF CAMILA VARGAS", "ON BEHALF OF THE PETITIONERS"]),
        );
        check("P R O C E E D I N G S\n", false, Some(&["P R O C E E D I N G S"]));
        check("REBUTTAL ARGUMENT OF JANE ROE, ESQ.\n", false, Some(&["REBUTTAL ARGUMENT OF JANE ROE, ESQ."]));
        // The paragraph ends at a label line.
        check("ORAL ARGUMENT\nMS. VARGAS: Hi.", false, Some(&["ORAL ARGUMENT"]));
        check("ACT I\n", false, Some(&["ACT I"]));
        check("SCENE II. The walls of Carrow.\n", false, Some(&["SCENE II. The walls of Carrow."]));
        check("Scene 3\n", false, Some(&["Scene 3"]));
        check("Commercial Break\n", false, Some(&["Commercial Break"]));
        check("END\n", false, Some(&["END"]));
        check("Questions From Counsel to the Inquiry\n", false, Some(&["Questions From Counsel to the Inquiry"]));
        // Before the first label: a title, credits, a time, a document number.
        check("The One With the Borrowed Canoe\n", true, Some(&["The One With the Borrowed Canoe"]));
        check(
            "Written by: Dana Whitlow\nTranscribed by: Perry Lund\n",
            true,
            Some(&["Written by: Dana Whitlow", "Transcribed by: Perry Lund"]),
        );
        check(
            "[House]\n[Pages H1-H8]\nFrom the Record Online\n",
            true,
            Some(&["[House]", "[Pages H1-H8]", "From the Record Online"]),
        );
        check("2:09 p.m. EST\n", true, Some(&["2:09 p.m. EST"]));
    }

    #[test]
    fn not_headings() {
        check("I AGREE.\n", false, None);
        check("Act 2 of the plan is simple.\n", false, None);
        check("The end is near, he said.\n", false, None);
        check("Thank you all for coming today.\n", true, None);
        check("The one with the canoe\n", false, None);
        check("(Laughter.)\n", false, None);
        check("[House]\nSpeech after it.\n", false, None);
        // Too long for a heading between speeches.
        check("ONE\nTWO\nTHREE\nFOUR\n", false, None);
        check("Hollis, et al., said the petitioners would wait,\nand they did.\n", true, None);
    }

    #[test]
    fn record_asides() {
        assert_eq!(period_aside("[[Page H6185]]"), Some(LeftOutKind::Marker));
        assert_eq!(period_aside("                              {time}  2015"), Some(LeftOutKind::Marker));
        assert_eq!(period_aside("       Resolved, That upon adoption"), Some(LeftOutKind::Inserted));
        assert_eq!(period_aside("                       FERRY SAFETY ACT OF 2025"), Some(LeftOutKind::Heading));
        assert_eq!(period_aside("  The Clerk read the resolution, as follows:"), Some(LeftOutKind::Procedure));
        assert_eq!(period_aside("  There was no objection."), Some(LeftOutKind::Procedure));
        assert_eq!(
            period_aside("    The committee met, pursuant to notice, at 10:02 a.m."),
            Some(LeftOutKind::Procedure)
        );
        assert_eq!(period_aside("  The House has waited four years."), None);
        assert_eq!(period_aside("  Mr. Speaker, I yield."), None);
    }

    #[test]
    fn procedures() {
        assert!(parliament_procedure("Motion made, and Question proposed,", false));
        assert!(parliament_procedure("That the Bill be now read a Second time.", true));
        assert!(!parliament_procedure("That the Bill be now read a Second time.", false));
        assert!(swearing_in("HAROLD P. KEMPER, having been first duly sworn, was examined and testified as follows:"));
        assert!(!swearing_in("A. I was sworn in as mayor in 2019."));
    }

    #[test]
    fn helpers() {
        assert!(is_time_line("10:04 a.m."));
        assert!(is_time_line("10.00 am"));
        assert!(!is_time_line("10:04 is when the meeting started today"));
        assert!(is_credit("Written by: Dana Whitlow"));
        assert!(!is_credit("Marnie: Hi."));
        assert!(ends_abbreviation("JANE ROE, ESQ."));
        assert!(!ends_abbreviation("WE AGREE ENTIRELY."));
        assert!(in_title_case("Bournemouth Borough Council Bill [Lords]"));
        assert!(!in_title_case("Commercial Break"));
        assert!(!in_title_case("The plan is simple and it works"));
        assert!(in_capitals("P R O C E E D I N G S"));
        assert!(!in_capitals("OK"));
    }
}
