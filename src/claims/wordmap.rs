//! Perfect hash tables of short ASCII words, for the lookups made at every word of a
//! sentence (the number words and cue words of [`super::anchors`], the date lexicon).
//!
//! A word of at most 16 ASCII letters is keyed on its bytes lowercased, as two
//! little-endian `u64` padded with zero bytes, read in place from the text where sixteen
//! bytes follow its start. One multiplication hashes the key to a bucket and a slot; the
//! bucket's displacement, chosen when the table is built so that no two words share a
//! slot, moves the slot. A lookup is thus one probe: the slot's key is the word's, or the
//! word is not in the table. Nothing in it branches on whether the word is there, which
//! matters where that is unpredictable (`the` is a date word, `then` is not).

/// The number of buckets (a power of two).
const BUCKETS: usize = 256;

/// A map from words (ASCII letters, at most 16, any case) to values.
pub(crate) struct WordMap<V> {
    /// The key of the word of each slot (`[0, 0]` for an empty slot) and its value.
    slots: Box<[([u64; 2], V)]>,
    /// The displacement of each bucket, XORed into the slot.
    disp: Box<[u16; BUCKETS]>,
    mul: u64,
    /// `slots - 1`.
    mask: usize,
    /// The value of the words not in the map.
    default: V,
    /// A bit per (length, first letter, last letter) of the words in the map (see
    /// [`shape`]): most words of a text are ruled out by it, without hashing.
    shapes: Box<[u64; SHAPES / 64]>,
}

/// The number of bits of [`WordMap::shapes`].
const SHAPES: usize = 17 << 10;

/// The bit of a word of `n` (1 to 16) ASCII letters, of which `first` and `last` are the
/// first and the last: letters in either case give the same bit.
#[inline(always)]
fn shape(n: usize, first: u8, last: u8) -> usize {
    (n << 10) | (usize::from(first & 31) << 5) | usize::from(last & 31)
}

/// The low `n` bytes of a `u64` (all of them for 8 or more).
#[inline(always)]
const fn low_bytes(n: usize) -> u64 {
    match n {
        0 => 0,
        8.. => u64::MAX,
        n => (1u64 << (8 * n)) - 1,
    }
}

/// The masks of the first `n` bytes of sixteen (`n` up to 16), as two little-endian
/// `u64`.
static RUN_MASKS: [[u64; 2]; 17] = {
    let mut t = [[0u64; 2]; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = [low_bytes(n), low_bytes(n.saturating_sub(8))];
        n += 1;
    }
    t
};

/// Odd multipliers to try, in turn, until one lets every bucket find a displacement.
const MULTIPLIERS: [u64; 8] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0xD6E8_FEB8_6659_FD93,
    0xA076_1D64_78BD_642F,
    0xE703_7ED1_A0B4_28DB,
    0x8EBC_6AF0_9C88_C6E3,
    0x5895_65F3_2F08_8B33,
];

impl<V: Copy + PartialEq + std::fmt::Debug> WordMap<V> {
    /// The map of `words` (distinct, ASCII letters, 1 to 16 of them) to their values;
    /// other words map to `default`.
    ///
    /// # Panics
    ///
    /// If a word is not ASCII letters, is listed twice, or the table cannot be built
    /// (tables are built once, from fixed lists: a test builds each).
    pub(crate) fn new(words: &[(&[u8], V)], default: V) -> WordMap<V> {
        let keys: Vec<[u64; 2]> = words
            .iter()
            .map(|(w, _)| {
                Self::key(w)
                    .unwrap_or_else(|| panic!("{:?}: not a word", String::from_utf8_lossy(w)))
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert!(
            sorted.windows(2).all(|w| w[0] != w[1]),
            "a word listed twice"
        );
        let slots = (keys.len() + keys.len() / 4).next_power_of_two().max(64);
        for mul in MULTIPLIERS {
            if let Some(mut map) = Self::build(&keys, words, slots, mul, default) {
                for (w, _) in words {
                    let bit = shape(w.len(), w[0], w[w.len() - 1]);
                    map.shapes[bit >> 6] |= 1 << (bit & 63);
                }
                return map;
            }
        }
        panic!("no perfect hash for {} words", keys.len());
    }

    fn build(
        keys: &[[u64; 2]],
        words: &[(&[u8], V)],
        slots: usize,
        mul: u64,
        default: V,
    ) -> Option<WordMap<V>> {
        let mask = slots - 1;
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); BUCKETS];
        for (i, &k) in keys.iter().enumerate() {
            buckets[Self::bucket(Self::hash(k, mul))].push(i);
        }
        let mut order: Vec<usize> = (0..BUCKETS).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut map = WordMap {
            slots: vec![([0u64; 2], default); slots].into_boxed_slice(),
            disp: Box::new([0; BUCKETS]),
            mul,
            mask,
            default,
            shapes: Box::new([0; SHAPES / 64]),
        };
        let mut taken = vec![false; slots];
        for b in order {
            let members = &buckets[b];
            if members.is_empty() {
                break;
            }
            let d = (0..slots).find(|&d| {
                let mut seen: Vec<usize> = Vec::with_capacity(members.len());
                members.iter().all(|&i| {
                    let s = (Self::base(Self::hash(keys[i], mul)) ^ d) & mask;
                    let free = !taken[s] && !seen.contains(&s);
                    seen.push(s);
                    free
                })
            })?;
            map.disp[b] = d as u16;
            for &i in members {
                let s = (Self::base(Self::hash(keys[i], mul)) ^ d) & mask;
                taken[s] = true;
                map.slots[s] = (keys[i], words[i].1);
            }
        }
        Some(map)
    }

