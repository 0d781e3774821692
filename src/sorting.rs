//! Stable sorts that share a few copies of the standard library's sort.
//!
//! Every `sort_by` with its own element type and closure is a separate copy of
//! the standard sort (quicksort, driftsort and their small-sorts, about 10 KB of
//! WebAssembly each). Measured with twiggy on the web module, the core's ~50
//! call sites and its dependencies' made 596 KB of sort code, 19 % of the
//! module's code. These functions sort an index permutation with one shared
//! instance and then move the items into place, so a caller adds only the small
//! permutation step for its type.
//!
//! They cost an index vector and, for [`by`], a dynamic call per comparison, so
//! the hot inner loops (noding, view expansion) keep their inlined sorts; these
//! are for sorts done once per report, import or analysis.

use std::cmp::Ordering;

/// Sorts `items` by `key`, ascending in `f64::total_cmp` order (NaN last,
/// -0 before +0), stably: equal keys keep their order.
pub fn by_key<T>(items: &mut [T], key: impl FnMut(&T) -> f64) {
    let order = sort_keys(keys(items, key), false);
    permute(items, order);
}

/// Sorts `items` by `key`, descending in `f64::total_cmp` order, stably.
pub fn by_key_descending<T>(items: &mut [T], key: impl FnMut(&T) -> f64) {
    let order = sort_keys(keys(items, key), true);
    permute(items, order);
}

/// Sorts `items` with `compare`, stably, as `slice::sort_by` does.
pub fn by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_order(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

fn keys<T>(items: &[T], mut key: impl FnMut(&T) -> f64) -> Vec<(f64, usize)> {
    items.iter().enumerate().map(|(i, t)| (key(t), i)).collect()
}

/// The one instance of the standard sort behind [`by_key`] and
/// [`by_key_descending`] (not generic: a closure in a generic function would
/// be a new instance per item type). Ties keep the index order.
fn sort_keys(mut keyed: Vec<(f64, usize)>, descending: bool) -> Vec<usize> {
    if descending {
        for k in &mut keyed {
            k.0 = -k.0;
        }
    }
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The one instance of the standard sort behind [`by`]: not generic.
fn sort_order(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` so that `items[k]` becomes the old `items[order[k]]`,
/// in place, following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    debug_assert_eq!(items.len(), order.len());
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        let mut k = start;
        loop {
            done[k] = true;
            let next = order[k];
            if next == start {
                break;
            }
            items.swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard stable sort, ties included.
        #[test]
        fn agrees_with_the_standard_stable_sort(
            values in proptest::collection::vec((-5i32..5, any::<u8>()), 0..200),
        ) {
            let items: Vec<(f64, u8)> = values.iter().map(|&(k, t)| (f64::from(k) * 0.5, t)).collect();

            let mut expected = items.clone();
            expected.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut got = items.clone();
            by_key(&mut got, |x| x.0);
            prop_assert_eq!(&got, &expected);

            expected = items.clone();
            expected.sort_by(|a, b| b.0.total_cmp(&a.0));
            got = items.clone();
            by_key_descending(&mut got, |x| x.0);
            prop_assert_eq!(&got, &expected);

            expected = items.clone();
            expected.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
            got = items;
            by(&mut got, |a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn signed_zeros_and_nan_follow_the_total_order() {
        let mut v = [f64::NAN, 0.0, -0.0, -1.0, f64::INFINITY];
        by_key(&mut v, |x| *x);
        assert_eq!(v[0], -1.0);
        assert!(v[1] == 0.0 && v[1].is_sign_negative());
        assert!(v[2] == 0.0 && v[2].is_sign_positive());
        assert_eq!(v[3], f64::INFINITY);
        assert!(v[4].is_nan());
    }
}
