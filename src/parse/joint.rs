//! Joint speakers: one label naming several people who speak together, as scripts
//! print a chorus (`Ross and Rachel:`, `Phoebe, Rachel, and Ross:`) and podcasts a
//! shared greeting (`Safia Abdalla, Jen Luker, & Jason Staten`).
//!
//! A joint speaker is shown as printed. With [`crate::ParseOptions::split_joint_speakers`]
//! its words are credited to each named speaker: every one of them said the line.

/// The most people one joint label names.
const MAX_MEMBERS: usize = 8;
/// The most words of one name in a joint label.
const MAX_MEMBER_WORDS: usize = 4;

/// The names a joint label lists, or `None` when `name` is one speaker's.
///
/// A joint label joins two or more names with `and` or `&` (any case), the names
/// before the last separated by commas; each name is one to four words and starts
/// with a capital letter, and a bare title (`Mr. and Mrs. Smith`) is
/// not a name of its own.
///
/// ```text
/// Ross and Rachel             → Ross | Rachel
/// Phoebe, Rachel, and Ross    → Phoebe | Rachel | Ross
/// Safia Abdalla, Jen Luker, & Jason Staten → Safia Abdalla | Jen Luker | Jason Staten
/// Mr. and Mrs. Smith          → none (a couple's one label)
/// Sergey Lavrov, Minister     → none (a name and a role: no `and`)
/// ```
pub(crate) fn joint_members(name: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let conjunction = |w: &&str| *w == "&" || w.eq_ignore_ascii_case("and");
    let last = words.iter().rposition(conjunction)?;
    let (left, right) = (words.get(..last)?, words.get(last + 1..)?);
    // Only the last conjunction joins names (`Ross and Rachel and Joey` is not read).
    if right.is_empty() || right.iter().any(|w| w.ends_with(',')) || left.iter().any(conjunction) {
        return None;
    }
    let mut members: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for &word in left {
        match word.strip_suffix(',') {
            Some("") => return None,
            Some(bare) => {
                current.push(bare);
                members.push(std::mem::take(&mut current));
            }
            None => current.push(word),
        }
    }
    // `A, B and C` leaves `B` open; `A, B, and C` (the serial comma) closed it.
    if !current.is_empty() {
        members.push(current);
    }
    members.push(right.to_vec());
    let named = |m: &Vec<&str>| {
        let bare_title = m.len() == 1 && m.first().is_some_and(|w| w.ends_with('.'));
        !bare_title
            && m.len() <= MAX_MEMBER_WORDS
            && m.first().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
    };
    if members.len() < 2 || members.len() > MAX_MEMBERS || !members.iter().all(named) {
        return None;
    }
    Some(members.into_iter().map(|m| m.join(" ")).collect())
}

#[cfg(test)]
mod tests {
    use super::joint_members;

    fn check(name: &str, expect: Option<&[&str]>) {
        let got = joint_members(name);
        let got: Option<Vec<&str>> = got.as_ref().map(|v| v.iter().map(String::as_str).collect());
        assert_eq!(got.as_deref(), expect, "{name}");
    }

    #[test]
    fn joint_labels_list_their_names() {
        check("Ross and Rachel", Some(&["Ross", "Rachel"]));
        check("ROSS AND RACHEL", Some(&["ROSS", "RACHEL"]));
        check("Phoebe, Rachel, and Ross", Some(&["Phoebe", "Rachel", "Ross"]));
        check("Phoebe, Rachel and Ross", Some(&["Phoebe", "Rachel", "Ross"]));
        check("Rachel, Monica, Roy, and Chip", Some(&["Rachel", "Monica", "Roy", "Chip"]));
        check("Safia Abdalla, Jen Luker, & Jason Staten", Some(&["Safia Abdalla", "Jen Luker", "Jason Staten"]));
        check("Nurse #1 and Nurse #2", Some(&["Nurse #1", "Nurse #2"]));
    }

    #[test]
    fn one_speakers_labels_are_not_joint() {
        check("Ross", None);
        check("Sergey Lavrov, Minister", None);
        check("Mr. and Mrs. Smith", None);
        check("Secretary of State", None);
        check("and Ross", None);
        check("Ross and", None);
        check("Ross, and", None);
        check("Ross and Rachel and Joey", None);
        check("Ross, Rachel", None);
        check("Ross and the nurse", None);
        check("A Very Long Member Name and Ross", None);
    }
}
