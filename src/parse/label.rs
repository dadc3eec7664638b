//! Recognising a speaker label at the start of a line.
//!
//! A label starts a line, is short (up to six words), is capitalised in any script,
//! and ends in a colon followed by a space or the end of the line:
//! `Alice: Hello`, `MR. PRICE:`, `Hon. Jane Doe (Riding, Party):`, `С.В.Лавров:`,
//! `Ned Price (00:04):`, `[00:01:23] John:`. An Otter header (`Jane Doe  0:05`) is a
//! label without a colon. Lowercase phrases, long sentences, times and URLs are not.

use super::mark::is_mark;

/// A label found at the start of a line. Offsets are relative to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The speaker's name, whitespace collapsed, without timestamps or parentheticals.
    pub name: String,
    /// Where the speech after the label starts (equal to the line length if none).
    pub content_start: usize,
}

const MAX_WORDS: usize = 6;
/// Most words of a joint label (`Safia Abdalla, Jen Luker, & Jason Staten:`).
const MAX_JOINT_WORDS: usize = 12;
pub(crate) const MAX_NAME_CHARS: usize = 60;
const MAX_PAREN_CHARS: usize = 80;

/// Lowercase words that may appear inside a name (`Charles de Gaulle`).
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "bint", "ibn", "al", "el",
    "ben", "y", "e", "dos", "das", "do", "of", "the", "and", "on", "for", "ter", "zu", "st", "hon.", "hon", "member",
    "members", "&",
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
    // Or a bare one before a Markdown label: `0:00:12.6 **Jane Doe** Hello`.
    let bare_time = strip_bare_timestamp(rest);
    if let Some(label) = bare_time.and_then(|after| bold_label(line, line.len() - after.len())) {
        return Some(label);
    }
    let name_start = line.len() - rest.len();
    if let Some(label) = bold_label(line, name_start) {
        return Some(label);
    }
    if let Some(label) = colon_label(line, name_start) {
        return Some(label);
    }
    otter_header(line, name_start)
}

/// A Markdown bold name: `**Jane Doe** Hello`, `**Jane Doe:** Hello`, `** Jane**`.
fn bold_label(line: &str, name_start: usize) -> Option<Label> {
    let inner = line[name_start..].strip_prefix("**")?;
    let close = inner.find("**")?;
    let raw = inner[..close].trim().trim_end_matches([':', '：']);
    let after = &inner[close + 2..];
    let after = after.strip_prefix([':', '：']).unwrap_or(after);
    if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let name = valid_name(raw)?;
    let content = after.trim_start();
    Some(Label { name, content_start: line.len() - content.len() })
}

/// A time and a space at the start: `0:00:12.6 `, or one missing its hours (`:00:40.6 `).
fn strip_bare_timestamp(s: &str) -> Option<&str> {
    let (time, rest) = s.split_once(' ')?;
    let digits = time.trim_start_matches(':');
    if !time.contains(':') || !(is_time(digits) || is_time(&format!("0:{digits}"))) {
        return None;
    }
    Some(rest.trim_start())
}

/// `Q.` or `A.` (or `Q:`, `A:`) starting a line, as in depositions and inquiries.
///
/// ```text
/// assert_eq!(qa_label("Q. Where were you?").unwrap().name, "Q");
/// ```
pub(crate) fn qa_label(line: &str) -> Option<Label> {
    let rest = line.trim_start();
    if line.len() - rest.len() > 4 {
        return None;
    }
    let mut chars = rest.chars();
    let letter = chars.next().filter(|c| matches!(c, 'Q' | 'A'))?;
    if !matches!(chars.next(), Some('.' | ':')) {
        return None;
    }
    let after = chars.as_str();
    if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let content = after.trim_start();
    Some(Label { name: letter.to_string(), content_start: line.len() - content.len() })
}

/// `BY MR. SMITH:` (a deposition's examining attorney) → `MR. SMITH`.
pub(crate) fn examiner(line: &str) -> Option<String> {
    let rest = line.trim();
    let name = rest.strip_prefix("BY ").or_else(|| rest.strip_prefix("By "))?;
    let name = name.strip_suffix(':')?;
    valid_name(name)
}

/// Honorifics that start a period label (compared without case).
const PERIOD_HONORIFICS: &[&str] =
    &["mr.", "mrs.", "ms.", "miss", "dr.", "chairman", "chairwoman", "chair", "senator", "madam", "delegate"];

/// Words that follow an honorific in an address, not a label: `Mr. Speaker.`
const ADDRESSES: &[&str] = &["Speaker", "President", "Chairman", "Chairwoman", "Chair", "Leader", "Clerk", "Secretary"];

