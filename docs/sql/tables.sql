-- The tables of `colloquy corpus talks/ --out out` as DuckDB views. A table split into
-- parts (more than 1,000,000 rows) is read as 'out/terms/*.parquet' instead.
CREATE VIEW documents AS SELECT * FROM read_parquet('out/documents.parquet');
CREATE VIEW speakers AS SELECT * FROM read_parquet('out/speakers.parquet');
CREATE VIEW terms AS SELECT * FROM read_parquet('out/terms.parquet');
CREATE VIEW phrases AS SELECT * FROM read_parquet('out/phrases.parquet');
CREATE VIEW turns AS SELECT * FROM read_parquet('out/turns.parquet');
