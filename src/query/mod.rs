//! Queries over a [`crate::Document`]: keyword in context, collocations and dispersion.

mod collocations;
mod dispersion;
mod kwic;
mod pattern;

pub use collocations::{Collocate, CollocationOptions, CollocationSort, MI_MIN_COUNT};
pub use dispersion::{Dispersion, DispersionParts, Spread, TermSpread};
pub use kwic::{KwicHit, KwicOptions, KwicSort};