/// Offices that hearings print in mixed case after `The`: `The Chairman.`, `The Acting
/// Chair (Mr. Ruiz).`, `The Clerk.`
const THE_OFFICES: &[&str] = &["Chairman", "Chairwoman", "Chair", "Acting", "Clerk", "Speaker", "President"];

/// A role between the honorific and the name: `Mr. Manager SCHIFF.`, `Mr. Counsel CIPOLLONE.`
const PERIOD_ROLES: &[&str] = &["Manager", "Counsel"];

/// Congressional Record and hearing labels, ending in a period: `Mr. McGOVERN. Text`,
/// `Ms. Manager GARCIA of Texas.`, `The SPEAKER pro tempore (Mr. Yarmuth).`,
/// `The PRESIDING OFFICER.`, `Chairman COMER.`, `Mr. Jordan. Thank you.` The name is
/// returned without the parenthetical, the honorific in its usual case (`MR.` → `Mr.`).
pub(crate) fn period_label(line: &str) -> Option<Label> {
    let rest = line.trim_start();
    if line.len() - rest.len() > 4 || rest.len() < 4 {
        return None;
    }
    let first = rest.split(' ').next()?;
    let the = first == "The" || first == "THE";
    if !the && !PERIOD_HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(first)) {
        return None;
    }
    let mut name: Vec<String> = vec![canonical_honorific(first)];
    let mut pos = first.len();
    let mut names = 0;
    let mut of_state = false;
    loop {
        let tail = &rest[pos..];
        let tail = tail.strip_prefix(' ')?;
        pos += 1;
        if tail.starts_with('(') {
            // `(Mr. Yarmuth).`: a parenthetical, then the period.
            let close = tail.find(')')?;
            if close > MAX_PAREN_CHARS || !tail[close + 1..].starts_with('.') {
                return None;
            }
            pos += close + 2;
            break;
        }
        let word = tail.split(' ').next().unwrap_or("");
        pos += word.len();
        let (bare, ends) = match word.strip_suffix('.') {
            Some(b) => (b, true),
            None => (word, false),
        };
        let ok = if of_state {
            bare.chars().next().is_some_and(char::is_uppercase) && bare.chars().all(char::is_alphabetic)
        } else if bare == "of" && names > 0 {
            of_state = true;
            true
        } else if the {
            caps_word(bare) || (names > 0 && (bare == "pro" || bare == "tempore")) || THE_OFFICES.contains(&bare)
        } else if names == 0 && PERIOD_ROLES.contains(&bare) && !ends {
            true
        } else {
            caps_name(bare) || (names == 0 && capitalised(bare) && !ADDRESSES.contains(&bare))
        };
        if !ok || name.len() > MAX_WORDS + 2 || bare.is_empty() {
            return None;
        }
        if bare != "of" && !of_state {
            names += 1;
        }
        name.push(bare.to_owned());
        if ends {
            if names == 0 || bare == "of" {
                return None;
            }
            break;
        }
    }
    let after = &rest[pos..];
    if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let content = after.trim_start();
    if content.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    Some(Label { name: name.join(" "), content_start: line.len() - content.len() })
}

fn canonical_honorific(word: &str) -> String {
    match word.to_ascii_lowercase().as_str() {
        "mr." => "Mr.".to_owned(),
        "mrs." => "Mrs.".to_owned(),
        "ms." => "Ms.".to_owned(),
        "dr." => "Dr.".to_owned(),
        _ => word.to_owned(),
    }
}

/// `SPEAKER`, `CHIEF`: two or more capitals and no lowercase letter.
fn caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'))
}

/// A surname in the Record's capitals: `McGOVERN`, `DeLAURO`, `O'ROURKE`, `JACKSON`.
fn caps_name(w: &str) -> bool {
    caps_word(strip_name_prefix(w))
}

/// `Jordan`: a capital, then lowercase letters (hearings print names in mixed case);
/// each part of a double name (`Ocasio-Cortez`) and the part after `Mc`, `Mac` or
/// `O'` (`McAllister`, `O'Brien`) is capitalised too.
fn capitalised(w: &str) -> bool {
    w.chars().count() >= 2
        && w.split('-').all(|part| capitalised_part(part) || capitalised_part(strip_name_prefix(part)))
}

fn capitalised_part(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || matches!(c, '\'' | '’'))
}

/// Prefixes of surnames before a capital: `McGOVERN`, `DeLAURO`, `O'Brien`.
const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O'", "O’"];

/// `McAllister` → `Allister`, `O'Brien` → `Brien`, `DeLAURO` → `LAURO`; any other word as it is.
fn strip_name_prefix(w: &str) -> &str {
    NAME_PREFIXES
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().next().is_some_and(char::is_uppercase)))
        .unwrap_or(w)
}

