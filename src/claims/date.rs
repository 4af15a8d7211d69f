//! Dates: absolute dates at the grain the text gives, ranges, and relative dates.

use super::{Claim, SentenceContext};

/// Pushes the date claims of one sentence to `out`.
pub(crate) fn find<'t>(_ctx: &SentenceContext<'t, '_>, _out: &mut Vec<Claim<'t>>) {}
