//! One fixture per transcript format, snapshotted: speakers, turns, speech segments,
//! views and diagnostics.

use colloquy::Options;

use crate::render::render;

#[test]
fn formats() {
    insta::glob!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats"), "*.*", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        insta::assert_snapshot!(render(&text, &Options::default()));
    });
}