/// `Name: text`, `Name (00:04):`, `Hon. Name (Riding, Party):`.
fn colon_label(line: &str, name_start: usize) -> Option<Label> {
    let rest = &line[name_start..];
    let mut name_end = None;
    let mut colon_end = None;
    let mut party = None;
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
                party = Some(&rest[i + 1..i + close]).filter(|p| is_party(p));
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
    let content = after.trim_start();
    let name = match valid_name(&rest[..name_end]) {
        Some(name) => name,
        // `Dr. Jane Roe, Minister for Trade and Industry:` alone on its line.
        None if content.is_empty() => name_and_role(&rest[..name_end])?,
        None => return None,
    };
    let name = match party {
        Some(p) => format!("{name} ({})", p.trim()),
        None => name,
    };
    Some(Label { name, content_start: line.len() - content.len() })
}

/// A parenthetical that belongs to the name as printed: a party or group
/// (`(CDU/CSU)`, `(BÜNDNIS 90/DIE GRÜNEN)`), not a time, a riding with its party
/// (`(Riding, Party)`) or a note (`(interrupting)`).
fn is_party(inner: &str) -> bool {
    let inner = inner.trim();
    let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = inner.chars().filter(|c| c.is_uppercase()).count();
    letters >= 2
        && capitals * 2 >= letters
        && inner.chars().next().is_some_and(char::is_uppercase)
        && !inner.contains(',')
        && inner.split_whitespace().count() <= 4
        && !is_time(inner)
}

/// Most words of a role after a name: `Bundesminister für Wirtschaft und Klimaschutz`.
const MAX_ROLE_WORDS: usize = 7;

