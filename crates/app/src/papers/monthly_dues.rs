//! What the dues schedule asks for each month, summed as the months go (SPEC §8): a
//! member's dues are then the difference of two sums and the correction of the month
//! she joined, not a walk of her months. A province's 100.000 members × 36 months were
//! most of the time of the dues behind.

use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::rules::year_month::YearMonth;

/// The dues in force on `day` (zero before the first, or after `dues set --amount 0`).
pub(crate) fn dues_on(schedule: &[(NaiveDate, Dong)], day: NaiveDate) -> Dong {
    schedule.iter().rev().find(|(from, _)| *from <= day).map_or(Dong(0), |(_, d)| *d)
}

/// The dues of each month from the schedule's first up to a last month, each at the
/// dues in force on its first day, as running sums.
pub(crate) struct MonthlyDues<'a> {
    schedule: &'a [(NaiveDate, Dong)],
    first: YearMonth,
    /// `sums[i]`: the dues of the `i` months from `first`.
    sums: Vec<i64>,
}

impl<'a> MonthlyDues<'a> {
    /// The months of `schedule` (by date) up to `last`'s month.
    pub(crate) fn new(schedule: &'a [(NaiveDate, Dong)], last: NaiveDate) -> MonthlyDues<'a> {
        let first = schedule.first().map_or(YearMonth::of(last), |(from, _)| YearMonth::of(*from));
        let months = first.count_to(YearMonth::of(last));
        let mut sums = Vec::with_capacity(usize::try_from(months).unwrap_or(0) + 1);
        sums.push(0);
        let mut total = 0i64;
        for i in 0..months {
            total = total.saturating_add(dues_on(schedule, first.plus(i).first_day()).0);
            sums.push(total);
        }
        MonthlyDues { schedule, first, sums }
    }

    /// What the schedule asks of a member for each month from `start`'s to `until`'s
    /// (both included): each month at the dues in force on its first day, or on the day
    /// she joined in the month she joined. Months outside the table are walked.
    pub(crate) fn owed(&self, start: NaiveDate, joined: NaiveDate, until: NaiveDate) -> Dong {
        let (from, to) = (YearMonth::of(start), YearMonth::of(until));
        let at = |month: YearMonth| usize::try_from(self.first.count_to(month) - 1).ok();
        let (Some(a), Some(b)) = (at(from), at(to)) else { return walked(self.schedule, start, joined, until) };
        if from > to {
            return Dong(0);
        }
        let (Some(&before), Some(&through)) = (self.sums.get(a), self.sums.get(b + 1)) else {
            return walked(self.schedule, start, joined, until);
        };
        let mut total = through - before;
        let month = YearMonth::of(joined);
        if from <= month && month <= to {
            let first = month.first_day();
            total += dues_on(self.schedule, joined.max(first)).0 - dues_on(self.schedule, first).0;
        }
        Dong(total)
    }
}

/// [`MonthlyDues::owed`] by walking the months, for what lies outside the table.
fn walked(schedule: &[(NaiveDate, Dong)], start: NaiveDate, joined: NaiveDate, until: NaiveDate) -> Dong {
    let mut month = YearMonth::of(start);
    let last = YearMonth::of(until);
    let mut total = Dong(0);
    while month <= last {
        let first = month.first_day();
        let at = if YearMonth::of(joined) == month { joined.max(first) } else { first };
        total += dues_on(schedule, at);
        month = month.next();
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The sums give what the walk of the months gives, for every start, join and end
    /// across schedules that begin mid-month, change, stop and start again.
    #[test]
    fn the_sums_are_the_walk_of_the_months() {
        let schedules: Vec<Vec<(NaiveDate, Dong)>> = vec![
            vec![(day("2023-12-01"), Dong(100_000))],
            vec![(day("2024-01-15"), Dong(50_000)), (day("2024-07-01"), Dong(60_000))],
            vec![(day("2024-03-10"), Dong(30_000)), (day("2024-09-20"), Dong(0)), (day("2025-02-05"), Dong(40_000))],
            vec![(day("2024-01-01"), Dong(0)), (day("2024-05-17"), Dong(20_000))],
        ];
        let last = day("2025-12-31");
        let days: Vec<NaiveDate> = (0..30).map(|i| day("2023-11-03") + chrono::Duration::days(i * 27)).collect();
        for schedule in &schedules {
            let table = MonthlyDues::new(schedule, last);
            for &start in &days {
                let start = YearMonth::of(start).first_day();
                for &joined in days.iter().filter(|j| YearMonth::of(**j) <= YearMonth::of(start)) {
                    for &until in &days {
                        assert_eq!(
                            table.owed(start, joined, until),
                            walked(schedule, start, joined, until),
                            "{schedule:?} {start} {joined} {until}"
                        );
                    }
                }
            }
        }
    }
}
