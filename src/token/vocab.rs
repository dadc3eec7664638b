//! The interner: every distinct folded token gets a `u32` id, once.
//!
//! Strings live end to end in one arena; the table holds only ids, so a type costs
//! its bytes plus about a dozen bytes, and interning a token allocates nothing.

use std::hash::{BuildHasher, BuildHasherDefault};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use crate::swar::{word_at, HIGH};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    /// No letters: `2024`, `1,000`, `3.5`.
    Number,
}

/// What the views need to know of a type, computed once when it is interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    kind: TokenKind,
    /// Length in characters.
    chars: u32,
    /// Alphabetic characters (for Coleman–Liau).
    letters: u32,
}

/// Interned token strings. Ids are dense, in order of first appearance.
///
/// ```
/// let mut vocab = colloquy::Vocab::default();
/// let a = vocab.intern("hello");
/// assert_eq!(vocab.intern("world"), a + 1);
/// assert_eq!(vocab.intern("hello"), a);
/// assert_eq!(vocab.string(a), "hello");
/// assert_eq!(vocab.get("world"), Some(a + 1));
/// let long = vocab.intern("conversation");
/// assert_eq!((vocab.get("conversation"), vocab.string(long)), (Some(long), "conversation"));
/// ```
#[derive(Clone, Default)]
pub struct Vocab {
    arena: String,
    /// `ends[id]`: where the type's string ends in `arena` (it starts where the
    /// previous one ends).
    ends: Vec<usize>,
    meta: Vec<Meta>,
    /// Each slot knows where its string is, so a look-up reads the arena only once.
    /// Strings longer than [`MEDIUM`] bytes only.
    table: HashTable<Slot>,
    /// Strings of up to [`SHORT`] bytes, packed into their key: most tokens, found
    /// without touching the arena.
    short: HashTable<(u64, u32)>,
    /// Strings of [`SHORT`] + 1 to [`MEDIUM`] bytes, packed into two keys.
    medium: HashTable<(u64, u64, u32)>,
}

/// The longest string packed into a `u64` key (the top byte holds the length).
const SHORT: usize = 7;

/// The longest string packed into a pair of `u64` keys (the second's top byte holds
/// the length): most of the words that are not short.
const MEDIUM: usize = 15;

/// `s` packed into a key, if at most [`SHORT`] bytes: its bytes, then its length.
fn short_key(s: &[u8]) -> Option<u64> {
    if s.len() > SHORT {
        return None;
    }
    Some(pack(s) | (s.len() as u64) << 56)
}

/// `s` packed into two keys, if longer than [`SHORT`] and at most [`MEDIUM`] bytes:
/// its first eight bytes; the rest, then its length.
fn medium_key(s: &[u8]) -> Option<(u64, u64)> {
    if s.len() <= SHORT || s.len() > MEDIUM {
        return None;
    }
    let (head, tail) = s.split_at(8);
    Some((pack(head), pack(tail) | (s.len() as u64) << 56))
}

/// Up to eight bytes, little-endian.
fn pack(s: &[u8]) -> u64 {
    s.iter().enumerate().fold(0, |key, (i, &b)| key | u64::from(b) << (8 * i))
}

/// The `len` (at most 8) bytes at `at`, little-endian, lower-cased, if ASCII: a word
/// at a time, no byte loop.
fn ascii_lower_at(bytes: &[u8], at: usize, len: usize) -> Option<u64> {
    let word = match word_at(bytes, at) {
        Some(w) => w,
        None => {
            let mut w = [0u8; 8];
            w.get_mut(..len)?.copy_from_slice(bytes.get(at..at.checked_add(len)?)?);
            u64::from_le_bytes(w)
        }
    };
    let x = if len >= 8 { word } else { word & ((1u64 << (8 * len)) - 1) };
    if x & HIGH != 0 {
        return None;
    }
    // Per byte (all below 0x80, so no carries): b + 0x3F reaches 0x80 from `A` on,
    // b + 0x25 from the byte after `Z` on; upper case sets 0x20.
    let upper = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
    Some(x | (upper >> 2))
}

/// The key of `bytes[start..end]` lower-cased, if it is ASCII and at most [`SHORT`]
/// bytes: what [`short_key`] gives for the lower-cased word, computed a word at a
/// time from the text around it (no copy, no byte loop).
fn ascii_short_key(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end.checked_sub(start)?;
    if len > SHORT {
        return None;
    }
    Some(ascii_lower_at(bytes, start, len)? | (len as u64) << 56)
}

