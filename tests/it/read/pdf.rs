//! PDFs built here with pdf-writer, as Chromium prints them (Type0 fonts with glyph ids
//! and ToUnicode maps, one positioned run per line) or with a simple font, read back to
//! the same speakers, turns and words as the text they were made from: running headers,
//! footers with page numbers and printed line numbers left out; scans and hostile files
//! refused clearly.

use std::collections::BTreeMap;

use colloquy::read::{read, ReadError, ReadErrorKind, ReadLimits, Source, SourceFormat};
use pdf_writer::types::{CidFontType, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use proptest::prelude::*;

use super::{plain, profile, read_ok, TRANSCRIPT};

/// How the pages are laid out.
#[derive(Clone, Copy)]
pub struct Layout {
    /// A Type0 font with glyph ids (Chromium), else Helvetica with WinAnsi codes.
    pub cid: bool,
    /// Court style: 25 numbered lines a page, double spaced, no paragraph gaps.
    pub court: bool,
    /// A running header, and a footer with `Page n of m` and a firm's name.
    pub furniture: bool,
    /// Content streams Flate-compressed.
    pub compress: bool,
}

pub const CHROMIUM: Layout = Layout { cid: true, court: false, furniture: false, compress: true };
pub const COURT: Layout = Layout { cid: true, court: true, furniture: true, compress: true };

/// A glyph's width in thousandths of the font size (made up, but varied).
fn width(c: char) -> f32 {
    match c {
        ' ' => 250.0,
        'i' | 'l' | '.' | ',' | ':' | '\'' | 'j' | 't' | 'f' => 280.0,
        'm' | 'w' | 'M' | 'W' => 830.0,
        c if c.is_uppercase() => 660.0,
        _ => 520.0,
    }
}

/// Splits a paragraph into lines of at most `max` characters.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

struct Fonts {
    /// Character → glyph id (Type0 font).
    glyphs: BTreeMap<char, u16>,
    cid: bool,
}

impl Fonts {
    fn encode(&self, text: &str) -> Vec<u8> {
        if self.cid {
            text.chars().flat_map(|c| self.glyphs.get(&c).copied().unwrap_or(0).to_be_bytes()).collect()
        } else {
            text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
        }
    }
}

const SIZE: f32 = 12.0;

/// Shows `text` at `(x, y)`: words as separate strings of one `TJ`, a small kern
/// adjustment inside the first word (as Chromium's runs have).
fn show(content: &mut Content, fonts: &Fonts, x: f32, y: f32, text: &str) {
    content.begin_text();
    content.set_font(Name(b"F1"), SIZE);
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
    let encoded: Vec<(Vec<u8>, Vec<u8>)> = text
        .split_inclusive(' ')
        .map(|word| {
            let mut chars = word.chars();
            let first: String = chars.next().into_iter().collect();
            (fonts.encode(&first), fonts.encode(chars.as_str()))
        })
        .collect();
    {
        let mut positioned = content.show_positioned();
        let mut items = positioned.items();
        for (head, tail) in &encoded {
            items.show(Str(head));
            items.adjust(-15.0);
            items.show(Str(tail));
            items.adjust(15.0);
        }
    }
    content.end_text();
}

fn text_width(text: &str) -> f32 {
    text.chars().map(width).sum::<f32>() * SIZE / 1000.0
}

/// A PDF of `paragraphs` laid out as `layout` says.
pub fn pdf(paragraphs: &[String], layout: Layout) -> Vec<u8> {
    let header = "SMITH v. JONES, No. 4:21-cv-0917 - Deposition of Jane Doe";
    let firm = "Acme Court Reporting, Inc.";
    // The lines of the body, `None` for a paragraph gap.
    let mut body: Vec<Option<String>> = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 && !layout.court {
            body.push(None);
        }
        body.extend(wrap(paragraph, if layout.court { 58 } else { 40 }).into_iter().map(Some));
    }
    let per_page = if layout.court { 25 } else { 40 };
    let mut pages: Vec<Vec<Option<String>>> = Vec::new();
    for line in body {
        match pages.last_mut() {
            Some(page) if page.len() < per_page => page.push(line),
            _ => pages.push(vec![line]),
        }
    }
    let mut all_text: String = paragraphs.concat();
    all_text.push_str(header);
    all_text.push_str(firm);
    all_text.push_str("Page of 0123456789 ");
    let glyphs: BTreeMap<char, u16> = {
        let mut chars: Vec<char> = all_text.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars.into_iter().zip(3u16..).collect()
    };
    let fonts = Fonts { glyphs, cid: layout.cid };

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let font = Ref::new(3);
    let cid_font = Ref::new(4);
    let cmap = Ref::new(5);
    let mut next = 6;
    let mut alloc = || {
        next += 1;
        Ref::new(next)
    };
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(page_refs.iter().map(|(p, _)| *p)).count(pages.len() as i32);
    if layout.cid {
        let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
        pdf.type0_font(font)
            .base_font(Name(b"AAAAAA+Arimo"))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(cmap);
        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2).base_font(Name(b"AAAAAA+Arimo")).system_info(info).default_width(0.0);
        {
            let mut widths = cid.widths();
            for (c, gid) in &fonts.glyphs {
                widths.consecutive(*gid, [width(*c)]);
            }
        }
        cid.finish();
        let mut unicode = UnicodeCmap::new(Name(b"Custom"), info);
        for (c, gid) in &fonts.glyphs {
            unicode.pair(*gid, *c);
        }
        let data = unicode.finish();
        pdf.cmap(cmap, &data).name(Name(b"Custom")).system_info(info);
    } else {
        let widths: Vec<f32> = (32u8..=126).map(|b| width(char::from(b))).collect();
        pdf.type1_font(font)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"))
            .first_char(32)
            .widths(widths);
    }
    let count = pages.len();
    for (n, (lines, (page_ref, content_ref))) in pages.iter().zip(&page_refs).enumerate() {
        let mut content = Content::new();
        let mut y = 700.0;
        for (i, line) in lines.iter().enumerate() {
            if layout.court {
                let number = (i + 1).to_string();
                show(&mut content, &fonts, 60.0 - text_width(&number), y, &number);
            }
            if let Some(line) = line {
                show(&mut content, &fonts, 72.0, y, line);
            }
            y -= if layout.court {
                24.0
            } else if line.is_some() {
                15.0
            } else {
                9.0
            };
        }
        if layout.furniture {
            show(&mut content, &fonts, 72.0, 750.0, header);
            let page = format!("Page {} of {count}", n + 1);
            show(&mut content, &fonts, 306.0 - text_width(&page) / 2.0, 40.0, &page);
            show(&mut content, &fonts, 72.0, 26.0, firm);
        }
        let data = content.finish();
        if layout.compress {
            let compressed = miniz_oxide_compress(&data);
            pdf.stream(*content_ref, &compressed).filter(Filter::FlateDecode);
        } else {
            pdf.stream(*content_ref, &data);
        }
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, 612.0, 792.0)).parent(tree).contents(*content_ref);
        page.resources().fonts().pair(Name(b"F1"), font);
    }
    pdf.finish()
}

