//! Fixtures built from a transcript: `.docx` and `.odt` archives (zip's writer and
//! hand-written XML), RTF, a web page, engines' JSON and CSV.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A ZIP archive of `(name, contents)` entries, Deflate-compressed (a `mimetype`
/// entry first and stored, as OpenDocument asks).
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    archive(entries, false)
}

/// [`zip`] as a ZIP64 archive: every entry with ZIP64 sizes (`large_file`), the ZIP64
/// end of central directory record and locator (a ZIP64 comment forces them), and the
/// classic end record's counts, size and offset all `0xFF…` (read them from the ZIP64
/// record), as a writer of archives past 4 GiB or 65,535 entries leaves them.
pub fn zip64(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = archive(entries, true);
    let end = zip.len() - 22;
    assert_eq!(zip.get(end..end + 4), Some(&b"PK\x05\x06"[..]), "the end record, without a comment");
    zip[end + 8..end + 20].fill(0xFF);
    zip
}

fn archive(entries: &[(&str, &[u8])], zip64: bool) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, contents) in entries {
        let method = if *name == "mimetype" { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        let options = SimpleFileOptions::default().compression_method(method).large_file(zip64);
        zip.start_file(*name, options).expect("entry starts");
        zip.write_all(contents).expect("entry written");
    }
    if zip64 {
        zip.set_zip64_comment(Some("ZIP64"));
    }
    zip.finish().expect("archive finished").into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// A `.docx` of `turns`: the name in bold, an empty paragraph between turns, the
/// last turn in a table row (`Name:` | text); a tracked deletion and insertion, a
/// comment, a footnote, a field and alternate content in the first turns; a header
/// part with text and a comments part.
pub fn docx(turns: &[(&str, &str)]) -> Vec<u8> {
    docx_in(turns, zip)
}

/// A function that archives `(name, contents)` entries: [`zip`] or [`zip64`].
pub type Archiver = fn(&[(&str, &[u8])]) -> Vec<u8>;

/// [`docx`] archived by `archive` ([`zip`] or [`zip64`]).
pub fn docx_in(turns: &[(&str, &str)], archive: Archiver) -> Vec<u8> {
    let mut body = String::new();
    let last = turns.len().saturating_sub(1);
    for (i, (who, said)) in turns.iter().enumerate() {
        let who = xml_escape(who);
        let said = xml_escape(said);
        if i == last {
            body.push_str(&format!(
                "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>{who}:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{said}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            ));
            continue;
        }
        let extra = match i {
            0 => "<w:del w:id=\"1\" w:author=\"E\"><w:r><w:delText> Deleted words here.</w:delText></w:r></w:del><w:commentRangeStart w:id=\"0\"/><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
            1 => "<w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            2 => "<mc:AlternateContent><mc:Choice Requires=\"wps\"></mc:Choice><mc:Fallback><w:r><w:t>Fallback copy</w:t></w:r></mc:Fallback></mc:AlternateContent>",
            _ => "",
        };
        // The last word of the turn is a tracked insertion: kept.
        let (head, tail) = said.rsplit_once(' ').unwrap_or(("", &said));
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{who}:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> {head} </w:t></w:r><w:ins w:id=\"9\" w:author=\"E\"><w:r><w:t>{tail}</w:t></w:r></w:ins>{extra}</w:p><w:p/>"
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W}><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\" xmlns:r=\"r\"/></w:sectPr></w:body></w:document>"
    );
    let header = format!("<w:hdr {W}><w:p><w:r><w:t>Company Confidential</w:t></w:r></w:p></w:hdr>");
    let footer = format!("<w:ftr {W}><w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p></w:ftr>");
    let comments = format!(
        "<w:comments {W}><w:comment w:id=\"0\"><w:p><w:r><w:t>A comment</w:t></w:r></w:p></w:comment></w:comments>"
    );
    archive(&[
        (
            "[Content_Types].xml",
            b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("word/document.xml", document.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
    ])
}

const ODF: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

/// An `.odt` of `turns`: spans, an empty paragraph between turns, extra spaces as
/// `text:s`, the last turn in a table row, a tracked deletion, a comment and a
/// footnote; a header with text in `styles.xml`.
pub fn odt(turns: &[(&str, &str)]) -> Vec<u8> {
    let mut body = String::from(
        "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><office:change-info><dc:creator>E</dc:creator></office:change-info><text:p>Deleted words here.</text:p></text:deletion></text:changed-region></text:tracked-changes><text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>",
    );
    let last = turns.len().saturating_sub(1);
    for (i, (who, said)) in turns.iter().enumerate() {
        let who = xml_escape(who);
        let said = xml_escape(said);
        if i == last {
            body.push_str(&format!(
                "<table:table><table:table-column/><table:table-row><table:table-cell><text:p>{who}:</text:p></table:table-cell><table:table-cell><text:p>{said}</text:p></table:table-cell></table:table-row></table:table>"
            ));
            continue;
        }
        let extra = match i {
            0 => "<text:change text:change-id=\"ct1\"/><office:annotation><dc:creator>E</dc:creator><text:p>A comment</text:p></office:annotation>",
            1 => "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>",
            _ => "",
        };
        let said = said.replacen(' ', "<text:s text:c=\"2\"/>", 1);
        body.push_str(&format!(
            "<text:p text:style-name=\"P1\"><text:span text:style-name=\"Bold\">{who}:</text:span>\n    {said}{extra}</text:p><text:p/>"
        ));
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {ODF}><office:automatic-styles/><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {ODF}><office:master-styles><style:master-page style:name=\"Standard\"><style:header><text:p>Company Confidential</text:p></style:header><style:footer><text:p/></style:footer></style:master-page></office:master-styles></office:document-styles>"
    );
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
    ])
}

/// RTF text escaped: `\`, `{`, `}`, and non-ASCII as `\uN?`.
fn rtf_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{}?", *unit as i16));
                }
            }
        }
    }
    out
}

