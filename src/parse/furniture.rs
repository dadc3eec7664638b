//! Page furniture: a leading or trailing block of short lines in another script
//! than the transcript's, such as site navigation copied with the text.

use crate::parse::lines::Line;
use crate::parse::script::{Script, ScriptCounts};
use crate::Ends;

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

/// How much text at each end decides the transcript's script. Local, so a part of
/// a stream decides as the whole text would.
const WINDOW: usize = 64 * 1024;

/// Finds the furniture blocks of `lines` at the requested ends.
pub(crate) fn find_furniture(text: &str, lines: &[Line], ends: Ends) -> Vec<Furniture> {
    let mut out = Vec::new();
    let mut leading: Option<Furniture> = None;
    if ends.start {
        let head = || text.get(..floor_boundary(text, WINDOW.min(text.len()))).unwrap_or("");
        leading = scan(text, lines.iter().enumerate(), || ScriptCounts::of(head()).dominant());
        out.extend(leading.clone());
    }
    if ends.end {
        let tail = || text.get(ceil_boundary(text, text.len().saturating_sub(WINDOW))..).unwrap_or("");
        if let Some(block) = scan(text, lines.iter().enumerate().rev(), || ScriptCounts::of(tail()).dominant()) {
            let overlaps = leading.as_ref().is_some_and(|l| block.first_line <= l.last_line);
            if !overlaps {
                out.push(block);
            }
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The furniture block at the end `lines` starts from. `dominant` (the script of the
/// text near that end) is computed only if the first line could be furniture: most
/// transcripts start and end with a long line, and then it is not needed.
fn scan<'a>(
    text: &str,
    lines: impl Iterator<Item = (usize, &'a Line)>,
    dominant: impl FnOnce() -> Option<Script>,
) -> Option<Furniture> {
    let mut dominant = Some(dominant);
    let mut known: Option<Script> = None;
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
        if !short {
            any_dominant_after = true;
            break;
        }
        if let Some(f) = dominant.take() {
            // No letters near this end: no script to tell furniture by.
            known = Some(f()?);
        }
        let script = ScriptCounts::of(s).dominant();
        if script == known {
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
