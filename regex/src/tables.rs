//! The Unicode tables of regex's `\d`, `\s` and `\w`: `DECIMAL_NUMBER`, `WHITE_SPACE`
//! and `PERL_WORD`, sorted and disjoint `(first, last)` char ranges, written at build
//! time by `build.rs` from regex-syntax (the `regex` crate's parser), so that label
//! patterns match exactly what the `regex` crate would match.

include!(concat!(env!("OUT_DIR"), "/tables.rs"));
