//! Unicode's General_Category Mark (Mn, Mc, Me): the combining marks inside names in
//! many scripts (Devanagari and Bengali vowel signs and viramas, Arabic harakat, Hebrew
//! points, Latin combining accents). The ranges are written at build time by `build.rs`
//! from regex-syntax's Unicode tables.

include!(concat!(env!("OUT_DIR"), "/marks.rs"));

/// Is `c` a mark (General_Category M)?
///
/// ```text
/// is_mark('\u{09CD}') // Bengali virama: true
/// is_mark('\u{0301}') // combining acute accent: true
/// is_mark('a')        // false
/// ```
pub(crate) fn is_mark(c: char) -> bool {
    // No mark comes before U+0300; most chars looked at are ASCII.
    c >= '\u{300}' && MARKS.binary_search_by(|&(start, end)| range_order(start, end, c)).is_ok()
}

/// Where the range `start..=end` lies relative to `c`.
fn range_order(start: char, end: char, c: char) -> std::cmp::Ordering {
    if end < c {
        std::cmp::Ordering::Less
    } else if start > c {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_many_scripts() {
        for c in
            ['\u{0301}', '\u{0591}', '\u{064E}', '\u{093F}', '\u{094D}', '\u{09BC}', '\u{09CD}', '\u{0BCD}', '\u{20DD}']
        {
            assert!(is_mark(c), "U+{:04X}", c as u32);
        }
        for c in ['a', 'A', '\u{2FF}', 'ক', 'க', '-', '\u{05BE}', '\u{200D}', char::MAX] {
            assert!(!is_mark(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        assert!(MARKS.len() > 100);
        assert!(MARKS.iter().all(|&(a, b)| a <= b));
        assert!(MARKS.windows(2).all(|w| matches!(w, [(_, end), (start, _)] if end < start)));
        assert_eq!(MARKS.first().map(|r| r.0), Some('\u{300}'));
    }

    /// The ranges `label.rs` listed by hand before are marks, but for four Hebrew
    /// punctuation marks that sat inside one of them (maqaf, paseq, sof pasuq, nun
    /// hafukha: `label.rs` allows the maqaf as a hyphen).
    #[test]
    fn the_old_hand_list_is_covered() {
        let old = [(0x300, 0x36F), (0x591, 0x5C7), (0x610, 0x61A), (0x64B, 0x65F), (0x900, 0x903), (0x93A, 0x94F)];
        let old = old.into_iter().chain([(0x951, 0x957), (0x962, 0x963)]);
        let punctuation = [0x5BE, 0x5C0, 0x5C3, 0x5C6];
        // Devanagari avagraha (U+093D) is a letter, unassigned U+05C8.. lie outside.
        for c in old.flat_map(|(a, b)| a..=b).filter(|c| !punctuation.contains(c) && *c != 0x93D) {
            assert!(char::from_u32(c).is_some_and(is_mark), "U+{c:04X}");
        }
        assert!(punctuation.into_iter().filter_map(char::from_u32).all(|c| !is_mark(c)));
    }
}
