//! Queries over a [`crate::Document`]: keyword in context and dispersion.

mod dispersion;
mod kwic;
mod pattern;

pub use dispersion::{Dispersion, DispersionParts};
pub use kwic::{KwicHit, KwicOptions, KwicSort};
