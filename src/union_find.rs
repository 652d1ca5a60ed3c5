//! Union-find (disjoint sets) for dedup's copy groups, consolidate's actor merging and claim
//! grouping. The root of a set is always its smallest index, so groups and the member that
//! stands for them come out the same on every run, whatever the order of the unions.

/// Disjoint sets over `0..n`.
#[derive(Debug, Clone)]
pub struct UnionFind {
    /// `u32`: the sets run to millions (every local actor of a large corpus), never billions.
    parent: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind { parent: (0..n as u32).collect() }
    }

    /// The root (smallest index) of `x`'s set.
    pub(crate) fn find(&mut self, x: usize) -> usize {
        let mut x = x as u32;
        while self.parent[x as usize] != x {
            self.parent[x as usize] = self.parent[self.parent[x as usize] as usize];
            x = self.parent[x as usize];
        }
        x as usize
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb) as u32;
    }

    /// Each element's root, and for each root the size of its set (0 for an element that is
    /// no root).
    pub(crate) fn roots_and_sizes(&mut self) -> (Vec<usize>, Vec<u32>) {
        let n = self.parent.len();
        let roots: Vec<usize> = (0..n).map(|x| self.find(x)).collect();
        let mut size = vec![0u32; n];
        for &r in &roots {
            size[r] += 1;
        }
        (roots, size)
    }

    /// Every set, its members ascending, the sets in the order of their roots.
    pub(crate) fn groups(&mut self) -> Groups {
        let n = self.parent.len();
        let roots: Vec<usize> = (0..n).map(|i| self.find(i)).collect();
        // Counting sort by root: where each root's members start, then fill in index order.
        let mut next = vec![0u32; n];
        for &r in &roots {
            next[r] += 1;
        }
        let mut ends = Vec::new();
        let mut at = 0u32;
        for (r, slot) in next.iter_mut().enumerate() {
            let size = *slot;
            *slot = at;
            at += size;
            if roots[r] == r {
                ends.push(at);
            }
        }
        let mut members = vec![0u32; n];
        for (i, &r) in roots.iter().enumerate() {
            members[next[r] as usize] = i as u32;
            next[r] += 1;
        }
        Groups { members, ends }
    }
}

/// The sets of a [`UnionFind`], stored flat: two arrays rather than a `Vec` per set, since
/// consolidate groups millions of mostly single members.
#[derive(Debug, Clone)]
pub struct Groups {
    members: Vec<u32>,
    ends: Vec<u32>,
}

impl Groups {
    /// How many sets.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The members of set `k`, ascending.
    pub fn get(&self, k: usize) -> &[u32] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.members[start..self.ends[k] as usize]
    }

    /// The sets in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|k| self.get(k))
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
        assert_eq!(uf.roots_and_sizes(), (vec![0, 0, 2, 2, 2], vec![2, 0, 3, 0, 0]));
    }

    #[test]
    fn groups_come_in_root_order_with_members_ascending() {
        let mut uf = UnionFind::new(6);
        uf.union(5, 1);
        uf.union(3, 0);
        uf.union(4, 3);
        let groups = uf.groups();
        let got: Vec<Vec<u32>> = groups.iter().map(<[u32]>::to_vec).collect();
        assert_eq!(got, [vec![0, 3, 4], vec![1, 5], vec![2]]);
    }
}