/// An `.rtf` of `turns`: tables of fonts and colours, bold names, an empty paragraph
/// between turns, a comment, a tracked deletion, a footnote and a header.
pub fn rtf(turns: &[(&str, &str)]) -> Vec<u8> {
    let mut rtf = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Fixture;}{\\info{\\title A talk}}\n{\\header \\pard Company Confidential\\par}\n\\pard\\plain ",
    );
    for (i, (who, said)) in turns.iter().enumerate() {
        let extra = match i {
            0 => "{\\*\\atnid E}{\\*\\atnauthor E}\\chatn{\\*\\annotation \\pard A comment}",
            1 => "{\\deleted  Deleted words here.}{\\super \\chftn}{\\footnote \\pard A footnote.}",
            _ => "",
        };
        rtf.push_str(&format!("{{\\b {}:}} {}{extra}\\par\n\\par\n", rtf_escape(who), rtf_escape(said)));
    }
    rtf.push('}');
    rtf.into_bytes()
}

/// A web page of `turns`: a head with a script and styles, a header, navigation, a
/// footer, an aside, references (`&nbsp;`, `&amp;`), a paragraph per turn.
pub fn html(turns: &[(&str, &str)]) -> Vec<u8> {
    let mut page = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A talk</title><style>p { color: red }</style><script>var a = 1 < 2 && '</p>';</script></head>\n<body><header><h1>Our Site</h1></header><nav><ul><li><a href=\"/\">Home</a><li>About</ul></nav>\n<main><h2>Transcript</h2>\n",
    );
    for (who, said) in turns {
        let said = xml_escape(said).replacen(' ', "&nbsp;", 1);
        page.push_str(&format!("<p><b>{who}:</b>\n  {said}\n"));
    }
    page.push_str("</main><aside>Related: other talks</aside><footer>&copy; 2024 Our Site</footer><script>track()</script></body></html>\n");
    page.into_bytes()
}
