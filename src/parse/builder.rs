//! Assembles turns from labels and pieces of speech; shared by every format.

use rustc_hash::FxHashMap;

use crate::parse::joint::joint_members;
use crate::parse::stage::{find_asides, Aside};
use crate::parse::time::parse_ms;
use crate::parse::{LeftOutKind, Segment, Speaker, StageDirection, Turn, UNATTRIBUTED};
use crate::{Alias, Diagnostic, Span};

pub(crate) struct Builder<'a> {
    text: &'a str,
    aliases: &'a [Alias],
    pub speakers: Vec<Speaker>,
    index: FxHashMap<(String, bool), usize>,
    /// How many labels named each speaker, and where the first one was.
    pub labels: Vec<(usize, Span)>,
    pub turns: Vec<Turn>,
    pub directions: Vec<StageDirection>,
    pub diagnostics: Vec<Diagnostic>,
    /// The next piece starts a new paragraph: a hard sentence boundary.
    hard_break: bool,
    /// Read every parenthesis and bracket inside speech as a stage direction (a script).
    pub script: bool,
    /// A label has been seen (set by [`Builder::label`]).
    pub seen_label: bool,
    /// Lines left out as not speech.
    pub left_out: Vec<(LeftOutKind, Span)>,
    /// Labels found in the middle of a line.
    pub mid_line_labels: Vec<Span>,
    /// Where the text before the first label starts, once some has been seen.
    opening: Option<usize>,
    /// Give joint speakers their members ([`crate::ParseOptions::split_joint_speakers`]).
    pub split_joint: bool,
    /// The start and end (ms) of the caption cue being read: the turns it opens or
    /// continues start no later than the first such cue and end at their latest.
    pub cue: Option<(u64, u64)>,
}

