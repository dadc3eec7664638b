//! OpenDocument text (`.odt`): the body of `content.xml`, a line per paragraph or
//! heading (`text:p`, `text:h`).
//!
//! Line breaks (`text:line-break`) and tabs (`text:tab`) are kept, runs of spaces are
//! `text:s` (white space in the XML collapses, as ODF says), formatting is dropped and
//! an empty paragraph is an empty line. Tracked changes keep their insertions; the
//! deleted text, which ODF keeps aside in `text:tracked-changes`, is left out, and so
//! are comments (`office:annotation`), footnotes and endnotes (`text:note`) and the
//! headers and footers of `styles.xml` (the notes say what was left out). A table is
//! read row by row: the cells of a row joined by tabs.
//!
//! ```text
//! <text:p>Alice:<text:s/> Hi.</text:p><text:p/>   →   "Alice:  Hi.\n\n"
//! ```

use super::archive::Archive;
use super::scope::{Opened, Scope};
use super::sink::Sink;
use super::table::Tables;
use super::xml::{attribute, walk, Xml};
use super::{left_out, ReadError, ReadLimits, ReadText, SourceFormat};

const CONTENT: &str = "content.xml";
const STYLES: &str = "styles.xml";

/// The most spaces one `text:s` gives.
const MAX_SPACES: usize = 1024;

pub(crate) fn read(archive: &Archive<'_>, limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let xml = archive.entry(CONTENT, limits)?.unwrap_or_default();
    let mut state = State {
        out: Tables::new(Sink::new(SourceFormat::Odt, limits)),
        scope: Scope::default(),
        paragraphs: 0,
        counts: Counts::default(),
    };
    walk(&xml, CONTENT, archive, limits, &mut |event| state.step(event))?;
    let (headers, footers) = match archive.entry(STYLES, limits)? {
        Some(styles) => header_footers(&styles, archive, limits)?,
        None => (0, 0),
    };
    let c = &state.counts;
    let what = [
        (c.comments, "comment", "comments"),
        (c.deletions, "tracked deletion", "tracked deletions"),
        (c.notes, "footnote or endnote", "footnotes and endnotes"),
        (headers, "header", "headers"),
        (footers, "footer", "footers"),
    ];
    let notes = left_out(&what).into_iter().collect();
    Ok(ReadText { text: state.out.finish()?, source: SourceFormat::Odt, notes })
}

#[derive(Default)]
struct Counts {
    comments: usize,
    deletions: usize,
    notes: usize,
}

struct State {
    out: Tables,
    /// Where in `office:body` the walk is, and what it leaves out.
    scope: Scope,
    /// How many paragraphs are open (a paragraph may hold a note, and so another).
    paragraphs: usize,
    counts: Counts,
}

impl State {
    fn step(&mut self, event: Xml<'_>) -> Result<(), ReadError> {
        match event {
            Xml::Open(name, tag) => {
                match self.scope.open(name) {
                    // Inside the tracked changes, each deletion is counted.
                    Opened::Skipped(changes) => {
                        if changes && name == b"deletion" {
                            self.counts.deletions += 1;
                        }
                        return Ok(());
                    }
                    Opened::OutsideBody => return Ok(()),
                    Opened::InBody => {}
                }
                let skipped = match name {
                    b"tracked-changes" => true,
                    b"annotation" => {
                        self.counts.comments += 1;
                        true
                    }
                    b"note" => {
                        self.counts.notes += 1;
                        true
                    }
                    _ => {
                        matches!(
                            name,
                            b"sequence-decls"
                                | b"variable-decls"
                                | b"forms"
                                | b"covered-table-cell"
                                | b"desc"
                                | b"title"
                        ) || name.ends_with(b"-source")
                    }
                };
                if skipped {
                    self.scope.skip(name == b"tracked-changes");
                    return Ok(());
                }
                match name {
                    b"p" | b"h" => self.paragraphs += 1,
                    b"tab" => self.out.push_str("\t")?,
                    b"line-break" => self.out.push_str("\n")?,
                    b"s" => {
                        let n = attribute(tag, b"c").and_then(|c| c.trim().parse::<usize>().ok()).unwrap_or(1);
                        self.out.push_str(&" ".repeat(n.clamp(1, MAX_SPACES)))?;
                    }
                    b"table" => self.out.open_table(),
                    b"table-row" => self.out.open_row(),
                    b"table-cell" => self.out.open_cell(),
                    _ => {}
                }
            }
            Xml::Close(name) => {
                if !self.scope.close() {
                    return Ok(());
                }
                match name {
                    b"p" | b"h" => {
                        self.paragraphs = self.paragraphs.saturating_sub(1);
                        self.out.trim_spaces();
                        self.out.end_paragraph()?;
                    }
                    b"table-cell" => self.out.close_cell(),
                    b"table-row" => self.out.close_row()?,
                    b"table" => self.out.close_table()?,
                    _ => {}
                }
            }
            Xml::Text(text) => {
                if self.scope.reading() && self.paragraphs > 0 {
                    self.collapsed(text)?;
                }
            }
        }
        Ok(())
    }

    /// Text with its white space collapsed: a run of spaces, tabs and line ends is one
    /// space, none at a paragraph's start or after a space.
    fn collapsed(&mut self, text: &str) -> Result<(), ReadError> {
        let pieces = text.split([' ', '\t', '\n', '\r']);
        let mut space = text.starts_with([' ', '\t', '\n', '\r']);
        for piece in pieces {
            if piece.is_empty() {
                continue;
            }
            if space && !self.out.ends_with_space() {
                self.out.push_str(" ")?;
            }
            self.out.text(piece)?;
            space = true;
        }
        if text.ends_with([' ', '\t', '\n', '\r']) && !self.out.ends_with_space() {
            self.out.push_str(" ")?;
        }
        Ok(())
    }
}

/// How many headers and footers in `styles.xml` hold any text.
fn header_footers(styles: &[u8], archive: &Archive<'_>, limits: &ReadLimits) -> Result<(usize, usize), ReadError> {
    let mut headers = 0;
    let mut footers = 0;
    // The open header or footer: its depth, whether a footer, whether it has text.
    let mut open: Option<(usize, bool, bool)> = None;
    let mut depth = 0usize;
    walk(styles, STYLES, archive, limits, &mut |event| {
        match event {
            Xml::Open(name, _) => {
                depth += 1;
                if open.is_none() {
                    match name {
                        b"header" | b"header-left" | b"header-first" => open = Some((depth, false, false)),
                        b"footer" | b"footer-left" | b"footer-first" => open = Some((depth, true, false)),
                        _ => {}
                    }
                }
            }
            Xml::Close(_) => {
                if let Some((at, footer, text)) = open {
                    if at == depth {
                        if text {
                            *if footer { &mut footers } else { &mut headers } += 1;
                        }
                        open = None;
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Xml::Text(s) => {
                if let Some((_, _, text)) = open.as_mut() {
                    *text |= !s.trim().is_empty();
                }
            }
        }
        Ok(())
    })?;
    Ok((headers, footers))
}
