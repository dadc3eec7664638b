//! A small JSON parser: the text into a [`Value`], without recursion (an explicit stack
//! bounded by the depth limit), strings unescaped (`\uD83D\uDE00` joined, a lone
//! surrogate read as U+FFFD), numbers kept as written. serde_json would do the same for
//! about 15 KB more of the gzipped wasm, past the readers' budget.

/// A JSON value. Numbers keep their text (`0`, `2.5e1`): a speaker `0` stays `0`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Why the text is not JSON.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// It ends before the value does.
    Eof,
    /// Something else is wrong at this byte.
    At(usize),
    /// It nests deeper than the limit.
    TooDeep,
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// A number, or a string holding one (`"2.1"`, as Amazon writes times).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) | Value::String(n) => decimal(n.trim()),
            _ => None,
        }
    }
}

/// A decimal number (`-12.5`, `1e3`) close enough for times in seconds.
pub(crate) fn decimal(s: &str) -> Option<f64> {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (s.get(..at)?, s.get(at + 1..)?.trim_start_matches('+').parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value = 0f64;
    for b in whole.bytes().chain(fraction.bytes()) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let scale = exponent.saturating_sub(i32::try_from(fraction.len()).unwrap_or(i32::MAX));
    let value = value * 10f64.powi(scale);
    Some(if negative { -value } else { value })
}

/// A container being read: an array's items, or an object's members and the key whose
/// value comes next.
enum Open {
    Array(Vec<Value>),
    Object(Vec<(String, Value)>, Option<String>),
}

/// Parses `text` as one JSON value (white space around it allowed).
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Value, Error> {
    let bytes = text.as_bytes();
    let mut at = 0usize;
    let mut stack: Vec<Open> = Vec::new();
    let skip_ws = |at: &mut usize| {
        while bytes.get(*at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            *at += 1;
        }
    };
    let peek = |at: usize| bytes.get(at).copied().ok_or(Error::Eof);
    loop {
        // A value starts here (or a container ends, right after it opened).
        skip_ws(&mut at);
        let value = match peek(at)? {
            b'{' | b'[' => {
                if stack.len() >= max_depth {
                    return Err(Error::TooDeep);
                }
                let object = peek(at)? == b'{';
                at += 1;
                skip_ws(&mut at);
                let close = if object { b'}' } else { b']' };
                if peek(at)? == close {
                    at += 1;
                    if object {
                        Value::Object(Vec::new())
                    } else {
                        Value::Array(Vec::new())
                    }
                } else {
                    if object {
                        let key = key(bytes, &mut at)?;
                        stack.push(Open::Object(Vec::new(), Some(key)));
                    } else {
                        stack.push(Open::Array(Vec::new()));
                    }
                    continue;
                }
            }
            b'"' => Value::String(string(bytes, &mut at)?),
            b't' => literal(bytes, &mut at, "true", Value::Bool(true))?,
            b'f' => literal(bytes, &mut at, "false", Value::Bool(false))?,
            b'n' => literal(bytes, &mut at, "null", Value::Null)?,
            b'-' | b'0'..=b'9' => number(text, &mut at)?,
            _ => return Err(Error::At(at)),
        };
        // The value goes into its container; containers that end here close.
        let mut value = value;
        loop {
            let Some(top) = stack.last_mut() else {
                skip_ws(&mut at);
                return if at == bytes.len() { Ok(value) } else { Err(Error::At(at)) };
            };
            match top {
                Open::Array(items) => items.push(value),
                Open::Object(members, pending) => members.push((pending.take().unwrap_or_default(), value)),
            }
            skip_ws(&mut at);
            let is_object = matches!(top, Open::Object(..));
            match (peek(at)?, is_object) {
                (b',', _) => {
                    at += 1;
                    if let Open::Object(_, pending) = top {
                        skip_ws(&mut at);
                        *pending = Some(key(bytes, &mut at)?);
                    }
                    break;
                }
                (b']', false) | (b'}', true) => {
                    at += 1;
                    value = match stack.pop() {
                        Some(Open::Array(items)) => Value::Array(items),
                        Some(Open::Object(members, _)) => Value::Object(members),
                        None => return Err(Error::At(at)),
                    };
                }
                _ => return Err(Error::At(at)),
            }
        }
    }
}

/// An object's key and its colon.
fn key(bytes: &[u8], at: &mut usize) -> Result<String, Error> {
    if bytes.get(*at).ok_or(Error::Eof)? != &b'"' {
        return Err(Error::At(*at));
    }
    let key = string(bytes, at)?;
    while bytes.get(*at).is_some_and(u8::is_ascii_whitespace) {
        *at += 1;
    }
    match bytes.get(*at) {
        Some(b':') => {
            *at += 1;
            Ok(key)
        }
        Some(_) => Err(Error::At(*at)),
        None => Err(Error::Eof),
    }
}

fn literal(bytes: &[u8], at: &mut usize, word: &str, value: Value) -> Result<Value, Error> {
    let end = *at + word.len();
    match bytes.get(*at..end) {
        Some(w) if w == word.as_bytes() => {
            *at = end;
            Ok(value)
        }
        Some(_) => Err(Error::At(*at)),
        None => Err(Error::Eof),
    }
}

/// A number's text: `-`, digits, a fraction, an exponent.
fn number(text: &str, at: &mut usize) -> Result<Value, Error> {
    let start = *at;
    let len = text
        .get(start..)
        .unwrap_or("")
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        .count();
    *at += len;
    let n = text.get(start..*at).unwrap_or("");
    if decimal(n).is_none() {
        return Err(Error::At(start));
    }
    Ok(Value::Number(n.to_owned()))
}

/// A string at `at` (its opening quote), unescaped; `at` moves past its closing quote.
fn string(bytes: &[u8], at: &mut usize) -> Result<String, Error> {
    let mut out: Vec<u8> = Vec::new();
    let mut i = *at + 1;
    // A high surrogate waiting for its low half.
    let mut high: Option<u16> = None;
    let push = |out: &mut Vec<u8>, c: char| out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    loop {
        let b = *bytes.get(i).ok_or(Error::Eof)?;
        let unit = if b == b'\\' && bytes.get(i + 1) == Some(&b'u') {
            let hex = bytes.get(i + 2..i + 6).ok_or(Error::Eof)?;
            let unit = std::str::from_utf8(hex).ok().and_then(|h| u16::from_str_radix(h, 16).ok());
            Some(unit.ok_or(Error::At(i))?)
        } else {
            None
        };
        match (high.take(), unit) {
            (Some(h), Some(low @ 0xDC00..=0xDFFF)) => {
                push(&mut out, char::decode_utf16([h, low]).next().and_then(Result::ok).unwrap_or('\u{FFFD}'));
                i += 6;
                continue;
            }
            (Some(_), _) => push(&mut out, '\u{FFFD}'),
            (None, _) => {}
        }
        if let Some(unit) = unit {
            i += 6;
            match unit {
                0xD800..=0xDBFF => high = Some(unit),
                _ => push(&mut out, char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
            }
            continue;
        }
        match b {
            b'"' => {
                *at = i + 1;
                // The input is UTF-8 and escapes add whole characters: this is UTF-8.
                return String::from_utf8(out).map_err(|_| Error::At(i));
            }
            b'\\' => {
                let c = match *bytes.get(i + 1).ok_or(Error::Eof)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(Error::At(i + 1)),
                };
                push(&mut out, c);
                i += 2;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Value, Error> {
        parse(s, 64)
    }

    #[test]
    fn values() {
        use Value::*;
        assert_eq!(
            p(" {\"a\": [1, -2.5e1, true, null, \"x\\\"y\\u00e9\\ud83d\\ude00\"], \"b\": {}} "),
            Ok(Object(vec![
                (
                    "a".into(),
                    Array(vec![
                        Number("1".into()),
                        Number("-2.5e1".into()),
                        Bool(true),
                        Null,
                        String("x\"y\u{e9}\u{1F600}".into())
                    ])
                ),
                ("b".into(), Object(vec![])),
            ]))
        );
        assert_eq!(p("[]"), Ok(Array(vec![])));
        assert_eq!(p("\"\\ud83d x\""), Ok(String("\u{FFFD} x".into())));
        assert_eq!(p("\"\\ude00\""), Ok(String("\u{FFFD}".into())));
    }

    #[test]
    fn errors() {
        assert_eq!(p("{\"a\": [1, 2"), Err(Error::Eof));
        assert_eq!(p("[1 2]"), Err(Error::At(3)));
        assert_eq!(p("[1] x"), Err(Error::At(4)));
        assert_eq!(p("{1: 2}"), Err(Error::At(1)));
        assert_eq!(parse(&"[".repeat(100), 64), Err(Error::TooDeep));
        assert!(p("[00:01] Alice").is_err());
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal("2.5"), Some(2.5));
        assert_eq!(decimal("-1e3"), Some(-1000.0));
        assert_eq!(decimal("1500"), Some(1500.0));
        assert_eq!(decimal("."), None);
        assert_eq!(decimal("1-2"), None);
    }
}
