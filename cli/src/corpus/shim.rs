//! TEMPORARY: the core's `colloquy::corpus` API as /work/notes/core-api.md specifies it,
//! built on `colloquy::analyse`, until the core lands it. Removed at the merge.

use colloquy::Options;

pub struct DocumentMeta {
    pub name: String,
    pub date: Option<String>,
    pub group: Option<String>,
}

impl DocumentMeta {
    pub fn from_path(path: &str) -> DocumentMeta {
        let p = std::path::Path::new(path);
        DocumentMeta {
            name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            date: None,
            group: p.parent().and_then(|d| d.file_name()).map(|n| n.to_string_lossy().into_owned()),
        }
    }
}

pub struct DocumentTables {
    pub document: DocumentRow,
    pub speakers: Vec<SpeakerRow>,
    pub terms: Vec<TermRow>,
    pub phrases: Vec<PhraseRow>,
    pub turns: Vec<TurnRow>,
}
pub struct DocumentRow {
    pub name: String,
    pub date: Option<String>,
    pub group: Option<String>,
    pub format: String,
    pub language: Option<String>,
    pub bytes: u64,
    pub words: u64,
    pub types: u64,
    pub sentences: u64,
    pub turns: u64,
    pub speakers: u64,
    pub top_terms: Vec<String>,
}
pub struct SpeakerRow {
    pub speaker: String,
    pub speaker_key: String,
    pub attributed: bool,
    pub words: u64,
    pub share: f64,
    pub turns: u64,
}
pub struct TermRow {
    pub speaker: String,
    pub speaker_key: String,
    pub term: String,
    pub count: u64,
}
pub struct PhraseRow {
    pub phrase: String,
    pub n: u32,
    pub count: u64,
}
pub struct TurnRow {
    pub turn: u64,
    pub speaker: String,
    pub speaker_key: String,
    pub words: u64,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
}

pub fn speaker_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

pub fn document_tables(meta: DocumentMeta, text: &str, options: &Options) -> DocumentTables {
    let a = colloquy::analyse(text, options);
    let s = &a.summary;
    DocumentTables {
        document: DocumentRow {
            name: meta.name,
            date: meta.date,
            group: meta.group,
            format: format!("{:?}", s.format).to_lowercase(),
            language: s.language.clone(),
            bytes: text.len() as u64,
            words: s.tokens as u64,
            types: s.types as u64,
            sentences: s.sentences as u64,
            turns: s.turns as u64,
            speakers: s.speakers as u64,
            top_terms: a.terms.iter().take(5).map(|t| t.term.clone()).collect(),
        },
        speakers: a
            .speakers
            .iter()
            .map(|p| SpeakerRow {
                speaker: p.name.clone(),
                speaker_key: speaker_key(&p.name),
                attributed: p.attributed,
                words: p.words as u64,
                share: p.share,
                turns: p.turns as u64,
            })
            .collect(),
        terms: a
            .terms
            .iter()
            .flat_map(|t| {
                t.by_speaker.iter().map(|(name, &count)| TermRow {
                    speaker: name.clone(),
                    speaker_key: speaker_key(name),
                    term: t.term.clone(),
                    count: count as u64,
                })
            })
            .collect(),
        phrases: a
            .phrases
            .iter()
            .map(|p| PhraseRow { phrase: p.text.clone(), n: p.n as u32, count: p.count as u64 })
            .collect(),
        turns: Vec::new(),
    }
}
