//! Recognising a speaker label at the start of a line.
//!
//! A label starts a line, is short (up to six words), is capitalised in any script,
//! and ends in a colon followed by a space or the end of the line:
//! `Alice: Hello`, `MR. PRICE:`, `Hon. Jane Doe (Riding, Party):`, `С.В.Лавров:`,
//! `Ned Price (00:04):`, `[00:01:23] John:`. An Otter header (`Jane Doe  0:05`) is a
//! label without a colon. Lowercase phrases, long sentences, times and URLs are not.

/// A label found at the start of a line. Offsets are relative to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The speaker's name, whitespace collapsed, without timestamps or parentheticals.
    pub name: String,
    /// Where the speech after the label starts (equal to the line length if none).
    pub content_start: usize,
}

const MAX_WORDS: usize = 6;
const MAX_NAME_CHARS: usize = 60;
const MAX_PAREN_CHARS: usize = 80;

/// Lowercase words that may appear inside a name (`Charles de Gaulle`).
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "bint", "ibn", "al", "el",
    "ben", "y", "e", "dos", "das", "do", "of", "the", "and", "on", "for", "ter", "zu", "st", "hon.", "hon", "member",
    "members",
];

/// Words that start lines with a colon but are not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "nb",
    "n.b",
    "ps",
    "p.s",
    "example",
    "examples",
    "e.g",
    "i.e",
    "warning",
    "caution",
    "important",
    "tip",
    "hint",
    "source",
    "sources",
    "update",
    "updated",
    "edit",
    "editor's note",
    "see also",
    "related",
    "tags",
    "keywords",
    "date",
    "time",
    "location",
    "venue",
    "place",
    "subject",
    "re",
    "fw",
    "fwd",
    "from",
    "to",
    "cc",
    "bcc",
    "sent",
    "attachment",
    "attachments",
    "url",
    "link",
    "links",
    "email",
    "e-mail",
    "phone",
    "tel",
    "fax",
    "address",
    "website",
    "read more",
    "also read",
    "photo",
    "photos",
    "video",
    "credit",
    "credits",
    "caption",
    "title",
    "author",
    "by",
    "published",
    "posted",
    "category",
    "categories",
    "topics",
    "chapter",
    "section",
    "part",
    "step",
    "figure",
    "fig",
    "table",
    "appendix",
    "contents",
    "abstract",
    "disclaimer",
    "copyright",
    "summary",
    "agenda",
    "attendees",
    "participants",
    "present",
    "absent",
    "duration",
    "transcript",
    "recording",
    "http",
    "https",
    "ftp",
    "mailto",
    "file",
    "www",
];

/// Recognises a label at the start of `line`.
///
/// ```text
/// let label = match_label("Sergey Lavrov: They are insecure.").unwrap();
/// assert_eq!(label.name, "Sergey Lavrov");
/// ```
pub(crate) fn match_label(line: &str) -> Option<Label> {
    let indent = line.len() - line.trim_start().len();
    if indent > 4 {
        return None;
    }
    let mut rest = &line[indent..];
    // An optional leading timestamp: `[00:01:23] John:`.
    if let Some(after) = strip_bracket_timestamp(rest) {
        rest = after;
    }
    let name_start = line.len() - rest.len();
    if let Some(label) = colon_label(line, name_start) {
        return Some(label);
    }
    otter_header(line, name_start)
}

/// `Name: text`, `Name (00:04):`, `Hon. Name (Riding, Party):`.
fn colon_label(line: &str, name_start: usize) -> Option<Label> {
    let rest = &line[name_start..];
    let mut name_end = None;
    let mut colon_end = None;
    for (i, c) in rest.char_indices() {
        match c {
            ':' | '：' => {
                name_end = Some(i);
                colon_end = Some(i + c.len_utf8());
                break;
            }
            '(' => {
                name_end = Some(i);
                // A parenthetical, then optional spaces, then the colon.
                let close = rest[i..].find(')')?;
                if rest[i..i + close].chars().count() > MAX_PAREN_CHARS {
                    return None;
                }
                let after = &rest[i + close + 1..];
                let trimmed = after.trim_start();
                let c = trimmed.chars().next()?;
                if c != ':' && c != '：' {
                    return None;
                }
                colon_end = Some(rest.len() - trimmed.len() + c.len_utf8());
                break;
            }
            _ if i > MAX_NAME_CHARS * 4 => return None,
            _ => {}
        }
    }
    let (name_end, colon_end) = (name_end?, colon_end?);
    let after = &rest[colon_end..];
    // The colon must end the label: `15:38`, `http://`, `Re:Thing` are not labels.
    // A full-width colon (Chinese, Japanese) needs no space after it.
    let full_width = rest[name_end..colon_end].trim_start().starts_with('：');
    if let Some(c) = after.chars().next() {
        if !c.is_whitespace() && !full_width {
            return None;
        }
    }
    let name = valid_name(&rest[..name_end])?;
    let content = after.trim_start();
    Some(Label { name, content_start: line.len() - content.len() })
}

