//! PDF tokens: numbers, names, strings (literal and hex), brackets and keywords, with
//! comments skipped. Shared by the file's objects and the pages' content streams.

/// One token. Strings and names are decoded (escapes, `#xx`).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
    /// `obj`, `R`, `true`, an operator (`Tj`), or a stray `{`/`}`/`)`.
    Keyword(&'a [u8]),
}

pub(super) fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

pub(super) fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// Hex digits to bytes, up to a `>` (white space and other bytes skipped; an odd last
/// digit is its byte's high half), as a hex string `<48 69>` and ASCIIHexDecode data
/// have them: the bytes and how many input bytes were read (the `>` among them).
pub(super) fn hex_bytes(input: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut high: Option<u8> = None;
    let mut used = input.len();
    for (i, &b) in input.iter().enumerate() {
        if b == b'>' {
            used = i + 1;
            break;
        }
        if let Some(v) = hex_value(b) {
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    (out, used)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A number's token: an integer when it has no point and fits, else a real. Malformed
/// numbers (`--1`, `1.2.3`) read as their leading part, or 0. Parsed by hand: std's
/// float parser costs the wasm more than PDF's plain decimals need.
fn number(text: &[u8]) -> Token<'static> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    let mut int: i64 = 0;
    let mut overflow = false;
    let mut real = 0.0f64;
    let mut scale = 1.0f64;
    let mut dot = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                let d = i64::from(b - b'0');
                if dot {
                    scale /= 10.0;
                    real += d as f64 * scale;
                } else {
                    real = real * 10.0 + d as f64;
                    match int.checked_mul(10).and_then(|n| n.checked_add(d)) {
                        Some(n) => int = n,
                        None => overflow = true,
                    }
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
    }
    if !dot && !overflow {
        return Token::Int(if negative { -int } else { int });
    }
    let value = if negative { -real } else { real };
    Token::Real(if value.is_finite() { value } else { 0.0 })
}

/// A cursor over bytes that yields [`Token`]s.
pub(super) struct Lexer<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(bytes: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer { bytes, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let start = self.pos;
        let b = self.peek()?;
        self.pos += 1;
        Some(match b {
            b'[' => Token::ArrayOpen,
            b']' => Token::ArrayClose,
            b'<' if self.peek() == Some(b'<') => {
                self.pos += 1;
                Token::DictOpen
            }
            b'>' if self.peek() == Some(b'>') => {
                self.pos += 1;
                Token::DictClose
            }
            b'<' => Token::Str(self.hex_string()),
            b'(' => Token::Str(self.literal_string()),
            b'/' => Token::Name(self.name()),
            b'>' | b')' | b'{' | b'}' => Token::Keyword(self.bytes.get(start..self.pos).unwrap_or_default()),
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number(start),
            _ => {
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                Token::Keyword(self.bytes.get(start..self.pos).unwrap_or_default())
            }
        })
    }

    fn number(&mut self, start: usize) -> Token<'a> {
        while self.peek().is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+')) {
            self.pos += 1;
        }
        let text = self.bytes.get(start..self.pos).unwrap_or_default();
        // A number glued to letters (`12abc`) is a keyword, as a reader would skip it.
        if self.peek().is_some_and(is_regular) {
            while self.peek().is_some_and(is_regular) {
                self.pos += 1;
            }
            return Token::Keyword(self.bytes.get(start..self.pos).unwrap_or_default());
        }
        number(text)
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            if !is_regular(b) {
                break;
            }
            self.pos += 1;
            if b == b'#' {
                let hi = self.peek().and_then(hex_value);
                let lo = self.bytes.get(self.pos + 1).copied().and_then(hex_value);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push(hi << 4 | lo);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let (out, used) = hex_bytes(self.bytes.get(self.pos..).unwrap_or_default());
        self.pos += used;
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'\r' => {
                    // An end of line in a string is a line feed.
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &[u8]) -> Vec<Token<'_>> {
        let mut lexer = Lexer::new(s, 0);
        std::iter::from_fn(|| lexer.next_token()).collect()
    }

    #[test]
    fn reads_each_kind_of_token() {
        assert_eq!(
            tokens(b"<< /Type /Pa#67e /N -1.5 >> [ 12 0 R ] (a\\(b\\)c\\101) <48 65 6> % comment\nTj"),
            [
                Token::DictOpen,
                Token::Name(b"Type".to_vec()),
                Token::Name(b"Page".to_vec()),
                Token::Name(b"N".to_vec()),
                Token::Real(-1.5),
                Token::DictClose,
                Token::ArrayOpen,
                Token::Int(12),
                Token::Int(0),
                Token::Keyword(b"R"),
                Token::ArrayClose,
                Token::Str(b"a(b)cA".to_vec()),
                Token::Str(b"He`".to_vec()),
                Token::Keyword(b"Tj"),
            ]
        );
    }

    #[test]
    fn malformed_numbers_and_strings_end() {
        assert_eq!(
            tokens(b"--1 1.2.3 -.5 +7 (unclosed"),
            [Token::Int(0), Token::Real(1.2), Token::Real(-0.5), Token::Int(7), Token::Str(b"unclosed".to_vec())]
        );
        let huge = format!("{}.0", "9".repeat(400));
        assert_eq!(tokens(huge.as_bytes()), [Token::Real(0.0)]);
    }
}
