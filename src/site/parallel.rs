//! The levels of a site computed side by side: natively on the machine's
//! cores with rayon (levels are independent, sight never crosses them), one
//! after the other in wasm (the web module is single-threaded).
//!
//! Results come back in the items' order whatever thread computed them, so a
//! site's figures are the same on one core or many.

/// `f` over `items`, results in the items' order. Natively the items are
/// tasks on rayon's threads (one per core), each thread taking the next item
/// left in the order given; a panic in `f` is raised again here, as on one
/// thread. In wasm, one after the other.
pub(super) fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Each item a task, started in the order given (FIFO): the largest
        // first, as `map_largest_first` orders them, so a thread done early
        // takes the largest item left (a parallel iterator would split the
        // list in halves instead, whatever the sizes).
        let mut out: Vec<Option<R>> = items.iter().map(|_| None).collect();
        let f = &f;
        rayon::scope_fifo(|s| {
            for (slot, item) in out.iter_mut().zip(items) {
                s.spawn_fifo(move |_| *slot = Some(f(item)));
            }
        });
        out.into_iter()
            .map(|r| r.expect("every item is computed"))
            .collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.into_iter().map(f).collect()
    }
}

/// [`map`] with the items started largest first by `sizes` (ties in order),
/// results in the items' order.
pub(super) fn map_largest_first<T: Send, R: Send>(
    items: Vec<T>,
    sizes: &[usize],
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let ordered: Vec<(usize, T)> = order
        .iter()
        .map(|&i| (i, slots[i].take().expect("each index once")))
        .collect();
    let mut out: Vec<Option<R>> = slots.iter().map(|_| None).collect();
    for (i, r) in map(ordered, |(i, item)| (i, f(item))) {
        out[i] = Some(r);
    }
    out.into_iter()
        .map(|r| r.expect("every item mapped"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u64> = (0..37).collect();
        let out = map(items.clone(), |x| x * x);
        assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
        let sizes: Vec<usize> = (0..37).map(|i| (i * 7) % 5).collect();
        let out = map_largest_first(items.clone(), &sizes, |x| x + 1);
        assert_eq!(out, (1..38).collect::<Vec<_>>());
        let mut items = items;
        map(items.iter_mut().collect(), |x| *x += 1);
        assert_eq!(items, (1..38).collect::<Vec<_>>());
    }

    #[test]
    #[should_panic(expected = "item 5")]
    fn a_panic_on_a_thread_is_raised_again() {
        let items: Vec<u32> = (0..8).collect();
        map(items, |x| {
            assert!(x != 5, "item {x}");
            x
        });
    }
}
