//! Page furniture: a leading or trailing block of short lines in another script
//! than the transcript's, such as site navigation copied with the text.

use crate::parse::lines::Line;
use crate::parse::script::{Script, ScriptCounts};

const MAX_LINE_CHARS: usize = 80;
const MAX_LINE_WORDS: usize = 8;
const MIN_LINES: usize = 2;

/// A run of lines (indices into the line list) that is page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Furniture {
    pub first_line: usize,
    pub last_line: usize,
    pub script: Script,
}

/// Finds the leading and trailing furniture blocks of `lines`.
pub(crate) fn find_furniture(text: &str, lines: &[Line]) -> Vec<Furniture> {
    let Some(dominant) = ScriptCounts::of(text).dominant() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let leading = scan(text, lines.iter().enumerate(), dominant);
    if let Some(block) = &leading {
        out.push(block.clone());
    }
    if let Some(block) = scan(text, lines.iter().enumerate().rev(), dominant) {
        let overlaps = leading.as_ref().is_some_and(|l| block.first_line <= l.last_line);
        if !overlaps {
            out.push(block);
        }
    }
    out
}

fn scan<'a>(text: &str, lines: impl Iterator<Item = (usize, &'a Line)>, dominant: Script) -> Option<Furniture> {
    let mut range: Option<(usize, usize)> = None;
    let mut foreign: Option<Script> = None;
    let mut any_dominant_after = false;
    let mut lines_seen = 0;
    for (i, line) in lines {
        let s = line.text(text).trim();
        if s.is_empty() {
            continue;
        }
        let short = s.chars().count() <= MAX_LINE_CHARS && s.split_whitespace().count() <= MAX_LINE_WORDS;
        let script = ScriptCounts::of(s).dominant();
        if !short || script == Some(dominant) {
            any_dominant_after = true;
            break;
        }
        if let Some(script) = script {
            foreign.get_or_insert(script);
        }
        lines_seen += 1;
        range = Some(match range {
            None => (i, i),
            Some((a, b)) => (a.min(i), b.max(i)),
        });
    }
    let (first_line, last_line) = range?;
    // One short line is too little evidence: it may be the last words of a turn.
    if lines_seen < MIN_LINES {
        return None;
    }
    // The whole text is never furniture.
    if !any_dominant_after {
        return None;
    }
    Some(Furniture { first_line, last_line, script: foreign? })
}
