//! Windows onto long lists for the screens: people found by what the treasurer types,
//! the cash or bank book a page at a time, a person's passbook (households: household_list.rs). Every list
//! is a keyset page (never the whole ledger in memory) over indexed columns; searching
//! reads the folded name stored with each person, never folds names per key press.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::Store;
pub use super::household_list::HouseholdLine;
use super::people_search::{people_count_sql, people_page_sql};
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind};

pub use crate::search_keys::SearchKeys;

/// What a search box holds, ready for SQL: the folded text, and the digits when the
/// treasurer typed a number (a phone, a CCCD, a mã số BHXH).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// `%folded%` for LIKE on `name_folded`, or `%` for everything.
    pub like: String,
    /// The typed text upper-cased, for codes (`TV00%`).
    pub code_prefix: String,
    /// The digits typed, when the text is a number; empty otherwise.
    pub digits: String,
    /// The typed text upper-cased, as a code starts, for lists in memory (no `%`, no escape).
    code_typed: String,
}

impl Search {
    /// Reads a search box. Empty matches everyone.
    pub fn new(typed: &str) -> Search {
        let typed = typed.trim();
        let folded = hunvon_core::domain::text::fold(&hunvon_core::domain::text::normalize_name(typed))
            .replace(['%', '_', '\\'], "");
        let compact: String = typed.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
        let digits =
            if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit()) { compact } else { "".into() };
        let code_typed = typed.to_ascii_uppercase().replace(['%', '\\'], "");
        let code = code_typed.replace('_', "\\_");
        Search { like: format!("%{folded}%"), code_prefix: format!("{code}%"), digits, code_typed }
    }

    /// What a code starts with, for lists already in memory.
    pub fn code_typed(&self) -> &str {
        &self.code_typed
    }

    pub fn is_empty(&self) -> bool {
        self.like == "%%"
    }
}

/// The WHERE clause a search adds (parameters ?2 like, ?3 code prefix, ?4 digits).
pub(super) const MATCHES: &str = "(?2 = '%%' OR p.name_folded LIKE ?2 OR p.code LIKE ?3 ESCAPE '\\' \
     OR (?4 <> '' AND (p.phone LIKE '%' || ?4 || '%' OR p.cccd LIKE ?4 || '%' OR p.bhxh_code LIKE ?4 || '%')))";

/// One row of the people list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonLine {
    pub id: i64,
    pub code: String,
    pub full_name: String,
    pub household: Option<String>,
    pub joined: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub phone: Option<String>,
    /// What the pool holds for her (negative: she owes the pool).
    pub balance: Dong,
}

/// The list line's SELECT (`left_on` read as NULL on a book older than the column).
pub(super) fn person_line_select(conn: &rusqlite::Connection) -> Result<String> {
    Ok(format!(
        "SELECT p.id, p.code, p.full_name, h.code, p.joined, {}, p.phone, -a.balance \
         FROM persons p JOIN accounts a ON a.person_id = p.id LEFT JOIN households h ON h.id = p.household_id",
        super::people::left_on_column(conn)?
    ))
}

pub(super) fn person_line(r: &Row<'_>) -> rusqlite::Result<PersonLine> {
    Ok(PersonLine {
        id: r.get(0)?,
        code: r.get(1)?,
        full_name: r.get(2)?,
        household: r.get(3)?,
        joined: r.get(4)?,
        left_on: r.get(5)?,
        phone: r.get(6)?,
        balance: r.code(7)?,
    })
}

/// Which way a keyset page reads from its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Rows after the anchor (or from the start), in order.
    Forward,
    /// Rows before the anchor (or up to the end), returned in order.
    Backward,
}

impl Dir {
    /// The code a page starts from: the anchor, else before every code (forward) or
    /// after every code (backward).
    pub(crate) fn bound(self, anchor: Option<&str>) -> String {
        match (anchor, self) {
            (Some(a), _) => a.to_string(),
            (None, Dir::Forward) => String::new(),
            (None, Dir::Backward) => "\u{10FFFF}".into(),
        }
    }
}

impl Store {
    /// Up to `limit` people matching `search`, by code, after (or before) `anchor`.
    pub fn people_page(
        &self,
        pool_id: i64,
        search: &Search,
        anchor: Option<&str>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<PersonLine>> {
        let bound = dir.bound(anchor);
        let sql = people_page_sql(&self.conn, dir)?;
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![pool_id, search.like, search.code_prefix, search.digits, bound, limit as i64],
            person_line,
        )?;
        let mut out: Vec<PersonLine> = rows.collect::<rusqlite::Result<_>>()?;
        if dir == Dir::Backward {
            out.reverse();
        }
        Ok(out)
    }

    /// How many people match `search`.
    pub fn people_count(&self, pool_id: i64, search: &Search) -> Result<i64> {
        self.people_count_after(pool_id, search, "")
    }

