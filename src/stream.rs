//! Streaming analysis: text arrives in chunks split anywhere (mid-word, mid-label);
//! it is analysed in parts cut at turn boundaries, and the parts' [`Counts`] merge
//! into exactly what analysing the whole text gives.
//!
//! Only the unprocessed tail of the text is kept, so memory holds the counts, not
//! the text. Captions (VTT, SRT) are buffered whole: rolling-caption de-duplication
//! looks across the whole file.

use crate::parse::captions::{detect, DETECT_BYTES};
use crate::parse::convention::Convention;
use crate::parse::convention_label;
use crate::parse::lines::lines;
use crate::{Analysis, Counts, DiagnosticKind, Document, Ends, Format, Options, Utf16Map};

/// The unit of every offset in the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust strings).
    #[default]
    Utf8,
    /// UTF-16 code units (JavaScript strings).
    Utf16,
}

/// [`Stream::once`] analyses a text up to this size as one part. A part costs a
/// copy of its text and its tokens (about four times its size) while it is counted;
/// parts cost merging (5% more instructions for 1 MiB parts of a 10 MiB text).
pub(crate) const ONE_PART_BYTES: usize = 16 << 20;

/// How big the parts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamConfig {
    /// A part is cut at the first turn boundary after this many bytes.
    pub part_bytes: usize,
    /// At least this much text stays unprocessed until the end, so the end of the
    /// text (page furniture) is judged on the last part. Keep it above 64 KiB.
    pub tail_bytes: usize,
}

impl Default for StreamConfig {
    fn default() -> Self {
        StreamConfig { part_bytes: 1 << 20, tail_bytes: 128 * 1024 }
    }
}

/// A streaming analysis.
///
/// ```
/// use colloquy::{analyse, Options, OffsetUnit, Stream};
/// let text = "Alice: Hello there.\nBob: Hi Alice!\n";
/// let mut stream = Stream::new(Options::default(), OffsetUnit::Utf8);
/// for chunk in ["Alice: Hel", "lo there.\nBo", "b: Hi Alice!\n"] {
///     stream.push(chunk);
/// }
/// assert_eq!(stream.finish(), analyse(text, &Options::default()));
/// ```
#[derive(Debug)]
pub struct Stream {
    options: Options,
    unit: OffsetUnit,
    config: StreamConfig,
    buffer: String,
    counts: Option<Counts>,
    format: Option<Format>,
    /// The label convention, decided from the text's first `DETECT_BYTES` as one-shot
    /// parsing decides it, so every part is read alike.
    convention: Option<Convention>,
    processed: usize,
    /// The user's label pattern, compiled once (it is checked at each cut).
    label_pattern: Option<regex::Regex>,
    /// The whole text's length, when known up front: the merged counts reserve room
    /// for all of it once, instead of growing part by part.
    expected_bytes: usize,
}

impl Stream {
    pub fn new(options: Options, unit: OffsetUnit) -> Stream {
        Stream::with_config(options, unit, StreamConfig::default())
    }

    pub fn with_config(options: Options, unit: OffsetUnit, config: StreamConfig) -> Stream {
        let format = match options.parse.format {
            Format::Auto => None,
            forced => Some(forced),
        };
        let label_pattern =
            options.parse.label_pattern.as_deref().and_then(|p| regex::Regex::new(&format!("^(?:{p})")).ok());
        Stream {
            options,
            unit,
            config,
            buffer: String::new(),
            counts: None,
            format,
            convention: None,
            processed: 0,
            label_pattern,
            expected_bytes: 0,
        }
    }

    /// Analyses `text` without copying it into a buffer first: as one part up to
    /// `ONE_PART_BYTES` (16 MiB), in parts beyond.
    pub fn once(options: Options, unit: OffsetUnit, text: &str) -> Analysis {
        let mut stream = Stream::new(options, unit);
        let consumed = if text.len() <= ONE_PART_BYTES {
            0
        } else {
            stream.expected_bytes = text.len();
            stream.process_available(text)
        };
        stream.process_part(text.get(consumed..).unwrap_or(""), true);
        stream.report()
    }

    /// A rough size in bytes of what the stream holds (buffer and counts).
    pub fn approx_bytes(&self) -> usize {
        self.buffer.capacity() + self.counts.as_ref().map_or(0, Counts::approx_bytes)
    }

    /// Adds text. Complete turns far enough from the end are analysed now.
    pub fn push(&mut self, chunk: &str) {
        self.buffer.push_str(chunk);
        let buffer = std::mem::take(&mut self.buffer);
        let consumed = self.process_available(&buffer);
        self.buffer = buffer;
        self.buffer.drain(..consumed);
    }

    /// Bytes of text analysed so far (the rest is buffered).
    pub fn processed_bytes(&self) -> usize {
        self.processed
    }

    /// Bytes of text waiting in the buffer.
    pub fn buffered_bytes(&self) -> usize {
        self.buffer.len()
    }

