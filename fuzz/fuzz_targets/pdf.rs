//! The PDF reader (`colloquy::read` with the feature `pdf`) on arbitrary bytes made to
//! start like a PDF, with small limits: no panic, no hang; text within the limit; what
//! is read is analysed. Its corpus starts from the PDFs in `tests/fixtures/read/`.
#![no_main]

use colloquy::read::{read, ReadLimits, Source, SourceFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let limits = ReadLimits { max_text_bytes: 1 << 20, max_entry_bytes: 1 << 20, max_depth: 64 };
    let mut pdf = Vec::with_capacity(bytes.len() + 9);
    if !bytes.starts_with(b"%PDF") {
        pdf.extend_from_slice(b"%PDF-1.7\n");
    }
    pdf.extend_from_slice(bytes);
    if let Ok(read) = read(&Source::named(&pdf, "t.pdf"), &limits) {
        assert_eq!(read.source, SourceFormat::Pdf);
        assert!(read.text.len() <= limits.max_text_bytes);
        let _ = colloquy::analyse(&read.text, &colloquy::Options::default());
    }
});
