//! A double-array trie over folded bytes, for anchored walks.
//!
//! The matcher only ever walks forward from a word start, so it needs a trie, not a full
//! Aho-Corasick automaton with failure links. A double array makes each step of the walk
//! constant time whatever the fan-out of the node: the bytes are first mapped to classes
//! (only the bytes that occur in some key get one; any other byte ends the walk at once),
//! and the child of node `s` along class `c` is slot `base[s] + c`, valid if that slot's
//! `check` names `s` as its parent. A slot is 12 bytes (base, check, pattern), so one
//! step touches one cache line.
//!
//! It is built from the keys in one depth-first pass over their sorted order, with no
//! per-node allocation: each node's children get the first free slots that fit them
//! (from a linked list of the free slots, trying a bounded number), so that the array
//! stays dense. Nodes along one key are placed close together, which keeps deep walks in
//! few cache lines.

/// No such node / no pattern / a free slot.
const NONE: u32 = u32::MAX;

/// After this many failed candidate bases, a node's children go to the end of the array
/// (bounds the build time of nodes with many children; costs a few empty slots).
const MAX_PROBES: usize = 64;

#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The children of the node in this slot are at `base + class`.
    base: u32,
    /// The parent of the node in this slot, or `NONE` for a free slot.
    check: u32,
    /// The pattern that ends at this node, or `NONE`.
    pattern: u32,
}

const FREE: Slot = Slot {
    base: 0,
    check: NONE,
    pattern: NONE,
};

#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Byte → class, 1-based; 0 for bytes that no key contains.
    class: [u8; 256],
    slots: Vec<Slot>,
}

impl Trie {
    /// Builds the trie of `keys`; pattern `i` is `keys[i]`. Keys must be distinct and
    /// non-empty.
    pub(crate) fn new(keys: &[Vec<u8>]) -> Trie {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        let sorted = |i: usize| keys[order[i] as usize].as_slice();

        let mut class = [0u8; 256];
        let mut seen = [false; 256];
        for k in keys {
            for &b in k {
                seen[b as usize] = true;
            }
        }
        let mut n = 0u8;
        for (b, &s) in seen.iter().enumerate() {
            if s {
                // Valid UTF-8 never uses 13 of the 256 byte values, so 243 classes do.
                n = n.saturating_add(1);
                class[b] = n;
            }
        }

        let mut b = Builder::new();
        // Depth-first: (range of sorted keys, depth, slot of the node).
        let mut stack: Vec<(u32, u32, u32, u32)> = vec![(0, keys.len() as u32, 0, 0)];
        let mut children: Vec<(u32, u32, u8)> = Vec::new();
        while let Some((lo, hi, depth, slot)) = stack.pop() {
            let d = depth as usize;
            let mut i = lo as usize;
            // A key that ends here sorts first in its range.
            if i < hi as usize && sorted(i).len() == d {
                if slot != 0 {
                    b.slots[slot as usize].pattern = order[i];
                }
                i += 1;
            }
            children.clear();
            while i < hi as usize {
                let byte = sorted(i)[d];
                let start = i;
                while i < hi as usize && sorted(i)[d] == byte {
                    i += 1;
                }
                children.push((start as u32, i as u32, class[byte as usize]));
            }
            if children.is_empty() {
                continue;
            }
            // The root's children are at their class (slots 1..=255, kept for them).
            let base = if slot == 0 { 0 } else { b.find_base(&children) };
            b.slots[slot as usize].base = base;
            for &(_, _, c) in &children {
                b.occupy(base + u32::from(c), slot);
            }
            // Push in reverse so that the first child is placed first.
            for &(s, e, c) in children.iter().rev() {
                stack.push((s, e, depth + 1, base + u32::from(c)));
            }
        }
        let mut slots = b.slots;
        slots.shrink_to_fit();
        Trie { class, slots }
    }

    /// The root node.
    #[inline]
    pub(crate) fn root(&self) -> u32 {
        0
    }

    /// The child of `node` along `byte`.
    #[inline(always)]
    pub(crate) fn next(&self, node: u32, byte: u8) -> Option<u32> {
        let c = self.class[byte as usize];
        if c == 0 {
            return None;
        }
        let t = self.slots[node as usize].base + u32::from(c);
        match self.slots.get(t as usize) {
            Some(s) if s.check == node => Some(t),
            _ => None,
        }
    }

    /// The pattern that ends at `node`, if any.
    #[inline(always)]
    pub(crate) fn pattern(&self, node: u32) -> Option<u32> {
        let p = self.slots[node as usize].pattern;
        (p != NONE).then_some(p)
    }

    /// Heap memory used, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
    }
}

