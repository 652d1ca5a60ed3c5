//! Sorted, deduplicated slices used as sets (shingle hashes, stem hashes, actor ids): cheaper
//! than hash sets for the short lists dedup and consolidate compare by the million.

/// How many items two sorted, deduplicated slices share (a merge, no allocation).
pub(crate) fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The items of two sorted, deduplicated slices that both hold.
pub(crate) fn shared<'s, T: Ord>(a: &'s [T], b: &'s [T]) -> impl Iterator<Item = &'s T> + 's {
    let mut j = 0;
    a.iter().filter(move |x| {
        while j < b.len() && b[j] < **x {
            j += 1;
        }
        j < b.len() && b[j] == **x
    })
}

/// Inserts `item` into a sorted, deduplicated vector unless it is there already. A `Vec` used
/// this way holds the few aliases and roles of an actor in a fraction of a `BTreeSet`'s memory.
pub(crate) fn insert<T: Ord>(v: &mut Vec<T>, item: T) {
    if let Err(at) = v.binary_search(&item) {
        v.insert(at, item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shared_items() {
        assert_eq!(common(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(common::<u8>(&[], &[1]), 0);
    }

    #[test]
    fn yields_shared_items() {
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]).copied().collect::<Vec<_>>(), [3, 7]);
        assert_eq!(shared::<u8>(&[1], &[]).count(), 0);
    }

    #[test]
    fn insert_keeps_order_and_drops_repeats() {
        let mut v = Vec::new();
        for x in [5, 1, 3, 5, 1] {
            insert(&mut v, x);
        }
        assert_eq!(v, [1, 3, 5]);
    }
}
