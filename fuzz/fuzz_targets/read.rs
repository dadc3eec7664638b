//! Reading files (`colloquy::read`) on arbitrary bytes under any name, with small
//! limits: no panic, no hang; text within the limit; what is read is analysed.
#![no_main]

use colloquy::read::{read, ReadLimits, Source, SourceFormat};
use libfuzzer_sys::fuzz_target;

const NAMES: &[Option<&str>] = &[
    None,
    Some("t.docx"),
    Some("t.odt"),
    Some("t.rtf"),
    Some("t.html"),
    Some("t.json"),
    Some("t.csv"),
    Some("t.txt"),
    Some("t.zip"),
    Some("t.pdf"),
];

fuzz_target!(|input: (u8, &[u8])| {
    let (pick, bytes) = input;
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let limits = ReadLimits { max_text_bytes: 1 << 20, max_entry_bytes: 1 << 20, max_depth: 64 };
    if let Ok(read) = read(&Source { bytes, name, media_type: None }, &limits) {
        match read.source {
            SourceFormat::Text => assert_eq!(read.text.as_bytes(), bytes),
            _ => assert!(read.text.len() <= limits.max_text_bytes),
        }
        let _ = colloquy::analyse(&read.text, &colloquy::Options::default());
    }
});
