//! Stream data decoded: Flate (miniz_oxide, stopped at the limit), ASCIIHex and
//! ASCII85. Image filters are never decoded: only text-bearing streams are read.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::object::{get, Object, Stream};

/// Why a stream was not decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Undecoded {
    /// It expands past the limit.
    TooLarge,
    /// A filter we do not read (LZW, images), or data that is no stream.
    Unsupported,
}

/// The filters a stream names, in order.
fn filters(stream: &Stream) -> Vec<&[u8]> {
    match get(&stream.dict, b"Filter") {
        Some(Object::Name(n)) => vec![n.as_slice()],
        Some(Object::Array(a)) => a.iter().filter_map(Object::as_name).collect(),
        _ => Vec::new(),
    }
}

/// Decodes `stream` (its raw data in `file`) to at most `limit` bytes.
pub(super) fn decode(file: &[u8], stream: &Stream, limit: usize) -> Result<Vec<u8>, Undecoded> {
    let raw = file.get(stream.start..stream.end).unwrap_or_default();
    let filters = filters(stream);
    if filters.is_empty() {
        return if raw.len() > limit { Err(Undecoded::TooLarge) } else { Ok(raw.to_vec()) };
    }
    let mut data: Option<Vec<u8>> = None;
    for filter in filters {
        let input = data.as_deref().unwrap_or(raw);
        let out = match filter {
            b"FlateDecode" | b"Fl" => inflate(input, limit)?,
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(input),
            b"ASCII85Decode" | b"A85" => ascii85(input),
            _ => return Err(Undecoded::Unsupported),
        };
        if out.len() > limit {
            return Err(Undecoded::TooLarge);
        }
        data = Some(out);
    }
    data.ok_or(Undecoded::Unsupported)
}

/// Inflates zlib data (or raw Deflate, which some writers put there); a damaged stream
/// gives what inflated before the damage. The zlib header is skipped here and the
/// Adler-32 after the data is not checked, so the inflater is the raw one `.docx`
/// reading uses (one copy of it in the wasm).
fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, Undecoded> {
    let deflate = match input {
        [cmf, flg, rest @ ..] if cmf & 0x0F == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0 => {
            // A preset dictionary (FDICT) adds its 4-byte id.
            if flg & 0x20 != 0 {
                rest.get(4..).unwrap_or_default()
            } else {
                rest
            }
        }
        _ => input,
    };
    match decompress_to_vec_with_limit(deflate, limit) {
        Ok(out) => Ok(out),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(Undecoded::TooLarge),
        Err(e) => Ok(e.output),
    }
}

fn ascii_hex(input: &[u8]) -> Vec<u8> {
    super::lexer::hex_bytes(input).0
}

fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in input {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                if let Some(slot) = group.get_mut(n) {
                    *slot = b - b'!';
                }
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
        out.extend_from_slice((v as u32).to_be_bytes().get(..n - 1).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"48 65 6C6C 6F>"), b"Hello");
        // As Python's base64.a85encode writes them; z is four zero bytes.
        assert_eq!(ascii85(b"9jqo^Bla~>"), b"Man is");
        assert_eq!(ascii85(b"z9jqo^~>"), b"\0\0\0\0Man ");
        assert_eq!(ascii85(b"87cURD]j7BEbo80~>"), b"Hello world!");
    }

    #[test]
    fn inflation_stops_at_the_limit() {
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b'x'; 1 << 20], 9);
        assert_eq!(inflate(&bomb, 1000), Err(Undecoded::TooLarge));
        assert_eq!(inflate(&bomb, 2 << 20).map(|v| v.len()), Ok(1 << 20));
        let raw = miniz_oxide::deflate::compress_to_vec(b"BT (raw) Tj ET", 6);
        assert_eq!(inflate(&raw, 100).as_deref(), Ok(&b"BT (raw) Tj ET"[..]));
    }
}