    /// Analyses what is left and returns the analysis of everything pushed.
    pub fn finish(mut self) -> Analysis {
        let buffer = std::mem::take(&mut self.buffer);
        let consumed = self.process_available(&buffer);
        let rest = buffer.get(consumed..).unwrap_or("");
        self.process_part(rest, true);
        self.report()
    }

    fn report(self) -> Analysis {
        match self.counts {
            Some(counts) => counts.report(&self.options.view),
            None => Counts::new(&Document::new(String::new(), &self.options)).report(&self.options.view),
        }
    }

    /// Analyses whole parts of `text`; returns how many bytes were consumed.
    fn process_available(&mut self, text: &str) -> usize {
        if self.format.is_none() {
            if text.len() < DETECT_BYTES {
                return 0;
            }
            self.format = Some(detect(text));
        }
        if matches!(self.format, Some(Format::Vtt | Format::Srt)) {
            return 0;
        }
        if self.convention.is_none() {
            if text.len() < DETECT_BYTES {
                return 0;
            }
            self.convention = Some(Convention::detect(text));
        }
        let mut consumed = 0;
        loop {
            let rest = text.get(consumed..).unwrap_or("");
            let Some(cut) = self.cut_point(rest) else { break };
            self.process_part(rest.get(..cut).unwrap_or(""), false);
            consumed += cut;
        }
        consumed
    }

    /// The start of the first label line at or after `part_bytes`, leaving at least
    /// `tail_bytes` after it, whose line is complete.
    fn cut_point(&self, rest: &str) -> Option<usize> {
        let min_len = self.config.part_bytes.saturating_add(self.config.tail_bytes);
        if rest.len() < min_len {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut from = self.config.part_bytes.max(1);
        while from + self.config.tail_bytes <= rest.len() {
            let newline = from - 1 + memchr_newline(bytes.get(from - 1..)?)?;
            let start = newline + 1;
            if rest.len() - start < self.config.tail_bytes {
                return None;
            }
            let after = rest.get(start..)?;
            let line_end = memchr_newline(after.as_bytes())?;
            let candidate = after.get(..line_end)?;
            // The line before is blank if the newline ending it follows another.
            let before = rest.get(..newline)?.trim_end_matches(['\r', ' ', '\t']);
            let previous_blank = before.ends_with('\n');
            if let Some(first) = lines(candidate).first() {
                if self.is_label(first.text(candidate), previous_blank) {
                    return Some(start);
                }
            }
            from = start + 1;
        }
        None
    }

    /// Is `line` a label line that starts a turn, so a part may end before it? In a
    /// period-label document the line must also not be a left-out paragraph's.
    fn is_label(&self, line: &str, previous_blank: bool) -> bool {
        match (&self.options.parse.label_pattern, &self.label_pattern) {
            (Some(_), Some(re)) => re.find(line).is_some_and(|m| !m.is_empty()),
            // An invalid pattern falls back to detection, as in `parse`.
            _ => match &self.convention {
                // A deposition's `Q.` is the last `BY …:` line's examiner: never cut there.
                Some(c) if c.qa => false,
                Some(c) => convention_label(c, line, previous_blank).is_some(),
                None => false,
            },
        }
    }

    fn process_part(&mut self, part: &str, last: bool) {
        let first = self.counts.is_none();
        let mut options = self.options.clone();
        options.parse.format = self.format.unwrap_or(options.parse.format);
        options.parse.ends =
            Ends { start: first && self.options.parse.ends.start, end: last && self.options.parse.ends.end };
        // Parts share one vocabulary: tokens of later parts mostly find their type
        // already interned, and merging needs no re-interning.
        let vocab = self.counts.as_mut().map(|c| std::mem::take(&mut c.vocab)).unwrap_or_default();
        let document = Document::with_vocab(part.to_owned(), &options, vocab, self.convention.as_ref());
        if self.convention.is_none() {
            // The first part decided it (a text under `DETECT_BYTES`, or the whole text).
            self.convention = document.transcript().decided.clone();
        }
        let mut counts = Counts::from_document(document);
        if !first {
            counts.diagnostics.retain(|d| d.kind != DiagnosticKind::InvalidLabelPattern);
        }
        if self.unit == OffsetUnit::Utf16 {
            let map = Utf16Map::new(part);
            counts.map_offsets(map.cursor());
        }
        self.processed += part.len();
        match &mut self.counts {
            Some(all) => {
                if self.expected_bytes > self.processed {
                    // The parts so far tell how many ids a byte of this text makes.
                    let scale = |n: usize| n.saturating_mul(self.expected_bytes) / self.processed.max(1);
                    let ids = scale(all.stream.ids.len() + counts.stream.ids.len());
                    let sentences = scale(all.stream.speakers.len() + counts.stream.speakers.len());
                    all.stream.reserve(
                        ids.saturating_sub(all.stream.ids.len()),
                        sentences.saturating_sub(all.stream.speakers.len()),
                    );
                    self.expected_bytes = 0;
                }
                all.merge_continuation(counts);
            }
            None => self.counts = Some(counts),
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}
