//! The floor of terms + speakers: words (runs of ASCII letters and digits, any byte of
//! a multi-byte UTF-8 character counted as a letter, `'` joining two of them),
//! lower-cased (ASCII only), interned in an `FxHashMap` that borrows the text, counted
//! per type and per speaker (a line starting `Name:`). No Unicode segmentation, no
//! case folding beyond ASCII, no sentences, no stopwords, no offsets: less than any
//! real analyser does, so its time is a lower bound for terms + speakers.

use rustc_hash::FxHashMap;

/// What the floor counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Floor {
    pub tokens: u32,
    pub types: u32,
    pub speakers: u32,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Counts the words of `text` (lower-cased in place) by type and by speaker.
pub fn floor(text: &mut [u8]) -> Floor {
    text.make_ascii_lowercase();
    let text: &[u8] = text;
    let mut types: FxHashMap<&[u8], u32> = FxHashMap::default();
    let mut counts: Vec<u32> = Vec::new();
    let mut speakers: FxHashMap<&[u8], u32> = FxHashMap::default();
    let mut tokens = 0u32;
    let mut speaker: &[u8] = b"";
    for line in text.split(|&b| b == b'\n') {
        // Labels were lower-cased with the rest: look for the colon only.
        let (line, who) = match label_lowered(line) {
            Some((name, at)) => (&line[at..], Some(name)),
            None => (line, None),
        };
        if let Some(name) = who {
            speaker = name;
        }
        let mut words = 0u32;
        let mut i = 0;
        while i < line.len() {
            if !is_word_byte(line[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < line.len() {
                if is_word_byte(line[i]) {
                    i += 1;
                } else if line[i] == b'\'' && i + 1 < line.len() && is_word_byte(line[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
            let fresh = counts.len() as u32;
            let id = *types.entry(&line[start..i]).or_insert(fresh);
            if id == fresh {
                counts.push(0);
            }
            counts[id as usize] += 1;
            words += 1;
        }
        if words > 0 {
            *speakers.entry(speaker).or_default() += words;
            tokens += words;
        }
    }
    Floor { tokens, types: types.len() as u32, speakers: speakers.len() as u32 }
}

/// The label of a lower-cased line (`name: …`, the name starting with a letter, at
/// most 48 bytes) and where the speech after it starts.
fn label_lowered(line: &[u8]) -> Option<(&[u8], usize)> {
    let first = *line.first()?;
    if !(first.is_ascii_lowercase() || first >= 0x80) {
        return None;
    }
    let colon = line.iter().take(49).position(|&b| b == b':')?;
    match line.get(colon + 1) {
        Some(b' ' | b'\t') => Some((&line[..colon], colon + 2)),
        _ => None,
    }
}

/// For the wasm build: room for `len` bytes of text.
#[no_mangle]
pub extern "C" fn floor_alloc(len: usize) -> *mut u8 {
    let mut v = vec![0u8; len];
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// For the wasm build: runs [`floor`] on the first `len` bytes at `ptr` (from
/// `floor_alloc(capacity)`, which this frees) and returns the tokens; `floor_types` and
/// `floor_speakers` then tell the rest.
///
/// # Safety
/// `ptr` and `capacity` must come from one `floor_alloc(capacity)` call, and
/// `len <= capacity`.
#[no_mangle]
pub unsafe extern "C" fn floor_run(ptr: *mut u8, capacity: usize, len: usize) -> u32 {
    let mut text = Vec::from_raw_parts(ptr, len, capacity);
    let f = floor(&mut text);
    LAST.with(|l| l.set(f));
    f.tokens
}

thread_local! {
    static LAST: std::cell::Cell<Floor> = const { std::cell::Cell::new(Floor { tokens: 0, types: 0, speakers: 0 }) };
}

#[no_mangle]
pub extern "C" fn floor_types() -> u32 {
    LAST.with(|l| l.get().types)
}

#[no_mangle]
pub extern "C" fn floor_speakers() -> u32 {
    LAST.with(|l| l.get().speakers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_types_and_speakers() {
        let mut text = b"Alice: The plan, the PLAN! Don't.\nBob: Yes.\nmore words here\n".to_vec();
        // the plan the plan don't | yes | more words here: Bob goes on speaking.
        assert_eq!(floor(&mut text), Floor { tokens: 9, types: 7, speakers: 2 });
        assert!(label_lowered(b"alice: hi").is_some() && label_lowered(b"alice:hi").is_none());
    }
}