    /// How many people match `search` with a code after `code`.
    pub fn people_count_after(&self, pool_id: i64, search: &Search, code: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(&people_count_sql())?
            .query_row(params![pool_id, search.like, search.code_prefix, search.digits, code], |r| r.get(0))?)
    }

    /// One person's line (to keep a selection on her after a write).
    pub fn person_line(&self, pool_id: i64, code: &str) -> Result<Option<PersonLine>> {
        let sql = format!("{} WHERE p.pool_id = ?1 AND p.code = ?2", person_line_select(&self.conn)?);
        Ok(self.conn.prepare_cached(&sql)?.query_row(params![pool_id, code], person_line).optional()?)
    }

    /// The people one person sponsors ("1+1"): (code, name).
    pub fn sponsored_by(&self, person_id: i64) -> Result<Vec<(String, String)>> {
        let mut st =
            self.conn.prepare_cached("SELECT code, full_name FROM persons WHERE sponsor_id = ?1 ORDER BY code")?;
        let rows = st.query_map([person_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sums the dashboard's identity needs, without reading 20.000 member rows into
    /// memory: the pool's own accounts, the members' total and what members owe.
    pub fn identity_sums(&self, pool_id: i64) -> Result<IdentitySums> {
        let mut st = self.conn.prepare_cached(
            "SELECT name, balance FROM accounts WHERE pool_id = ?1 AND person_id IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([pool_id], |r| Ok((r.get::<_, String>(0)?, r.code::<Dong>(1)?)))?;
        let mut own = Vec::new();
        for row in rows {
            let (name, d) = row?;
            if let Some(a) = Account::parse(&name) {
                own.push((a, d));
            }
        }
        let (members, owed): (Dong, Dong) = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(balance), 0), COALESCE(SUM(CASE WHEN balance > 0 THEN balance END), 0) \
                 FROM accounts WHERE pool_id = ?1 AND person_id IS NOT NULL",
            )?
            .query_row([pool_id], |r| Ok((r.code(0)?, r.code(1)?)))?;
        Ok((own, members, owed))
    }
}

/// The pool's own accounts with their sums, the members' total and what members owe.
pub type IdentitySums = (Vec<(Account, Dong)>, Dong, Dong);

/// One voucher as a line of the cash (or bank) book, with what the description needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookLine {
    pub id: i64,
    pub date: NaiveDate,
    pub voucher: String,
    pub kind: Kind,
    pub person_code: Option<String>,
    pub person_name: Option<String>,
    pub note: String,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
    /// The movement on this account: positive in, negative out.
    pub amount: Dong,
    /// How many people a purchase covered, the household of the first, and the months.
    pub covered: i64,
    pub household_name: Option<String>,
    pub months: Option<i64>,
}

const BOOK_LINE: &str = "SELECT t.id, t.date, t.voucher, t.kind, pe.code, pe.full_name, t.note, r.voucher, rv.voucher, \
     p.amount, (SELECT COUNT(*) FROM coverages c WHERE c.txn_id = t.id), \
     (SELECT h.name FROM coverages c JOIN households h ON h.id = c.household_id WHERE c.txn_id = t.id LIMIT 1), \
     (SELECT c.months FROM coverages c WHERE c.txn_id = t.id LIMIT 1) \
     FROM transactions t JOIN postings p ON p.txn_id = t.id AND +p.account_id = ?2 \
     LEFT JOIN persons pe ON pe.id = t.person_id LEFT JOIN transactions r ON r.id = t.reverses_id \
     LEFT JOIN transactions rv ON rv.reverses_id = t.id";

fn book_line(r: &Row<'_>) -> rusqlite::Result<BookLine> {
    let kind: String = r.get(3)?;
    Ok(BookLine {
        id: r.get(0)?,
        date: r.get(1)?,
        voucher: r.get(2)?,
        kind: Kind::from_code(&kind).ok_or_else(|| bad_column(3, &kind))?,
        person_code: r.get(4)?,
        person_name: r.get(5)?,
        note: r.get(6)?,
        reverses: r.get(7)?,
        reversed_by: r.get(8)?,
        amount: r.code(9)?,
        covered: r.get(10)?,
        household_name: r.get(11)?,
        months: r.get(12)?,
    })
}

/// A row that does not decode is an error, never a default.
fn bad_column(i: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("unknown value {value:?} in the book").into(),
    )
}

