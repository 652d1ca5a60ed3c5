//! Sorted, deduplicated slices used as sets (shingle hashes, stem hashes, actor ids): cheaper
//! than hash sets for the short lists dedup and consolidate compare by the million.

/// How many items two sorted, deduplicated slices share (a merge, no allocation).
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shared_items() {
        assert_eq!(common(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(common::<u8>(&[], &[1]), 0);
    }
}
