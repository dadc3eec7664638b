//! Statistics: keyness (Fightin' Words, G², Log Ratio), association measures for
//! collocations (MI, t-score, logDice, G²), MATTR and readability. Pure functions
//! of counts, each with its formula and a test against hand-computed values.

pub mod assoc;
pub mod keyness;
pub mod mattr;
pub mod readability;
