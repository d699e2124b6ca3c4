//! The month's end: a cash count (`hunvon count`, biên bản kiểm kê quỹ 08a-TT) records
//! what the treasurer's cash box holds against the cash book, and a close (`hunvon close
//! --to D`, khóa sổ) stops every voucher dated on or before D. Both are records of the
//! pool's chain; a difference found by a count is booked to `fund:pending` at once and
//! cleared by `settle` (moves/settle.rs). The TUI's Cài đặt screen calls the same functions.

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::date::format_vn;
use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::record::CountRecord;
use hunvon_core::ledger::{Account, Kind, NewTransaction, Series};
use hunvon_core::messages::error::{CountError, Error, Expected, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::closing::{CloseRow, CountRow};
use hunvon_store::count_pending::append_count;
use hunvon_store::pools::Pool;

use crate::App;

/// The notes and coins in use (đồng), largest first.
pub const DENOMINATIONS: [i64; 12] =
    [500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100];

/// What `count` was given: the day, and either the notes by denomination
/// (`500000x4,200000x3`) or their total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CountInput {
    pub date: String,
    pub notes: Option<String>,
    pub total: Option<String>,
    pub counted_by: String,
    pub reason: String,
    /// The hour counted, `HH:MM` (`count --time`); the time of entry when not given.
    pub time: Option<String>,
}

/// `--time` as the paper prints it: `HH:MM` of a real hour (`9:5` is refused, `09:05` not).
pub fn count_time(value: &str) -> Result<String> {
    let v = value.trim();
    chrono::NaiveTime::parse_from_str(v, "%H:%M")
        .ok()
        .filter(|_| v.len() == 5)
        .map(|t| t.format("%H:%M").to_string())
        .ok_or_else(|| CountError::BadTime(value.into()).into())
}

/// The hour of an entry stamp (`2026-01-31T03:30:00Z`) on this machine's clock.
fn local_hour(stamp: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(stamp).ok()?;
    Some(at.with_timezone(&chrono::Local).format("%H:%M").to_string())
}

/// `500000x4,200.000x3` as (denomination, pieces), each denomination once.
pub fn parse_notes(value: &str) -> Result<Vec<(i64, i64)>> {
    let bad = || Error::BadValue {
        field: "--notes".into(),
        value: value.into(),
        expected: Expected::Format(&["500000x4,200000x3,… (mệnh giá x số tờ)"]),
    };
    let mut out: Vec<(i64, i64)> = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (d, n) = part.split_once(['x', 'X', '×', '*']).ok_or_else(bad)?;
        let denomination = input::amount("--notes", d.trim())?.0;
        let pieces: i64 = n.trim().parse().ok().filter(|n| (0..=1_000_000).contains(n)).ok_or_else(bad)?;
        if !DENOMINATIONS.contains(&denomination) || out.iter().any(|(x, _)| *x == denomination) {
            return Err(bad());
        }
        out.push((denomination, pieces));
    }
    if out.is_empty() {
        return Err(bad());
    }
    out.sort_by_key(|(d, _)| std::cmp::Reverse(*d));
    Ok(out)
}

impl App {
    /// Records a cash count of the chosen pool: the cash book's balance at the end of the
    /// day counted, as the book stands now (read inside the write), against what was
    /// counted. A difference is booked in the same transaction (SPEC §8): a phiếu kế
    /// toán moves it between cash and `fund:pending`, so the book's cash is what was
    /// counted until `settle` clears it. A count inside a closed period is refused.
    pub fn record_count(&mut self, given: &CountInput) -> Result<CountRow> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let date = input::voucher_date("--date", &given.date, self.clock.today)?;
        if let Some(closed_to) = self.store.closed_to(pool.id)?
            && date <= closed_to
        {
            return Err(CountError::InClosedPeriod { date, closed_to }.into());
        }
        let time = match &given.time {
            Some(t) => Some(count_time(t)?),
            None => local_hour(&self.clock.now),
        };
        let (notes, counted) = match (&given.notes, &given.total) {
            (Some(n), None) => {
                let notes = parse_notes(n)?;
                let total = notes.iter().map(|(d, n)| d * n).sum();
                (notes, total)
            }
            (None, Some(t)) => (Vec::new(), input::amount("--total", t)?.0),
            _ => return Err(Error::Empty { field: "--notes / --total".into() }),
        };
        let counted_by = input::address("--counted-by", &given.counted_by)?;
        let reason = input::note("--reason", &given.reason)?;
        let now = self.clock.now.clone();
        let mut ap = self.store.appender(pool.id, &now)?;
        let book_balance = ap.balance_on(&Account::Cash, date)?.0;
        let record = CountRecord {
            pool: pool.code.clone(),
            date: hunvon_core::domain::date::format_iso(date),
            book_balance,
            notes,
            counted,
            counted_by,
            reason: reason.clone(),
            entered_at: now,
            // The store gives the next number of the year.
            number: None,
            time,
        };
        let row = append_count(&mut ap, &record)?;
        let diff = Dong(counted - book_balance);
        if !diff.is_zero() {
            let postings = vec![(Account::Cash, diff), (Account::FundPending, -diff)];
            let mut t = NewTransaction::simple(Series::Pk, Kind::CountDifference, date, postings);
            t.count_ref = row.label();
            t.note = reason;
            ap.append(&t)?;
        }
        ap.commit()?;
        Ok(row)
    }

    /// Closes the chosen pool's books to the end of `to` (at most today).
    pub fn close_books(&mut self, to: &str) -> Result<CloseRow> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let to = input::voucher_date("--to", to, self.clock.today)?;
        let now = self.clock.now.clone();
        self.store.record_close(pool.id, to, &now).map_err(Into::into)
    }

    /// What `fund:pending` holds for the chosen pool at the end of `day` (a count's
    /// difference not settled yet; a shortage negative).
    pub fn pending_on(&self, day: NaiveDate) -> Result<Dong> {
        let pool = self.pool()?;
        Ok(-self.store.account_balance_on(pool.id, &Account::FundPending, day)?)
    }

    /// "Đã khóa sổ đến 31/10/2026 — mã băm PT-2026-0183=…" for a paper of `pool` whose
    /// period ends on or before a close (the first close that covers it).
    pub fn closed_note(&self, pool: &Pool, to: Option<NaiveDate>) -> Result<Option<String>> {
        let to = to.unwrap_or(self.clock.today);
        let close = self.store.closes(pool.id)?.into_iter().find(|c| c.to >= to);
        Ok(close.map(|c| close_line(&c, self.lang)))
    }
}

/// The line a closed period's papers print.
pub fn close_line(c: &CloseRow, lang: Lang) -> String {
    words::books_closed_to(lang, format_vn(c.to), &c.head, &c.reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_by_denomination() {
        assert_eq!(parse_notes("200000x3, 500.000x4").unwrap(), vec![(500_000, 4), (200_000, 3)]);
        assert!(parse_notes("300000x1").is_err(), "no such note");
        assert!(parse_notes("500000x1,500000x2").is_err(), "each denomination once");
        assert!(parse_notes("500000").is_err() && parse_notes("").is_err() && parse_notes("500000x-1").is_err());
    }
}
