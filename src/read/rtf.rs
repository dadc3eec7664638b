//! Rich Text Format (`.rtf`): a line per paragraph (`\par`), in one loop over the bytes.
//!
//! Groups (`{…}`), control words and symbols are read with a stack of group states
//! (bounded by [`ReadLimits::max_depth`]); text is kept, formatting dropped. `\line` is a
//! line break, `\tab` a tab, a table's `\cell` a tab and `\row` a line end. Characters
//! come as `\'hh` (in the document's code page: Windows-1252, or UTF-8 for
//! `\ansicpg65001`) and `\uN` (UTF-16, surrogate pairs joined, a lone surrogate read as
//! U+FFFD) followed by `\ucN` fallback characters, which are skipped. Destinations
//! that are not the text (font and colour tables, styles, document info, pictures,
//! field instructions, every `{\*\…}`) are skipped, and so are headers, footers,
//! footnotes, comments (`\annotation`) and tracked deletions (`\deleted`); the notes
//! say what was left out. `\binN` data is stepped over.
//!
//! ```text
//! {\rtf1\ansi {\b Alice:} Caf\'e9?\par\par Bob: Yes.\par}   →   "Alice: Café?\n\nBob: Yes.\n"
//! ```

use super::sink::Sink;
use super::{cp1252, left_out, ReadError, ReadLimits, ReadText, SourceFormat};

/// Whether `bytes` start (after a byte-order mark and white space) with `{\rtf`.
pub(crate) fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes.get(start..).is_some_and(|b| b.starts_with(b"{\\rtf"))
}

/// Destinations whose text is not the document's, skipped with their group.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "pgdsctbl",
    "filetbl",
    "nonshppict",
    "shpinst",
    "bkmkstart",
    "bkmkend",
    "txe",
    "xe",
    "tc",
    "template",
    "userprops",
    "docvar",
    "pntext",
    "pntxta",
    "pntxtb",
    "listtext",
    "ftnsep",
    "ftnsepc",
    "aftnsep",
    "aftnsepc",
    "atnid",
    "atnauthor",
    "atndate",
    "atnref",
    "atnicn",
    "atrfstart",
    "atrfend",
    "mmathPr",
    "stylesheet",
];

/// Header and footer destinations (left out, counted).
const HEADERS: &[&str] = &["header", "headerl", "headerr", "headerf"];
const FOOTERS: &[&str] = &["footer", "footerl", "footerr", "footerf"];

/// The longest control word kept whole (RTF says 32 letters).
const MAX_WORD: usize = 32;

#[derive(Clone, Copy)]
struct Group {
    /// The group's text is not the document's.
    skip: bool,
    /// Fallback characters after a `\u` (`\ucN`, 1 by default).
    uc: usize,
    /// Inside tracked deleted text (`\deleted`).
    deleted: bool,
}

#[derive(Default)]
struct Counts {
    comments: usize,
    footnotes: usize,
    headers: usize,
    footers: usize,
    deletions: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    out: Sink,
    groups: Vec<Group>,
    group: Group,
    /// The next control word is an ignorable destination (`{\*\…`).
    star: bool,
    /// Fallback characters still to skip after a `\u`.
    fallback: usize,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// `\'hh` bytes not yet decoded (a UTF-8 sequence may span several).
    pending: Vec<u8>,
    utf8: bool,
    counts: Counts,
}

pub(crate) fn read(bytes: &[u8], limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let mut r = Reader {
        bytes,
        at: 0,
        out: Sink::new(SourceFormat::Rtf, limits),
        groups: Vec::new(),
        group: Group { skip: false, uc: 1, deleted: false },
        star: false,
        fallback: 0,
        high: None,
        pending: Vec::new(),
        utf8: false,
        counts: Counts::default(),
    };
    r.run(limits)?;
    let c = &r.counts;
    let what = [
        (c.comments, "comment", "comments"),
        (c.deletions, "tracked deletion", "tracked deletions"),
        (c.footnotes, "footnote", "footnotes"),
        (c.headers, "header", "headers"),
        (c.footers, "footer", "footers"),
    ];
    Ok(ReadText { text: r.out.text, source: SourceFormat::Rtf, notes: left_out(&what).into_iter().collect() })
}

