//! The interner: every distinct folded token gets a `u32` id, once.

use rustc_hash::FxHashMap;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    /// No letters: `2024`, `1,000`, `3.5`.
    Number,
}

/// Interned token strings. Ids are dense, in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    strings: Vec<Box<str>>,
    kinds: Vec<TokenKind>,
    map: FxHashMap<Box<str>, u32>,
}

impl Vocab {
    /// The id of `folded`, interning it if new.
    pub fn intern(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.map.get(folded) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        let boxed: Box<str> = folded.into();
        let kind = if folded.chars().any(char::is_alphabetic) { TokenKind::Word } else { TokenKind::Number };
        self.strings.push(boxed.clone());
        self.kinds.push(kind);
        self.map.insert(boxed, id);
        id
    }

    pub fn get(&self, folded: &str) -> Option<u32> {
        self.map.get(folded).copied()
    }

    pub fn string(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", |s| s)
    }

    pub fn kind(&self, id: u32) -> TokenKind {
        self.kinds.get(id as usize).copied().unwrap_or(TokenKind::Word)
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}
