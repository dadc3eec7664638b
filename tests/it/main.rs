//! The core's integration tests: one binary, data-driven from `tests/fixtures/`.

mod bad_inputs;
mod comparison;
mod corpus;
mod dynamics;
mod formats;
mod hint;
mod joint;
mod languages;
mod merge;
mod options;
mod properties;
mod query;
mod read;
mod regressions;
mod render;
mod seed;
mod stream;