/// The slots reserved for the children of the root (at their class).
const ROOT_SLOTS: usize = 256;

struct Builder {
    slots: Vec<Slot>,
    /// The free slots past `ROOT_SLOTS`, as a doubly linked list in slot order (`NONE`
    /// ends it); every slot past the end of `slots` is free too.
    next: Vec<u32>,
    prev: Vec<u32>,
    head: u32,
    tail: u32,
}

impl Builder {
    fn new() -> Builder {
        let mut slots = vec![FREE; ROOT_SLOTS];
        slots[0].check = 0;
        Builder {
            slots,
            next: vec![NONE; ROOT_SLOTS],
            prev: vec![NONE; ROOT_SLOTS],
            head: NONE,
            tail: NONE,
        }
    }

    fn is_free(&self, i: usize) -> bool {
        self.slots.get(i).is_none_or(|s| s.check == NONE)
    }

    /// A base at which every child class is a free slot.
    fn find_base(&self, children: &[(u32, u32, u8)]) -> u32 {
        let first = u32::from(children[0].2);
        let mut f = self.head;
        let mut probes = 0;
        while f != NONE && probes < MAX_PROBES {
            let base = f - first;
            if children[1..]
                .iter()
                .all(|&(_, _, c)| self.is_free((base + u32::from(c)) as usize))
            {
                return base;
            }
            f = self.next[f as usize];
            probes += 1;
        }
        // Past the end of every used slot.
        self.slots.len() as u32 - first
    }

    fn occupy(&mut self, i: u32, parent: u32) {
        let iu = i as usize;
        // Grow, listing the new slots as free.
        while self.slots.len() <= iu {
            let j = self.slots.len() as u32;
            self.slots.push(FREE);
            self.next.push(NONE);
            self.prev.push(self.tail);
            match self.tail {
                NONE => self.head = j,
                t => self.next[t as usize] = j,
            }
            self.tail = j;
        }
        self.slots[iu].check = parent;
        if iu < ROOT_SLOTS {
            return;
        }
        let (p, n) = (self.prev[iu], self.next[iu]);
        match p {
            NONE => self.head = n,
            p => self.next[p as usize] = n,
        }
        match n {
            NONE => self.tail = p,
            n => self.prev[n as usize] = p,
        }
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
        assert_eq!(walk(&t, "cam"), [(1, 4)]);
    }

    #[test]
    fn many_children() {
        // Every UTF-8 byte value after `a`, and after `b` only some.
        let valid: Vec<u8> = (0u8..=255)
            .filter(|&b| !matches!(b, 0xC0 | 0xC1 | 0xF5..=0xFF))
            .collect();
        let mut keys: Vec<Vec<u8>> = valid.iter().map(|&b| vec![b'a', b]).collect();
        keys.extend((b'a'..=b'z').step_by(3).map(|b| vec![b'b', b, b'x']));
        let t = Trie::new(&keys);
        for (i, &b) in valid.iter().enumerate() {
            let n = t.next(t.root(), b'a').unwrap();
            let m = t.next(n, b).unwrap();
            assert_eq!(t.pattern(m), Some(i as u32));
        }
        let n = t.next(t.root(), b'b').unwrap();
        for b in b'a'..=b'z' {
            let found = t.next(n, b).and_then(|m| t.next(m, b'x'));
            assert_eq!(found.is_some(), (b - b'a') % 3 == 0, "{}", b as char);
        }
    }

    #[test]
    fn agrees_with_a_sorted_list() {
        // Pseudo-random keys over a small alphabet: many shared prefixes.
        let mut x = 12345u64;
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for _ in 0..3000 {
            let mut k = Vec::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for j in 0..(1 + x % 9) {
                k.push(b"abcde fgh"[((x >> (j * 4)) % 9) as usize]);
            }
            keys.push(k);
        }
        keys.sort();
        keys.dedup();
        let t = Trie::new(&keys);
        for (i, k) in keys.iter().enumerate() {
            let mut node = t.root();
            for &b in k {
                node = t.next(node, b).expect("every key is in the trie");
            }
            assert_eq!(t.pattern(node), Some(i as u32));
        }
        // A prefix that is not a key has no pattern.
        let mut node = t.root();
        for &b in b"hhhhhhhhh" {
            match t.next(node, b) {
                Some(n) => node = n,
                None => break,
            }
        }
        assert!(
            t.pattern(node)
                .is_none_or(|p| keys[p as usize].iter().all(|&b| b == b'h'))
        );
    }

    #[test]
    fn empty() {
        let t = Trie::new(&[]);
        assert_eq!(t.next(t.root(), b'a'), None);
        assert_eq!(t.pattern(t.root()), None);
    }
}
