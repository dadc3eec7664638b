//! PDF (feature `pdf`): the text layer of each page, in reading order, without page
//! furniture. No OCR: a PDF of scanned images is refused with a message that says so.
//!
//! - `lexer.rs`, `object.rs`: tokens and objects (no recursion, depth capped);
//! - `file.rs`: the objects found by scanning the file (a broken cross-reference
//!   table does not matter), object streams, the trailer and catalog;
//! - `filter.rs`: stream data decoded (Flate stopped at the limit);
//! - `cmap.rs`, `font.rs`: character codes to text (ToUnicode, encodings) and widths;
//! - `content.rs`: content streams run for the text they place;
//! - `layout.rs`: lines and paragraphs from where the text lies;
//! - `furniture.rs`: headers, footers, page numbers and printed line numbers left out.

mod cmap;
mod content;
mod file;
mod filter;
mod font;
mod furniture;
mod layout;
mod lexer;
mod object;

use rustc_hash::FxHashSet as HashSet;

use super::sink::Sink;
use super::{bytes_in_words, join_and, ReadError, ReadLimits, ReadText, SourceFormat};
use content::{Extractor, Stop};
use file::{Budget, File, IndexFault};
use object::{Dict, Object};

const PDF: SourceFormat = SourceFormat::Pdf;

/// How many times the per-stream limit all of a file's streams may decode to together.
const STREAM_BUDGET: usize = 4;

/// Reads a PDF's text.
pub(crate) fn read(bytes: &[u8], limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let mut budget = Budget {
        per_stream: limits.max_entry_bytes,
        left: limits.max_entry_bytes.saturating_mul(STREAM_BUDGET),
        exhausted: false,
    };
    let file = File::scan(bytes, limits.max_depth, &mut budget).map_err(|fault| match fault {
        IndexFault::Depth => ReadError::depth_limit(PDF, limits),
        IndexFault::TooManyObjects => {
            ReadError::too_large(PDF, &format!("it holds over {} objects", file::MAX_OBJECTS))
        }
        IndexFault::StreamTooLarge => stream_too_large(&budget, limits),
    })?;
    if file.encrypted() {
        return Err(ReadError::unsupported(
            "This PDF is encrypted, which colloquy cannot read: open it in a PDF viewer and save or print it as a PDF without a password, or copy its text, and open that."
                .to_owned(),
        ));
    }
    if !ends_whole(bytes) {
        return Err(ReadError::damaged(PDF, "it ends early (the file is cut short)"));
    }
    if file.objects.is_empty() {
        return Err(ReadError::damaged(PDF, "no objects can be found in it"));
    }
    let (pages, missing) = pages(&file);
    if missing > 0 {
        let which = if missing == 1 { "1 of its pages is".to_owned() } else { format!("{missing} of its pages are") };
        return Err(ReadError::damaged(PDF, &format!("{which} missing")));
    }
    if pages.is_empty() {
        return Err(ReadError::damaged(PDF, "its pages cannot be found"));
    }
    let mut extractor = Extractor::new(&file, budget, limits.max_text_bytes, limits.max_depth);
    let mut lines = Vec::with_capacity(pages.len());
    for (page, resources) in &pages {
        let items = extractor.page(page, *resources).map_err(|stop| match stop {
            Stop::TextTooLarge => {
                ReadError::too_large(PDF, &format!("its text is over {}", bytes_in_words(limits.max_text_bytes)))
            }
            Stop::StreamTooLarge => stream_too_large(&extractor.budget, limits),
            Stop::Depth => ReadError::depth_limit(PDF, limits),
        })?;
        lines.push(layout::lines(items));
    }
    let blank = lines.iter().filter(|page| page.is_empty()).count();
    if blank == lines.len() {
        return Err(if extractor.unmapped > 0 { unmapped_fonts() } else { no_text_layer() });
    }
    let removed = furniture::remove(&mut lines);
    let usual = layout::usual_spacing(&lines);
    let mut sink = Sink::new(PDF, limits);
    for page in &lines {
        let margins = layout::margins(page);
        // The text of the line being built: a printed line, and those wrapped from it.
        let mut text = String::new();
        for (i, line) in page.iter().enumerate() {
            let above = i.checked_sub(1).and_then(|a| page.get(a));
            if let Some(above) = above {
                let breaks = layout::breaks_paragraph(above, line, usual);
                if !breaks && margins.is_some_and(|m| layout::wraps_into(above, line, m)) {
                    layout::join_wrapped(&mut text, &line.text());
                    continue;
                }
                sink.push_str(&text)?;
                sink.push('\n')?;
                if breaks {
                    sink.push('\n')?;
                }
            }
            text = line.text();
        }
        if !page.is_empty() {
            sink.push_str(&text)?;
            sink.push('\n')?;
        }
    }
    let mut notes = Vec::new();
    if let Some(note) = furniture_note(removed) {
        notes.push(note);
    }
    if blank > 0 {
        notes.push(format!("{} without text (scanned images?) left out", pages_in_words(blank)));
    }
    if extractor.unmapped > 0 {
        notes.push(format!(
            "left out {} character{} whose font does not say which letter it is",
            extractor.unmapped,
            if extractor.unmapped == 1 { "" } else { "s" }
        ));
    }
    Ok(ReadText { text: sink.text, source: PDF, notes })
}

