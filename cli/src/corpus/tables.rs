//! The five long tables `colloquy corpus --out` writes (docs/corpus-tables.md), as typed
//! columns: a [`Batch`] holds the rows of a run of documents, table by table, in
//! document order, and each writer (`writers.rs`) writes a batch the same way in every
//! format.

use colloquy::DocumentTables;

/// A column's type. Every type but `Bool` and `StrList` may hold nulls where the column
/// is nullable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    U32,
    U64,
    F64,
    Bool,
    Str,
    /// A list of strings (`top_terms`): a Parquet list, a JSON array, `|`-joined in CSV.
    StrList,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind, nullable: false }
}

const fn nullable(name: &'static str, kind: Kind) -> Column {
    Column { name, kind, nullable: true }
}

/// The tables, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Documents,
    Speakers,
    Terms,
    Phrases,
    Turns,
}

pub const TABLES: [Table; 5] = [Table::Documents, Table::Speakers, Table::Terms, Table::Phrases, Table::Turns];

const DOCUMENTS: &[Column] = &[
    col("document", Kind::U32),
    col("name", Kind::Str),
    nullable("date", Kind::Str),
    nullable("group", Kind::Str),
    col("format", Kind::Str),
    nullable("language", Kind::Str),
    col("bytes", Kind::U64),
    col("words", Kind::U64),
    col("types", Kind::U64),
    col("sentences", Kind::U64),
    col("turns", Kind::U64),
    col("speakers", Kind::U64),
    col("top_terms", Kind::StrList),
];

const SPEAKERS: &[Column] = &[
    col("document", Kind::U32),
    col("speaker", Kind::Str),
    col("speaker_key", Kind::Str),
    col("attributed", Kind::Bool),
    col("words", Kind::U64),
    col("share", Kind::F64),
    col("turns", Kind::U64),
];

const TERMS: &[Column] = &[
    col("document", Kind::U32),
    col("speaker", Kind::Str),
    col("speaker_key", Kind::Str),
    col("term", Kind::Str),
    col("count", Kind::U64),
];

const PHRASES: &[Column] =
    &[col("document", Kind::U32), col("phrase", Kind::Str), col("n", Kind::U32), col("count", Kind::U64)];

const TURNS: &[Column] = &[
    col("document", Kind::U32),
    col("turn", Kind::U64),
    col("speaker", Kind::Str),
    col("speaker_key", Kind::Str),
    col("words", Kind::U64),
    nullable("start_ms", Kind::U64),
    nullable("end_ms", Kind::U64),
];

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Speakers => "speakers",
            Table::Terms => "terms",
            Table::Phrases => "phrases",
            Table::Turns => "turns",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Documents => DOCUMENTS,
            Table::Speakers => SPEAKERS,
            Table::Terms => TERMS,
            Table::Phrases => PHRASES,
            Table::Turns => TURNS,
        }
    }
}

/// One column's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    U32(Vec<Option<u32>>),
    U64(Vec<Option<u64>>),
    F64(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    Str(Vec<Option<String>>),
    StrList(Vec<Vec<String>>),
}

impl Values {
    fn new(kind: Kind) -> Values {
        match kind {
            Kind::U32 => Values::U32(Vec::new()),
            Kind::U64 => Values::U64(Vec::new()),
            Kind::F64 => Values::F64(Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
            Kind::Str => Values::Str(Vec::new()),
            Kind::StrList => Values::StrList(Vec::new()),
        }
    }
}

/// One cell, as a row is pushed.
pub enum Cell {
    U32(u32),
    U64(u64),
    OptU64(Option<u64>),
    F64(f64),
    Bool(bool),
    Str(String),
    OptStr(Option<String>),
    StrList(Vec<String>),
}

/// The rows of one table for a run of documents, column by column.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    pub table: Table,
    pub columns: Vec<Values>,
    pub rows: usize,
}

impl TableRows {
    pub fn new(table: Table) -> TableRows {
        TableRows { table, columns: table.columns().iter().map(|c| Values::new(c.kind)).collect(), rows: 0 }
    }

    /// Appends a row; the cells follow the table's columns (checked in debug builds).
    fn push<const N: usize>(&mut self, cells: [Cell; N]) {
        debug_assert_eq!(N, self.columns.len(), "{:?}", self.table);
        for (values, cell) in self.columns.iter_mut().zip(cells) {
            match (values, cell) {
                (Values::U32(v), Cell::U32(x)) => v.push(Some(x)),
                (Values::U64(v), Cell::U64(x)) => v.push(Some(x)),
                (Values::U64(v), Cell::OptU64(x)) => v.push(x),
                (Values::F64(v), Cell::F64(x)) => v.push(Some(x)),
                (Values::Bool(v), Cell::Bool(x)) => v.push(Some(x)),
                (Values::Str(v), Cell::Str(x)) => v.push(Some(x)),
                (Values::Str(v), Cell::OptStr(x)) => v.push(x),
                (Values::StrList(v), Cell::StrList(x)) => v.push(x),
                (values, _) => debug_assert!(false, "a cell of the wrong type in {:?}: {values:?}", self.table),
            }
        }
        self.rows += 1;
    }
}

/// The five tables' rows for a run of consecutive documents.
pub struct Batch {
    pub tables: [TableRows; 5],
}

impl Batch {
    pub fn new() -> Batch {
        Batch { tables: TABLES.map(TableRows::new) }
    }

    /// Adds document number `document`'s rows.
    pub fn add(&mut self, document: u32, t: DocumentTables) {
        let [documents, speakers, terms, phrases, turns] = &mut self.tables;
        let d = t.document;
        documents.push([
            Cell::U32(document),
            Cell::Str(d.name),
            Cell::OptStr(d.date),
            Cell::OptStr(d.group),
            Cell::Str(d.format),
            Cell::OptStr(d.language),
            Cell::U64(d.bytes),
            Cell::U64(d.words),
            Cell::U64(d.types),
            Cell::U64(d.sentences),
            Cell::U64(d.turns),
            Cell::U64(d.speakers),
            Cell::StrList(d.top_terms),
        ]);
        for s in t.speakers {
            speakers.push([
                Cell::U32(document),
                Cell::Str(s.speaker),
                Cell::Str(s.speaker_key),
                Cell::Bool(s.attributed),
                Cell::U64(s.words),
                Cell::F64(s.share),
                Cell::U64(s.turns),
            ]);
        }
        for r in t.terms {
            terms.push([
                Cell::U32(document),
                Cell::Str(r.speaker),
                Cell::Str(r.speaker_key),
                Cell::Str(r.term),
                Cell::U64(r.count),
            ]);
        }
        for p in t.phrases {
            phrases.push([Cell::U32(document), Cell::Str(p.phrase), Cell::U32(p.n), Cell::U64(p.count)]);
        }
        for r in t.turns {
            turns.push([
                Cell::U32(document),
                Cell::U64(r.turn),
                Cell::Str(r.speaker),
                Cell::Str(r.speaker_key),
                Cell::U64(r.words),
                Cell::OptU64(r.start_ms),
                Cell::OptU64(r.end_ms),
            ]);
        }
    }
}