impl<'a> Builder<'a> {
    pub fn new(text: &'a str, aliases: &'a [Alias]) -> Builder<'a> {
        Builder {
            text,
            aliases,
            speakers: Vec::new(),
            index: FxHashMap::default(),
            labels: Vec::new(),
            turns: Vec::new(),
            directions: Vec::new(),
            diagnostics: Vec::new(),
            hard_break: true,
            script: false,
            seen_label: false,
            left_out: Vec::new(),
            mid_line_labels: Vec::new(),
            opening: None,
            split_joint: false,
            cue: None,
        }
    }

    /// A line that is neither speech nor a label. It ends the sentence but not the turn.
    pub fn left_out(&mut self, kind: LeftOutKind, span: Span) {
        self.left_out.push((kind, span));
        self.hard_break = true;
    }

    /// A label for `name` at `label_span`. Continues the current turn if the same
    /// speaker is already talking (such turns count as one).
    pub fn label(&mut self, name: &str, label_span: Span) {
        self.label_timed(name, label_span, None);
    }

    /// [`Builder::label`] with the time the label carries (`Name (00:04):`): the turn's
    /// start, unless it continues a turn that has one.
    pub fn label_timed(&mut self, name: &str, label_span: Span, start_ms: Option<u64>) {
        let name = self.resolve_alias(name);
        let speaker = self.speaker(&name, true);
        if let Some((count, first)) = self.labels.get_mut(speaker) {
            if *count == 0 {
                *first = label_span;
            }
            *count += 1;
        }
        self.hard_break = true;
        self.seen_label = true;
        if let Some(turn) = self.turns.last_mut().filter(|t| t.speaker == speaker) {
            turn.span.end = turn.span.end.max(label_span.end);
            self.time_turn(start_ms);
            return;
        }
        self.turns.push(Turn { speaker, span: label_span, segments: Vec::new(), start_ms: None, end_ms: None });
        self.time_turn(start_ms);
    }

    /// Gives the current turn `start_ms` (or the cue's start) if it has no start yet,
    /// and extends its end to the cue's.
    fn time_turn(&mut self, start_ms: Option<u64>) {
        let cue = self.cue;
        let Some(turn) = self.turns.last_mut() else { return };
        if turn.start_ms.is_none() {
            turn.start_ms = start_ms.or(cue.map(|c| c.0));
        }
        if let Some((_, end)) = cue {
            turn.end_ms = Some(turn.end_ms.map_or(end, |e| e.max(end)));
        }
    }

    /// A label that names no one: what follows is the unattributed pseudo-speaker's
    /// (a WebVTT voice `(unattributed)`, as `crate::read` writes segments without a
    /// speaker). An alias for `(unattributed)` assigns it, as at the start.
    pub fn unattributed(&mut self, label_span: Span) {
        let resolved = self.resolve_alias(UNATTRIBUTED);
        if resolved != UNATTRIBUTED {
            return self.label(&resolved, label_span);
        }
        let speaker = self.speaker(UNATTRIBUTED, false);
        self.hard_break = true;
        if let Some(turn) = self.turns.last_mut().filter(|t| t.speaker == speaker) {
            turn.span.end = turn.span.end.max(label_span.end);
            self.time_turn(None);
            return;
        }
        self.turns.push(Turn { speaker, span: label_span, segments: Vec::new(), start_ms: None, end_ms: None });
        self.time_turn(None);
    }

    /// A paragraph break: the next piece starts a new sentence.
    pub fn paragraph_break(&mut self) {
        self.hard_break = true;
    }

    /// Speech (possibly holding stage directions) at `span`. `whole_line` says the
    /// span is a line of its own; `soft` lets a sentence run on from the previous piece.
    pub fn speech(&mut self, span: Span, whole_line: bool) {
        let piece = span.slice(self.text);
        let trimmed_start = piece.len() - piece.trim_start().len();
        let span = Span::new(span.start + trimmed_start, span.start + piece.trim_end().len());
        if span.is_empty() {
            return;
        }
        if self.turns.is_empty() {
            self.opening.get_or_insert(span.start);
        }
        let piece = span.slice(self.text);
        let asides = find_asides(piece, span.start, whole_line, self.script);
        let mut cursor = span.start;
        let mut pieces = Vec::new();
        // No word of the current turn yet: a timestamp here is the turn's start.
        let mut before_words = self.turns.last().is_some_and(|t| t.segments.is_empty());
        for aside in asides {
            let a = aside.span();
            before_words &= Span::new(cursor, a.start).slice(self.text).trim().is_empty();
            pieces.push(Span::new(cursor, a.start));
            cursor = a.end;
            match aside {
                Aside::Direction { kind, span } => {
                    let speaker = self.turns.last().map(|t| t.speaker);
                    self.directions.push(StageDirection { kind, span, speaker });
                }
                Aside::Timestamp { span } if before_words => {
                    let inner = span.slice(self.text).trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
                    if let (Some(ms), Some(turn)) = (parse_ms(inner), self.turns.last_mut()) {
                        turn.start_ms.get_or_insert(ms);
                    }
                }
                Aside::Timestamp { .. } => {}
            }
            pieces.push(Span::new(a.start, a.start)); // marks a hard boundary
        }
        pieces.push(Span::new(cursor, span.end));
        let mut hard = self.hard_break;
        for p in pieces {
            if p.is_empty() {
                hard = true;
                continue;
            }
            let text = p.slice(self.text);
            if text.trim().is_empty() {
                continue;
            }
            if self.turns.is_empty() {
                // Speech before the first label: stage directions alone (an
                // opening `[Music]`) open no turn.
                self.open_unattributed();
            }
            if let Some(turn) = self.turns.last_mut() {
                turn.segments.push(Segment { span: p, joins_previous: !hard });
            }
            self.time_turn(None);
            hard = false;
        }
        if let Some(turn) = self.turns.last_mut() {
            turn.span.end = turn.span.end.max(span.end);
        }
        self.hard_break = hard;
    }

    /// The turn of the text before the first label, from its first piece (directions
    /// included, which it takes as its own). An alias for `(unattributed)` assigns it
    /// to a speaker.
    fn open_unattributed(&mut self) {
        let resolved = self.resolve_alias(UNATTRIBUTED);
        let speaker =
            if resolved == UNATTRIBUTED { self.speaker(UNATTRIBUTED, false) } else { self.speaker(&resolved, true) };
        let at = self.opening.unwrap_or_default();
        for d in &mut self.directions {
            d.speaker.get_or_insert(speaker);
        }
        self.turns.push(Turn { speaker, span: Span::new(at, at), segments: Vec::new(), start_ms: None, end_ms: None });
    }

    fn resolve_alias(&self, name: &str) -> String {
        let exact = self.aliases.iter().find(|a| collapse(&a.from) == name);
        let folded = || self.aliases.iter().find(|a| collapse(&a.from).to_lowercase() == name.to_lowercase());
        match exact.or_else(folded) {
            Some(alias) => collapse(&alias.to),
            None => name.to_owned(),
        }
    }

    fn speaker(&mut self, name: &str, attributed: bool) -> usize {
        let key = (name.to_owned(), attributed);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.speakers.len();
        let members = match joint_members(name) {
            Some(names) if attributed && self.split_joint => names.iter().map(|n| self.resolve_alias(n)).collect(),
            _ => Vec::new(),
        };
        self.speakers.push(Speaker { name: name.to_owned(), attributed, members });
        self.labels.push((0, Span::default()));
        self.index.insert(key, i);
        i
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::{parse, ParseOptions};

    #[test]
    fn directions_alone_before_the_first_label_open_no_turn() {
        let t = parse("(APPLAUSE)\n\nAlice: Hello.", &ParseOptions::default());
        let names: Vec<&str> = t.turns.iter().map(|turn| t.speakers[turn.speaker].name.as_str()).collect();
        assert_eq!(names, ["Alice"]);
        assert_eq!(t.directions.len(), 1);
        let t = parse("(APPLAUSE) Thank you.\n\nAlice: Hello.", &ParseOptions::default());
        let names: Vec<&str> = t.turns.iter().map(|turn| t.speakers[turn.speaker].name.as_str()).collect();
        assert_eq!(names, ["(unattributed)", "Alice"]);
        assert_eq!(t.turns[0].span.start, 0, "the opening turn starts at its direction");
        assert_eq!(t.directions[0].speaker, Some(t.turns[0].speaker));
    }
}
