//! Documents built from [`TRANSCRIPT`] read back to the same speakers, words and turns
//! as its plain text; what was left out is said; a few reads snapshotted.

use colloquy::read::SourceFormat;

use super::build;
use super::{plain, profile, read_ok, TRANSCRIPT};

#[test]
fn plain_text_is_returned_byte_for_byte() {
    let text = format!("\u{feff}{}", plain());
    let read = read_ok(text.as_bytes(), "talk.txt");
    assert_eq!(read.source, SourceFormat::Text);
    assert_eq!(read.text, text);
    assert!(read.notes.is_empty());
    let vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Alice>Hi.\n";
    assert_eq!(read_ok(vtt.as_bytes(), "talk.vtt").text, vtt);
}

#[test]
fn docx_reads_as_its_transcript() {
    let read = read_ok(&build::docx(TRANSCRIPT), "talk.docx");
    assert_eq!(read.source, SourceFormat::Docx);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.notes, ["left out 1 comment, 1 tracked deletion, 1 footnote and 1 header"]);
    assert!(!read.text.contains("Deleted") && !read.text.contains("Fallback") && !read.text.contains("PAGE"));
    snapshot!("docx", read.text);
}

#[test]
fn a_zip64_docx_reads_as_its_transcript() {
    let docx = build::docx_in(TRANSCRIPT, build::zip64);
    // The ZIP64 end of central directory record and its locator are there.
    assert!(docx.windows(4).any(|w| w == b"PK\x06\x06") && docx.windows(4).any(|w| w == b"PK\x06\x07"));
    let read = read_ok(&docx, "talk.docx");
    assert_eq!(read.source, SourceFormat::Docx);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.text, read_ok(&build::docx(TRANSCRIPT), "talk.docx").text);
}

#[test]
fn odt_reads_as_its_transcript() {
    let read = read_ok(&build::odt(TRANSCRIPT), "talk.odt");
    assert_eq!(read.source, SourceFormat::Odt);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.notes, ["left out 1 comment, 1 tracked deletion, 1 footnote or endnote and 1 header"]);
    assert!(!read.text.contains("Deleted") && !read.text.contains("footnote"));
    snapshot!("odt", read.text);
}

#[test]
fn rtf_reads_as_its_transcript() {
    let read = read_ok(&build::rtf(TRANSCRIPT), "talk.rtf");
    assert_eq!(read.source, SourceFormat::Rtf);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.notes, ["left out 1 comment, 1 tracked deletion, 1 footnote and 1 header"]);
    snapshot!("rtf", read.text);
}

#[test]
fn html_reads_as_its_transcript() {
    let read = read_ok(&build::html(TRANSCRIPT), "talk.html");
    assert_eq!(read.source, SourceFormat::Html);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.notes, ["left out the page's navigation, header and footer", "left out 1 sidebar"]);
    assert!(!read.text.contains("Home") && !read.text.contains("track") && !read.text.contains("2024"));
    snapshot!("html", read.text);
}

#[test]
fn non_ascii_survives_every_document_format() {
    let turns: &[(&str, &str)] =
        &[("Zoë", "Ça va? Сегодня хорошо 😀."), ("Ōta", "Sì, d'accord & <ok>."), ("Zoë", "Bien.")];
    let plain: String = turns.iter().map(|(w, s)| format!("{w}: {s}\n")).collect();
    for (name, bytes) in [
        ("t.docx", build::docx(turns)),
        ("t.odt", build::odt(turns)),
        ("t.rtf", build::rtf(turns)),
        ("t.html", build::html(turns)),
    ] {
        let read = read_ok(&bytes, name);
        assert_eq!(profile(&read.text), profile(&plain), "{name}: {}", read.text);
        assert!(read.text.contains("Сегодня хорошо 😀") && read.text.contains("Ōta"), "{name}: {}", read.text);
    }
}

#[test]
fn content_decides_and_the_name_breaks_ties() {
    // A .docx name on plain text: read as text, and said.
    let read = read_ok(plain().as_bytes(), "talk.docx");
    assert_eq!((read.source, read.text.as_str()), (SourceFormat::Text, plain().as_str()));
    assert_eq!(read.notes, ["read as plain text: the content is not that of a .docx file"]);
    // A web page named .txt is still a web page; a fragment is one only when named so.
    assert_eq!(read_ok(&build::html(TRANSCRIPT), "talk.txt").source, SourceFormat::Html);
    assert_eq!(read_ok(b"<p>Alice: Hi.</p>", "talk.htm").text, "Alice: Hi.\n");
    assert_eq!(read_ok(b"<p>Alice: Hi.</p>", "talk.txt").source, SourceFormat::Text);
    // An .odt named .docx is an .odt.
    assert_eq!(read_ok(&build::odt(TRANSCRIPT), "talk.docx").source, SourceFormat::Odt);
}

#[test]
fn a_windows_1252_page_is_decoded_by_its_charset() {
    let page =
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>Alice: caf\xe9 \x93ok\x94</p></body></html>";
    assert_eq!(read_ok(page, "old.html").text, "Alice: caf\u{e9} \u{201C}ok\u{201D}\n");
}