fn miniz_oxide_compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// A deposition: an examination (`BY MR. SMITH:`, `Q.`/`A.`) with objections, long
/// enough for several pages.
pub fn deposition() -> Vec<String> {
    let places = ["Springfield", "Shelbyville", "Capital City", "Ogdenville", "North Haverbrook"];
    let mut turns = vec!["BY MR. SMITH:".to_owned()];
    for (i, place) in places.iter().cycle().take(20).enumerate() {
        turns.push(format!(
            "Q. Where were you on the evening of the party, and who else was with you in {place} that night?"
        ));
        turns.push(format!("A. I was at home in {place} with my sister and her two children, as I said before."));
        if i % 4 == 3 {
            turns.push("MR. JONES: Objection. Asked and answered, and the witness has been clear about it.".to_owned());
            turns.push("MR. SMITH: I will move on.".to_owned());
        }
    }
    turns
}

fn lines_text(turns: &[String]) -> String {
    turns.iter().map(|t| format!("{t}\n")).collect()
}

fn error(bytes: &[u8], limits: &ReadLimits) -> ReadError {
    match read(&Source::named(bytes, "t.pdf"), limits) {
        Ok(read) => panic!("read: {:?}", read.text.get(..200)),
        Err(e) => e,
    }
}

pub fn turns_of(transcript: &[(&str, &str)]) -> Vec<String> {
    transcript.iter().map(|(who, said)| format!("{who}: {said}")).collect()
}

#[test]
fn a_chromium_style_pdf_reads_as_its_transcript() {
    let bytes = pdf(&turns_of(TRANSCRIPT), CHROMIUM);
    let read = read_ok(&bytes, "talk.pdf");
    assert_eq!(read.source, SourceFormat::Pdf);
    assert_eq!(profile(&read.text), profile(&plain()));
    assert!(read.notes.is_empty(), "{:?}", read.notes);
    // A blank line between paragraphs, none inside one.
    snapshot!("pdf", read.text);
}

