//! What a chain walk counts on its way (docs/design.md §12): the postings it joined to
//! vouchers and, when the vouchers' thread read every voucher of the pool, how many there
//! are and how each series is numbered. `verify` then need not read the same rows again
//! on the connection beside the walk (1,46 million postings looked up against their
//! transactions, 707.000 vouchers grouped by series: about a fifth of a second of CPU
//! on a two-core machine the walk keeps busy).

use std::collections::BTreeMap;

/// What one walk counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WalkTally {
    /// Postings joined to a voucher of the walk's pool: each belongs to a transaction that
    /// exists, and none is counted twice.
    pub postings: u64,
    /// Every voucher of the pool, when the walk read them all beside it.
    pub vouchers: Option<VoucherTally>,
}

/// A pool's vouchers as `Store::voucher_count` and `Store::numbering_gaps` give them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoucherTally {
    pub count: u64,
    /// Series whose numbers are not exactly 1..n: (series, year, count, max), in the
    /// order of the query's GROUP BY.
    pub gaps: Vec<(String, i64, i64, i64)>,
}

/// The numbering of the vouchers met so far: per series and year, (count, max, min).
#[derive(Default)]
pub(crate) struct Numbering {
    count: u64,
    series: BTreeMap<String, BTreeMap<i64, (i64, i64, i64)>>,
}

impl Numbering {
    pub(crate) fn add(&mut self, series: &str, year: i64, seq: i64) {
        self.count += 1;
        // Looked up by `&str`: a key is allocated only for a series not met before.
        let years = match self.series.get_mut(series) {
            Some(years) => years,
            None => self.series.entry(series.to_string()).or_default(),
        };
        let (count, max, min) = years.entry(year).or_insert((0, seq, seq));
        *count += 1;
        *max = (*max).max(seq);
        *min = (*min).min(seq);
    }

    /// `GROUP BY series, year HAVING COUNT(*) <> MAX(seq) OR MIN(seq) <> 1`: text in
    /// byte order (SQLite's BINARY), then years.
    pub(crate) fn finish(self) -> VoucherTally {
        let gaps = self
            .series
            .into_iter()
            .flat_map(|(series, years)| {
                years
                    .into_iter()
                    .filter(|(_, (count, max, min))| count != max || *min != 1)
                    .map(move |(year, (count, max, _))| (series.clone(), year, count, max))
            })
            .collect();
        VoucherTally { count: self.count, gaps }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_as_the_query_groups_them() {
        let mut n = Numbering::default();
        for (s, y, q) in [("PT", 2025, 1), ("PT", 2025, 2), ("PC", 2026, 2), ("PT", 2024, 1), ("PT", 2024, 3)] {
            n.add(s, y, q);
        }
        let t = n.finish();
        assert_eq!(t.count, 5);
        assert_eq!(t.gaps, vec![("PC".to_string(), 2026, 1, 2), ("PT".to_string(), 2024, 2, 3)]);
    }
}
