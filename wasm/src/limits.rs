//! Size limits at the boundary, refused with a clear message before any copying.

/// The longest text `analyse` accepts, in UTF-16 code units (JS string length).
/// Longer texts go through `Analyzer`, in chunks.
pub const MAX_ANALYSE_UNITS: u64 = 256 * 1024 * 1024;

/// The most text an `Analyzer` accepts, in UTF-16 code units.
pub const MAX_STREAM_UNITS: u64 = 1024 * 1024 * 1024;

/// How much memory the analysis state may take before `push` refuses more text,
/// well inside wasm32's 4 GiB so the module never traps for lack of memory.
pub const MAX_STATE_BYTES: usize = 2560 * 1024 * 1024;

/// The message for a text of `len` UTF-16 units given to `analyse`, if too long.
pub fn analyse_too_long(len: u64) -> Option<String> {
    (len > MAX_ANALYSE_UNITS).then(|| {
        format!(
            "the text is {len} characters long, over analyse()'s limit of {MAX_ANALYSE_UNITS} (256 Mi UTF-16 code units); use an Analyzer and push() it in chunks"
        )
    })
}

/// The message for an `Analyzer` that would hold `total` UTF-16 units, if too many.
pub fn stream_too_long(total: u64) -> Option<String> {
    (total > MAX_STREAM_UNITS).then(|| {
        format!("the text is over the Analyzer's limit of {MAX_STREAM_UNITS} characters (1 Gi UTF-16 code units)")
    })
}

/// The message for an analysis state of `bytes`, if too big.
pub fn state_too_big(bytes: usize) -> Option<String> {
    (bytes > MAX_STATE_BYTES).then(|| {
        format!(
            "the analysis needs more than {} MiB of memory; lower ngramMax or analyse the text in parts",
            MAX_STATE_BYTES >> 20
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(analyse_too_long(MAX_ANALYSE_UNITS).is_none());
        assert!(analyse_too_long(MAX_ANALYSE_UNITS + 1).is_some_and(|m| m.contains("Analyzer")));
        assert!(stream_too_long(512 * 1024 * 1024).is_none(), "at least 512 Mi through an Analyzer");
        assert!(stream_too_long(MAX_STREAM_UNITS + 1).is_some());
        assert!(state_too_big(MAX_STATE_BYTES + 1).is_some_and(|m| m.contains("ngramMax")));
    }
}
