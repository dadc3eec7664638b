//! A forgiving HTML tokenizer: start and end tags (names lowercased, attributes
//! stepped over, quotes respected), text, and the raw text of `script`, `style` and
//! the like, which runs to its end tag. Comments, doctypes and processing
//! instructions are skipped. It never fails: a `<` that starts no tag is text.

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// The longest tag name kept; longer names are cut (they match no known element).
const MAX_NAME: usize = 32;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    Start(String),
    End(String),
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, …).
    Raw(&'a str),
}

pub(crate) struct Tokens<'a> {
    s: &'a str,
    at: usize,
    /// The raw-text element whose content comes next.
    raw: Option<String>,
}

impl<'a> Tokens<'a> {
    pub fn new(s: &'a str) -> Tokens<'a> {
        Tokens { s, at: 0, raw: None }
    }

    /// The rest of the input from `at`.
    fn rest(&self) -> &'a str {
        self.s.get(self.at..).unwrap_or("")
    }

    /// Moves past the next `end` (or to the end of the input).
    fn skip_past(&mut self, end: &str) {
        self.at = match self.rest().find(end) {
            Some(i) => self.at + i + end.len(),
            None => self.s.len(),
        };
    }

    /// A tag's name at the start of `s`: ASCII letters, digits, `-`, `_`, `:`.
    fn name(s: &str) -> (String, usize) {
        let len = s.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')).count();
        let name = s.get(..len.min(MAX_NAME)).unwrap_or("").to_ascii_lowercase();
        (name, len)
    }

    /// Steps over attributes to the tag's `>`: a quote opens a value only after `=`.
    fn skip_attributes(&mut self) {
        let bytes = self.s.as_bytes();
        let mut after_equals = false;
        while let Some(&b) = bytes.get(self.at) {
            self.at += 1;
            match b {
                b'>' => return,
                b'=' => after_equals = true,
                b'"' | b'\'' if after_equals => {
                    let quote = if b == b'"' { "\"" } else { "'" };
                    self.skip_past(quote);
                    after_equals = false;
                }
                b if b.is_ascii_whitespace() => {}
                _ => after_equals = false,
            }
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            let rest = self.rest();
            let end = find_end_tag(rest, &name).unwrap_or(rest.len());
            self.at += end;
            return Some(Token::Raw(rest.get(..end).unwrap_or("")));
        }
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
                self.at += len;
                return Some(Token::Text(rest.get(..len).unwrap_or("")));
            }
            let after = rest.get(1..).unwrap_or("");
            if after.starts_with("!--") {
                self.at += 4;
                self.skip_past("-->");
                continue;
            }
            if after.starts_with(['!', '?']) {
                self.skip_past(">");
                continue;
            }
            if let Some(end) = after.strip_prefix('/') {
                let (name, len) = Tokens::name(end);
                if len == 0 || !end.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    // `</>` or `</ 1`: nothing, or a bogus comment.
                    self.skip_past(">");
                    continue;
                }
                self.at += 2 + len;
                self.skip_attributes();
                return Some(Token::End(name));
            }
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (name, len) = Tokens::name(after);
                self.at += 1 + len;
                self.skip_attributes();
                if RAW.contains(&name.as_str()) {
                    self.raw = Some(name.clone());
                }
                return Some(Token::Start(name));
            }
            // A `<` that starts no tag is text.
            self.at += 1;
            return Some(Token::Text("<"));
        }
    }
}

/// Where `</name` (any case, then a space, `/` or `>`) starts in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = bytes.get(from..)?.windows(2).position(|w| w == b"</") {
        let at = from + i;
        let tail = bytes.get(at + 2..)?;
        let matches = tail.len() >= name.len()
            && tail.get(..name.len()).is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
            && tail.get(name.len()).is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if matches {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Token::*;
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokens::new(s).collect()
    }

    #[test]
    fn tags_text_and_comments() {
        assert_eq!(
            tokens("<!DOCTYPE html><P class='a>b'>Hi <!-- x --></p>a < b"),
            [Start("p".into()), Text("Hi "), End("p".into()), Text("a "), Text("<"), Text(" b")]
        );
    }

    #[test]
    fn raw_text_runs_to_its_end_tag() {
        assert_eq!(
            tokens("<script>if (a<b) x='</p>';</SCRIPT >t"),
            [Start("script".into()), Raw("if (a<b) x='</p>';"), End("script".into()), Text("t")]
        );
        assert_eq!(tokens("<style>x"), [Start("style".into()), Raw("x")]);
    }

    #[test]
    fn an_apostrophe_in_an_unquoted_value_opens_no_quote() {
        assert_eq!(tokens("<a title=don't>x</a>"), [Start("a".into()), Text("x"), End("a".into())]);
    }
}
