//! Hostile files: zip bombs, truncated archives, entity expansion, deep nesting and
//! big inputs end in a clear error or a bounded read, never a panic, a hang or an
//! allocation past the limits.

use colloquy::read::{read, ReadError, ReadErrorKind, ReadLimits, Source, SourceFormat};

use super::build::{self, zip};
use super::{read_ok, TRANSCRIPT};

fn error(bytes: &[u8], name: &str, limits: &ReadLimits) -> ReadError {
    match read(&Source::named(bytes, name), limits) {
        Ok(read) => panic!("{name} was read: {:?}", read.text.get(..200)),
        Err(e) => e,
    }
}

const DOCUMENT_START: &str = "<w:document xmlns:w=\"w\"><w:body>";

/// A document.xml of `n` paragraphs of `x`s (compresses to almost nothing).
fn big_document(n: usize) -> Vec<u8> {
    let paragraph = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "x".repeat(1000));
    let mut xml = String::from(DOCUMENT_START);
    for _ in 0..n {
        xml.push_str(&paragraph);
    }
    xml.push_str("</w:body></w:document>");
    xml.into_bytes()
}

#[test]
fn a_zip_bomb_stops_at_the_entry_limit() {
    let docx = zip(&[("word/document.xml", &big_document(2_000))]);
    assert!(docx.len() < 100_000, "{}", docx.len());
    let limits = ReadLimits { max_entry_bytes: 1 << 20, ..ReadLimits::default() };
    let e = error(&docx, "bomb.docx", &limits);
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
    assert_eq!(
        e.message,
        "This .docx file is too large to read: its part word/document.xml holds over 1 MiB uncompressed."
    );
    // Under the default limits it reads.
    assert!(read_ok(&docx, "bomb.docx").text.len() > 1_900_000);
}

/// Rewrites the uncompressed size a ZIP declares for every entry (local header and
/// central directory) to `size`.
fn declare_size(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let mut at = 0;
    while at + 4 <= zip.len() {
        let offset = match zip.get(at..at + 4) {
            Some(b"PK\x03\x04") => Some(22),
            Some(b"PK\x01\x02") => Some(24),
            _ => None,
        };
        if let Some(offset) = offset {
            if let Some(field) = zip.get_mut(at + offset..at + offset + 4) {
                field.copy_from_slice(&size.to_le_bytes());
            }
        }
        at += 1;
    }
    zip
}

#[test]
fn an_entry_declared_small_that_expands_past_the_limit() {
    let docx = declare_size(zip(&[("word/document.xml", &big_document(2_000))]), 100);
    let limits = ReadLimits { max_entry_bytes: 1 << 20, ..ReadLimits::default() };
    let e = error(&docx, "liar.docx", &limits);
    // Stopped at the limit (too large) or at the lie (damaged): never read whole.
    assert!(matches!(e.kind, ReadErrorKind::TooLarge | ReadErrorKind::Damaged), "{e:?}");
}

#[test]
fn an_entry_declaring_a_huge_size_is_refused_before_reading() {
    let docx = declare_size(build::docx(TRANSCRIPT), u32::MAX - 1);
    let e = error(&docx, "huge.docx", &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::TooLarge, "{e:?}");
}

#[test]
fn truncated_archives_are_damaged() {
    let docx = build::docx(TRANSCRIPT);
    for cut in [docx.len() - 1, docx.len() - 30, docx.len() / 2, 10] {
        let e = error(docx.get(..cut).unwrap_or_default(), "cut.docx", &ReadLimits::default());
        assert_eq!(e.kind, ReadErrorKind::Damaged, "cut at {cut}: {e:?}");
        assert!(e.message.starts_with("This .docx file is damaged: "), "{}", e.message);
    }
    let e = error(&docx[..docx.len() / 2], "cut.zip", &ReadLimits::default());
    assert!(e.message.starts_with("This ZIP archive is damaged: its archive ends early"), "{}", e.message);
}

