//! Writes three generated files into `OUT_DIR`:
//!
//! - `stopwords.rs`, for `src/language.rs`: the stopword lists of the `stop-words` crate
//!   (NLTK where NLTK has a list, stopwords-iso otherwise), one compact string per language;
//! - `marks.rs`, for `src/parse/mark.rs`: the ranges of Unicode's General_Category Mark
//!   (`\p{M}`) as regex-syntax reads them, so the table follows the Unicode version of the
//!   regex crates and the source holds no copy of it;
//! - `entities.rs`, for `src/read/html/refs.rs`: HTML5's named character references from
//!   htmlize's table (generated from the WHATWG's entities.json), as one sorted string of
//!   records (`name`, U+0001, the characters, U+0002): htmlize's own `phf` map and decoder
//!   cost 31 KB of the gzipped wasm, this string about a third of that.
//!
//! The crate itself stores each list as `[&str; N]`: 8 bytes of pointer and length per
//! word besides the word, which in the wasm cost more than the words (110 KB of the
//! gzipped module). Here each list is sorted and front-coded: every word is one char
//! `'0' + k` (it shares its first `k` bytes with the word before, `k` ≤ 79), the rest of
//! the word, and `\n`. Sorting and dropping duplicates change no set of stopwords.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    let codes = stop_words::available_languages();
    let mut sorted = codes.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, codes, "stop_words::available_languages() is sorted");
    writeln!(out, "/// Codes with a stopword list, sorted.").unwrap();
    writeln!(out, "pub(crate) static STOPWORD_CODES: [&str; {}] = {codes:?};", codes.len()).unwrap();
    writeln!(out, "/// Each language's front-coded list, in the order of `STOPWORD_CODES`.").unwrap();
    writeln!(out, "pub(crate) static STOPWORD_LISTS: [&str; {}] = [", codes.len()).unwrap();
    for code in codes {
        let words = stop_words::lookup(code).expect("every available language has a list");
        writeln!(out, "    {:?},", front_code(words)).unwrap();
    }
    writeln!(out, "];").unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("stopwords.rs");
    std::fs::write(path, out).unwrap();
    write_marks();
    write_entities();
}

/// `ENTITIES`: every named character reference without its `&` (`amp;`, and the legacy
/// forms without `;`, `amp`), U+0001, its characters, U+0002; sorted by name.
fn write_entities() {
    let mut entities: Vec<(String, String)> = htmlize::ENTITIES
        .entries()
        .map(|(name, chars)| {
            let name = std::str::from_utf8(name).unwrap().strip_prefix('&').unwrap().to_owned();
            (name, std::str::from_utf8(chars).unwrap().to_owned())
        })
        .collect();
    entities.sort_unstable();
    // Characters include `\t` and `\n` (`&Tab;`, `&NewLine;`), never U+0001 or U+0002.
    assert!(entities
        .iter()
        .all(|(n, c)| n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b';') && !c.contains(['\u{1}', '\u{2}'])));
    let packed: String = entities.iter().map(|(n, c)| format!("{n}\u{1}{c}\u{2}")).collect();
    let out = format!(
        "/// HTML5's named character references (htmlize's table): `name`, U+0001, the characters,\n/// U+0002; sorted by name.\npub(crate) static ENTITIES: &str = {packed:?};\n"
    );
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("entities.rs");
    std::fs::write(path, out).unwrap();
}

/// `MARKS`: the sorted, disjoint char ranges of `\p{M}` (Mn, Mc and Me).
fn write_marks() {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::ParserBuilder::new().build().parse(r"\p{M}").unwrap();
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        panic!("\\p{{M}} is a Unicode class, not {hir:?}");
    };
    let mut out = String::new();
    writeln!(out, "/// General_Category Mark (`\\p{{M}}`), as regex-syntax reads it.").unwrap();
    writeln!(out, "pub(crate) static MARKS: [(char, char); {}] = [", class.ranges().len()).unwrap();
    for r in class.ranges() {
        writeln!(out, "    ({:?}, {:?}),", r.start(), r.end()).unwrap();
    }
    writeln!(out, "];").unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("marks.rs");
    std::fs::write(path, out).unwrap();
}

fn front_code(words: &[&str]) -> String {
    let mut words = words.to_vec();
    words.sort_unstable();
    words.dedup();
    let mut out = String::new();
    let mut prev = "";
    for w in words {
        assert!(!w.contains('\n'), "a stopword holds no line break");
        let mut k = prev.chars().zip(w.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum::<usize>();
        while k > 79 || !w.is_char_boundary(k) {
            k -= 1;
        }
        out.push(char::from(b'0' + k as u8));
        out.push_str(&w[k..]);
        out.push('\n');
        prev = w;
    }
    out
}