    /// The key of a word of ASCII letters (1 to 16): its bytes lowercased, little-endian,
    /// padded with zero bytes. `None` for anything else.
    pub(crate) fn key(word: &[u8]) -> Option<[u64; 2]> {
        if word.is_empty() || word.len() > 16 || !word.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..word.len()].copy_from_slice(word);
        let a = u64::from_le_bytes(buf[..8].try_into().unwrap_or_default());
        let b = u64::from_le_bytes(buf[8..].try_into().unwrap_or_default());
        Some(Self::lowered([a, b], word.len()))
    }

    /// The key of the `n` ASCII letters at the start of `words` (the rest is masked off).
    #[inline(always)]
    fn lowered(words: [u64; 2], n: usize) -> [u64; 2] {
        // Letters only: setting bit 5 of each byte lowercases it.
        let ones = 0x2020_2020_2020_2020u64;
        [
            (words[0] | ones) & low_bytes(n),
            (words[1] | ones) & low_bytes(n.saturating_sub(8)),
        ]
    }

    #[inline(always)]
    fn hash(key: [u64; 2], mul: u64) -> u64 {
        (key[0] ^ key[1].rotate_left(29)).wrapping_mul(mul)
    }

    #[inline(always)]
    fn bucket(h: u64) -> usize {
        (h >> 56) as usize
    }

    #[inline(always)]
    fn base(h: u64) -> usize {
        (h >> 32) as usize
    }

    /// The value of the word of `key`.
    #[inline(always)]
    pub(crate) fn get_key(&self, key: [u64; 2]) -> V {
        let h = Self::hash(key, self.mul);
        let s = (Self::base(h) ^ usize::from(self.disp[Self::bucket(h)])) & self.mask;
        let (k, v) = self.slots[s];
        if k == key { v } else { self.default }
    }

    /// The value of `word` (any bytes: the default for anything but a word of 1 to 16
    /// ASCII letters in the map).
    pub(crate) fn get(&self, word: &[u8]) -> V {
        Self::key(word).map_or(self.default, |k| self.get_key(k))
    }

    /// The value of `bytes[start..end]`, a run of ASCII letters, read in place where
    /// sixteen bytes follow its start.
    #[inline(always)]
    pub(crate) fn get_run(&self, bytes: &[u8], start: usize, end: usize) -> V {
        let n = end - start;
        if n.wrapping_sub(1) >= 16 {
            return self.default;
        }
        let (Some(&first), Some(&last)) = (bytes.get(start), bytes.get(end - 1)) else {
            return self.default;
        };
        if !self.may_hold(n, first, last) {
            return self.default;
        }
        self.get_run_of_shape(bytes, start, end)
    }

    /// False if no word of the map has `n` (1 to 16) letters, the first `first` and the
    /// last `last` (in any case): a test that rules out most words of a text before they
    /// are hashed.
    #[inline(always)]
    pub(crate) fn may_hold(&self, n: usize, first: u8, last: u8) -> bool {
        let bit = shape(n, first, last);
        self.shapes
            .get(bit >> 6)
            .is_some_and(|w| w & (1 << (bit & 63)) != 0)
    }

    /// [`get_run`](Self::get_run) of a run of 1 to 16 letters.
    #[inline(always)]
    pub(crate) fn get_run_of_shape(&self, bytes: &[u8], start: usize, end: usize) -> V {
        let n = end - start;
        match (
            crate::swar::load(bytes, start),
            crate::swar::load(bytes, start + 8),
        ) {
            (Some(a), Some(b)) => self.get_key(Self::lowered([a, b], n)),
            _ => self.get(&bytes[start..end]),
        }
    }

    /// The value of the run of `n` ASCII letters whose bytes, and those after them, are
    /// the sixteen of `words` (little-endian): the default for a run longer than 16. The
    /// bytes after the run are masked off by a table, not by branches, so that nothing
    /// in a lookup branches on the run.
    #[inline(always)]
    pub(crate) fn get_loaded(&self, words: [u64; 2], n: usize) -> V {
        let [m0, m1] = RUN_MASKS[if n <= 16 { n } else { 0 }];
        let ones = 0x2020_2020_2020_2020u64;
        self.get_key([(words[0] | ones) & m0, (words[1] | ones) & m1])
    }

    /// The value of `bytes[start..end]`, whatever those bytes are (the default for
    /// anything but a word of 1 to 16 ASCII letters in the map), read in place where
    /// sixteen bytes follow its start.
    #[inline(always)]
    pub(crate) fn get_at(&self, bytes: &[u8], start: usize, end: usize) -> V {
        let n = end.wrapping_sub(start);
        if n.wrapping_sub(1) >= 16 {
            return self.default;
        }
        match (
            crate::swar::load(bytes, start),
            crate::swar::load(bytes, start + 8),
        ) {
            (Some(a), Some(b)) => {
                let [m0, m1] = RUN_MASKS[n];
                let high = crate::swar::HIGH;
                let letters = (crate::swar::letters(a) | !m0) & (crate::swar::letters(b) | !m1);
                if letters & high != high {
                    return self.default;
                }
                self.get_loaded([a, b], n)
            }
            _ => bytes.get(start..end).map_or(self.default, |w| self.get(w)),
        }
    }

    /// Heap memory of the table, in bytes.
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.slots.len() * std::mem::size_of::<([u64; 2], V)>() + BUCKETS * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_its_words_in_any_case_and_nothing_else() {
        let words: Vec<String> = (0..400)
            .map(|i| {
                // Words of 1 to 16 letters from the number.
                let len = 1 + i % 16;
                (0..len)
                    .map(|k| char::from(b'a' + ((i * 7 + k * 13) % 26) as u8))
                    .collect()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let list: Vec<(&[u8], u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_bytes(), i as u32 + 1))
            .collect();
        let map = WordMap::new(&list, 0);
        assert!(map.memory_usage() < 32 * 1024);
        for (w, v) in &list {
            assert_eq!(map.get(w), *v);
            let upper = w.to_ascii_uppercase();
            assert_eq!(map.get(&upper), *v);
            // In place, inside a longer text, with bytes after it.
            let text = format!(
                "({}) and more text after it",
                String::from_utf8_lossy(&upper)
            );
            assert_eq!(map.get_run(text.as_bytes(), 1, 1 + w.len()), *v);
            let longer = [*w, b"q".as_slice()].concat();
            if !list.iter().any(|(k, _)| *k == longer.as_slice()) {
                assert_eq!(map.get(&longer), 0);
            }
        }
        for w in ["", "a1", "é", "abcdefghijklmnopq", "-", "zzzzzzzzzzzzzzzz"] {
            if !words.iter().any(|k| k == w) {
                assert_eq!(map.get(w.as_bytes()), 0, "{w:?}");
            }
        }
        // Sixteen bytes loaded from a run and what follows it.
        for (w, v) in &list {
            let mut buf = [b'x'; 16];
            buf[..w.len()].copy_from_slice(&w.to_ascii_uppercase());
            let a = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let b = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(map.get_loaded([a, b], w.len()), *v);
            if w.len() < 16 {
                assert_eq!(
                    map.get_loaded([a, b], w.len() + 1),
                    map.get(&buf[..=w.len()])
                );
            }
        }
        assert_eq!(map.get_loaded([u64::MAX; 2], 17), 0);
        // Any bytes, in place.
        let text = "one seven-teen Zz\u{e9}ta ab1 q'z ".repeat(3);
        let b = text.as_bytes();
        for start in 0..=b.len() {
            for end in start..=(start + 20).min(b.len()) {
                assert_eq!(
                    map.get_at(b, start, end),
                    map.get(&b[start..end]),
                    "{start} {end}"
                );
            }
        }
        assert_eq!(map.get_at(b, 5, 2), 0);
        for (w, v) in &list {
            let text = [b"(".as_slice(), w, b"9-abcdefghijklmnopqr"].concat();
            assert_eq!(map.get_at(&text, 1, 1 + w.len()), *v);
            assert_eq!(map.get_at(&text, 1, 2 + w.len()), 0);
            assert_eq!(map.get_at(&text, 0, 1 + w.len()), 0);
        }
        assert_eq!(map.get_loaded([0; 2], 0), 0);
        // Near the end of the text, read a byte at a time.
        let text = b"xx ZZYZX";
        assert_eq!(map.get_run(text, 3, 8), map.get(b"zzyzx"));
    }

    #[test]
    #[should_panic(expected = "listed twice")]
    fn a_word_listed_twice_panics() {
        WordMap::new(&[(b"one".as_slice(), 1), (b"ONE".as_slice(), 2)], 0);
    }
}
