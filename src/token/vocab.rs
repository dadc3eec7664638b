//! The interner: every distinct folded token gets a `u32` id, once.
//!
//! Strings live end to end in one arena; the table holds only ids, so a type costs
//! its bytes plus about a dozen bytes, and interning a token allocates nothing.

use std::hash::{BuildHasher, BuildHasherDefault};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

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
/// ```
#[derive(Clone, Default)]
pub struct Vocab {
    arena: String,
    /// `ends[id]`: where the type's string ends in `arena` (it starts where the
    /// previous one ends).
    ends: Vec<usize>,
    meta: Vec<Meta>,
    /// Each slot knows where its string is, so a look-up reads the arena only once.
    table: HashTable<Slot>,
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
        let h = hash(folded);
        let Vocab { arena, ends, meta, table } = self;
        let len = u32::try_from(folded.len()).unwrap_or(u32::MAX);
        if let Some(slot) = table.find(h, |slot| slot.len == len && slot.string(arena) == folded) {
            return slot.id;
        }
        let id = u32::try_from(ends.len()).unwrap_or(u32::MAX);
        let start = arena.len();
        arena.push_str(folded);
        ends.push(arena.len());
        let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
        meta.push(Meta {
            kind: if letters > 0 { TokenKind::Word } else { TokenKind::Number },
            chars: u32::try_from(folded.chars().count()).unwrap_or(u32::MAX),
            letters: u32::try_from(letters).unwrap_or(u32::MAX),
        });
        let arena = &*arena;
        table.insert_unique(h, Slot { start, len, id }, |slot| hash(slot.string(arena)));
        id
    }

    /// The id of `folded`, if interned.
    pub fn get(&self, folded: &str) -> Option<u32> {
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
    }
}

fn string_of<'a>(arena: &'a str, ends: &[usize], id: u32) -> &'a str {
    let i = id as usize;
    let Some(&end) = ends.get(i) else { return "" };
    let start = if i == 0 { 0 } else { ends.get(i - 1).copied().unwrap_or(0) };
    arena.get(start..end).unwrap_or("")
}
