//! Writing the tables into the output folder: one file per table in CSV (`DIR/terms.csv`,
//! a header row), JSON Lines (`DIR/terms.jsonl`) or Parquet (`DIR/terms.parquet`; a table
//! of more than `rows_per_file` rows is split into `DIR/terms/part-00000.parquet`, …, each
//! part holding whole batches of documents). Each writer takes batches in document order
//! and holds none after writing it.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt32Array, UInt64Array};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::tables::{Kind, Table, TableRows, Values};
use crate::error::CliError;

/// A Parquet file holds at most this many rows (at a batch boundary, it may hold one
/// batch more); past it, the table is split into parts in a folder of its name.
pub const ROWS_PER_FILE: usize = 1_000_000;

/// Rows per Parquet row group: what the writer buffers before it writes.
const ROWS_PER_GROUP: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Apache Parquet, typed columns, Snappy-compressed.
    Parquet,
    /// CSV with a header row; nulls are empty fields, lists are joined with `|`.
    Csv,
    /// JSON Lines: one object a row.
    Jsonl,
}

impl TableFormat {
    fn extension(self) -> &'static str {
        match self {
            TableFormat::Parquet => "parquet",
            TableFormat::Csv => "csv",
            TableFormat::Jsonl => "jsonl",
        }
    }
}

/// The writer of one table.
pub enum TableWriter {
    Csv { path: PathBuf, writer: Box<csv::Writer<BufWriter<File>>> },
    Jsonl { path: PathBuf, writer: BufWriter<File> },
    Parquet(Box<ParquetTable>),
}

fn failed(path: &Path, e: impl std::fmt::Display) -> CliError {
    CliError::failure(format!("{}: {e}", path.display()))
}

fn create(path: &Path) -> Result<BufWriter<File>, CliError> {
    File::create(path).map(BufWriter::new).map_err(|e| failed(path, e))
}

impl TableWriter {
    /// Creates `table`'s file in `dir` (removing the parts a previous run left there).
    pub fn create(dir: &Path, table: Table, format: TableFormat, rows_per_file: usize) -> Result<Self, CliError> {
        let path = dir.join(format!("{}.{}", table.name(), format.extension()));
        match format {
            TableFormat::Csv => {
                let mut writer = csv::Writer::from_writer(create(&path)?);
                writer.write_record(table.columns().iter().map(|c| c.name)).map_err(|e| failed(&path, e))?;
                Ok(TableWriter::Csv { path, writer: Box::new(writer) })
            }
            TableFormat::Jsonl => Ok(TableWriter::Jsonl { writer: create(&path)?, path }),
            TableFormat::Parquet => {
                let parts = dir.join(table.name());
                remove_parts(&parts)?;
                let schema = schema(table);
                let writer = parquet_writer(&path, &schema)?;
                Ok(TableWriter::Parquet(Box::new(ParquetTable {
                    path,
                    parts,
                    schema,
                    writer: Some(writer),
                    rows_in_file: 0,
                    part: 0,
                    rows_per_file: rows_per_file.max(1),
                })))
            }
        }
    }

    pub fn write(&mut self, rows: &TableRows) -> Result<(), CliError> {
        match self {
            TableWriter::Csv { path, writer } => write_csv(writer, rows).map_err(|e| failed(path, e)),
            TableWriter::Jsonl { path, writer } => write_jsonl(writer, rows).map_err(|e| failed(path, e)),
            TableWriter::Parquet(p) => p.write(rows),
        }
    }

    pub fn finish(self) -> Result<(), CliError> {
        match self {
            TableWriter::Csv { path, writer } => {
                let mut inner = (*writer).into_inner().map_err(|e| failed(&path, e.error()))?;
                inner.flush().map_err(|e| failed(&path, e))
            }
            TableWriter::Jsonl { path, mut writer } => writer.flush().map_err(|e| failed(&path, e)),
            TableWriter::Parquet(p) => p.finish(),
        }
    }
}

fn write_csv(w: &mut csv::Writer<BufWriter<File>>, rows: &TableRows) -> csv::Result<()> {
    let mut record: Vec<String> = Vec::with_capacity(rows.columns.len());
    for i in 0..rows.rows {
        record.clear();
        for values in &rows.columns {
            record.push(csv_cell(values, i));
        }
        w.write_record(&record)?;
    }
    Ok(())
}

fn opt<T: ToString>(v: Option<&Option<T>>) -> String {
    v.and_then(Option::as_ref).map(ToString::to_string).unwrap_or_default()
}

fn csv_cell(values: &Values, i: usize) -> String {
    match values {
        Values::U32(v) => opt(v.get(i)),
        Values::U64(v) => opt(v.get(i)),
        Values::F64(v) => opt(v.get(i)),
        Values::Bool(v) => opt(v.get(i)),
        Values::Str(v) => v.get(i).and_then(Option::clone).unwrap_or_default(),
        Values::StrList(v) => v.get(i).map(|l| l.join("|")).unwrap_or_default(),
    }
}

