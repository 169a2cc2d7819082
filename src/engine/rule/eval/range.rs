//! Numbers as ranges: an exact answer is a range of one point; a comparison
//! decides only when the whole range agrees.

use crate::engine::logic::Tri;
use crate::engine::rule::op::{Arith, Compare};

/// Inclusive bounds; `lo == hi` for an exact number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
}

impl Range {
    pub(super) fn exact(x: f64) -> Range {
        Range { lo: x, hi: x }
    }

    pub(super) fn is_exact(self) -> bool {
        self.lo == self.hi
    }
}

/// Canonical conversions can leave 34.2/17.1 a hair above 2.0; a limit is
/// met when the values agree to this relative precision.
const TOLERANCE: f64 = 1e-9;

pub(super) fn le(a: f64, b: f64) -> bool {
    a <= b || (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

pub(super) fn compare(op: Compare, a: Range, b: Range) -> Tri {
    let lt = |x: Range, y: Range| -> Tri {
        if !le(y.lo, x.hi) {
            Tri::True
        } else if le(y.hi, x.lo) {
            Tri::False
        } else {
            Tri::Unknown
        }
    };
    let leq = |x: Range, y: Range| -> Tri {
        if le(x.hi, y.lo) {
            Tri::True
        } else if !le(x.lo, y.hi) {
            Tri::False
        } else {
            Tri::Unknown
        }
    };
    match op {
        Compare::Lt => lt(a, b),
        Compare::Le => leq(a, b),
        Compare::Gt => lt(b, a),
        Compare::Ge => leq(b, a),
        Compare::Eq => leq(a, b).and(leq(b, a)),
        Compare::Ne => !leq(a, b).and(leq(b, a)),
    }
}

pub(super) fn arith(op: Arith, a: Range, b: Range) -> Option<Range> {
    let hull = |xs: [f64; 4]| {
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo.is_finite() && hi.is_finite()).then_some(Range { lo, hi })
    };
    match op {
        Arith::Add => Some(Range { lo: a.lo + b.lo, hi: a.hi + b.hi }),
        Arith::Sub => Some(Range { lo: a.lo - b.hi, hi: a.hi - b.lo }),
        Arith::Mul => hull([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]),
        // Dividing by a range that holds zero decides nothing.
        Arith::Div if b.lo <= 0.0 && b.hi >= 0.0 => None,
        Arith::Div => hull([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: f64, hi: f64) -> Range {
        Range { lo, hi }
    }

    #[test]
    fn comparisons_decide_only_when_the_whole_range_agrees() {
        assert_eq!(compare(Compare::Le, r(5.0, 5.9), r(6.0, 6.0)), Tri::True);
        assert_eq!(compare(Compare::Le, r(5.5, 6.5), r(6.0, 6.0)), Tri::Unknown);
        assert_eq!(compare(Compare::Le, r(6.1, 7.0), r(6.0, 6.0)), Tri::False);
        assert_eq!(compare(Compare::Lt, r(6.0, 6.0), r(6.0, 6.0)), Tri::False);
        assert_eq!(compare(Compare::Ge, r(6.0, 6.0), r(6.0, 6.0)), Tri::True);
        assert_eq!(compare(Compare::Eq, r(2.0, 2.0), r(2.0, 2.0)), Tri::True);
        assert_eq!(compare(Compare::Ne, r(1.0, 2.0), r(3.0, 3.0)), Tri::True);
    }

    #[test]
    fn a_limit_met_exactly_after_unit_conversion_is_met() {
        // 34.2 umol/L of bilirubin is 2.0 mg/dL; floating point says 2.0000000000000004.
        let bilirubin = 34.2 / 17.1;
        assert_eq!(compare(Compare::Le, r(bilirubin, bilirubin), r(2.0, 2.0)), Tri::True);
    }

    #[test]
    fn dividing_by_a_range_through_zero_decides_nothing() {
        assert_eq!(arith(Arith::Div, r(1.0, 1.0), r(-1.0, 1.0)), None);
        assert_eq!(arith(Arith::Mul, r(2.0, 3.0), r(-1.0, 1.0)), Some(r(-3.0, 3.0)));
    }
}
