//! A compact byte trie for anchored walks.
//!
//! The matcher only ever walks forward from a word start, so it needs a trie, not a full
//! Aho-Corasick automaton with failure links. This one is built from the sorted keys in
//! one breadth-first pass (no per-node allocation): nodes are numbered in breadth-first
//! order, so the children of each node are consecutive and the children of consecutive
//! nodes follow one another. A node costs 9 bytes; the root has a dense table.

/// No such node / no pattern.
const NONE: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Children of node `i` are the nodes `first_child[i]..first_child[i + 1]`.
    first_child: Vec<u32>,
    /// The byte on the edge into each node (sorted among siblings).
    label: Vec<u8>,
    /// The pattern that ends at each node, or `NONE`.
    pattern: Vec<u32>,
    /// Dense transitions from the root.
    root: Box<[u32; 256]>,
}

impl Trie {
    /// Builds the trie of `keys`; pattern `i` is `keys[i]`. Keys must be distinct and
    /// non-empty.
    pub(crate) fn new(keys: &[Vec<u8>]) -> Trie {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        let sorted = |i: usize| keys[order[i] as usize].as_slice();

        let mut first_child = Vec::new();
        let mut label = vec![0u8];
        let mut pattern = vec![NONE];
        // Breadth-first queue of (range of sorted keys, depth); node i is queue[i].
        let mut queue: Vec<(u32, u32, u32)> = vec![(0, keys.len() as u32, 0)];
        let mut head = 0;
        while head < queue.len() {
            let (lo, hi, depth) = queue[head];
            first_child.push(queue.len() as u32);
            let d = depth as usize;
            let mut i = lo as usize;
            // A key that ends here sorts first in its range.
            if i < hi as usize && sorted(i).len() == d {
                if head != 0 {
                    pattern[head] = order[i];
                }
                i += 1;
            }
            while i < hi as usize {
                let b = sorted(i)[d];
                let start = i;
                while i < hi as usize && sorted(i)[d] == b {
                    i += 1;
                }
                queue.push((start as u32, i as u32, depth + 1));
                label.push(b);
                pattern.push(NONE);
            }
            head += 1;
        }
        first_child.push(queue.len() as u32);
        let mut root = Box::new([NONE; 256]);
        for child in first_child[0]..first_child[1] {
            root[label[child as usize] as usize] = child;
        }
        Trie {
            first_child,
            label,
            pattern,
            root,
        }
    }

    /// The root node.
    #[inline]
    pub(crate) fn root(&self) -> u32 {
        0
    }

    /// The child of `node` along `byte`.
    #[inline]
    pub(crate) fn next(&self, node: u32, byte: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[byte as usize];
            return (c != NONE).then_some(c);
        }
        let lo = self.first_child[node as usize] as usize;
        let hi = self.first_child[node as usize + 1] as usize;
        let labels = &self.label[lo..hi];
        let k = if labels.len() <= 8 {
            labels.iter().position(|&l| l == byte)?
        } else {
            labels.binary_search(&byte).ok()?
        };
        Some((lo + k) as u32)
    }

    /// The pattern that ends at `node`, if any.
    #[inline]
    pub(crate) fn pattern(&self, node: u32) -> Option<u32> {
        let p = self.pattern[node as usize];
        (p != NONE).then_some(p)
    }

    /// Heap memory used, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.first_child.len() * 4 + self.label.len() + self.pattern.len() * 4 + 256 * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(t: &Trie, s: &str) -> Vec<(usize, u32)> {
        let mut node = t.root();
        let mut out = Vec::new();
        for (i, b) in s.bytes().enumerate() {
            match t.next(node, b) {
                Some(n) => node = n,
                None => break,
            }
            if let Some(p) = t.pattern(node) {
                out.push((i + 1, p));
            }
        }
        out
    }

    #[test]
    fn prefixes_along_the_walk() {
        let keys: Vec<Vec<u8>> = ["camp ashraf", "camp", "ashraf", "camp liberty", "c"]
            .iter()
            .map(|k| k.as_bytes().to_vec())
            .collect();
        let t = Trie::new(&keys);
        assert_eq!(walk(&t, "camp ashraf!"), [(1, 4), (4, 1), (11, 0)]);
        assert_eq!(walk(&t, "camp liberty"), [(1, 4), (4, 1), (12, 3)]);
        assert_eq!(walk(&t, "ashraf"), [(6, 2)]);
        assert!(walk(&t, "xyz").is_empty());
    }

    #[test]
    fn many_children() {
        let keys: Vec<Vec<u8>> = (0u8..=255).map(|b| vec![b'a', b]).collect();
        let t = Trie::new(&keys);
        for b in 0u8..=255 {
            let n = t.next(t.root(), b'a').unwrap();
            let m = t.next(n, b).unwrap();
            assert_eq!(t.pattern(m), Some(u32::from(b)));
        }
    }

    #[test]
    fn empty() {
        let t = Trie::new(&[]);
        assert_eq!(t.next(t.root(), b'a'), None);
    }
}
