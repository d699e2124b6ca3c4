//! The pool's voucher numbering as the walk meets it (docs/design.md §12): per series and
//! year, how many vouchers and their lowest and highest number. When the walk provably met
//! every voucher of the pool, each once (`WalkTally`: their row ids rising, all the pool's,
//! as many as the table holds), this is what `Store::numbering_gaps` would read again with
//! a `GROUP BY` over every voucher beside the walk; else that query is run after it.

/// A series whose numbers are not exactly 1..n: (series, year, count, highest number).
pub type Gap = (String, i64, i64, i64);

/// The numbers met so far, one entry per series and year.
#[derive(Default)]
pub struct Numbering {
    series: Vec<Series>,
    /// The entry the last voucher went to: the walk meets a series' vouchers in runs.
    last: usize,
}

struct Series {
    series: String,
    year: i64,
    count: i64,
    min: i64,
    max: i64,
}

impl Numbering {
    /// One voucher's number.
    pub fn add(&mut self, series: &str, year: i64, seq: i64) {
        let at = match self.series.get(self.last) {
            Some(s) if s.year == year && s.series == series => self.last,
            _ => match self.series.iter().position(|s| s.year == year && s.series == series) {
                Some(i) => i,
                None => {
                    self.series.push(Series { series: series.to_string(), year, count: 0, min: seq, max: seq });
                    self.series.len() - 1
                }
            },
        };
        self.last = at;
        let s = &mut self.series[at];
        s.count += 1;
        s.min = s.min.min(seq);
        s.max = s.max.max(seq);
    }

    /// The series whose numbers are not 1..n, in the order of the query's `GROUP BY series,
    /// year` (text by its bytes, then the year), with the same figures.
    pub fn gaps(mut self) -> Vec<Gap> {
        self.series.sort_unstable_by(|a, b| (a.series.as_str(), a.year).cmp(&(b.series.as_str(), b.year)));
        self.series
            .into_iter()
            .filter(|s| s.count != s.max || s.min != 1)
            .map(|s| (s.series, s.year, s.count, s.max))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_and_duplicates_are_named_in_the_querys_order() {
        let mut n = Numbering::default();
        for (series, year, seq) in [
            ("PT", 2026, 1),
            ("PT", 2026, 2),
            ("PC", 2026, 1),
            ("PT", 2025, 1),
            ("PT", 2025, 3),
            ("PC", 2026, 1),
            ("BC", 2026, 2),
            ("PT", 2026, 3),
        ] {
            n.add(series, year, seq);
        }
        assert_eq!(
            n.gaps(),
            vec![("BC".to_string(), 2026, 1, 2), ("PC".to_string(), 2026, 2, 1), ("PT".to_string(), 2025, 2, 3),]
        );
    }

    #[test]
    fn numbers_one_to_n_in_any_order_have_no_gap() {
        let mut n = Numbering::default();
        for seq in [3, 1, 2] {
            n.add("PT", 2026, seq);
        }
        assert!(n.gaps().is_empty());
        assert!(Numbering::default().gaps().is_empty());
    }
}
