//! Three-valued (Kleene) truth: what a criterion is when some answers are missing.

use serde::Serialize;

/// A truth value that may not be known yet.
///
/// Kleene's strong logic: an unknown operand decides nothing unless the other
/// operand already does (`false and unknown = false`, `true or unknown = true`).
/// This is what lets a trial say "not eligible" only when the known answers
/// alone prove it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    pub fn is_known(self) -> bool {
        self != Tri::Unknown
    }

    /// `None` is unknown.
    pub fn from_option(b: Option<bool>) -> Tri {
        b.map_or(Tri::Unknown, Tri::from)
    }

    /// `None` when unknown.
    pub fn known(self) -> Option<bool> {
        match self {
            Tri::True => Some(true),
            Tri::False => Some(false),
            Tri::Unknown => None,
        }
    }
}

impl std::ops::Not for Tri {
    type Output = Tri;

    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, *};
    use proptest::prelude::*;

    fn tri() -> impl Strategy<Value = Tri> {
        prop_oneof![Just(True), Just(False), Just(Unknown)]
    }

    /// "Refines": b is a, or a was unknown.
    fn refines(a: Tri, b: Tri) -> bool {
        a == Unknown || a == b
    }

    #[test]
    fn unknown_never_hides_a_decided_result() {
        assert_eq!(False.and(Unknown), False);
        assert_eq!(Unknown.and(False), False);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(Unknown.or(True), True);
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(!Unknown, Unknown);
    }

    proptest! {
        #[test]
        fn and_or_are_commutative_and_associative(a in tri(), b in tri(), c in tri()) {
            prop_assert_eq!(a.and(b), b.and(a));
            prop_assert_eq!(a.or(b), b.or(a));
            prop_assert_eq!(a.and(b).and(c), a.and(b.and(c)));
            prop_assert_eq!(a.or(b).or(c), a.or(b.or(c)));
        }

        #[test]
        fn de_morgan_and_double_negation(a in tri(), b in tri()) {
            prop_assert_eq!(!a.and(b), (!a).or(!b));
            prop_assert_eq!(!a.or(b), (!a).and(!b));
            prop_assert_eq!(!!a, a);
        }

        #[test]
        fn distributive(a in tri(), b in tri(), c in tri()) {
            prop_assert_eq!(a.and(b.or(c)), a.and(b).or(a.and(c)));
            prop_assert_eq!(a.or(b.and(c)), a.or(b).and(a.or(c)));
        }

        #[test]
        fn agrees_with_boolean_logic_on_known_values(a: bool, b: bool) {
            prop_assert_eq!(Tri::from(a).and(Tri::from(b)), Tri::from(a && b));
            prop_assert_eq!(Tri::from(a).or(Tri::from(b)), Tri::from(a || b));
            prop_assert_eq!(!Tri::from(a), Tri::from(!a));
        }

        /// Learning an operand never turns a known result into another one.
        #[test]
        fn operators_are_monotone(a in tri(), b in tri(), a2 in tri(), b2 in tri()) {
            prop_assume!(refines(a, a2) && refines(b, b2));
            prop_assert!(refines(a.and(b), a2.and(b2)));
            prop_assert!(refines(a.or(b), a2.or(b2)));
            prop_assert!(refines(!a, !a2));
        }
    }
}
