//! A set of row ids as one bit each over their range. A province's 321.000 standing
//! purchases lie among 3,4 million voucher ids: as bits they are 430 KB, built without
//! hashing and looked up by the cover walk half a million times without leaving the
//! cache (a slot per id took 14 MB).

/// Ids from `first` to `last` as bits.
#[derive(Default)]
pub(crate) struct IdBits {
    first: i64,
    last: i64,
    words: Vec<u64>,
    count: usize,
}

impl IdBits {
    /// The set of `ids` (any order, repeats counted once).
    pub(crate) fn new(ids: &[i64]) -> IdBits {
        let (Some(&first), Some(&last)) = (ids.iter().min(), ids.iter().max()) else { return IdBits::default() };
        let width = usize::try_from(last - first).unwrap_or(0) / 64 + 1;
        let mut set = IdBits { first, last, words: vec![0; width], count: 0 };
        for &id in ids {
            let (word, bit) = set.place(id);
            if set.words[word] & bit == 0 {
                set.words[word] |= bit;
                set.count += 1;
            }
        }
        set
    }

    fn place(&self, id: i64) -> (usize, u64) {
        let offset = usize::try_from(id - self.first).unwrap_or(0);
        (offset / 64, 1 << (offset % 64))
    }

    pub(crate) fn contains(&self, id: i64) -> bool {
        if self.words.is_empty() || id < self.first || id > self.last {
            return false;
        }
        let (word, bit) = self.place(id);
        self.words[word] & bit != 0
    }

    /// The smallest and largest id, if any.
    pub(crate) fn range(&self) -> Option<(i64, i64)> {
        (!self.words.is_empty()).then_some((self.first, self.last))
    }

    /// How many ids.
    pub(crate) fn len(&self) -> usize {
        self.count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_it_was_given_and_nothing_else() {
        let ids = [87_913, 3_514_465, 100_000, 87_914, 100_000, 100_063, 100_064];
        let set = IdBits::new(&ids);
        assert_eq!(set.range(), Some((87_913, 3_514_465)));
        assert_eq!(set.len(), 6);
        for id in 87_900..100_100 {
            assert_eq!(set.contains(id), ids.contains(&id), "{id}");
        }
        for id in [i64::MIN, -1, 0, 3_514_464, 3_514_466, i64::MAX] {
            assert!(!set.contains(id), "{id}");
        }
        let empty = IdBits::new(&[]);
        assert_eq!((empty.range(), empty.len(), empty.contains(0)), (None, 0, false));
        let one = IdBits::new(&[-5]);
        assert!(one.contains(-5) && !one.contains(-4) && !one.contains(-6));
    }
}
