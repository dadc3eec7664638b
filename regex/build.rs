//! Writes `tables.rs` into `OUT_DIR`: the ranges of `\d`, `\s` and `\w` as the `regex`
//! crate reads them (Unicode `Decimal_Number`, `White_Space` and its word class), taken
//! from regex-syntax, the parser the `regex` crate itself uses. The tables follow the
//! Unicode version of that regex-syntax (Cargo.lock holds the one the `regex` crate uses),
//! and the source holds no copy of them.

use std::fmt::Write;

use regex_syntax::hir::{Class, HirKind};

/// `(constant, class, what it is)`.
const TABLES: [(&str, &str, &str); 3] = [
    ("DECIMAL_NUMBER", r"\d", "`\\d`: `Decimal_Number` (Nd)."),
    ("WHITE_SPACE", r"\s", "`\\s`: `White_Space`."),
    ("PERL_WORD", r"\w", "`\\w`: `Alphabetic`, `M`, `Nd`, `Pc` and `Join_Control`."),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    for (name, class, doc) in TABLES {
        let hir = regex_syntax::ParserBuilder::new().build().parse(class).unwrap();
        let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
            panic!("{class} is a Unicode class, not {hir:?}");
        };
        writeln!(out, "/// {doc}").unwrap();
        writeln!(out, "pub(crate) const {name}: &[(char, char)] = &[").unwrap();
        for r in class.ranges() {
            writeln!(out, "    ({:?}, {:?}),", r.start(), r.end()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    std::fs::write(path, out).unwrap();
}