/// How near the end a whole file has its `%%EOF` (some writers append a little).
const EOF_WINDOW: usize = 2048;

/// Whether the file has its `%%EOF` near its end. Only near the end: CMaps and
/// linearized files have one inside.
fn ends_whole(bytes: &[u8]) -> bool {
    let tail = bytes.get(bytes.len().saturating_sub(EOF_WINDOW)..).unwrap_or(bytes);
    memchr::memmem::rfind(tail, b"%%EOF").is_some()
}

fn pages_in_words(n: usize) -> String {
    if n == 1 {
        "1 page".to_owned()
    } else {
        format!("{n} pages")
    }
}

/// `left out page headers and footers on 12 pages, page numbers on 12 pages and printed
/// line numbers on 3 pages`.
fn furniture_note(removed: furniture::Removed) -> Option<String> {
    let parts: Vec<String> = [
        (removed.running, "page headers and footers"),
        (removed.page_numbers, "page numbers"),
        (removed.line_numbers, "printed line numbers"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{what} on {}", pages_in_words(n)))
    .collect();
    Some(format!("left out {}", join_and(&parts)?))
}

#[cold]
fn stream_too_large(budget: &Budget, limits: &ReadLimits) -> ReadError {
    if budget.exhausted {
        let total = limits.max_entry_bytes.saturating_mul(STREAM_BUDGET);
        ReadError::too_large(PDF, &format!("its streams hold over {} uncompressed in all", bytes_in_words(total)))
    } else {
        ReadError::too_large(
            PDF,
            &format!("a stream in it holds over {} uncompressed", bytes_in_words(limits.max_entry_bytes)),
        )
    }
}

/// The error for a PDF whose pages hold no text.
#[cold]
fn no_text_layer() -> ReadError {
    ReadError::unsupported(
        "This PDF has no text layer (it may be a scan); colloquy does not read text in images: run OCR on it first, or open the text."
            .to_owned(),
    )
}

#[cold]
fn unmapped_fonts() -> ReadError {
    ReadError::unsupported(
        "This PDF's text cannot be read: its fonts do not say which letters their glyphs are; copy its text from a PDF viewer, or run OCR on it, and open that."
            .to_owned(),
    )
}

/// The pages in order, each with the resources it has or inherits, and how many
/// pages the page tree names that are not in the file. Walked with a stack; a node
/// seen twice is skipped, so a cycle ends.
fn pages<'f>(file: &'f File<'_>) -> (Vec<(&'f Dict, Option<&'f Dict>)>, usize) {
    let mut out = Vec::new();
    let mut missing = 0;
    let root = file.catalog().and_then(|c| file.get(c, b"Pages")).and_then(Object::as_dict);
    if let Some(root) = root {
        let mut seen: HashSet<*const Dict> = HashSet::default();
        let mut stack: Vec<(&Dict, Option<&Dict>)> = vec![(root, None)];
        while let Some((node, inherited)) = stack.pop() {
            if !seen.insert(node as *const Dict) {
                continue;
            }
            let resources = file.get(node, b"Resources").and_then(Object::as_dict).or(inherited);
            match file.get(node, b"Kids").and_then(Object::as_array) {
                Some(kids) => {
                    for kid in kids.iter().rev() {
                        match file.resolve(kid).as_dict() {
                            Some(dict) => stack.push((dict, resources)),
                            None if matches!(kid, Object::Ref(n) if !file.objects.contains_key(n)) => missing += 1,
                            None => {}
                        }
                    }
                }
                None => out.push((node, resources)),
            }
        }
    }
    if out.is_empty() && missing == 0 {
        let mut loose: Vec<(u32, &Dict)> = file
            .objects
            .iter()
            .filter_map(|(n, o)| o.as_dict().filter(|d| object::has_type(d, b"Page")).map(|d| (*n, d)))
            .collect();
        crate::sort::sort_by(&mut loose, |a, b| a.0.cmp(&b.0));
        out = loose.into_iter().map(|(_, d)| (d, file.get(d, b"Resources").and_then(Object::as_dict))).collect();
    }
    (out, missing)
}
