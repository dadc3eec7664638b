//! Prints the TypeScript declarations of the JSON contract: the `Analysis` result and
//! the `AnalyseOptions` it is computed with. They are kept in `wasm/types.d.ts`, which
//! `scripts/build-pkg.sh` appends to the npm package's `.d.ts` (so building the package
//! compiles nothing native); `make test` checks that the file equals this output.
//!
//! ```sh
//! make declarations   # cargo run -q --bin colloquy-typescript --features typescript > wasm/types.d.ts
//! ```
//!
//! A binary with `required-features`, not an example: an example would build the core's
//! dev-dependencies (criterion, proptest, insta) first.

use colloquy::json::{
    JsonCollocationOptions, JsonDispersionOptions, JsonDocumentSet, JsonDynamicsOptions, JsonFrequencyOptions,
    JsonGroupKeynessOptions, JsonKwicOptions, JsonOptions, JsonParts, JsonSpreadOptions, JsonStopwords,
    JsonTrendOptions,
};
use colloquy::{
    AliasSuggestion, Analysis, Bin, BinUnit, Collocate, CollocationSort, Diagnostic, DiagnosticKind, DirectionCount,
    Dispersion, Distinctive, Dynamics, Facts, Format, Interruption, InterruptionKind, KwicHit, KwicSort, LabelHint,
    Phrase, QuestionPair, SpeakerDynamics, SpeakerStats, SpeakerTerm, Spread, Summary, TermSpread, TermStats, Timing,
    TurnStats, TurnTime,
};
use ts_rs::{Config, TS};

fn main() {
    let config = Config::default();
    let decls = [
        Analysis::decl(&config),
        Summary::decl(&config),
        SpeakerStats::decl(&config),
        SpeakerTerm::decl(&config),
        TermStats::decl(&config),
        Phrase::decl(&config),
        TurnStats::decl(&config),
        DirectionCount::decl(&config),
        AliasSuggestion::decl(&config),
        LabelHint::decl(&config),
        Diagnostic::decl(&config),
        DiagnosticKind::decl(&config),
        Format::decl(&config),
        colloquy::read::SourceFormat::decl(&config),
        colloquy::read::ReadText::decl(&config),
        colloquy::read::ReadErrorKind::decl(&config),
        JsonOptions::decl(&config),
        JsonStopwords::decl(&config),
        KwicHit::decl(&config),
        KwicSort::decl(&config),
        JsonKwicOptions::decl(&config),
        Dispersion::decl(&config),
        JsonDispersionOptions::decl(&config),
        JsonParts::decl(&config),
        Distinctive::decl(&config),
        Collocate::decl(&config),
        CollocationSort::decl(&config),
        JsonCollocationOptions::decl(&config),
        Spread::decl(&config),
        TermSpread::decl(&config),
        JsonSpreadOptions::decl(&config),
        Facts::decl(&config),
        Dynamics::decl(&config),
        JsonDynamicsOptions::decl(&config),
        Timing::decl(&config),
        SpeakerDynamics::decl(&config),
        TurnTime::decl(&config),
        colloquy::Transition::decl(&config),
        QuestionPair::decl(&config),
        Interruption::decl(&config),
        InterruptionKind::decl(&config),
        BinUnit::decl(&config),
        Bin::decl(&config),
        colloquy::DocumentRow::decl(&config),
        colloquy::CorpusDocuments::decl(&config),
        colloquy::CorpusTotals::decl(&config),
        colloquy::CorpusSpeaker::decl(&config),
        colloquy::SpeakerInDocument::decl(&config),
        colloquy::Trends::decl(&config),
        colloquy::TermTrend::decl(&config),
        JsonTrendOptions::decl(&config),
        colloquy::GroupKeyness::decl(&config),
        JsonGroupKeynessOptions::decl(&config),
        JsonDocumentSet::decl(&config),
        colloquy::DocumentFrequency::decl(&config),
        colloquy::TermFrequency::decl(&config),
        colloquy::PhraseFrequency::decl(&config),
        JsonFrequencyOptions::decl(&config),
        colloquy::CorpusKwic::decl(&config),
        colloquy::CorpusKwicHit::decl(&config),
    ];
    println!("// Generated from the Rust types by `make declarations` (src/bin/typescript.rs). Do not edit.");
    for decl in decls {
        println!("export {decl}");
    }
}
