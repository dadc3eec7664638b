//! A document: the text, parsed and tokenised once, ready to be queried many times.

use crate::parse::convention::Convention;
use crate::parse::parse_with;
use crate::token::{tokenize_with, Tokens, Vocab};
use crate::{Options, Transcript};

/// A parsed and tokenised transcript. Build it once; every view reads from it.
///
/// ```
/// let doc = colloquy::Document::new("Alice: Hello there.\nBob: Hello.".to_owned(), &colloquy::Options::default());
/// assert_eq!(doc.transcript().speakers.len(), 2);
/// assert_eq!(doc.tokens().tokens.len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    transcript: Transcript,
    tokens: Tokens,
}

impl Document {
    pub fn new(text: String, options: &Options) -> Document {
        Document::with_vocab(text, options, Vocab::default(), None)
    }

    /// [`Document::new`], saying how far it has come as it goes, for a progress bar on a
    /// big text: `progress(done, total)` in bytes of the text, once the text is parsed and
    /// then about every 256 KiB tokenised (after the turn that passes the mark). The
    /// document is the one `new` builds.
    ///
    /// ```
    /// let text = "Alice: Hello there.\nBob: Hello.\n".repeat(20_000);
    /// let mut seen = Vec::new();
    /// let doc = colloquy::Document::with_progress(text.clone(), &Default::default(), &mut |done, total| seen.push((done, total)));
    /// assert_eq!(doc.tokens().tokens.len(), colloquy::Document::new(text.clone(), &Default::default()).tokens().tokens.len());
    /// assert!(seen.len() > 2 && seen.windows(2).all(|w| w[0].0 < w[1].0) && seen.iter().all(|&(d, t)| d <= t && t == text.len()));
    /// ```
    pub fn with_progress(text: String, options: &Options, progress: &mut dyn FnMut(usize, usize)) -> Document {
        let transcript = parse_with(&text, &options.parse, None);
        progress(0, text.len());
        let tokens = tokenize_with(&text, &transcript, &options.tokenize, Vocab::default(), progress);
        Document { text, transcript, tokens }
    }

    /// A document read with a label convention decided beforehand, as a stream reads
    /// its parts: parts of one text read with the whole's convention merge exactly.
    pub fn with_convention(text: String, options: &Options, convention: &Convention) -> Document {
        Document::with_vocab(text, options, Vocab::default(), Some(convention))
    }

    /// A document whose tokens are interned into `vocab` (a stream's earlier parts'),
    /// read with the label convention a stream's first part decided, if given.
    pub(crate) fn with_vocab(
        text: String,
        options: &Options,
        vocab: Vocab,
        convention: Option<&Convention>,
    ) -> Document {
        let transcript = parse_with(&text, &options.parse, convention);
        let tokens = tokenize_with(&text, &transcript, &options.tokenize, vocab, &mut |_, _| {});
        Document { text, transcript, tokens }
    }

    /// Takes the vocabulary out (for counts that outlive the document).
    pub(crate) fn take_vocab(&mut self) -> Vocab {
        std::mem::take(&mut self.tokens.vocab)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }
}
