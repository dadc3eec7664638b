//! Prints the TypeScript declarations of the JSON contract: the `Analysis` result and
//! the `AnalyseOptions` it is computed with. `scripts/build-pkg.sh` appends them to the
//! npm package's `.d.ts`.
//!
//! ```sh
//! cargo run -q --example typescript --features typescript
//! ```

use colloquy::json::{
    JsonCollocationOptions, JsonDispersionOptions, JsonKwicOptions, JsonOptions, JsonParts, JsonSpreadOptions,
    JsonStopwords,
};
use colloquy::{
    AliasSuggestion, Analysis, Collocate, CollocationSort, Diagnostic, DiagnosticKind, DirectionCount, Dispersion,
    Distinctive, Facts, Format, KwicHit, KwicSort, LabelHint, Phrase, SpeakerStats, SpeakerTerm, Spread, Summary,
    TermSpread, TermStats, TurnStats,
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
    ];
    println!("// Generated from the Rust types by `cargo run --example typescript`. Do not edit.");
    for decl in decls {
        println!("export {decl}");
    }
}
