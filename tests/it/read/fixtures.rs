//! `tests/fixtures/read/`: a file of every format the reader takes, made from
//! [`TRANSCRIPT`] by the builders here (they seed the `read` fuzz target's corpus).
//! Each must still read as its transcript; `COLLOQUY_WRITE_FIXTURES=1 cargo test -p
//! colloquy --test it committed_fixtures` writes them again first.

use std::path::PathBuf;

use colloquy::read::SourceFormat;
use serde_json::json;

use super::{build, plain, profile, read_ok, TRANSCRIPT};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/read")
}

/// Every fixture: its file name, its bytes, the format it reads as.
fn fixtures() -> Vec<(&'static str, Vec<u8>, SourceFormat)> {
    let segments = || TRANSCRIPT.iter().enumerate().map(|(i, (who, said))| (i, *who, *said));
    let whisper = json!({"segments": segments().map(|(i, who, said)| json!({"start": i, "end": i + 1, "text": said, "speaker": who})).collect::<Vec<_>>()});
    let csv: String = std::iter::once("speaker,start,end,text\n".to_owned())
        .chain(segments().map(|(i, who, said)| format!("{who},{i},{},\"{said}\"\n", i + 1)))
        .collect();
    #[cfg_attr(not(feature = "pdf"), allow(unused_mut))]
    let mut fixtures = vec![
        ("talk.docx", build::docx(TRANSCRIPT), SourceFormat::Docx),
        ("talk.odt", build::odt(TRANSCRIPT), SourceFormat::Odt),
        ("talk.rtf", build::rtf(TRANSCRIPT), SourceFormat::Rtf),
        ("talk.html", build::html(TRANSCRIPT), SourceFormat::Html),
        ("whisperx.json", whisper.to_string().into_bytes(), SourceFormat::WhisperJson),
        ("talk.csv", csv.into_bytes(), SourceFormat::Csv),
        // The text itself, which the page's tests paste to compare with each file opened.
        ("talk.txt", plain().into_bytes(), SourceFormat::Text),
    ];
    // As Chromium prints a page (Type0 fonts, ToUnicode maps).
    #[cfg(feature = "pdf")]
    {
        use super::pdf::{pdf, turns_of, Layout, CHROMIUM};
        fixtures.push(("talk.pdf", pdf(&turns_of(TRANSCRIPT), CHROMIUM), SourceFormat::Pdf));
        // Helvetica and uncompressed content, for the fuzz corpus to mutate.
        let simple = Layout { cid: false, compress: false, ..CHROMIUM };
        fixtures.push(("talk-simple.pdf", pdf(&turns_of(TRANSCRIPT), simple), SourceFormat::Pdf));
    }
    fixtures
}

#[test]
fn committed_fixtures_read_as_the_transcript() {
    if std::env::var_os("COLLOQUY_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(dir()).expect("the directory is made");
        for (name, bytes, _) in fixtures() {
            std::fs::write(dir().join(name), bytes).expect("the fixture is written");
        }
    }
    for (name, _, format) in fixtures() {
        let bytes = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let read = read_ok(&bytes, name);
        assert_eq!(read.source, format, "{name}");
        assert_eq!(profile(&read.text), profile(&plain()), "{name}");
    }
}
