//! `analyse`'s flags for the distinctive words' comparison: against whom, without
//! whom, and the prior's weight (the core's [`Comparison`]).

use clap::Args;
use colloquy::{Comparison, Reference};

#[derive(Debug, Clone, Default, Args)]
pub struct ComparisonArgs {
    /// Measure distinctive words against this speaker (repeat for a group); by
    /// default against everyone else. A name that is no speaker's is a diagnostic.
    #[arg(long = "against", value_name = "NAME")]
    pub against: Vec<String>,

    /// Leave this speaker out of the distinctive words' comparison (repeatable): not
    /// scored, in no reference, not in the prior.
    #[arg(long = "leave-out", value_name = "NAME")]
    pub leave_out: Vec<String>,

    /// The Fightin' Words prior's weight a₀, as a share of the compared words
    /// (default 0.1).
    #[arg(long, value_name = "SHARE", value_parser = parse_prior_weight)]
    pub prior_weight: Option<f64>,
}

impl ComparisonArgs {
    /// The comparison these flags ask for.
    ///
    /// ```text
    /// --against TRUMP --leave-out HOLT → against [TRUMP], leave out [HOLT], weight 0.1
    /// ```
    pub fn comparison(&self) -> Comparison {
        let against =
            if self.against.is_empty() { Reference::Others } else { Reference::Speakers(self.against.clone()) };
        Comparison {
            against,
            leave_out: self.leave_out.clone(),
            prior_weight: self.prior_weight.unwrap_or(colloquy::DEFAULT_PRIOR_WEIGHT),
        }
    }
}

/// A prior weight: a number above 0.
pub fn parse_prior_weight(s: &str) -> Result<f64, String> {
    let w: f64 = s.trim().parse().map_err(|_| "expected a number, e.g. 0.1".to_owned())?;
    colloquy::check_prior_weight(w)?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prior_weights() {
        assert_eq!(parse_prior_weight("0.5"), Ok(0.5));
        assert!(parse_prior_weight("0").is_err_and(|e| e.contains("above 0")));
        assert!(parse_prior_weight("inf").is_err());
        assert!(parse_prior_weight("x").is_err_and(|e| e.contains("number")));
    }

    #[test]
    fn flags_make_a_comparison() {
        let args = ComparisonArgs {
            against: vec!["A".into(), "B".into()],
            leave_out: vec!["C".into()],
            prior_weight: Some(1.0),
        };
        let c = args.comparison();
        assert_eq!(c.against, Reference::Speakers(vec!["A".into(), "B".into()]));
        assert_eq!((c.leave_out, c.prior_weight), (vec!["C".to_owned()], 1.0));
        assert_eq!(ComparisonArgs::default().comparison(), Comparison::default());
    }
}