/// Sets bits `set` of the general purpose flags and the compression method of every
/// entry (local header and central directory).
fn patch_entries(mut zip: Vec<u8>, set: u16, method: Option<u16>) -> Vec<u8> {
    let mut at = 0;
    while at + 4 <= zip.len() {
        let flags = match zip.get(at..at + 4) {
            Some(b"PK\x03\x04") => Some(at + 6),
            Some(b"PK\x01\x02") => Some(at + 8),
            _ => None,
        };
        if let Some(flags) = flags {
            let old = u16::from_le_bytes([zip[flags], zip[flags + 1]]);
            zip[flags..flags + 2].copy_from_slice(&(old | set).to_le_bytes());
            if let Some(method) = method {
                zip[flags + 2..flags + 4].copy_from_slice(&method.to_le_bytes());
            }
        }
        at += 1;
    }
    zip
}

#[test]
fn password_protected_and_other_compression_methods_are_refused() {
    let docx = build::docx(TRANSCRIPT);
    let e = error(&patch_entries(docx.clone(), 1, None), "secret.docx", &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    assert_eq!(e.message, "This .docx file is password-protected: save it without a password and open it again.");
    // LZMA (14), not built in.
    let e = error(&patch_entries(docx, 0, Some(14)), "lzma.docx", &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    assert_eq!(e.message, "This .docx file uses a compression method colloquy cannot read (method 14).");
}

#[test]
fn a_corrupt_entry_is_damaged() {
    // A byte of the document's Deflate stream changed: its checksum (or the stream) fails.
    let docx = zip(&[("word/document.xml", &big_document(10))]);
    let data = 30 + "word/document.xml".len();
    for at in [data + 20, data + 40] {
        let mut bad = docx.clone();
        bad[at] ^= 0x55;
        let e = error(&bad, "bad.docx", &ReadLimits::default());
        assert_eq!(e.kind, ReadErrorKind::Damaged, "{e:?}");
        assert!(e.message.starts_with("This .docx file is damaged: its part word/document.xml is"), "{}", e.message);
    }
}

#[test]
fn malformed_xml_is_damaged_with_its_part_named() {
    for xml in [
        "<w:document><w:body><w:p></w:r></w:body></w:document>",
        "<w:document><w:body><w:p a=\"1></w:p></w:body></w:document>",
        "<w:document><w:body><!-- not closed",
    ] {
        let e = error(&zip(&[("word/document.xml", xml.as_bytes())]), "bad.docx", &ReadLimits::default());
        assert_eq!(e.kind, ReadErrorKind::Damaged, "{xml}: {e:?}");
        assert!(
            e.message.starts_with("This .docx file is damaged: its part word/document.xml is not well-formed XML ("),
            "{}",
            e.message
        );
    }
}

#[test]
fn other_archives_and_binaries_are_named() {
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    let e = error(&xlsx, "book.xlsx", &ReadLimits::default());
    assert_eq!((e.kind, e.looks_like), (ReadErrorKind::Unsupported, Some("ZIP archive")));
    assert_eq!(e.message, "This file is an Excel workbook, not a Word document.");
    let e = error(b"%PDF-1.7\n%\xE2\xE3", "talk.pdf", &ReadLimits::default());
    if cfg!(feature = "pdf") {
        // Read (tests/it/read/pdf.rs), and this one is cut short.
        assert_eq!((e.kind, e.looks_like), (ReadErrorKind::Damaged, None));
    } else {
        // The web page loads its PDF reader when it sees `looks_like` "PDF".
        assert_eq!((e.kind, e.looks_like), (ReadErrorKind::Unsupported, Some("PDF")));
        assert!(e.message.contains("needs colloquy's PDF reader"), "{}", e.message);
    }
    let e = error(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "talk.doc", &ReadLimits::default());
    assert!(e.message.contains(".doc"), "{}", e.message);
    let e = error(b"\xFF\xFEA\0:\0", "u16.txt", &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Utf16);
    let e = error(b"A: hi\nB: caf\xE9", "latin1.txt", &ReadLimits::default());
    assert_eq!((e.kind, e.offset, e.line), (ReadErrorKind::NotUtf8, Some(12), Some(2)));
}

#[test]
fn entities_are_never_expanded() {
    let lol = "<!DOCTYPE w:document [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol9 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
    let xml = format!("<?xml version=\"1.0\"?>{lol}{DOCUMENT_START}<w:p><w:r><w:t>Alice: &lol9; &amp; &#233;&#x1F600; &unknown;</w:t></w:r></w:p></w:body></w:document>");
    let read = read_ok(&zip(&[("word/document.xml", xml.as_bytes())]), "lol.docx");
    assert_eq!(read.text, "Alice:  & \u{e9}\u{1F600} \n");
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let limits = ReadLimits::default();
    let n = 100_000;
    let xml = format!("{DOCUMENT_START}{}{}</w:body></w:document>", "<w:sdt>".repeat(n), "</w:sdt>".repeat(n));
    let e = error(&zip(&[("word/document.xml", xml.as_bytes())]), "deep.docx", &limits);
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
    assert!(e.message.contains("nested more than 256 levels"), "{}", e.message);

    let html = format!("<!doctype html>{}x", "<div>".repeat(n));
    assert_eq!(error(html.as_bytes(), "deep.html", &limits).kind, ReadErrorKind::TooLarge);
    // Inline elements are not tracked: a page of unclosed <font> tags reads.
    let fonts = format!("<!doctype html>{}Alice: Hi.", "<font>".repeat(n));
    assert_eq!(read_ok(fonts.as_bytes(), "fonts.html").text, "Alice: Hi.\n");

    let json = format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(error(json.as_bytes(), "deep.json", &limits).kind, ReadErrorKind::TooLarge);
    let json = format!("{{\"segments\":{}{}}}", "[".repeat(300), "]".repeat(300));
    assert_eq!(error(json.as_bytes(), "deep.json", &limits).kind, ReadErrorKind::TooLarge);

    let rtf = format!("{{\\rtf1 {}x{}}}", "{".repeat(n), "}".repeat(n));
    assert_eq!(error(rtf.as_bytes(), "deep.rtf", &limits).kind, ReadErrorKind::TooLarge);
    let shallow = ReadLimits { max_depth: 4, ..limits };
    let e = error(&build::docx(TRANSCRIPT), "t.docx", &shallow);
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
}

#[test]
fn text_past_the_limit_is_too_large() {
    let small = ReadLimits { max_text_bytes: 100, ..ReadLimits::default() };
    for (name, bytes) in [
        ("t.docx", build::docx(TRANSCRIPT)),
        ("t.odt", build::odt(TRANSCRIPT)),
        ("t.rtf", build::rtf(TRANSCRIPT)),
        ("t.html", build::html(TRANSCRIPT)),
    ] {
        let e = error(&bytes, name, &small);
        assert_eq!(e.kind, ReadErrorKind::TooLarge, "{name}");
        assert!(e.message.ends_with("its text is over 100 bytes."), "{}", e.message);
    }
    // `text:s` asks for many spaces from a few bytes: capped, and counted.
    let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text><text:p>a<text:s text:c=\"999999999999\"/>b</text:p></office:text></office:body></office:document-content>";
    let odt = zip(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", content.as_bytes())]);
    assert_eq!(read_ok(&odt, "s.odt").text.len(), 1024 + 3);
    // Plain text is the file itself: never too large.
    assert_eq!(read(&Source::new(&[b'a'; 1000]), &small).map(|r| r.source).ok(), Some(SourceFormat::Text));
}

#[test]
fn a_100_mb_page_and_json_read_within_bounds() {
    // 100 MB of HTML with one short paragraph: the rest is markup and script.
    let mut page = String::with_capacity(100 << 20);
    page.push_str("<!doctype html><p>Alice: Hi.</p><script>");
    while page.len() < 100 << 20 {
        page.push_str("var x = '<p>not text</p>';\n");
    }
    page.push_str("</script>");
    assert_eq!(read_ok(page.as_bytes(), "big.html").text, "Alice: Hi.\n");
    let limits = ReadLimits { max_text_bytes: 1 << 20, ..ReadLimits::default() };
    let mut json = String::from("{\"segments\":[");
    while json.len() < 10 << 20 {
        json.push_str("{\"speaker\":\"A\",\"text\":\"<<<<<<<<<<<<<<<<<<<<\"},");
    }
    json.push_str("{\"text\":\"end\"}]}");
    assert_eq!(error(json.as_bytes(), "big.json", &limits).kind, ReadErrorKind::TooLarge);
}
