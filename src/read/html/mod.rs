//! Web pages: the text, with the block structure as lines.
//!
//! Blocks (`p`, `div`, `li`, `h1`–`h6`, `tr`, `blockquote`, `section`, `article`,
//! `pre`, …) start and end lines, `br` breaks one, table cells are joined by tabs,
//! and at most one blank line stands between two lines. White space collapses as a
//! browser shows it (kept inside `pre`); character references are decoded with the
//! whole HTML5 table (htmlize). Scripts, styles, `noscript`, `template`, the `head`,
//! buttons, `select` and `textarea` are dropped; so are the page's chrome — `nav`,
//! `header`, `footer`, `aside` and `form` — unless it holds the content itself (a
//! `main` or `article`, or for a form, which some sites wrap around the whole page, a
//! paragraph, heading or table), and the notes say so. Implied end tags (`<p>`, `<li>`,
//! `<td>` left open) close as HTML says; inline elements are not tracked, and open
//! blocks nest at most [`ReadLimits::max_depth`] deep.
//!
//! ```text
//! <nav>Home</nav><p>Alice: Hi&nbsp;there.<p>Bob: Hello.   →   "Alice: Hi\u{a0}there.\nBob: Hello.\n"
//! ```

mod refs;
mod tokens;

use tokens::{Token, Tokens};

use super::{cp1252, join_and, left_out, ReadError, ReadLimits, ReadText, SourceFormat};

/// Elements whose content is never text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "button", "select", "textarea", "iframe", "object", "svg",
    "math", "canvas", "video", "audio", "datalist", "title", "noembed", "noframes",
];

/// The page's chrome, dropped unless it holds the content.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "listing",
    "xmp",
];

/// Elements that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
    "listing",
    "xmp",
];

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "bgsound", "frame",
];

/// Inline elements, not tracked: they neither break lines nor hide text, so pages full
/// of unclosed `<font>` or `<b>` never nest deep.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var",
];

/// What a `head` holds; any other start tag ends it.
const HEAD_CONTENT: &[&str] = &["head", "title", "meta", "link", "style", "script", "base", "noscript", "template"];

/// Elements inside a form that show it holds the content.
const CONTENT: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "article", "main", "blockquote"];

