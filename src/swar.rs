//! Eight bytes at a time: the word loads and byte counts that the scans over text
//! (UTF-16 offsets, script counts, word pieces, interning keys) share.

/// Bit 7 of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at`, little-endian, if the text has them.
#[inline]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let w: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// [`word_at`], if all eight bytes are ASCII.
#[inline]
pub(crate) fn ascii_word_at(bytes: &[u8], at: usize) -> Option<u64> {
    word_at(bytes, at).filter(|w| w & HIGH == 0)
}

/// How many bytes of `m` have bit 7 set (`m` has no other bits): a multiply adds the
/// bytes' 0 or 1 into the top byte. No `count_ones`, which is a loop of shifts on
/// x86-64 without POPCNT.
#[inline]
pub(crate) fn high_bits(m: u64) -> usize {
    ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}