/// [`ascii_short_key`] for the words that [`medium_key`] packs.
fn ascii_medium_key(bytes: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let len = end.checked_sub(start)?;
    if len <= SHORT || len > MEDIUM {
        return None;
    }
    let head = ascii_lower_at(bytes, start, 8)?;
    let tail = ascii_lower_at(bytes, start + 8, len - 8)?;
    Some((head, tail | (len as u64) << 56))
}

/// A well-mixed hash of a packed key: murmur3's 64-bit finaliser. Only 64-bit
/// multiplies: wasm32 has no 64 × 64 → 128 multiply, so a folded multiply would be a
/// library call there.
fn short_hash(key: u64) -> u64 {
    let mut h = key ^ (key >> 33);
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// [`short_hash`] of a pair of keys.
fn medium_hash((head, tail): (u64, u64)) -> u64 {
    short_hash(head ^ tail.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    start: usize,
    len: u32,
    id: u32,
}

impl Slot {
    fn string(self, arena: &str) -> &str {
        arena.get(self.start..self.start + self.len as usize).unwrap_or("")
    }
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab").field("types", &self.len()).field("bytes", &self.arena.len()).finish()
    }
}

fn hash(s: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(s)
}

impl Vocab {
    /// The id of `folded`, interning it if new.
    pub fn intern(&mut self, folded: &str) -> u32 {
        if let Some(key) = short_key(folded.as_bytes()) {
            return self.intern_short(key, folded);
        }
        if let Some(key) = medium_key(folded.as_bytes()) {
            return self.intern_medium(key, folded);
        }
        let h = hash(folded);
        let Vocab { arena, ends, meta, table, .. } = self;
        let len = u32::try_from(folded.len()).unwrap_or(u32::MAX);
        if let Some(slot) = table.find(h, |slot| slot.len == len && slot.string(arena) == folded) {
            return slot.id;
        }
        let start = arena.len();
        let id = push(arena, ends, meta, folded);
        let arena = &*arena;
        table.insert_unique(h, Slot { start, len, id }, |slot| hash(slot.string(arena)));
        id
    }

    fn intern_short(&mut self, key: u64, folded: &str) -> u32 {
        let h = short_hash(key);
        if let Some(&(_, id)) = self.short.find(h, |&(k, _)| k == key) {
            return id;
        }
        let id = push(&mut self.arena, &mut self.ends, &mut self.meta, folded);
        self.short.insert_unique(h, (key, id), |&(k, _)| short_hash(k));
        id
    }

    fn intern_medium(&mut self, key: (u64, u64), folded: &str) -> u32 {
        let h = medium_hash(key);
        if let Some(&(_, _, id)) = self.medium.find(h, |&(a, b, _)| (a, b) == key) {
            return id;
        }
        let id = push(&mut self.arena, &mut self.ends, &mut self.meta, folded);
        self.medium.insert_unique(h, (key.0, key.1, id), |&(a, b, _)| medium_hash((a, b)));
        id
    }

    /// The id of `text[start..end]` folded, interning it if new. An ASCII word of up
    /// to [`MEDIUM`] bytes is found by its key, read from the text around it
    /// ([`ascii_short_key`], [`ascii_medium_key`]), without building the folded
    /// string. `folded` is scratch space.
    pub(crate) fn intern_word_at(&mut self, text: &str, start: usize, end: usize, folded: &mut String) -> u32 {
        let bytes = text.as_bytes();
        if end.saturating_sub(start) <= SHORT {
            if let Some(id) = ascii_short_key(bytes, start, end).and_then(|key| self.get_short(key)) {
                return id;
            }
        } else if let Some(key) = ascii_medium_key(bytes, start, end) {
            if let Some(&(_, _, id)) = self.medium.find(medium_hash(key), |&(a, b, _)| (a, b) == key) {
                return id;
            }
        }
        super::fold::fold(text.get(start..end).unwrap_or(""), folded);
        self.intern(folded)
    }

    /// The id of the string packed in `key` ([`ascii_short_key`]), if interned.
    fn get_short(&self, key: u64) -> Option<u32> {
        self.short.find(short_hash(key), |&(k, _)| k == key).map(|&(_, id)| id)
    }

    /// Makes room for about `types` more types (at most half of them short, half
    /// medium, an eighth long) without rehashing.
    pub(crate) fn reserve(&mut self, types: usize) {
        let arena = &self.arena;
        self.table.reserve(types / 8, |slot| hash(slot.string(arena)));
        self.short.reserve(types / 2, |&(k, _)| short_hash(k));
        self.medium.reserve(types / 2, |&(a, b, _)| medium_hash((a, b)));
        self.ends.reserve(types);
        self.meta.reserve(types);
    }

    /// The id of `folded`, if interned.
    pub fn get(&self, folded: &str) -> Option<u32> {
        if let Some(key) = short_key(folded.as_bytes()) {
            return self.short.find(short_hash(key), |&(k, _)| k == key).map(|&(_, id)| id);
        }
        if let Some(key) = medium_key(folded.as_bytes()) {
            return self.medium.find(medium_hash(key), |&(a, b, _)| (a, b) == key).map(|&(_, _, id)| id);
        }
        let len = u32::try_from(folded.len()).ok()?;
        self.table.find(hash(folded), |slot| slot.len == len && slot.string(&self.arena) == folded).map(|slot| slot.id)
    }

    /// The string of `id` (empty for an unknown id).
    pub fn string(&self, id: u32) -> &str {
        string_of(&self.arena, &self.ends, id)
    }

    pub fn kind(&self, id: u32) -> TokenKind {
        self.meta.get(id as usize).map_or(TokenKind::Word, |m| m.kind)
    }

    /// The type's length in characters.
    pub fn char_len(&self, id: u32) -> usize {
        self.meta.get(id as usize).map_or(0, |m| m.chars as usize)
    }

    /// The type's alphabetic characters.
    pub fn letters(&self, id: u32) -> usize {
        self.meta.get(id as usize).map_or(0, |m| m.letters as usize)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// A rough size in bytes.
    pub fn approx_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
            + self.meta.capacity() * std::mem::size_of::<Meta>()
            + self.table.capacity() * (std::mem::size_of::<Slot>() + 1)
            + self.short.capacity() * 17
            + self.medium.capacity() * 25
    }
}

/// Appends a new type; returns its id.
fn push(arena: &mut String, ends: &mut Vec<usize>, meta: &mut Vec<Meta>, folded: &str) -> u32 {
    let id = u32::try_from(ends.len()).unwrap_or(u32::MAX);
    arena.push_str(folded);
    ends.push(arena.len());
    let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
    meta.push(Meta {
        kind: if letters > 0 { TokenKind::Word } else { TokenKind::Number },
        chars: u32::try_from(folded.chars().count()).unwrap_or(u32::MAX),
        letters: u32::try_from(letters).unwrap_or(u32::MAX),
    });
    id
}

fn string_of<'a>(arena: &'a str, ends: &[usize], id: u32) -> &'a str {
    let i = id as usize;
    let Some(&end) = ends.get(i) else { return "" };
    let start = if i == 0 { 0 } else { ends.get(i - 1).copied().unwrap_or(0) };
    arena.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The key read from the text around a word is the key of the word lower-cased,
        /// for exactly the short ASCII words.
        #[test]
        fn ascii_short_key_is_the_lower_cased_words_key(text in "[a-zA-Z@\\[`{é0-9’ _]{0,24}", a in 0usize..25, b in 0usize..25) {
            let (start, end) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let bytes = text.as_bytes();
            let word = &bytes[start..end];
            let expect = if word.is_ascii() { short_key(&word.to_ascii_lowercase()) } else { None };
            prop_assert_eq!(ascii_short_key(bytes, start, end), expect);
        }

        /// The same for the medium words and their pair of keys.
        #[test]
        fn ascii_medium_key_is_the_lower_cased_words_key(text in "[a-zA-Z@\\[`{é0-9’ _]{0,40}", a in 0usize..41, b in 0usize..41) {
            let (start, end) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let bytes = text.as_bytes();
            let word = &bytes[start..end];
            let expect = if word.is_ascii() { medium_key(&word.to_ascii_lowercase()) } else { None };
            prop_assert_eq!(ascii_medium_key(bytes, start, end), expect);
        }

        /// Against a naive interner: equal strings, equal ids; ids dense in order of
        /// first appearance; strings round-trip; short and long strings alike.
        #[test]
        fn interning_agrees_with_a_naive_interner(words in prop::collection::vec("[a-zA-Zé’'0-9]{0,20}|\\PC{0,9}", 0..200)) {
            let mut vocab = Vocab::default();
            let mut naive: Vec<String> = Vec::new();
            let mut folded = String::new();
            for w in &words {
                super::super::fold::fold(w, &mut folded);
                let expect = naive.iter().position(|s| *s == folded).unwrap_or_else(|| {
                    naive.push(folded.clone());
                    naive.len() - 1
                });
                let id = if w.len() % 2 == 0 { vocab.intern_word_at(w, 0, w.len(), &mut String::new()) } else { vocab.intern(&folded) };
                prop_assert_eq!(id as usize, expect);
                prop_assert_eq!(vocab.string(id), folded.as_str());
                prop_assert_eq!(vocab.get(&folded), Some(id));
            }
            prop_assert_eq!(vocab.len(), naive.len());
        }
    }
}
