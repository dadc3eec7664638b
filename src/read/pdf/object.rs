//! PDF objects, parsed without recursion: arrays and dictionaries are built on an
//! explicit stack whose depth is capped.

use super::lexer::{Lexer, Token};

/// A dictionary: its entries in file order (dictionaries are small; looked up linearly).
pub(super) type Dict = Vec<(Vec<u8>, Object)>;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32),
    /// A stream: its dictionary and where its raw data lies in the file.
    Stream(Box<Stream>),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Stream {
    pub dict: Dict,
    pub start: usize,
    pub end: usize,
}

/// Why an object could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fault {
    /// Nested deeper than the limit.
    Depth,
    /// Not an object: an unexpected token or the end of the bytes.
    Syntax,
}

impl Object {
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Object::Int(n) => Some(n as f64),
            Object::Real(r) => Some(r),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match *self {
            Object::Int(n) => Some(n),
            Object::Real(r) => Some(r as i64),
            _ => None,
        }
    }

    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The dictionary of a dictionary or of a stream.
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }
}

/// The value of `key` in `dict`.
pub(super) fn get<'d>(dict: &'d Dict, key: &[u8]) -> Option<&'d Object> {
    dict.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Whether `dict`'s `/Type` is `name`.
pub(super) fn has_type(dict: &Dict, name: &[u8]) -> bool {
    get(dict, b"Type").and_then(Object::as_name) == Some(name)
}

enum Frame {
    Array(Vec<Object>),
    Dict(Vec<Object>),
}

/// Turns the flat items of a dictionary into its entries (non-name keys are dropped).
fn pairs(items: Vec<Object>) -> Dict {
    let mut dict = Vec::with_capacity(items.len() / 2);
    let mut items = items.into_iter();
    while let (Some(key), Some(value)) = (items.next(), items.next()) {
        if let Object::Name(key) = key {
            dict.push((key, value));
        }
    }
    dict
}

/// `12 0 R` at the end of `items`: the last two integers become a reference.
fn fold_ref(items: &mut Vec<Object>) -> bool {
    let n = items.len();
    if n >= 2 {
        if let (Some(Object::Int(num)), Some(Object::Int(_gen))) = (items.get(n - 2), items.get(n - 1)) {
            if let Ok(num) = u32::try_from(*num) {
                items.truncate(n - 2);
                items.push(Object::Ref(num));
                return true;
            }
        }
    }
    false
}

/// Parses the object that starts with `first` (already read from `lexer`), nesting at
/// most `max_depth` arrays and dictionaries. A top-level `n g R` is left to the caller.
pub(super) fn parse_value(lexer: &mut Lexer<'_>, first: Token<'_>, max_depth: usize) -> Result<Object, Fault> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut token = Some(first);
    loop {
        let value = match token.take().ok_or(Fault::Syntax)? {
            Token::ArrayOpen | Token::DictOpen if stack.len() >= max_depth => return Err(Fault::Depth),
            Token::ArrayOpen => {
                stack.push(Frame::Array(Vec::new()));
                None
            }
            Token::DictOpen => {
                stack.push(Frame::Dict(Vec::new()));
                None
            }
            Token::ArrayClose => match stack.pop() {
                Some(Frame::Array(items)) => Some(Object::Array(items)),
                _ => return Err(Fault::Syntax),
            },
            Token::DictClose => match stack.pop() {
                Some(Frame::Dict(items)) => Some(Object::Dict(pairs(items))),
                _ => return Err(Fault::Syntax),
            },
            Token::Int(n) => Some(Object::Int(n)),
            Token::Real(r) => Some(Object::Real(r)),
            Token::Name(n) => Some(Object::Name(n)),
            Token::Str(s) => Some(Object::Str(s)),
            Token::Keyword(b"true") => Some(Object::Bool(true)),
            Token::Keyword(b"false") => Some(Object::Bool(false)),
            Token::Keyword(b"null") => Some(Object::Null),
            Token::Keyword(b"R") => {
                let items = match stack.last_mut() {
                    Some(Frame::Array(items) | Frame::Dict(items)) => items,
                    None => return Err(Fault::Syntax),
                };
                if !fold_ref(items) {
                    return Err(Fault::Syntax);
                }
                None
            }
            Token::Keyword(_) => return Err(Fault::Syntax),
        };
        if let Some(value) = value {
            match stack.last_mut() {
                Some(Frame::Array(items) | Frame::Dict(items)) => items.push(value),
                None => return Ok(value),
            }
        }
        token = lexer.next_token();
    }
}

/// Parses one object at the lexer's position, a top-level `n g R` included.
pub(super) fn parse_object(lexer: &mut Lexer<'_>, max_depth: usize) -> Result<Object, Fault> {
    let first = lexer.next_token().ok_or(Fault::Syntax)?;
    if let Token::Int(num) = first {
        let save = lexer.pos;
        if let (Some(Token::Int(_)), Some(Token::Keyword(b"R"))) = (lexer.next_token(), lexer.next_token()) {
            return u32::try_from(num).map(Object::Ref).map_err(|_| Fault::Syntax);
        }
        lexer.pos = save;
        return Ok(Object::Int(num));
    }
    parse_value(lexer, first, max_depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[u8]) -> Result<Object, Fault> {
        parse_object(&mut Lexer::new(s, 0), 8)
    }

    #[test]
    fn parses_nested_objects_and_references() {
        let object = parse(b"<< /Kids [3 0 R 4 0 R] /Count 2 /D << /A true >> >>").unwrap_or(Object::Null);
        let dict = object.as_dict().cloned().unwrap_or_default();
        assert_eq!(get(&dict, b"Kids"), Some(&Object::Array(vec![Object::Ref(3), Object::Ref(4)])));
        assert_eq!(get(&dict, b"Count"), Some(&Object::Int(2)));
        assert_eq!(parse(b"7 0 R"), Ok(Object::Ref(7)));
        assert_eq!(parse(b"7 0 obj"), Ok(Object::Int(7)));
    }

    #[test]
    fn deep_and_broken_objects_fail() {
        assert_eq!(parse(&[b'['; 100_000]), Err(Fault::Depth));
        assert_eq!(parse(b"[1 2"), Err(Fault::Syntax));
        assert_eq!(parse(b"<< /A ]"), Err(Fault::Syntax));
        assert_eq!(parse(b"R"), Err(Fault::Syntax));
    }
}
