//! The file's objects, found by scanning for `n g obj` rather than trusting the
//! cross-reference table (a broken or missing one is common, and costs nothing here):
//! a later definition of a number replaces an earlier one, as incremental updates
//! do. Objects inside object streams are added after. The decoded bytes of all
//! streams together are bounded (a [`Budget`]).

use rustc_hash::FxHashMap as HashMap;

use memchr::memmem;

use super::filter::{self, Undecoded};
use super::lexer::{is_delimiter, is_white, Lexer, Token};
use super::object::{get, has_type, parse_object, parse_value, Dict, Fault, Object, Stream};

/// The most objects a file may hold (PDF's own limit is 8,388,607).
pub(super) const MAX_OBJECTS: usize = 8_388_607;

/// How many references are followed in a chain (`1 0 R` → `2 0 R` → …).
const MAX_HOPS: usize = 16;

/// What went wrong while indexing the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IndexFault {
    Depth,
    TooManyObjects,
    StreamTooLarge,
}

/// The bytes left to decode from streams, across the whole file.
pub(super) struct Budget {
    pub per_stream: usize,
    pub left: usize,
    /// A stream stopped at what was left of the whole, not at the per-stream limit.
    pub exhausted: bool,
}

pub(super) struct File<'a> {
    pub bytes: &'a [u8],
    pub objects: HashMap<u32, Object>,
    /// The trailer dictionaries (and cross-reference stream dictionaries), in file order.
    pub trailers: Vec<Dict>,
}

/// Whether `bytes[at..]` starts a token (white space or a delimiter before it).
fn boundary_before(bytes: &[u8], at: usize) -> bool {
    at == 0 || bytes.get(at - 1).is_some_and(|&b| is_white(b) || is_delimiter(b))
}

/// The object number and the start of `n g` before an `obj` keyword at `at`.
fn header_before(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let mut i = at;
    let digits_back = |i: &mut usize| {
        let end = *i;
        while *i > 0 && bytes.get(*i - 1).is_some_and(u8::is_ascii_digit) {
            *i -= 1;
        }
        (*i < end).then_some((*i, end))
    };
    let white_back = |i: &mut usize| {
        let end = *i;
        while *i > 0 && bytes.get(*i - 1).is_some_and(|&b| is_white(b)) {
            *i -= 1;
        }
        *i < end
    };
    if !white_back(&mut i) {
        return None;
    }
    let (_gen_start, gen_end) = digits_back(&mut i)?;
    if gen_end - _gen_start > 5 || !white_back(&mut i) {
        return None;
    }
    let (num_start, num_end) = digits_back(&mut i)?;
    if !boundary_before(bytes, num_start) || num_end - num_start > 10 {
        return None;
    }
    let num = std::str::from_utf8(bytes.get(num_start..num_end)?).ok()?.parse::<u32>().ok()?;
    Some((num, num_start))
}

/// Where a stream's data starts: after `stream` and its end of line.
fn stream_data_start(bytes: &[u8], after_keyword: usize) -> usize {
    match (bytes.get(after_keyword), bytes.get(after_keyword + 1)) {
        (Some(b'\r'), Some(b'\n')) => after_keyword + 2,
        (Some(b'\r' | b'\n'), _) => after_keyword + 1,
        _ => after_keyword,
    }
}

/// Where a stream's data ends: its `/Length` when `endstream` follows it, else the
/// next `endstream` (its end of line trimmed), else the end of the file.
fn stream_data_end(bytes: &[u8], dict: &Dict, start: usize) -> (usize, usize) {
    if let Some(len) = get(dict, b"Length").and_then(Object::as_int).and_then(|n| usize::try_from(n).ok()) {
        if let Some(end) = start.checked_add(len) {
            let mut lexer = Lexer::new(bytes, end);
            lexer.skip_white();
            if bytes.get(lexer.pos..).is_some_and(|rest| rest.starts_with(b"endstream")) {
                return (end, lexer.pos + 9);
            }
        }
    }
    match bytes.get(start..).and_then(|rest| memmem::find(rest, b"endstream")) {
        Some(at) => {
            let mut end = start + at;
            if bytes.get(end.wrapping_sub(1)) == Some(&b'\n') {
                end -= 1;
            }
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
            (end.max(start), start + at + 9)
        }
        None => (bytes.len(), bytes.len()),
    }
}

