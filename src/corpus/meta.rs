//! What a corpus document is called, when it is from and which group it is in, read
//! from its file name and folder; and the key speakers are matched by across documents.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A document's name, and where it sits in a series: an optional date (`YYYY-MM-DD`,
/// `YYYY-MM` or `YYYY`) and group.
///
/// ```
/// use colloquy::DocumentMeta;
/// let m = DocumentMeta::from_path("briefings/2024/mfa-2024-04-12.txt");
/// assert_eq!(m.name, "mfa-2024-04-12.txt");
/// assert_eq!(m.date.as_deref(), Some("2024-04-12"));
/// assert_eq!(m.group.as_deref(), Some("2024"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DocumentMeta {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub date: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub group: Option<String>,
}

impl DocumentMeta {
    /// A document named `name`, dated by the first date its name writes, in no group.
    ///
    /// ```
    /// let m = colloquy::DocumentMeta::named("hearing 20230115 part 2.vtt");
    /// assert_eq!(m.date.as_deref(), Some("2023-01-15"));
    /// assert_eq!(m.group, None);
    /// ```
    pub fn named(name: &str) -> DocumentMeta {
        DocumentMeta { name: name.to_owned(), date: date_in(name), group: None }
    }

    /// From a path as given (`/` or `\` between folders): the file's name, the first date
    /// written in it (`2024-04-12`, `2024_04_12`, `2024.04.12`, `20240412`, `2024-04`),
    /// and the folder it is in as its group (none for a bare name).
    ///
    /// ```
    /// let m = colloquy::DocumentMeta::from_path(r"C:\hearings\senate\2019-03 session.txt");
    /// assert_eq!((m.name.as_str(), m.date.as_deref(), m.group.as_deref()), ("2019-03 session.txt", Some("2019-03"), Some("senate")));
    /// ```
    pub fn from_path(path: &str) -> DocumentMeta {
        let mut parts = path.rsplit(['/', '\\']).filter(|p| !p.is_empty() && *p != ".");
        let name = parts.next().unwrap_or(path);
        let group = parts.next().filter(|g| *g != "..").map(str::to_owned);
        DocumentMeta { group, ..DocumentMeta::named(name) }
    }
}

/// The first date written in `name`: four digits of a year from 1900 to 2099, then a
/// month and optionally a day, joined by `-`, `_` or `.` or written together
/// (`20240412`), not inside a longer run of digits.
fn date_in(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |i: usize, n: usize| -> Option<u32> {
        (i..i + n).all(digit).then(|| name.get(i..i + n).and_then(|s| s.parse().ok())).flatten()
    };
    for start in 0..b.len() {
        if start > 0 && digit(start - 1) {
            continue;
        }
        let Some(year) = num(start, 4).filter(|y| (1900..2100).contains(y)) else { continue };
        let sep = b.get(start + 4).copied().filter(|c| matches!(c, b'-' | b'_' | b'.'));
        let month_at = start + 4 + usize::from(sep.is_some());
        let Some(month) = num(month_at, 2).filter(|m| (1..=12).contains(m)) else { continue };
        let day_at = month_at + 2 + usize::from(sep.is_some());
        let joined = sep.is_none_or(|s| b.get(month_at + 2) == Some(&s));
        let day = num(day_at, 2).filter(|d| joined && (1..=31).contains(d) && !digit(day_at + 2));
        match day {
            Some(day) => return Some(format!("{year:04}-{month:02}-{day:02}")),
            // Without a separator a date needs its day: `202404` is too often a number.
            None if sep.is_some() && !digit(month_at + 2) => return Some(format!("{year:04}-{month:02}")),
            None => {}
        }
    }
    None
}

/// The key a speaker is matched by across documents: the name as parsing gives it
/// (after the user's aliases), spaces collapsed and case folded, so `Sergey  LAVROV` in
/// one document is `Sergey Lavrov` in another.
///
/// ```
/// assert_eq!(colloquy::speaker_key(" Sergey  LAVROV "), colloquy::speaker_key("Sergey Lavrov"));
/// assert_ne!(colloquy::speaker_key("Lavrov"), colloquy::speaker_key("Sergey Lavrov"));
/// ```
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expect: Option<&str>) {
        assert_eq!(date_in(name).as_deref(), expect, "{name}");
    }

    #[test]
    fn dates_in_names() {
        check("2024-04-12.txt", Some("2024-04-12"));
        check("briefing_2024_04_12_en.txt", Some("2024-04-12"));
        check("x.2024.04.12", Some("2024-04-12"));
        check("20240412-lavrov.txt", Some("2024-04-12"));
        check("season 2021-03.srt", Some("2021-03"));
        check("episode 202104.srt", None);
        check("id 120240412.txt", None);
        check("2024-13-01.txt", None);
        check("2024-04_12.txt", Some("2024-04"));
        check("no date.txt", None);
        check("1850-01-01.txt", None);
        check("v1 2019-11-05 – 2019-11-06.txt", Some("2019-11-05"));
        check("", None);
    }

    #[test]
    fn groups_from_folders() {
        assert_eq!(DocumentMeta::from_path("a.txt").group, None);
        assert_eq!(DocumentMeta::from_path("./a.txt").group, None);
        assert_eq!(DocumentMeta::from_path("x/y/a.txt").group.as_deref(), Some("y"));
        assert_eq!(DocumentMeta::from_path("../a.txt").group, None);
        assert_eq!(DocumentMeta::from_path("").name, "");
    }
}