impl Reader<'_> {
    fn run(&mut self, limits: &ReadLimits) -> Result<(), ReadError> {
        let bytes = self.bytes;
        while let Some(&b) = bytes.get(self.at) {
            self.at += 1;
            match b {
                b'{' => {
                    self.flush()?;
                    if self.groups.len() >= limits.max_depth {
                        return Err(ReadError::depth_limit(SourceFormat::Rtf, limits));
                    }
                    self.groups.push(self.group);
                    self.fallback = 0;
                }
                b'}' => {
                    self.flush()?;
                    self.star = false;
                    self.fallback = 0;
                    if let Some(group) = self.groups.pop() {
                        self.group = group;
                    }
                }
                b'\\' => self.control()?,
                b'\r' | b'\n' => {}
                _ => {
                    if self.skip_fallback() {
                        continue;
                    }
                    if b < 0x20 && b != b'\t' {
                        continue;
                    }
                    if b >= 0x80 {
                        self.raw_non_ascii(b)?;
                    } else {
                        self.flush()?;
                        self.text(char::from(b))?;
                    }
                }
            }
        }
        self.flush()
    }

    /// A fallback character after `\u` is due: skip it.
    fn skip_fallback(&mut self) -> bool {
        if self.fallback > 0 {
            self.fallback -= 1;
            return true;
        }
        false
    }

    /// A byte of 0x80 or more outside an escape: a UTF-8 sequence if one starts here,
    /// else a Windows-1252 character.
    fn raw_non_ascii(&mut self, b: u8) -> Result<(), ReadError> {
        self.flush()?;
        let start = self.at - 1;
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let utf8 = self.bytes.get(start..start + len).and_then(|s| std::str::from_utf8(s).ok());
        match utf8.and_then(|s| s.chars().next()) {
            Some(c) if len > 0 => {
                self.at = start + len;
                self.text(c)
            }
            _ => self.text(cp1252::char_of(b)),
        }
    }

    /// After a backslash: a control word, a control symbol or an escaped character.
    fn control(&mut self) -> Result<(), ReadError> {
        let bytes = self.bytes;
        let Some(&c) = bytes.get(self.at) else { return Ok(()) };
        if !c.is_ascii_alphabetic() {
            self.at += 1;
            if c == b'\'' {
                let hex = bytes.get(self.at..self.at + 2).and_then(|h| std::str::from_utf8(h).ok());
                if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    self.at += 2;
                    if !self.skip_fallback() && !self.hidden() {
                        self.pending.push(byte);
                    }
                }
                return Ok(());
            }
            self.flush()?;
            if c == b'*' {
                self.star = true;
                return Ok(());
            }
            if self.skip_fallback() {
                return Ok(());
            }
            return match c {
                b'\\' | b'{' | b'}' => self.text(char::from(c)),
                b'~' => self.text('\u{A0}'),
                b'_' => self.text('-'),
                b'\r' | b'\n' => self.text('\n'),
                b'\t' => self.text('\t'),
                _ => Ok(()),
            };
        }
        let start = self.at;
        while bytes.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        let word = std::str::from_utf8(bytes.get(start..self.at).unwrap_or_default()).unwrap_or("");
        let param_start = self.at;
        if bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while bytes.get(self.at).is_some_and(u8::is_ascii_digit) && self.at - param_start < 11 {
            self.at += 1;
        }
        let param = std::str::from_utf8(bytes.get(param_start..self.at).unwrap_or_default())
            .ok()
            .and_then(|p| p.parse::<i64>().ok());
        if bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        if word == "bin" {
            // Binary data: step over it.
            let n = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
            self.at = self.at.saturating_add(n).min(bytes.len());
            return Ok(());
        }
        if word == "u" {
            return self.unicode(param.unwrap_or(0));
        }
        if word != "uc" {
            self.flush()?;
        }
        if self.skip_fallback() {
            return Ok(());
        }
        if std::mem::take(&mut self.star) || word.len() > MAX_WORD {
            // An ignorable destination: skipped, and counted when it is a comment.
            if word == "annotation" {
                return self.destination(|c| &mut c.comments);
            }
            self.group.skip = true;
            return Ok(());
        }
        self.word(word, param)
    }

    /// A control word's effect.
    fn word(&mut self, word: &str, param: Option<i64>) -> Result<(), ReadError> {
        let on = param != Some(0);
        match word {
            "par" | "line" | "sect" => self.text('\n'),
            "tab" | "cell" | "nestcell" => self.text('\t'),
            "row" | "nestrow" => {
                if !self.hidden() {
                    let kept = self.out.text.trim_end_matches('\t').len();
                    self.out.text.truncate(kept);
                }
                self.text('\n')
            }
            "emdash" => self.text('\u{2014}'),
            "endash" => self.text('\u{2013}'),
            "bullet" => self.text('\u{2022}'),
            "lquote" => self.text('\u{2018}'),
            "rquote" => self.text('\u{2019}'),
            "ldblquote" => self.text('\u{201C}'),
            "rdblquote" => self.text('\u{201D}'),
            "emspace" | "enspace" | "qmspace" => self.text(' '),
            "uc" => {
                self.group.uc = usize::try_from(param.unwrap_or(1)).unwrap_or(1).min(8);
                Ok(())
            }
            "ansicpg" => {
                self.utf8 = param == Some(65001);
                Ok(())
            }
            "deleted" => {
                if on && !self.group.deleted && !self.group.skip {
                    self.counts.deletions += 1;
                }
                self.group.deleted = on;
                Ok(())
            }
            "plain" => {
                self.group.deleted = false;
                Ok(())
            }
            "annotation" => self.destination(|c| &mut c.comments),
            "footnote" => self.destination(|c| &mut c.footnotes),
            _ if HEADERS.contains(&word) => self.destination(|c| &mut c.headers),
            _ if FOOTERS.contains(&word) => self.destination(|c| &mut c.footers),
            _ if SKIPPED.contains(&word) => {
                self.group.skip = true;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// A destination left out and counted.
    fn destination(&mut self, count: impl FnOnce(&mut Counts) -> &mut usize) -> Result<(), ReadError> {
        if !self.group.skip {
            *count(&mut self.counts) += 1;
        }
        self.group.skip = true;
        Ok(())
    }

    /// `\uN`: a UTF-16 unit (negative for units over 32767), then fallback characters.
    fn unicode(&mut self, n: i64) -> Result<(), ReadError> {
        self.flush()?;
        self.fallback = self.group.uc;
        let unit = u16::try_from(n.rem_euclid(65536)).unwrap_or(0xFFFD);
        match unit {
            0xD800..=0xDBFF => {
                self.lone_high()?;
                self.high = Some(unit);
                Ok(())
            }
            0xDC00..=0xDFFF => match self.high.take() {
                Some(high) => {
                    let c = char::decode_utf16([high, unit]).next().and_then(Result::ok).unwrap_or('\u{FFFD}');
                    self.put(c)
                }
                None => self.put('\u{FFFD}'),
            },
            _ => {
                self.lone_high()?;
                self.put(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'))
            }
        }
    }

    /// A high surrogate not followed by a low one.
    fn lone_high(&mut self) -> Result<(), ReadError> {
        match self.high.take() {
            Some(_) => self.put('\u{FFFD}'),
            None => Ok(()),
        }
    }

    /// Whether text here is left out.
    fn hidden(&self) -> bool {
        self.group.skip || self.group.deleted
    }

    /// Text: ends a pending surrogate, then kept unless hidden.
    fn text(&mut self, c: char) -> Result<(), ReadError> {
        self.lone_high()?;
        self.put(c)
    }

    fn put(&mut self, c: char) -> Result<(), ReadError> {
        if self.hidden() {
            return Ok(());
        }
        self.out.push(c)
    }

    /// Decodes the pending `\'hh` bytes.
    fn flush(&mut self) -> Result<(), ReadError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.pending);
        let text = if self.utf8 { String::from_utf8_lossy(&bytes).into_owned() } else { cp1252::decode(&bytes) };
        self.lone_high()?;
        self.out.push_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        read(rtf.as_bytes(), &ReadLimits::default()).map(|r| r.text).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn paragraphs_escapes_and_destinations() {
        assert_eq!(
            text(
                r"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}{\*\generator x;}\f0\pard {\b Alice:} Caf\'e9?\par\par Bob: \ldblquote Yes.\rdblquote\par}"
            ),
            "Alice: Caf\u{e9}?\n\nBob: \u{201C}Yes.\u{201D}\n"
        );
    }

    #[test]
    fn unicode_with_fallbacks_and_surrogates() {
        assert_eq!(text(r"{\rtf1\uc1 \u1055?\u1088?\u-10179?\u-8704?\par}"), "\u{41F}\u{440}\u{1F600}\n");
        assert_eq!(text(r"{\rtf1 a\u-10179?b\par}"), "a\u{FFFD}b\n");
        assert_eq!(text(r"{\rtf1\uc2 \u233\'e9\'e9x}"), "\u{e9}x");
    }

    #[test]
    fn tables_comments_deletions() {
        let rtf = r"{\rtf1 A\cell B\cell\row {\*\annotation note}x{\deleted gone}y{\footnote n}\par{\header h}}";
        let read = read(rtf.as_bytes(), &ReadLimits::default()).unwrap();
        assert_eq!(read.text, "A\tB\nxy\n");
        assert_eq!(read.notes, ["left out 1 comment, 1 tracked deletion, 1 footnote and 1 header"]);
    }

    #[test]
    fn binary_data_and_utf8_code_page() {
        assert_eq!(text("{\\rtf1 a\\bin3 {}}b}"), "ab");
        assert_eq!(text(r"{\rtf1\ansicpg65001 \'c3\'a9t\'c3\'a9}"), "\u{e9}t\u{e9}");
    }
}
