//! One stable sort for the whole crate. The standard library's sort is
//! compiled anew for every element type and comparison it is used with,
//! about 4 KB of wasm each; here every sort orders a list of indexes with
//! one shared comparison, and only the small step that moves the items into
//! that order is per type. For the same reason sets and maps are built by
//! inserting (`set`, `map`): `collect` into a `BTreeSet` or `BTreeMap` sorts
//! its items first, with a sort of their type.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The items as a set, like `collect::<BTreeSet<_>>()`.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The entries as a map (the last of equal keys wins), like `collect::<BTreeMap<_, _>>()`.
pub fn map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// The order of `n` items as indexes (`order[i]`: the item that goes to
/// place `i`), stable: equal items keep their places.
fn order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` by `compare`, stably, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => compare(x, y),
        _ => Ordering::Equal,
    });
    // Each cycle of the permutation is walked once; a place is marked done
    // by pointing at itself.
    for start in 0..order.len() {
        let mut place = start;
        while let Some(&from) = order.get(place) {
            if let Some(done) = order.get_mut(place) {
                *done = place;
            }
            if from == start || from == place {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}

/// Sorts `items` by `key`, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn it_orders_as_the_standard_stable_sort_does(items in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut theirs = items;
            // By the first field only: the second tells whether equal keys kept their order.
            super::sort_by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn strings_sort_as_they_do_in_the_standard_library() {
        let mut codes = vec!["VN".to_string(), "CN".into(), "US".into(), "AU".into(), "CN".into()];
        super::sort(&mut codes);
        assert_eq!(codes, ["AU", "CN", "CN", "US", "VN"]);
    }
}
