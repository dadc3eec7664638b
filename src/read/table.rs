//! The text of a document with tables (`.docx`, `.odt`): a table row is one line, its
//! cells joined by tabs, each cell's paragraphs joined by spaces; a table inside a cell
//! is read into that cell the same way, its rows joined by spaces.

use super::sink::Sink;
use super::ReadError;

/// Where a document's text goes: the sink, or the cell of the innermost open table.
pub(crate) struct Tables {
    sink: Sink,
    tables: Vec<Table>,
}

#[derive(Default)]
struct Table {
    /// The row's finished cells.
    cells: Vec<String>,
    /// The cell being read.
    cell: Option<String>,
}

impl Tables {
    pub fn new(sink: Sink) -> Tables {
        Tables { sink, tables: Vec::new() }
    }

    /// The open cell, if the innermost table has one.
    fn cell(&mut self) -> Option<&mut String> {
        self.tables.last_mut().and_then(|t| t.cell.as_mut())
    }

    /// Text (or a tab or a line break inside a paragraph).
    pub fn push_str(&mut self, s: &str) -> Result<(), ReadError> {
        match self.cell() {
            Some(cell) => {
                cell.push_str(s);
                Ok(())
            }
            None => self.sink.push_str(s),
        }
    }

    /// Character data of a run.
    pub fn text(&mut self, s: &str) -> Result<(), ReadError> {
        self.push_str(s)
    }

    /// The last text written outside tables, for whitespace decisions.
    pub fn ends_with_space(&mut self) -> bool {
        match self.cell() {
            Some(cell) => cell.is_empty() || cell.ends_with([' ', '\n', '\t']),
            None => self.sink.at_line_start() || self.sink.text.ends_with([' ', '\t']),
        }
    }

    /// Removes trailing spaces of the current line (or cell).
    pub fn trim_spaces(&mut self) {
        match self.cell() {
            Some(cell) => {
                let kept = cell.trim_end_matches(' ').len();
                cell.truncate(kept);
            }
            None => {
                let kept = self.sink.text.trim_end_matches(' ').len();
                self.sink.text.truncate(kept);
            }
        }
    }

    /// A paragraph ends: a line break (a space inside a cell).
    pub fn end_paragraph(&mut self) -> Result<(), ReadError> {
        self.push_str("\n")
    }

    pub fn open_table(&mut self) {
        self.tables.push(Table::default());
    }

    pub fn open_row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.cell = None;
            table.cells.clear();
        }
    }

    pub fn open_cell(&mut self) {
        self.close_cell();
        if let Some(table) = self.tables.last_mut() {
            table.cell = Some(String::new());
        }
    }

    pub fn close_cell(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            if let Some(cell) = table.cell.take() {
                let words: Vec<&str> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                table.cells.push(words.join(" "));
            }
        }
    }

    /// A row ends: its cells become one line.
    pub fn close_row(&mut self) -> Result<(), ReadError> {
        self.close_cell();
        let Some(table) = self.tables.last_mut() else { return Ok(()) };
        if table.cells.is_empty() {
            return Ok(());
        }
        let line = std::mem::take(&mut table.cells).join("\t");
        let line = line.trim_end();
        let depth = self.tables.len();
        match self.tables.get_mut(depth.wrapping_sub(2)).and_then(|outer| outer.cell.as_mut()) {
            Some(outer) => {
                outer.push_str(line);
                outer.push('\n');
                Ok(())
            }
            None => {
                self.sink.push_str(line)?;
                self.sink.push_str("\n")
            }
        }
    }

    pub fn close_table(&mut self) -> Result<(), ReadError> {
        self.close_row()?;
        self.tables.pop();
        Ok(())
    }

    /// Closes what is still open and returns the text.
    pub fn finish(mut self) -> Result<String, ReadError> {
        while !self.tables.is_empty() {
            self.close_table()?;
        }
        Ok(self.sink.text)
    }
}