impl Store {
    /// The id of one of the pool's accounts.
    pub fn account_id(&self, pool_id: i64, account: &Account) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM accounts WHERE pool_id = ?1 AND name = ?2")?
            .query_row(params![pool_id, account.name()], |r| r.get(0))
            .optional()?)
    }

    /// Up to `limit` vouchers touching `account_id` dated from..=to, by (date, id), after
    /// or before the keyset position `anchor`.
    #[allow(clippy::too_many_arguments)]
    pub fn book_page(
        &self,
        pool_id: i64,
        account_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        anchor: Option<(NaiveDate, i64)>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<BookLine>> {
        let (cmp, order) = match (dir, anchor.is_some()) {
            (Dir::Forward, true) => ("AND t.date >= ?5 AND (t.date > ?5 OR t.id > ?6)", "t.date, t.id"),
            (Dir::Backward, true) => ("AND t.date <= ?5 AND (t.date < ?5 OR t.id < ?6)", "t.date DESC, t.id DESC"),
            (Dir::Forward, false) => ("AND ?5 IS NULL AND ?6 IS NULL", "t.date, t.id"),
            (Dir::Backward, false) => ("AND ?5 IS NULL AND ?6 IS NULL", "t.date DESC, t.id DESC"),
        };
        let sql = format!(
            "{BOOK_LINE} WHERE t.pool_id = ?1 AND t.date >= ?3 AND t.date <= ?4 {cmp} ORDER BY {order} LIMIT ?7"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![pool_id, account_id, from, to, anchor.map(|a| a.0), anchor.map(|a| a.1), limit as i64],
            book_line,
        )?;
        let mut out: Vec<BookLine> = rows.collect::<rusqlite::Result<_>>()?;
        if dir == Dir::Backward {
            out.reverse();
        }
        Ok(out)
    }

    /// The balance of an account just before the voucher at (date, id): the maintained
    /// daily sums up to the day before, plus that day's earlier vouchers.
    pub fn balance_before(&self, pool_id: i64, account_id: i64, date: NaiveDate, id: i64) -> Result<Dong> {
        let days: Dong = self
            .conn
            .prepare_cached("SELECT COALESCE(SUM(amount), 0) FROM account_days WHERE account_id = ?1 AND date < ?2")?
            .query_row(params![account_id, date], |r| r.code(0))?;
        let same_day: Dong = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(p.amount), 0) FROM transactions t JOIN postings p ON p.txn_id = t.id \
                 WHERE t.pool_id = ?4 AND t.date = ?2 AND t.id < ?3 AND +p.account_id = ?1",
            )?
            .query_row(params![account_id, date, id, pool_id], |r| r.code(0))?;
        Ok(days + same_day)
    }

    /// An account's balance at the end of a day.
    pub fn balance_at_end_of(&self, account_id: i64, date: NaiveDate) -> Result<Dong> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(SUM(amount), 0) FROM account_days WHERE account_id = ?1 AND date <= ?2")?
            .query_row(params![account_id, date], |r| r.code(0))?)
    }

    /// Where a voucher stands: its (date, id), to find it again in a book.
    pub fn voucher_position(&self, pool_id: i64, voucher: &str) -> Result<Option<(NaiveDate, i64)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT date, id FROM transactions WHERE pool_id = ?1 AND voucher = ?2")?
            .query_row(params![pool_id, voucher], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }
}

impl Store {
    /// The payer's account of each coverage row of a purchase, in the rows' order.
    pub fn payers_of(&self, txn_id: i64) -> Result<Vec<Account>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.name FROM coverages c JOIN accounts a ON a.id = c.payer_account_id WHERE c.txn_id = ?1 ORDER BY c.id",
        )?;
        let rows = st.query_map([txn_id], |r| {
            let name: String = r.get(0)?;
            Account::parse(&name).ok_or_else(|| bad_column(0, &name))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One voucher that touched a person's own account, as her passbook shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassLine {
    pub id: i64,
    pub date: NaiveDate,
    pub voucher: String,
    pub kind: Kind,
    pub note: String,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
    /// As she sees it: positive when money came in for her.
    pub amount: Dong,
    /// For a purchase she paid: the people it covered.
    pub insured: Option<String>,
}

impl Store {
    /// Every voucher that touched this person's account, oldest first.
    pub fn passbook_lines(&self, person_id: i64) -> Result<Vec<PassLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT t.id, t.date, t.voucher, t.kind, t.note, r.voucher, rv.voucher, -SUM(p.amount), \
                    (SELECT group_concat(pe.full_name, ', ') FROM coverages c JOIN persons pe ON pe.id = c.person_id \
                      WHERE c.txn_id = COALESCE(t.reverses_id, t.id) AND c.payer_account_id = a.id) \
             FROM accounts a JOIN postings p ON p.account_id = a.id JOIN transactions t ON t.id = p.txn_id \
             LEFT JOIN transactions r ON r.id = t.reverses_id LEFT JOIN transactions rv ON rv.reverses_id = t.id \
             WHERE a.person_id = ?1 GROUP BY t.id ORDER BY t.date, t.id",
        )?;
        let rows = st.query_map([person_id], |r| {
            let kind: String = r.get(3)?;
            Ok(PassLine {
                id: r.get(0)?,
                date: r.get(1)?,
                voucher: r.get(2)?,
                kind: Kind::from_code(&kind).ok_or_else(|| bad_column(3, &kind))?,
                note: r.get(4)?,
                reverses: r.get(5)?,
                reversed_by: r.get(6)?,
                amount: r.code(7)?,
                insured: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_names_codes_and_numbers() {
        let s = Search::new("Nguyễn Thị  Hồng");
        assert_eq!(s.like, "%nguyen thi hong%");
        assert!(s.digits.is_empty());
        let s = Search::new("0912 345");
        assert_eq!(s.digits, "0912345");
        let s = Search::new("tv00_1");
        assert_eq!(s.code_prefix, "TV00\\_1%");
        assert!(Search::new("  ").is_empty());
    }
}
