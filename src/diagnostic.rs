//! Diagnostics: what the parser doubted or decided on the user's behalf.

use crate::Span;

/// What a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum DiagnosticKind {
    /// Text before the first speaker label.
    UnattributedText,
    /// No speaker label anywhere in the text.
    NoSpeakers,
    /// A label used once while other labels recur.
    SingleUseLabel,
    /// Two labels that look like the same speaker.
    AliasSuggestion,
    /// A block of short lines in another script, left out of the counts.
    FurnitureExcluded,
    /// Caption text that is not inside a well-formed cue.
    MalformedCue,
    /// Repeated caption lines dropped (rolling captions).
    RollingCaptionsDeduplicated,
    /// The user's label pattern does not compile or has no usable group.
    InvalidLabelPattern,
    /// The requested stopword language has no list.
    UnknownStopwordLanguage,
    /// Lines left out as not speech: headings, procedural lines, inserted text, markers.
    LeftOut,
    /// Speaker labels found in the middle of a line.
    MidLineLabel,
    /// Parentheses and brackets inside speech read as stage directions (a script).
    ScriptDirections,
    /// Caption lines that mark a new speaker without naming one (`>>`, dialogue dashes).
    UnnamedSpeakerChanges,
    /// A label naming several speakers who speak together (`Ross and Rachel:`).
    JointSpeaker,
    /// A speaker named in an option (the distinctive words' comparison) who is no
    /// speaker of the transcript.
    UnknownSpeaker,
}

/// One diagnostic, pointing at the text it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { kind, message: message.into(), start: span.start, end: span.end }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Sorts diagnostics by where they are, then kind (stable).
pub(crate) fn sort(diagnostics: &mut Vec<Diagnostic>) {
    crate::sort::sort_by(diagnostics, |a, b| (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind)));
}
