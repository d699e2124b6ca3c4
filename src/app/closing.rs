//! The month's end: a cash count (`hunvon count`, biên bản kiểm kê quỹ 08a-TT) records
//! what the treasurer's cash box holds against the cash book, and a close (`hunvon close
//! --to D`, khóa sổ) stops every voucher dated on or before D. Both are records of the
//! pool's chain; a difference found by a count is settled by an ordinary voucher the
//! treasurer chooses. The TUI's Cài đặt screen calls the same functions.

use chrono::NaiveDate;

use crate::domain::date::format_vn;
use crate::domain::input;
use crate::ledger::Account;
use crate::ledger::record::CountRecord;
use crate::messages::error::{Error, Expected, Result};
use crate::messages::i18n::Lang;
use crate::store::closing::{CloseRow, CountRow};
use crate::store::pools::Pool;

use super::App;

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
    /// day counted, as the book stands now, against what was counted.
    pub fn record_count(&mut self, given: &CountInput) -> Result<CountRow> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let date = input::voucher_date("--date", &given.date, self.clock.today)?;
        let (notes, counted) = match (&given.notes, &given.total) {
            (Some(n), None) => {
                let notes = parse_notes(n)?;
                let total = notes.iter().map(|(d, n)| d * n).sum();
                (notes, total)
            }
            (None, Some(t)) => (Vec::new(), input::amount("--total", t)?.0),
            _ => return Err(Error::Empty { field: "--notes / --total".into() }),
        };
        let record = CountRecord {
            pool: pool.code.clone(),
            date: crate::domain::date::format_iso(date),
            book_balance: self.store.account_balance_on(pool.id, &Account::Cash, date)?.0,
            notes,
            counted,
            counted_by: input::address("--counted-by", &given.counted_by)?,
            reason: input::note("--reason", &given.reason)?,
            entered_at: self.clock.now.clone(),
            // The store gives the next number of the year.
            number: None,
            time: None,
        };
        self.store.record_count(pool.id, &record)
    }

    /// Closes the chosen pool's books to the end of `to` (at most today).
    pub fn close_books(&mut self, to: &str) -> Result<CloseRow> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let to = input::voucher_date("--to", to, self.clock.today)?;
        let now = self.clock.now.clone();
        self.store.record_close(pool.id, to, &now)
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
    match lang {
        Lang::Vi => format!("Đã khóa sổ đến {} — mã băm {} (bản ghi {})", format_vn(c.to), c.head, c.reference),
        Lang::En => format!("Books closed to {} — hash {} (record {})", format_vn(c.to), c.head, c.reference),
    }
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