fn write_jsonl(w: &mut BufWriter<File>, rows: &TableRows) -> std::io::Result<()> {
    let columns = rows.table.columns();
    let mut line = Vec::new();
    for i in 0..rows.rows {
        line.clear();
        line.push(b'{');
        for (n, (column, values)) in columns.iter().zip(&rows.columns).enumerate() {
            if n > 0 {
                line.push(b',');
            }
            serde_json::to_writer(&mut line, column.name)?;
            line.push(b':');
            match values {
                Values::U32(v) => serde_json::to_writer(&mut line, &v.get(i).copied().flatten())?,
                Values::U64(v) => serde_json::to_writer(&mut line, &v.get(i).copied().flatten())?,
                Values::F64(v) => serde_json::to_writer(&mut line, &v.get(i).copied().flatten())?,
                Values::Bool(v) => serde_json::to_writer(&mut line, &v.get(i).copied().flatten())?,
                Values::Str(v) => serde_json::to_writer(&mut line, &v.get(i).and_then(Option::as_deref))?,
                Values::StrList(v) => serde_json::to_writer(&mut line, &v.get(i))?,
            }
        }
        line.extend_from_slice(b"}\n");
        w.write_all(&line)?;
    }
    Ok(())
}

/// The Arrow schema of `table`.
pub fn schema(table: Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns()
        .iter()
        .map(|c| {
            let t = match c.kind {
                Kind::U32 => DataType::UInt32,
                Kind::U64 => DataType::UInt64,
                Kind::F64 => DataType::Float64,
                Kind::Bool => DataType::Boolean,
                Kind::Str => DataType::Utf8,
                Kind::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            };
            Field::new(c.name, t, c.nullable)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// `rows` as an Arrow record batch of `schema`.
pub fn record_batch(schema: &SchemaRef, rows: &TableRows) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let arrays: Vec<ArrayRef> = rows
        .columns
        .iter()
        .map(|values| -> ArrayRef {
            match values {
                Values::U32(v) => Arc::new(UInt32Array::from(v.clone())),
                Values::U64(v) => Arc::new(UInt64Array::from(v.clone())),
                Values::F64(v) => Arc::new(Float64Array::from(v.clone())),
                Values::Bool(v) => Arc::new(BooleanArray::from(v.clone())),
                Values::Str(v) => Arc::new(v.iter().map(Option::as_deref).collect::<StringArray>()),
                Values::StrList(v) => {
                    let mut b = ListBuilder::new(StringBuilder::new());
                    for list in v {
                        for s in list {
                            b.values().append_value(s);
                        }
                        b.append(true);
                    }
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    RecordBatch::try_new(schema.clone(), arrays)
}

fn parquet_writer(path: &Path, schema: &SchemaRef) -> Result<ArrowWriter<BufWriter<File>>, CliError> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
        .set_created_by(format!("colloquy {}", env!("CARGO_PKG_VERSION")))
        .build();
    ArrowWriter::try_new(create(path)?, schema.clone(), Some(props)).map_err(|e| failed(path, e))
}

/// Removes the `part-NNNNN.parquet` files of an earlier run from `parts` (a folder that
/// may not exist), and the folder when that leaves it empty.
fn remove_parts(parts: &Path) -> Result<(), CliError> {
    let Ok(entries) = fs::read_dir(parts) else { return Ok(()) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("part-") && name.ends_with(".parquet") {
            fs::remove_file(entry.path()).map_err(|e| failed(&entry.path(), e))?;
        }
    }
    let _ = fs::remove_dir(parts);
    Ok(())
}

/// A Parquet table: one file until it holds `rows_per_file` rows, then parts.
pub struct ParquetTable {
    /// `DIR/<table>.parquet`.
    path: PathBuf,
    /// `DIR/<table>/`, where the parts go.
    parts: PathBuf,
    schema: SchemaRef,
    writer: Option<ArrowWriter<BufWriter<File>>>,
    rows_in_file: usize,
    /// The number of the file being written, once parted.
    part: usize,
    rows_per_file: usize,
}

impl ParquetTable {
    fn part_path(&self, part: usize) -> PathBuf {
        self.parts.join(format!("part-{part:05}.parquet"))
    }

    fn current_path(&self) -> PathBuf {
        if self.part == 0 {
            self.path.clone()
        } else {
            self.part_path(self.part)
        }
    }

    fn close_current(&mut self) -> Result<(), CliError> {
        let path = self.current_path();
        if let Some(mut w) = self.writer.take() {
            w.finish().map_err(|e| failed(&path, e))?;
            w.inner_mut().flush().map_err(|e| failed(&path, e))?;
        }
        Ok(())
    }

    fn write(&mut self, rows: &TableRows) -> Result<(), CliError> {
        if rows.rows == 0 {
            return Ok(());
        }
        if self.rows_in_file >= self.rows_per_file {
            self.close_current()?;
            if self.part == 0 {
                // The table outgrows one file: its first file becomes part 0.
                fs::create_dir_all(&self.parts).map_err(|e| failed(&self.parts, e))?;
                let first = self.part_path(0);
                fs::rename(&self.path, &first).map_err(|e| failed(&first, e))?;
            }
            self.part += 1;
            self.writer = Some(parquet_writer(&self.current_path(), &self.schema)?);
            self.rows_in_file = 0;
        }
        let path = self.current_path();
        let batch = record_batch(&self.schema, rows).map_err(|e| failed(&path, e))?;
        match self.writer.as_mut() {
            Some(w) => w.write(&batch).map_err(|e| failed(&path, e))?,
            None => return Err(failed(&path, "closed")),
        }
        self.rows_in_file += rows.rows;
        Ok(())
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.close_current()
    }
}
