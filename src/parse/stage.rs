//! Stage directions and inline timestamps inside speech: `(APPLAUSE)`,
//! `(Laughter.)`, `[crosstalk]`, `[inaudible 00:12]`, `(00:12)`.
//!
//! They are not speech. Square brackets are editorial, so a short bracketed note is
//! always a direction. Parentheses are often speech — `(everyone spoke about this)` —
//! so a parenthesis is a direction only if it is in capitals, starts with a known
//! direction word, or stands alone as a short capitalised line.

use crate::parse::heading::is_time_line;
use crate::parse::label::is_time;
use crate::Span;

/// Something in the text that is not speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Aside {
    /// A stage direction, with its normalised kind (`applause`, `inaudible`).
    Direction { span: Span, kind: String },
    /// An inline timestamp.
    Timestamp { span: Span },
}

impl Aside {
    pub fn span(&self) -> Span {
        match self {
            Aside::Direction { span, .. } | Aside::Timestamp { span } => *span,
        }
    }
}

const MAX_WORDS: usize = 12;
const MAX_BYTES: usize = 120;

/// Words that mark a parenthesis as a direction (compared lowercased).
pub(crate) const DIRECTION_WORDS: &[&str] = &[
    "laughter",
    "laughs",
    "laughing",
    "laugh",
    "applause",
    "applauds",
    "crosstalk",
    "cross-talk",
    "inaudible",
    "unintelligible",
    "indiscernible",
    "music",
    "silence",
    "pause",
    "pauses",
    "cheers",
    "cheering",
    "booing",
    "boos",
    "sighs",
    "sigh",
    "coughs",
    "coughing",
    "noise",
    "overlapping",
    "interruption",
    "interposing",
    "break",
    "recess",
    "commercial",
    "off-mic",
    "speaking",
    "chuckles",
    "chuckling",
    "groans",
    "gasps",
    "singing",
    "sound",
    "sounds",
    "video",
    "audio",
    "clip",
    "gavel",
    "bell",
    "nods",
    "phone",
    "ringing",
    "blank_audio",
    "no",
    "end",
    "begin",
    "inaudible.",
    "translation",
    "translated",
    "foreign",
    "technical",
];

/// Longest direction in a script, where every parenthesis and bracket is one.
const MAX_SCRIPT_BYTES: usize = 4000;

/// Finds the asides in `piece`, whose first byte is at `base` in the whole text. In a
/// `script`, every parenthesis or bracket is a direction (`(to Ross)`, `[Cut to …]`).
pub(crate) fn find_asides(piece: &str, base: usize, whole_line: bool, script: bool) -> Vec<Aside> {
    let mut out = Vec::new();
    let mut search = 0;
    // Brackets are ASCII: a byte search finds them (and only at character starts).
    while let Some(rel) = memchr::memchr2(b'(', b'[', piece.as_bytes().get(search..).unwrap_or_default()) {
        let open = search + rel;
        let Some(open_char) = piece[open..].chars().next() else {
            break;
        };
        let close_char = if open_char == '(' { ')' } else { ']' };
        // The closing bracket, past any `[…]` inside a parenthesis (a heckle's party:
        // `(Applause – Jane Roe [Party]: Hear!)`); another opening bracket gives up.
        let mut from = open + 1;
        let close = loop {
            let Some(rel) =
                memchr::memchr3(close_char as u8, b'(', b'[', piece.as_bytes().get(from..).unwrap_or_default())
            else {
                break None;
            };
            let at = from + rel;
            if open_char == '(' && piece[at..].starts_with('[') {
                match piece[at..].find(']') {
                    Some(end) if !piece[at + 1..at + end].contains(['(', '[']) => from = at + end + 1,
                    _ => break Some(at),
                }
                continue;
            }
            break Some(at);
        };
        let Some(close) = close else {
            break;
        };
        if !piece[close..].starts_with(close_char) {
            search = close;
            continue;
        }
        let end = close + 1;
        let inner = piece[open + 1..close].trim();
        let span = Span::new(base + open, base + end);
        let alone = whole_line && piece[..open].trim().is_empty() && piece[end..].trim().is_empty();
        if end - open <= MAX_BYTES && !inner.is_empty() {
            if is_time(inner) || (alone && is_time_line(inner)) {
                out.push(Aside::Timestamp { span });
            } else if is_direction(inner, open_char == '[', alone) {
                out.push(Aside::Direction { span, kind: kind_of(inner) });
            } else if script || (alone && inner.chars().next().is_some_and(char::is_uppercase)) {
                // A script's, or a capitalised line of its own in brackets of any length:
                // `(Applause from the Greens and some Liberals – Ms Roe [Party]: Yes!)`.
                out.push(Aside::Direction { span, kind: script_kind(inner) });
            }
        } else if !inner.is_empty() && (script || alone) && end - open <= MAX_SCRIPT_BYTES {
            // A long paragraph of its own in brackets: `(They all sit down. …)`.
            out.push(Aside::Direction { span, kind: script_kind(inner) });
        }
        search = end;
    }
    out
}

fn is_direction(inner: &str, square: bool, alone: bool) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    if square {
        return true;
    }
    let first =
        words.first().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_').to_lowercase());
    if first.is_some_and(|w| DIRECTION_WORDS.contains(&w.as_str())) {
        return true;
    }
    alone && words.len() <= 12 && inner.chars().next().is_some_and(char::is_uppercase)
}

/// A script's direction: `Scene: A cafe.` → `scene`; anything else → `action`.
fn script_kind(inner: &str) -> String {
    let first = inner.split([':', ' ']).next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "scene" | "cut" | "flashback" | "credits" | "opening" | "closing" | "commercial" | "time"
    ) {
        first
    } else {
        "action".to_owned()
    }
}

/// `Laughter.` → `laughter`; `inaudible 00:12` → `inaudible`; `CROSSTALK` → `crosstalk`.
fn kind_of(inner: &str) -> String {
    let words: Vec<String> = inner
        .split_whitespace()
        .filter(|w| !is_time(w) && !w.chars().all(|c| !c.is_alphabetic()))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "unspecified".to_owned()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(piece: &str) -> Vec<String> {
        find_asides(piece, 0, true, false)
            .into_iter()
            .map(|a| match a {
                Aside::Direction { kind, .. } => kind,
                Aside::Timestamp { .. } => "<time>".to_owned(),
            })
            .collect()
    }

    #[test]
    fn directions() {
        assert_eq!(kinds("(APPLAUSE)"), ["applause"]);
        assert_eq!(kinds("That is right. (Laughter.) Next."), ["laughter"]);
        assert_eq!(kinds("I think [crosstalk] no"), ["crosstalk"]);
        assert_eq!(kinds("and [inaudible 00:12] so"), ["inaudible"]);
        assert_eq!(kinds("at (00:12) we"), ["<time>"]);
        // A time of day alone on its line, as a court reporter prints it.
        assert_eq!(kinds("(10:04 a.m.)"), ["<time>"]);
        assert_eq!(kinds("(Speaking in French)"), ["speaking in french"]);
        assert_eq!(kinds("(Applause – Jane Roe [Party]: Hear, hear!)").len(), 1);
    }

    #[test]
    fn speech_in_parentheses() {
        assert!(kinds("we would like to note (everyone spoke about this) the work").is_empty());
        assert!(kinds("the CIS (Commonwealth of Independent States) is").is_empty());
        assert!(kinds("the Commonwealth of Independent States (CIS) is").is_empty());
    }
}