/// Otter: `Jane Doe  0:05` — a name, two or more spaces, a time, nothing else.
fn otter_header(line: &str, name_start: usize) -> Option<Label> {
    let rest = line[name_start..].trim_end();
    // Cheap first: the line must end with a time.
    if !rest.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let gap = rest.find("  ")?;
    let time = rest[gap..].trim_start();
    if !is_time(time) {
        return None;
    }
    let name = valid_name(&rest[..gap])?;
    Some(Label { name, content_start: line.len() })
}

fn strip_bracket_timestamp(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']')?;
    if !is_time(&inner[..close]) {
        return None;
    }
    Some(inner[close + 1..].trim_start())
}

/// `0:05`, `00:01:23`, `00:01:23.450`, `1:02:03,5`.
pub(crate) fn is_time(s: &str) -> bool {
    let s = s.trim();
    let main = s.split(['.', ',']).next().unwrap_or("");
    let parts: Vec<&str> = main.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && s.len() - main.len() <= 4
        && s[main.len()..].chars().skip(1).all(|c| c.is_ascii_digit())
}

/// Checks that `raw` looks like a speaker name and returns it with whitespace collapsed.
pub(crate) fn valid_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    if raw.split_whitespace().nth(MAX_WORDS).is_some() {
        return None;
    }
    // An ASCII name (most) is compared without a lower-cased copy.
    let trimmed = raw.trim_end_matches('.');
    let not_speaker = if trimmed.is_ascii() {
        NOT_SPEAKERS.iter().any(|s| s.eq_ignore_ascii_case(trimmed))
    } else {
        NOT_SPEAKERS.contains(&trimmed.to_lowercase().as_str())
    };
    if not_speaker {
        return None;
    }
    let mut name = String::with_capacity(raw.len());
    for (i, word) in raw.split_whitespace().enumerate() {
        if !valid_word(word, i == 0) {
            return None;
        }
        if i > 0 {
            name.push(' ');
        }
        name.push_str(word);
    }
    Some(name)
}

fn valid_word(word: &str, first: bool) -> bool {
    let Some(c) = word.chars().next() else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | '‐') || is_mark(c);
    if !word.chars().all(allowed) {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        // `Speaker 1`, but a name never starts with a number.
        return !first;
    }
    if c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()) {
        return !word.chars().any(|c| c.is_ascii_digit());
    }
    !first && PARTICLES.contains(&word)
}

fn is_mark(c: char) -> bool {
    // Combining marks (Devanagari vowel signs, Arabic harakat, …) inside names.
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<String> {
        match_label(line).map(|l| l.name)
    }

    #[test]
    fn labels() {
        assert_eq!(name("Sergey Lavrov: They are insecure.").as_deref(), Some("Sergey Lavrov"));
        assert_eq!(name("Question:").as_deref(), Some("Question"));
        assert_eq!(name("MR. PRICE: Good afternoon.").as_deref(), Some("MR. PRICE"));
        assert_eq!(name("THE PRESIDENT: Thank you.").as_deref(), Some("THE PRESIDENT"));
        assert_eq!(name("Hon. Jane Doe (Riding, Party): Mr. Speaker").as_deref(), Some("Hon. Jane Doe"));
        assert_eq!(name("Ned Price (00:04):").as_deref(), Some("Ned Price"));
        assert_eq!(name("[00:01:23] John: hi").as_deref(), Some("John"));
        assert_eq!(name("Jane Doe  0:05").as_deref(), Some("Jane Doe"));
        assert_eq!(name("С.В.Лавров: Добрый день.").as_deref(), Some("С.В.Лавров"));
        assert_eq!(name("First Citizen:").as_deref(), Some("First Citizen"));
        assert_eq!(name("Speaker 1: yes").as_deref(), Some("Speaker 1"));
        assert_eq!(name("Charles de Gaulle: Non.").as_deref(), Some("Charles de Gaulle"));
        assert_eq!(name("主持人：大家好。").as_deref(), Some("主持人"));
    }

    #[test]
    fn not_labels() {
        for line in [
            "15:38",
            "https://example.org/x",
            "Note: this is prose.",
            "NOTES: more prose.",
            "N.B.: prose.",
            "Editor's Note: prose.",
            "He said the following about it:",
            "The Minister said:",
            "and thus I clothe my naked villainy:",
            "We agreed on one thing: peace.",
            "Russia chairs the CIS this year: it is a duty.",
            "2:09 p.m. EST",
            "Re:Thing",
            "Jane Doe 0:05 was late",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }
}
