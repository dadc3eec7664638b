//! Word documents (`.docx`): the body of `word/document.xml`, a line per paragraph.
//!
//! Runs' text (`w:t`) is kept with its tabs (`w:tab` → `\t`) and breaks (`w:br`, `w:cr`
//! → `\n`); formatting is dropped; an empty paragraph is an empty line. Insertions
//! (`w:ins`) are kept; tracked deletions (`w:del`, `w:moveFrom`), field instructions,
//! comments and footnote marks are left out, and so are headers, footers and the
//! comments' and notes' own parts, which are never read as text (the notes say what
//! was left out). A table is read row by row: the cells of a row joined by tabs, a
//! cell's paragraphs by spaces.
//!
//! ```text
//! <w:p><w:r><w:t>Alice: Hi.</w:t></w:r></w:p><w:p/>   →   "Alice: Hi.\n\n"
//! ```

use super::archive::Archive;
use super::scope::{Opened, Scope};
use super::sink::Sink;
use super::table::Tables;
use super::xml::{walk, Xml};
use super::{left_out, ReadError, ReadLimits, ReadText, SourceFormat};

/// The part holding the document's body.
const DOCUMENT: &str = "word/document.xml";

/// Elements left out with everything inside them: tracked deletions and moves, field
/// instructions, the fallback copy of alternate content (the choice is read), symbols.
const SKIPPED: &[&[u8]] = &[b"del", b"moveFrom", b"instrText", b"delInstrText", b"Fallback", b"sym"];

pub(crate) fn read(archive: &Archive<'_>, limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let xml = archive.entry(DOCUMENT, limits)?.unwrap_or_default();
    let mut state = State {
        out: Tables::new(Sink::new(SourceFormat::Docx, limits)),
        scope: Scope::default(),
        mark_deleted: false,
        in_t: false,
        counts: Counts::default(),
    };
    walk(&xml, DOCUMENT, archive, limits, &mut |event| state.step(event))?;
    let mut notes = Vec::new();
    let (headers, footers) = header_parts(archive, limits)?;
    let c = &state.counts;
    let what = [
        (c.comments, "comment", "comments"),
        (c.deletions, "tracked deletion", "tracked deletions"),
        (c.footnotes, "footnote", "footnotes"),
        (c.endnotes, "endnote", "endnotes"),
        (headers, "header", "headers"),
        (footers, "footer", "footers"),
    ];
    notes.extend(left_out(&what));
    Ok(ReadText { text: state.out.finish()?, source: SourceFormat::Docx, notes })
}

#[derive(Default)]
struct Counts {
    comments: usize,
    deletions: usize,
    footnotes: usize,
    endnotes: usize,
}

struct State {
    out: Tables,
    /// Where in `w:body` the walk is, and what it leaves out.
    scope: Scope,
    /// The paragraph's mark is a tracked deletion: it runs on into the next.
    mark_deleted: bool,
    /// Inside a run's text (`w:t`): the only character data that is text.
    in_t: bool,
    counts: Counts,
}

impl State {
    fn step(&mut self, event: Xml<'_>) -> Result<(), ReadError> {
        match event {
            Xml::Open(name, _) => {
                match self.scope.open(name) {
                    // Inside a paragraph's properties, a `w:del` marks its end as deleted.
                    Opened::Skipped(paragraph_props) => {
                        if paragraph_props && name == b"del" {
                            self.mark_deleted = true;
                        }
                        return Ok(());
                    }
                    Opened::OutsideBody => return Ok(()),
                    Opened::InBody => {}
                }
                let props = name.ends_with(b"Pr") || name.ends_with(b"Change");
                if props || SKIPPED.contains(&name) {
                    if name == b"del" || name == b"moveFrom" {
                        self.counts.deletions += 1;
                    }
                    self.scope.skip(name == b"pPr");
                    return Ok(());
                }
                match name {
                    b"tab" | b"ptab" => self.out.push_str("\t")?,
                    b"br" | b"cr" => self.out.push_str("\n")?,
                    b"noBreakHyphen" => self.out.push_str("-")?,
                    b"commentReference" => self.counts.comments += 1,
                    b"footnoteReference" => self.counts.footnotes += 1,
                    b"endnoteReference" => self.counts.endnotes += 1,
                    b"tbl" => self.out.open_table(),
                    b"tr" => self.out.open_row(),
                    b"tc" => self.out.open_cell(),
                    b"t" => self.in_t = true,
                    _ => {}
                }
            }
            Xml::Close(name) => {
                if !self.scope.close() {
                    return Ok(());
                }
                match name {
                    b"p" if !std::mem::take(&mut self.mark_deleted) => self.out.end_paragraph()?,
                    b"tc" => self.out.close_cell(),
                    b"tr" => self.out.close_row()?,
                    b"tbl" => self.out.close_table()?,
                    b"t" => self.in_t = false,
                    _ => {}
                }
            }
            Xml::Text(text) => {
                if self.in_t && self.scope.reading() {
                    self.out.text(text)?;
                }
            }
        }
        Ok(())
    }
}

/// How many header and footer parts (`word/header1.xml`, …) hold any text (they are
/// not read into the text).
fn header_parts(archive: &Archive<'_>, limits: &ReadLimits) -> Result<(usize, usize), ReadError> {
    let mut headers = 0;
    let mut footers = 0;
    let parts: Vec<String> = archive
        .names()
        .into_iter()
        .filter(|n| n.ends_with(".xml") && (n.starts_with("word/header") || n.starts_with("word/footer")))
        .collect();
    for part in parts {
        let xml = archive.entry(&part, limits)?.unwrap_or_default();
        let mut text = false;
        let mut in_t = false;
        walk(&xml, &part, archive, limits, &mut |event| {
            match event {
                Xml::Open(b"t", _) => in_t = true,
                Xml::Close(b"t") => in_t = false,
                Xml::Text(s) if in_t && !s.trim().is_empty() => text = true,
                _ => {}
            }
            Ok(())
        })?;
        if text {
            *if part.starts_with("word/header") { &mut headers } else { &mut footers } += 1;
        }
    }
    Ok((headers, footers))
}