/// `Name, Role of Something`: a valid name, a comma, then a capitalised role.
fn name_and_role(raw: &str) -> Option<String> {
    let (name, role) = raw.split_once(", ")?;
    let name = valid_name(name)?;
    let words: Vec<&str> = role.split_whitespace().collect();
    let capital = words.first()?.chars().next().is_some_and(char::is_uppercase);
    let plain = words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.')));
    (capital && plain && words.len() <= MAX_ROLE_WORDS).then(|| format!("{name}, {}", words.join(" ")))
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
    // A joint label lists names with commas: `Phoebe, Rachel, and Ross:`.
    let joint = raw.contains(',') && raw.split_whitespace().any(|w| w == "and" || w == "&");
    if raw.split_whitespace().nth(if joint { MAX_JOINT_WORDS } else { MAX_WORDS }).is_some() {
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
    let words = raw.split_whitespace().count();
    let mut name = String::with_capacity(raw.len());
    for (i, word) in raw.split_whitespace().enumerate() {
        let bare = if joint && i + 1 < words { word.strip_suffix(',').unwrap_or(word) } else { word };
        if !valid_word(bare, i == 0) {
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
    if word == "&" {
        return !first;
    }
    if let Some(n) = word.strip_prefix('#') {
        // `Nurse #1`, `Gate Attendant #2`.
        return !first && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    }
    // The Hebrew maqaf (U+05BE) is a hyphen.
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | '‐' | '\u{05BE}') || is_mark(c);
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

    fn check_period(line: &str, expect: Option<&str>) {
        assert_eq!(period_label(line).map(|l| l.name).as_deref(), expect, "{line}");
    }

    #[test]
    fn period_labels() {
        check_period("  Mr. McGOVERN. Mr. Speaker, I yield.", Some("Mr. McGOVERN"));
        check_period("  MR. McGOVERN. I yield.", Some("Mr. McGOVERN"));
        check_period("  Mr. BROWN of Ohio. I yield myself such time.", Some("Mr. BROWN of Ohio"));
        check_period("  Ms. Manager ALVAREZ of Texas. Mr. President,", Some("Ms. Manager ALVAREZ of Texas"));
        check_period("  The SPEAKER pro tempore. The gentleman is recognized.", Some("The SPEAKER pro tempore"));
        check_period("  The PRESIDING OFFICER (Mr. Whitcombe). Without objection.", Some("The PRESIDING OFFICER"));
        check_period("    Chairman COMER. The committee will come to order.", Some("Chairman COMER"));
        check_period("Mr. Jordan. Thank you.", Some("Mr. Jordan"));
        check_period("Ms. Arroyo-Bennett. About a third.", Some("Ms. Arroyo-Bennett"));
        check_period("Mr. McAllister. Mr. Chairman, I ask unanimous consent.", Some("Mr. McAllister"));
        check_period("Mr. O'Brien. Thank you.", Some("Mr. O'Brien"));
        check_period("The Chairman. The committee will come to order.", Some("The Chairman"));
        check_period("The Acting CHAIR (Mr. Ruiz). The gentleman is recognized.", Some("The Acting CHAIR"));
        check_period("The Acting Chair. Without objection.", Some("The Acting Chair"));
        check_period("  Mrs. DeLAURO. Madam Speaker,", Some("Mrs. DeLAURO"));
        // Prose: an address, a sentence, a wrapped line.
        check_period("  Mr. Speaker, I rise today.", None);
        check_period("  Mr. Speaker. I rise today.", None);
        check_period("  The House has waited four years.", None);
        check_period("The Chairman said nothing.", None);
        check_period("The Chairman. said nothing.", None);
        check_period("  Mr. Jordan. said that.", None);
        check_period("Mr. Smith-. Text.", None);
        check_period("       Mr. SMITH. Inserted text is indented.", None);
    }

    fn check_qa(line: &str, expect: Option<(&str, &str)>) {
        let got = qa_label(line).map(|l| (l.name, &line[l.content_start..]));
        assert_eq!(got.as_ref().map(|(n, c)| (n.as_str(), *c)), expect, "{line}");
    }

    #[test]
    fn qa_labels() {
        check_qa("Q. Where were you?", Some(("Q", "Where were you?")));
        check_qa("A. Home.", Some(("A", "Home.")));
        check_qa("    A:   Home.", Some(("A", "Home.")));
        check_qa("Q.", Some(("Q", "")));
        check_qa("A.B. Smith was there.", None);
        check_qa("A lot of people.", None);
        check_qa("Qatar is far.", None);
        check_qa("     Q. Indented five.", None);
    }

    #[test]
    fn examiners() {
        assert_eq!(examiner("BY MR. SMITH:").as_deref(), Some("MR. SMITH"));
        assert_eq!(examiner("  By Ms. Oduya:  ").as_deref(), Some("Ms. Oduya"));
        assert_eq!(examiner("BY MR. SMITH"), None);
        assert_eq!(examiner("By the way: no."), None);
        assert_eq!(examiner("BYE MR. SMITH:"), None);
    }

    #[test]
    fn bold_labels() {
        assert_eq!(name("0:00:12.6 **Priya Nandakumar** Welcome back.").as_deref(), Some("Priya Nandakumar"));
        assert_eq!(name(":00:40.6 ** Tomasz Weller** Sorry.").as_deref(), Some("Tomasz Weller"));
        assert_eq!(name("**Jane Doe:** Hello").as_deref(), Some("Jane Doe"));
        assert_eq!(name("0:00:46.9 **Priya and Tomasz** Salt roads!").as_deref(), Some("Priya and Tomasz"));
        let line = "0:00:12.6 **Priya** Welcome.";
        assert_eq!(&line[match_label(line).unwrap().content_start..], "Welcome.");
        assert_eq!(name("**bold** text here"), None);
        assert_eq!(name("**Jane**text"), None);
        assert_eq!(name("0:00:12.6 plain text"), None);
    }

    #[test]
    fn names_with_roles() {
        assert_eq!(
            name_and_role("Dr. Jane Roe, Minister for Trade").as_deref(),
            Some("Dr. Jane Roe, Minister for Trade")
        );
        assert_eq!(name_and_role("Jane Roe,  Chief   Economist").as_deref(), Some("Jane Roe, Chief Economist"));
        assert_eq!(name_and_role("Jane Roe, having been duly sworn"), None);
        assert_eq!(name_and_role("Jane Roe"), None);
        assert_eq!(name_and_role("Jane Roe, Head of R&D"), None);
        assert_eq!(
            name("Dr. Jane Roe, Minister for Trade and Industry:").as_deref(),
            Some("Dr. Jane Roe, Minister for Trade and Industry")
        );
        // With speech after it, a name and role is not a label.
        assert_eq!(name("Dr. Jane Roe, Minister for Trade: Hello."), None);
    }

    #[test]
    fn parties() {
        for p in ["CDU/CSU", "SPD", "BÜNDNIS 90/DIE GRÜNEN", "AfD", "DIE LINKE"] {
            assert!(is_party(p), "{p}");
        }
        for p in ["00:04", "Riding North, Liberal", "interrupting", "Mr. Yarmuth", "x", "laughing loudly"] {
            assert!(!is_party(p), "{p}");
        }
        assert_eq!(name("Jens Roth (CDU/CSU): Danke.").as_deref(), Some("Jens Roth (CDU/CSU)"));
        assert_eq!(name("Jens Roth (00:04): Danke.").as_deref(), Some("Jens Roth"));
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