#[test]
fn a_pdf_chromium_printed_reads_as_its_transcript() {
    // `chromium --headless --print-to-pdf=chromium.pdf chromium.html` (Chromium 156, with
    // its header and footer: the date and title, the file's URL and `1/3`), three pages.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/read");
    let bytes = std::fs::read(dir.join("chromium.pdf")).unwrap_or_default();
    let read = read_ok(&bytes, "chromium.pdf");
    assert_eq!(read.source, SourceFormat::Pdf);
    assert_eq!(profile(&read.text), profile(&plain().repeat(12)));
    assert_eq!(read.notes, ["left out page headers and footers on 3 pages"]);
    assert!(!read.text.contains("file:") && !read.text.contains("A talk"), "{}", read.text);
}

#[test]
fn a_simple_font_pdf_reads_as_its_transcript() {
    let layout = Layout { cid: false, compress: false, ..CHROMIUM };
    let read = read_ok(&pdf(&turns_of(TRANSCRIPT), layout), "talk.pdf");
    assert_eq!(profile(&read.text), profile(&plain()));
    assert_eq!(read.text, read_ok(&pdf(&turns_of(TRANSCRIPT), CHROMIUM), "t.pdf").text);
}

#[test]
fn a_court_transcript_loses_its_furniture_and_keeps_its_turns() {
    let turns = deposition();
    let bytes = pdf(&turns, COURT);
    let read = read_ok(&bytes, "deposition.pdf");
    let expected = profile(&lines_text(&turns));
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(profile(&read.text), expected);
    assert_eq!(
        read.notes,
        ["left out page headers and footers on 4 pages, page numbers on 4 pages and printed line numbers on 4 pages"]
    );
    for furniture in ["Acme", "Page ", "SMITH v. JONES", "No. 4"] {
        assert!(!read.text.contains(furniture), "{furniture}: {}", read.text);
    }
    // No line starts with a printed number.
    assert!(read.text.lines().all(|l| !l.starts_with(|c: char| c.is_ascii_digit())), "{}", read.text);
    snapshot!("pdf-court", read.text);
}

#[test]
fn furniture_stays_when_it_is_not_repeated() {
    // One page: nothing repeats, so the header stays; the page number goes.
    let turns = turns_of(TRANSCRIPT);
    let read = read_ok(&pdf(&turns, Layout { court: false, furniture: true, ..CHROMIUM }), "one.pdf");
    assert!(read.text.contains("SMITH v. JONES"), "{}", read.text);
    assert!(!read.text.contains("Page 1 of 1"), "{}", read.text);
    assert_eq!(read.notes, ["left out page numbers on 1 page"]);
}

/// A page that only draws an image: a scan.
fn scanned() -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.catalog(Ref::new(1)).pages(Ref::new(2));
    pdf.pages(Ref::new(2)).kids([Ref::new(3)]).count(1);
    let mut page = pdf.page(Ref::new(3));
    page.media_box(Rect::new(0.0, 0.0, 612.0, 792.0)).parent(Ref::new(2)).contents(Ref::new(4));
    page.resources().x_objects().pair(Name(b"Im1"), Ref::new(5));
    page.finish();
    let mut content = Content::new();
    content.save_state().transform([612.0, 0.0, 0.0, 792.0, 0.0, 0.0]).x_object(Name(b"Im1")).restore_state();
    let data = content.finish();
    pdf.stream(Ref::new(4), &data);
    let pixels = [0x80u8; 16];
    let mut image = pdf.image_xobject(Ref::new(5), &pixels);
    image.width(4).height(4).bits_per_component(8);
    image.color_space().device_gray();
    image.finish();
    pdf.finish()
}