/// Whether text (after a byte-order mark and white space) starts a web page: a
/// `<!doctype html>` or `<html>` (any case), after any comments or XML declaration.
pub(crate) fn sniff(head: &str) -> bool {
    let mut s = head;
    for _ in 0..16 {
        s = s.trim_start_matches('\u{feff}').trim_start();
        let skip = if s.starts_with("<!--") {
            s.find("-->").map(|i| i + 3)
        } else if s.starts_with("<?xml") {
            s.find("?>").map(|i| i + 2)
        } else {
            break;
        };
        match skip.and_then(|i| s.get(i..)) {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    let starts = |prefix: &str| s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    starts("<!doctype html") || starts("<html")
}

/// [`sniff`] on bytes that are not UTF-8: their ASCII start.
pub(crate) fn sniff_bytes(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    sniff(&String::from_utf8_lossy(head))
}

/// Whether the page's first 4 KiB declare a Windows-1252 or Latin-1 charset.
pub(crate) fn declares_cp1252(bytes: &[u8]) -> bool {
    let head = bytes.get(..4096).unwrap_or(bytes).to_ascii_lowercase();
    let Some(at) = head.windows(7).position(|w| w == b"charset") else { return false };
    let after = head.get(at + 7..).unwrap_or_default();
    let value: Vec<u8> = after
        .iter()
        .skip_while(|&&b| b == b'=' || b == b'"' || b == b'\'' || b.is_ascii_whitespace())
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    matches!(
        value.as_slice(),
        b"windows-1252" | b"cp1252" | b"iso-8859-1" | b"latin1" | b"latin-1" | b"us-ascii" | b"ascii" | b"iso8859-1"
    )
}

/// A page that is not UTF-8, decoded by the charset it declares (Windows-1252 family).
pub(crate) fn decode_declared(bytes: &[u8]) -> Option<String> {
    declares_cp1252(bytes).then(|| cp1252::decode(bytes))
}

/// An open element that matters to the text.
struct Open {
    name: String,
    /// For chrome: where its text starts in the output, and the output state there.
    chrome: Option<Chrome>,
}

struct Chrome {
    start: usize,
    breaks: usize,
    space: bool,
    /// It holds the content: kept.
    keep: bool,
}

/// The page's text being written: lines, collapsed white space, pending breaks.
struct Page {
    text: String,
    limit: usize,
    /// Line ends due before the next text (at most 2: one blank line).
    breaks: usize,
    /// A space is due before the next text on the line.
    space: bool,
    /// The next cell of the row needs a tab before it.
    cell: bool,
    /// How many cells are open: inside one, a block's edge is a space, so a row stays
    /// one line.
    cells: usize,
}

impl Page {
    /// A line ends here (a block's edge; a space inside a table cell).
    fn block(&mut self) {
        if self.cells > 0 {
            self.space = true;
            return;
        }
        self.breaks = self.breaks.max(1);
        self.space = false;
    }

    /// A `br`: a line end, even an empty line.
    fn line_break(&mut self) {
        self.breaks = (self.breaks + 1).min(2);
        self.space = false;
    }

    /// Writes `s` as a browser shows it (`pre`: as it is).
    fn text(&mut self, s: &str, pre: bool) -> Result<(), ReadError> {
        for piece in s.split_inclusive(|c: char| c.is_ascii_whitespace()) {
            let word = piece.trim_end_matches(|c: char| c.is_ascii_whitespace());
            let white = piece.get(word.len()..).unwrap_or("");
            if !word.is_empty() {
                self.put(word)?;
            }
            for c in white.chars() {
                match c {
                    '\n' if pre => self.line_break(),
                    '\r' if pre => {}
                    _ if pre => self.put(if c == '\t' { "\t" } else { " " })?,
                    _ => self.space = true,
                }
            }
        }
        Ok(())
    }

    /// Writes visible characters after what is due.
    fn put(&mut self, s: &str) -> Result<(), ReadError> {
        let mut due = String::new();
        if !self.text.is_empty() {
            due.push_str(&"\n".repeat(self.breaks));
            if self.breaks == 0 && self.space && !self.text.ends_with(['\t', ' ', '\n']) {
                due.push(' ');
            }
        }
        self.breaks = 0;
        self.space = false;
        if self.text.len().saturating_add(due.len()).saturating_add(s.len()) > self.limit {
            return Err(ReadError::too_large(
                SourceFormat::Html,
                &format!("its text is over {}", super::bytes_in_words(self.limit)),
            ));
        }
        self.text.push_str(&due);
        self.text.push_str(s);
        Ok(())
    }
}

/// Reads a page's text.
pub(crate) fn read(html: &str, limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let mut page =
        Page { text: String::new(), limit: limits.max_text_bytes, breaks: 0, space: false, cell: false, cells: 0 };
    let mut stack: Vec<Open> = Vec::new();
    let mut dropped = 0usize;
    let mut pre = 0usize;
    let mut left = Left::default();
    for token in Tokens::new(html) {
        match token {
            Token::Text(text) => {
                if dropped == 0 {
                    page.text(&refs::decode(text), pre > 0)?;
                }
            }
            Token::Raw(_) => {}
            Token::Start(name) => {
                let name = name.as_str();
                if name == "br" {
                    if dropped == 0 {
                        page.line_break();
                    }
                    continue;
                }
                if INLINE.contains(&name) {
                    continue;
                }
                if !HEAD_CONTENT.contains(&name) {
                    // Anything else ends an open `head` (a page may never close it).
                    if let Some(at) = stack.iter().position(|o| o.name == "head") {
                        close_to(at, &mut stack, &mut page, &mut dropped, &mut pre, &mut left);
                    }
                }
                implied_ends(name, &mut stack, &mut page, &mut dropped, &mut pre, &mut left);
                if BLOCKS.contains(&name) {
                    page.block();
                }
                if matches!(name, "tr" | "table") {
                    page.cell = false;
                }
                if matches!(name, "td" | "th") {
                    if page.cell && dropped == 0 {
                        page.space = false;
                        page.put("\t")?;
                    }
                    page.cell = true;
                    page.cells += 1;
                }
                if CONTENT.contains(&name) {
                    for open in stack.iter_mut() {
                        if let Some(chrome) = open.chrome.as_mut() {
                            if open.name == "form" || matches!(name, "article" | "main") {
                                chrome.keep = true;
                            }
                        }
                    }
                }
                if VOID.contains(&name) {
                    continue;
                }
                if stack.len() >= limits.max_depth {
                    return Err(ReadError::depth_limit(SourceFormat::Html, limits));
                }
                let chrome = CHROME.contains(&name).then_some(Chrome {
                    start: page.text.len(),
                    breaks: page.breaks,
                    space: page.space,
                    keep: false,
                });
                if DROPPED.contains(&name) {
                    dropped += 1;
                }
                if matches!(name, "pre" | "listing") {
                    pre += 1;
                }
                stack.push(Open { name: name.to_owned(), chrome });
            }
            Token::End(name) => {
                let name = name.as_str();
                if name == "br" {
                    if dropped == 0 {
                        page.line_break();
                    }
                    continue;
                }
                if name == "p" && !stack.iter().any(|o| o.name == "p") {
                    // `</p>` with no `<p>` open: an empty paragraph.
                    page.block();
                    continue;
                }
                if let Some(at) = stack.iter().rposition(|o| o.name == name) {
                    close_to(at, &mut stack, &mut page, &mut dropped, &mut pre, &mut left);
                }
            }
        }
    }
    close_to(0, &mut stack, &mut page, &mut dropped, &mut pre, &mut left);
    let mut text = page.text;
    if !text.is_empty() {
        text.push('\n');
    }
    Ok(ReadText { text, source: SourceFormat::Html, notes: left.notes() })
}

/// Closes what a start tag `name` ends implicitly: an open `p` before a block, an open
/// `li` before the next, a cell before the next cell, a row before the next row.
fn implied_ends(
    name: &str,
    stack: &mut Vec<Open>,
    page: &mut Page,
    dropped: &mut usize,
    pre: &mut usize,
    left: &mut Left,
) {
    let (targets, bounds): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu", "table", "td", "th", "body"]),
        "dd" | "dt" => (&["dd", "dt"], &["dl", "table", "td", "th", "body"]),
        "tr" => (&["tr", "td", "th"], &["table"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], &["table"]),
        "option" | "optgroup" => (&["option"], &["select", "datalist"]),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (&["h1", "h2", "h3", "h4", "h5", "h6"], &[]),
        _ => (&[], &[]),
    };
    if CLOSES_P.contains(&name) {
        let scope = ["table", "td", "th", "button", "caption", "object", "template", "html", "body"];
        if let Some(at) = find_open(stack, &["p"], &scope) {
            close_to(at, stack, page, dropped, pre, left);
        }
    }
    if targets.is_empty() {
        return;
    }
    // A heading closes only a heading right at the top (HTML's rule).
    let found = if bounds.is_empty() {
        stack.last().filter(|o| targets.contains(&o.name.as_str())).map(|_| stack.len() - 1)
    } else {
        find_open(stack, targets, bounds)
    };
    if let Some(at) = found {
        close_to(at, stack, page, dropped, pre, left);
    }
}

/// The nearest open element named in `targets`, looking down the stack no further
/// than an element named in `bounds`.
fn find_open(stack: &[Open], targets: &[&str], bounds: &[&str]) -> Option<usize> {
    for (i, open) in stack.iter().enumerate().rev() {
        if targets.contains(&open.name.as_str()) {
            return Some(i);
        }
        if bounds.contains(&open.name.as_str()) {
            return None;
        }
    }
    None
}

/// Closes the open elements from the top of the stack down to index `at`.
fn close_to(at: usize, stack: &mut Vec<Open>, page: &mut Page, dropped: &mut usize, pre: &mut usize, left: &mut Left) {
    while stack.len() > at {
        let Some(open) = stack.pop() else { break };
        let name = open.name.as_str();
        if DROPPED.contains(&name) {
            *dropped = dropped.saturating_sub(1);
        }
        if matches!(name, "pre" | "listing") {
            *pre = pre.saturating_sub(1);
        }
        if matches!(name, "td" | "th") {
            page.cells = page.cells.saturating_sub(1);
        }
        if matches!(name, "tr" | "table") {
            page.cell = false;
        }
        if BLOCKS.contains(&name) {
            page.block();
        }
        if let Some(chrome) = open.chrome {
            if chrome.keep {
                // Its content was the page's: the enclosing chrome keeps it too.
                if let Some(outer) = stack.iter_mut().rev().find_map(|o| o.chrome.as_mut()) {
                    outer.keep = true;
                }
            } else {
                if page.text.len() > chrome.start && page.text.get(chrome.start..).is_some_and(|t| !t.trim().is_empty())
                {
                    left.count(name);
                }
                page.text.truncate(chrome.start);
                page.breaks = chrome.breaks.max(1);
                page.space = chrome.space;
            }
        }
    }
}

/// The chrome left out, for the notes.
#[derive(Default)]
struct Left {
    nav: usize,
    header: usize,
    footer: usize,
    aside: usize,
    form: usize,
}

impl Left {
    fn count(&mut self, name: &str) {
        match name {
            "nav" => self.nav += 1,
            "header" => self.header += 1,
            "footer" => self.footer += 1,
            "aside" => self.aside += 1,
            _ => self.form += 1,
        }
    }

    /// `left out the page's navigation, header and footer`, then `left out 1 sidebar
    /// and 2 forms`.
    fn notes(&self) -> Vec<String> {
        let chrome: Vec<String> = [(self.nav, "navigation"), (self.header, "header"), (self.footer, "footer")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, what)| (*what).to_owned())
            .collect();
        let mut notes: Vec<String> =
            join_and(&chrome).map(|c| format!("left out the page's {c}")).into_iter().collect();
        notes.extend(left_out(&[(self.aside, "sidebar", "sidebars"), (self.form, "form", "forms")]));
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        read(html, &ReadLimits::default()).map(|r| r.text).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn blocks_breaks_and_references() {
        assert_eq!(
            text("<!doctype html><html><head><title>T</title><style>p{}</style></head><body><h1>Talk</h1><p>Alice: Hi&nbsp;there &amp; <b>all</b>.<p>Bob:\n   Hello.<br>Again &notin; &#x1F600;</body></html>"),
            "Talk\nAlice: Hi\u{a0}there & all.\nBob: Hello.\nAgain \u{2209} \u{1F600}\n"
        );
    }

    #[test]
    fn lists_tables_and_blank_lines() {
        assert_eq!(text("<ul><li>one<li>two</ul><br><br><br><table><tr><td>A<td>B</table>"), "one\ntwo\n\nA\tB\n");
        assert_eq!(
            text("<table><tr><th>Speaker</th><th>Text</th></tr><tr><td><p>Alice:</p></td><td><p>Hi.</p><p>Bye.</p></td></tr><tr><td>Bob:<td>Yes.</table>"),
            "Speaker\tText\nAlice:\tHi. Bye.\nBob:\tYes.\n"
        );
    }

    #[test]
    fn chrome_is_left_out_unless_it_holds_the_content() {
        let page = "<body><header>Site</header><nav><ul><li>Home</ul></nav><main><p>Alice: Hi.</main><aside>Ads</aside><footer>(c)</footer><script>x()</script></body>";
        let read = read(page, &ReadLimits::default()).unwrap();
        assert_eq!(read.text, "Alice: Hi.\n");
        assert_eq!(read.notes, ["left out the page's navigation, header and footer", "left out 1 sidebar"]);
        assert_eq!(text("<form><p>Alice: Hi.</p><button>Go</button></form>"), "Alice: Hi.\n");
        assert_eq!(text("<p>Hi.</p><form><input> Search</form>"), "Hi.\n");
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(text("<pre>Alice: Hi.\n  Bob:  Yes.\n</pre>x"), "Alice: Hi.\n  Bob:  Yes.\nx\n");
    }

    #[test]
    fn sniffing() {
        assert!(sniff("<!DOCTYPE HTML>"));
        assert!(sniff("<!-- saved --><html lang=en>"));
        assert!(!sniff("<v Alice>Hi"));
        assert!(declares_cp1252(b"<meta charset=\"windows-1252\">"));
        assert!(!declares_cp1252(b"<meta charset=utf-8>"));
    }
}
