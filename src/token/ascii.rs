//! A fast path for ASCII text: the word pieces UAX #29 would find, without table
//! look-ups. Exactly equal to `unicode-segmentation` on ASCII input (property-tested
//! in `tests/it/properties.rs`).
//!
//! The UAX #29 rules that matter for ASCII: letters and digits join (WB5, WB8–10);
//! `:`, `.` and `'` join two letters (WB6–7); `,`, `;`, `.` and `'` join two digits
//! (WB11–12); `_` joins anything word-like (WB13a–b). Everything else is its own piece.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        _ => Class::Other,
    }
}

/// Calls `f(offset, piece)` for every word-like piece and every `-` of an ASCII string.
pub fn pieces(s: &str, mut f: impl FnMut(usize, &str)) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = class(b);
        if c == Class::Other {
            if b == b'-' {
                f(i, "-");
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut prev = c;
        i += 1;
        while let Some(&b) = bytes.get(i) {
            let c = class(b);
            if c != Class::Other {
                prev = c;
                i += 1;
                continue;
            }
            let next = bytes.get(i + 1).map_or(Class::Other, |&n| class(n));
            let joins = matches!(
                (prev, b, next),
                (Class::Letter, b':' | b'.' | b'\'', Class::Letter)
                    | (Class::Digit, b',' | b';' | b'.' | b'\'', Class::Digit)
            );
            if !joins {
                break;
            }
            i += 2;
        }
        if let Some(piece) = s.get(start..i) {
            if piece.bytes().any(|b| b.is_ascii_alphanumeric()) {
                f(start, piece);
            }
        }
    }
}
