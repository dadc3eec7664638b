//! Who is compared with whom for distinctive words: the speakers named in a
//! [`Comparison`] found among the transcript's, and the pool every reference is drawn
//! from (see [`Pool`]).

use crate::counts::Counts;
use crate::{Comparison, Diagnostic, DiagnosticKind, Reference, Span};

/// The speakers of a comparison, by index into [`Counts::speakers`].
///
/// `left_out[s]`: speaker `s` is left out (no distinctive words, in no reference).
/// `in_pool[s]`: `s`'s words are in the pool. With [`Reference::Others`] the pool is
/// every speaker not left out, and a speaker's reference is the pool without them; with
/// [`Reference::Speakers`] it is those speakers (not left out), and the reference of a
/// speaker outside the group is the whole group, of one inside it the rest of it.
///
/// ```text
/// speakers A, B, C, D; against [B, C]; leave out D
/// A: reference B + C     B: reference C     C: reference B     D: nothing
/// ```
pub(super) struct Pool {
    pub left_out: Vec<bool>,
    pub in_pool: Vec<bool>,
}

impl Counts {
    /// The pool of `comparison`; a name that is no speaker's is said in a diagnostic
    /// (and otherwise ignored: parsing never fails).
    pub(super) fn pool(&self, comparison: &Comparison, diagnostics: &mut Vec<Diagnostic>) -> Pool {
        let n = self.speakers.len();
        let mut left_out = vec![false; n];
        for s in self.resolve(&comparison.leave_out, "leaveOut", diagnostics) {
            if let Some(slot) = left_out.get_mut(s) {
                *slot = true;
            }
        }
        let in_pool = match &comparison.against {
            Reference::Others => left_out.iter().map(|&out| !out).collect(),
            Reference::Speakers(names) => {
                let mut in_pool = vec![false; n];
                for s in self.resolve(names, "against", diagnostics) {
                    if let (Some(slot), Some(false)) = (in_pool.get_mut(s), left_out.get(s)) {
                        *slot = true;
                    }
                }
                in_pool
            }
        };
        Pool { left_out, in_pool }
    }

    /// The speaker indices of `names`: a name is a speaker's when it is equal, else
    /// when it is equal but for case to exactly one speaker's (`trump` for `TRUMP`).
    fn resolve(&self, names: &[String], option: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<usize> {
        let mut found = Vec::with_capacity(names.len());
        for name in names {
            let exact = self.speakers.iter().position(|s| s.name == *name);
            let folded = name.to_lowercase();
            let by_case = || {
                let mut matching = self.speakers.iter().enumerate().filter(|(_, s)| s.name.to_lowercase() == folded);
                match (matching.next(), matching.next()) {
                    (Some((i, _)), None) => Some(i),
                    _ => None,
                }
            };
            match exact.or_else(by_case) {
                Some(i) => found.push(i),
                None => diagnostics.push(Diagnostic::new(
                    DiagnosticKind::UnknownSpeaker,
                    Span::default(),
                    format!("{option}: no speaker is named \"{name}\"; it was ignored"),
                )),
            }
        }
        found
    }
}