impl<'a> File<'a> {
    /// Indexes every object of `bytes`.
    pub fn scan(bytes: &'a [u8], max_depth: usize, budget: &mut Budget) -> Result<File<'a>, IndexFault> {
        let mut file = File { bytes, objects: HashMap::default(), trailers: Vec::new() };
        let finder = memmem::Finder::new(b"obj");
        let trailer = memmem::Finder::new(b"trailer");
        let mut trailer_at = trailer.find(bytes);
        let mut pos = 0;
        while let Some(found) = bytes.get(pos..).and_then(|rest| finder.find(rest)) {
            let at = pos + found;
            pos = at + 3;
            // A trailer between the last object and this one.
            while let Some(t) = trailer_at.filter(|&t| t < at) {
                file.read_trailer(t + 7, max_depth);
                trailer_at = bytes.get(t + 7..).and_then(|rest| trailer.find(rest)).map(|n| n + t + 7);
            }
            if bytes.get(at + 3).is_some_and(|&b| !is_white(b) && !is_delimiter(b)) {
                continue; // `objects`, `endobj`'s tail is handled by the header check
            }
            let Some((num, _)) = header_before(bytes, at) else { continue };
            let mut lexer = Lexer::new(bytes, at + 3);
            let object = match parse_object(&mut lexer, max_depth) {
                Ok(object) => object,
                Err(Fault::Depth) => return Err(IndexFault::Depth),
                Err(Fault::Syntax) => {
                    // Go on from where it broke (less the `obj` that may have broken it),
                    // so no byte is parsed again and again (a broken object holding many
                    // `n g obj` would otherwise cost time quadratic in its size).
                    pos = pos.max(lexer.pos.saturating_sub(3));
                    continue;
                }
            };
            let after = lexer.pos;
            let object = match (object, lexer.next_token()) {
                (Object::Dict(dict), Some(Token::Keyword(b"stream"))) => {
                    let start = stream_data_start(bytes, lexer.pos);
                    let (end, resume) = stream_data_end(bytes, &dict, start);
                    pos = resume.max(pos);
                    Object::Stream(Box::new(Stream { dict, start, end }))
                }
                (object, _) => {
                    pos = after.max(pos);
                    object
                }
            };
            if let Object::Stream(s) = &object {
                if has_type(&s.dict, b"XRef") {
                    file.trailers.push(s.dict.clone());
                }
            }
            file.objects.insert(num, object);
            if file.objects.len() > MAX_OBJECTS {
                return Err(IndexFault::TooManyObjects);
            }
        }
        while let Some(t) = trailer_at {
            file.read_trailer(t + 7, max_depth);
            trailer_at = bytes.get(t + 7..).and_then(|rest| trailer.find(rest)).map(|n| n + t + 7);
        }
        file.read_object_streams(max_depth, budget)?;
        Ok(file)
    }

    fn read_trailer(&mut self, at: usize, max_depth: usize) {
        if let Ok(Object::Dict(dict)) = parse_object(&mut Lexer::new(self.bytes, at), max_depth) {
            self.trailers.push(dict);
        }
    }

    /// Adds the objects of object streams (`/Type /ObjStm`) not defined outside one.
    fn read_object_streams(&mut self, max_depth: usize, budget: &mut Budget) -> Result<(), IndexFault> {
        let mut numbers: Vec<u32> = self
            .objects
            .iter()
            .filter(|(_, o)| matches!(o, Object::Stream(s) if has_type(&s.dict, b"ObjStm")))
            .map(|(n, _)| *n)
            .collect();
        numbers.sort_unstable();
        for number in numbers {
            let Some(Object::Stream(stream)) = self.objects.get(&number) else { continue };
            let first = get(&stream.dict, b"First").and_then(Object::as_int).unwrap_or(0);
            let count = get(&stream.dict, b"N").and_then(Object::as_int).unwrap_or(0);
            let data = match self.decode(stream, budget) {
                Ok(data) => data,
                Err(Undecoded::TooLarge) => return Err(IndexFault::StreamTooLarge),
                Err(Undecoded::Unsupported) => continue,
            };
            let Ok(first) = usize::try_from(first) else { continue };
            let mut header = Lexer::new(&data, 0);
            let mut entries: Vec<(u32, usize)> = Vec::new();
            while (entries.len() as i64) < count {
                match (header.next_token(), header.next_token()) {
                    (Some(Token::Int(num)), Some(Token::Int(offset))) => {
                        if let (Ok(num), Ok(offset)) = (u32::try_from(num), usize::try_from(offset)) {
                            entries.push((num, first.saturating_add(offset)));
                        }
                    }
                    _ => break,
                }
            }
            // Each object is parsed only up to where the next one starts, so the work is
            // the stream's size however many entries point into it.
            crate::sort::sort_by(&mut entries, |a, b| a.1.cmp(&b.1));
            let ends: Vec<usize> = entries.iter().skip(1).map(|e| e.1).chain(std::iter::once(data.len())).collect();
            for (&(num, start), &end) in entries.iter().zip(&ends) {
                if self.objects.contains_key(&num) || end <= start {
                    continue;
                }
                let Some(slice) = data.get(..end) else { continue };
                let mut lexer = Lexer::new(slice, start);
                let Some(token) = lexer.next_token() else { continue };
                match parse_value(&mut lexer, token, max_depth) {
                    Ok(object) => {
                        self.objects.insert(num, object);
                        if self.objects.len() > MAX_OBJECTS {
                            return Err(IndexFault::TooManyObjects);
                        }
                    }
                    Err(Fault::Depth) => return Err(IndexFault::Depth),
                    Err(Fault::Syntax) => {}
                }
            }
        }
        Ok(())
    }

    /// Decodes a stream within the budget.
    pub fn decode(&self, stream: &Stream, budget: &mut Budget) -> Result<Vec<u8>, Undecoded> {
        let limit = budget.per_stream.min(budget.left);
        let data = filter::decode(self.bytes, stream, limit).inspect_err(|e| {
            budget.exhausted = *e == Undecoded::TooLarge && budget.left < budget.per_stream;
        })?;
        budget.left = budget.left.saturating_sub(data.len());
        Ok(data)
    }

    /// `object`, or what it refers to (through a chain of references).
    pub fn resolve<'o>(&'o self, mut object: &'o Object) -> &'o Object {
        for _ in 0..MAX_HOPS {
            match object {
                Object::Ref(n) => match self.objects.get(n) {
                    Some(target) => object = target,
                    None => return &Object::Null,
                },
                _ => return object,
            }
        }
        &Object::Null
    }

    /// `dict[key]`, resolved.
    pub fn get<'o>(&'o self, dict: &'o Dict, key: &[u8]) -> Option<&'o Object> {
        get(dict, key).map(|o| self.resolve(o)).filter(|o| !matches!(o, Object::Null))
    }

    /// Whether the file is encrypted.
    pub fn encrypted(&self) -> bool {
        self.trailers.iter().any(|t| get(t, b"Encrypt").is_some())
    }

    /// The document catalog: the last trailer's `/Root`, else an object of type `Catalog`.
    pub fn catalog(&self) -> Option<&Dict> {
        let from_trailer = self
            .trailers
            .iter()
            .rev()
            .filter_map(|t| self.get(t, b"Root"))
            .find_map(|o| o.as_dict().filter(|d| get(d, b"Pages").is_some()));
        from_trailer.or_else(|| {
            let mut catalogs: Vec<_> = self
                .objects
                .iter()
                .filter_map(|(n, o)| o.as_dict().filter(|d| has_type(d, b"Catalog")).map(|d| (*n, d)))
                .collect();
            crate::sort::sort_by(&mut catalogs, |a, b| a.0.cmp(&b.0));
            catalogs.last().map(|(_, d)| *d)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_object_headers() {
        let bytes = b"x\n12 0 obj";
        assert_eq!(header_before(bytes, 7), Some((12, 2)));
        assert_eq!(header_before(b"a12 0 obj", 6), None);
        assert_eq!(header_before(b"0 obj", 2), None);
    }

    #[test]
    fn scans_objects_streams_and_trailers() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Length 3 >> stream\nabc\nendstream endobj\ntrailer << /Root 1 0 R >>";
        let mut budget = Budget { per_stream: 100, left: 100, exhausted: false };
        let file = File::scan(pdf, 8, &mut budget).ok();
        let file = file.as_ref();
        assert_eq!(file.map(|f| f.objects.len()), Some(2));
        assert!(file.and_then(File::catalog).is_some());
        let Some(Object::Stream(s)) = file.and_then(|f| f.objects.get(&2)) else { panic!("no stream") };
        assert_eq!(pdf.get(s.start..s.end), Some(&b"abc"[..]));
    }
}