#[test]
fn a_scan_has_no_text_layer() {
    let e = error(&scanned(), &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    assert_eq!(
        e.message,
        "This PDF has no text layer (it may be a scan); colloquy does not read text in images: run OCR on it first, or open the text."
    );
    assert_eq!(e.looks_like, None);
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let bytes = pdf(&turns_of(TRANSCRIPT), CHROMIUM);
    let text = String::from_utf8_lossy(&bytes).replacen("trailer\n<<", "trailer\n<<\n  /Encrypt 99 0 R", 1);
    assert!(text.contains("/Encrypt"));
    let e = error(text.as_bytes(), &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    assert!(e.message.starts_with("This PDF is encrypted"), "{}", e.message);
}

#[test]
fn truncated_pdfs_are_damaged() {
    let bytes = pdf(&deposition(), COURT);
    assert!(bytes.ends_with(b"%%EOF"), "{:?}", String::from_utf8_lossy(&bytes[bytes.len() - 40..]));
    for cut in [bytes.len() - 10, bytes.len() / 2, 100, 8] {
        let cut_bytes = bytes.get(..cut).unwrap_or_default();
        let e = error(cut_bytes, &ReadLimits::default());
        assert_eq!(e.kind, ReadErrorKind::Damaged, "cut at {cut}: {e:?}");
        assert!(e.message.starts_with("This PDF is damaged: "), "{}", e.message);
    }
    assert_eq!(error(b"%PDF-1.7\n%%EOF", &ReadLimits::default()).kind, ReadErrorKind::Damaged);
}

#[test]
fn a_broken_cross_reference_table_does_not_matter() {
    // Objects are found by scanning, not through the table.
    let bytes = pdf(&turns_of(TRANSCRIPT), Layout { compress: false, ..CHROMIUM });
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let xref = text.find("xref").unwrap_or(0);
    let broken = format!("{}xref\n0 9999999\ngarbage garbage\n{}", &text[..xref], &text[xref + 4..])
        .replace("startxref", "startxref\n999999999");
    let read = read_ok(broken.as_bytes(), "t.pdf");
    assert_eq!(profile(&read.text), profile(&plain()));
}

#[test]
fn a_page_missing_from_the_file_is_damaged() {
    let bytes = pdf(&deposition(), Layout { compress: false, ..COURT });
    let text = String::from_utf8_lossy(&bytes).replace("7 0 obj", "7 0 xxx");
    let e = error(text.as_bytes(), &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::Damaged, "{e:?}");
    assert_eq!(e.message, "This PDF is damaged: 1 of its pages is missing.");
}

/// A minimal PDF around one page content stream (its data and dictionary extras).
fn one_page(content: &[u8], extra: &str) -> Vec<u8> {
    let mut out = String::from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
    let mut bytes = std::mem::take(&mut out).into_bytes();
    bytes.extend_from_slice(format!("4 0 obj << /Length {} {extra} >> stream\n", content.len()).as_bytes());
    bytes.extend_from_slice(content);
    bytes.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R /Size 6 >>\n%%EOF\n");
    bytes
}

#[test]
fn a_stream_bomb_stops_at_the_limit() {
    let mut content = b"BT /F1 12 Tf 72 700 Td (Alice: Hi.) Tj ET\n".to_vec();
    content.resize(20 << 20, b' ');
    let compressed = miniz_oxide_compress(&content);
    assert!(compressed.len() < 100_000, "{}", compressed.len());
    let bomb = one_page(&compressed, "/Filter /FlateDecode");
    let limits = ReadLimits { max_entry_bytes: 1 << 20, ..ReadLimits::default() };
    let e = error(&bomb, &limits);
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
    assert_eq!(e.message, "This PDF is too large to read: a stream in it holds over 1 MiB uncompressed.");
    // Under the default limits it reads.
    assert_eq!(read_ok(&bomb, "t.pdf").text, "Alice: Hi.\n");
}

#[test]
fn deep_nesting_and_absurd_numbers_are_bounded() {
    let n = 100_000;
    let deep = format!("[{}{}] TJ", "[".repeat(n), "]".repeat(n));
    let e = error(&one_page(deep.as_bytes(), ""), &ReadLimits::default());
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
    assert!(e.message.contains("nested more than 256 levels"), "{}", e.message);
    let mut deep_object = one_page(b"", "");
    deep_object.splice(9..9, format!("9 0 obj {} endobj\n", "<< /A ".repeat(n)).into_bytes());
    assert_eq!(error(&deep_object, &ReadLimits::default()).kind, ReadErrorKind::TooLarge);
    // Huge object numbers, counts and sizes are only numbers.
    let absurd = one_page(b"BT /F1 12 Tf 72 700 Td (Alice: Hi.) Tj ET", "")
        .iter()
        .copied()
        .chain(*b"4294967295 65535 obj << /Type /Pages /Count 99999999999 /Kids [] >> endobj\ntrailer << /Size 2147483647 /Root 1 0 R >>\n%%EOF")
        .collect::<Vec<u8>>();
    assert_eq!(read_ok(&absurd, "t.pdf").text, "Alice: Hi.\n");
    // Text past the limit.
    let small = ReadLimits { max_text_bytes: 100, ..ReadLimits::default() };
    let e = error(&pdf(&deposition(), COURT), &small);
    assert_eq!(e.kind, ReadErrorKind::TooLarge);
    assert_eq!(e.message, "This PDF is too large to read: its text is over 100 bytes.");
}

#[test]
fn a_form_that_draws_itself_ends() {
    let content = b"/X1 Do";
    let mut bytes = one_page(content, "");
    let text = String::from_utf8_lossy(&bytes)
        .replace("/Font << /F1 5 0 R >>", "/Font << /F1 5 0 R >> /XObject << /X1 6 0 R >>");
    bytes = text.into_bytes();
    let form = b"BT /F1 12 Tf 72 700 Td (Alice: Hi.) Tj ET /X1 Do";
    let insert = format!("6 0 obj << /Type /XObject /Subtype /Form /Length {} /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >> stream\n", form.len());
    let mut obj = insert.into_bytes();
    obj.extend_from_slice(form);
    obj.extend_from_slice(b"\nendstream endobj\n");
    bytes.splice(9..9, obj);
    // Drawn at each of the levels allowed, at the same place: read once per line.
    let read = read_ok(&bytes, "t.pdf");
    assert_eq!(read.text, "Alice: Hi.\n");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Damaged copies of a PDF: bytes changed, cut, duplicated; no panic, no hang,
    /// text within the limit.
    #[test]
    fn mutated_pdfs_never_panic(
        seed in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..20),
    ) {
        let base = match seed {
            0 => pdf(&turns_of(TRANSCRIPT), Layout { compress: false, ..CHROMIUM }),
            1 => pdf(&turns_of(TRANSCRIPT), Layout { cid: false, compress: false, ..CHROMIUM }),
            _ => pdf(&turns_of(TRANSCRIPT), CHROMIUM),
        };
        let mut bytes = base;
        for (at, byte, how) in edits {
            let i = at.index(bytes.len().max(1));
            match how {
                0 => if let Some(b) = bytes.get_mut(i) { *b = byte },
                1 => bytes.truncate(i.max(8)),
                2 => { let copy: Vec<u8> = bytes.get(i..(i + 64).min(bytes.len())).unwrap_or_default().to_vec(); bytes.splice(i..i, copy); }
                _ => { bytes.drain(i..(i + usize::from(byte)).min(bytes.len())); }
            }
        }
        let limits = ReadLimits { max_text_bytes: 1 << 16, max_entry_bytes: 1 << 16, max_depth: 32 };
        if let Ok(read) = read(&Source::new(&bytes), &limits) {
            prop_assert!(read.text.len() <= limits.max_text_bytes);
        }
    }
}

#[test]
fn inputs_that_would_cost_quadratic_time_are_linear() {
    let start = std::time::Instant::now();
    // Objects that never close, each holding the next: every `obj` is parsed once.
    let mut unclosed = b"%PDF-1.4\n".to_vec();
    for i in 0..100_000 {
        unclosed.extend_from_slice(format!("{i} 0 obj [ (").as_bytes());
    }
    unclosed.extend_from_slice(b"\n%%EOF\n");
    assert_eq!(error(&unclosed, &ReadLimits::default()).kind, ReadErrorKind::Damaged);
    let mut broken = b"%PDF-1.4\n".to_vec();
    for i in 0..100_000 {
        broken.extend_from_slice(format!("{i} 0 obj << /A [ 1 2 3 >> ").as_bytes());
    }
    broken.extend_from_slice(b"\n%%EOF\n");
    assert_eq!(error(&broken, &ReadLimits::default()).kind, ReadErrorKind::Damaged);
    // A font dictionary set 200,000 times with a big width array: read once.
    let widths: String = (0..60_000).map(|i| format!("{i} [500] ")).collect();
    let mut content = String::new();
    for _ in 0..200_000 {
        content.push_str("/F2 12 Tf ");
    }
    content.push_str("BT 72 700 Td (Alice: Hi.) Tj ET");
    let bytes = String::from_utf8_lossy(&one_page(content.as_bytes(), "")).replace(
        "/F1 5 0 R",
        &format!("/F1 5 0 R /F2 << /Type /Font /Subtype /Type0 /DescendantFonts [<< /W [{widths}] >>] >>"),
    );
    let bytes = bytes.replace("/F2 12 Tf BT", "/F1 12 Tf BT");
    assert_eq!(read_ok(bytes.as_bytes(), "t.pdf").text, "Alice: Hi.\n");
    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
}
