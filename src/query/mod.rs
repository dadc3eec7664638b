//! Queries over a [`crate::Document`]: keyword in context, collocations, dispersion and
//! the most and least evenly spread terms.

mod collocations;
mod dispersion;
mod kwic;
mod pattern;
mod spread;
mod stopwords;

pub use collocations::{Collocate, CollocationOptions, CollocationSort, MI_MIN_COUNT};
pub use dispersion::{Dispersion, DispersionParts};
pub use kwic::{KwicHit, KwicOptions, KwicSort};
pub use spread::{Spread, SpreadOptions, TermSpread};
