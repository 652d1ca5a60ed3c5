//! Union-find (disjoint sets) for dedup's copy groups, consolidate's actor merging and claim
//! grouping. The root of a set is always its smallest index, so groups and the member that
//! stands for them come out the same on every run, whatever the order of the unions.

/// Disjoint sets over `0..n`.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    /// The root (smallest index) of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_the_smallest_member() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 2);
        uf.union(3, 4);
        uf.union(1, 0);
        assert_eq!((0..5).map(|i| uf.find(i)).collect::<Vec<_>>(), [0, 0, 2, 2, 2]);
    }
}
