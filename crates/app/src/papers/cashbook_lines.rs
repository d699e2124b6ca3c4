//! The lines of a cash (or bank) book, packed: a year of a 20.000-person pool is a quarter
//! of a million lines, so their texts (voucher number, purpose, note) sit end to end in one
//! string and each line keeps its figures and where its texts end. The printed book makes
//! its rows from these when they are drawn (`Rows`), so no copy of the book as cells is
//! ever held whole.

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Cell, Rows};

/// One line of the book, borrowed from its [`CashLines`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CashLine<'a> {
    pub date: NaiveDate,
    /// The day it was entered (Ngày ghi sổ).
    pub entered: Option<NaiveDate>,
    pub voucher: &'a str,
    /// In the Thu (Gửi vào) column, else in Chi (Rút ra).
    pub incoming: bool,
    pub purpose: &'a str,
    /// As printed in its column: positive, or negative for a correction (ghi số âm).
    pub amount: Dong,
    pub balance: Dong,
    /// Ghi chú: the reversal link ("Đã hủy bởi PC-…", "Hủy PT-…").
    pub note: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Packed {
    date: NaiveDate,
    entered: Option<NaiveDate>,
    incoming: bool,
    amount: i64,
    balance: i64,
    /// Where the voucher number, the purpose and the note end in `text`.
    ends: [usize; 3],
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CashLines {
    text: String,
    lines: Vec<Packed>,
    /// The bank book's "Tài khoản đối ứng" of each line, end to end (empty for the cash
    /// book, which has no such column), and where each ends.
    contra: String,
    contra_ends: Vec<usize>,
}

impl CashLines {
    /// Adds a line; `amount` is the account's movement (debit positive), `balance` the
    /// running balance. A correction (`correction`) goes in the column of what it
    /// corrects, as a negative figure: a reversed receipt is −A in Thu, not A in Chi.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        date: NaiveDate,
        entered: Option<NaiveDate>,
        voucher: &str,
        purpose: &str,
        note: &str,
        amount: Dong,
        correction: bool,
        balance: Dong,
    ) {
        let mut ends = [0; 3];
        for (end, s) in ends.iter_mut().zip([voucher, purpose, note]) {
            self.text.push_str(s);
            *end = self.text.len();
        }
        let incoming = (amount.0 > 0) != correction;
        let amount = if incoming { amount.0 } else { -amount.0 };
        self.lines.push(Packed { date, entered, incoming, amount, balance: balance.0, ends });
    }

    /// Adds the contra account of the line pushed last (the bank book's column E).
    pub fn push_contra(&mut self, contra: &str) {
        self.contra.push_str(contra);
        self.contra_ends.push(self.contra.len());
    }

    /// The contra account of line `i`, empty when none was pushed.
    pub fn contra(&self, i: usize) -> &str {
        let Some(&end) = self.contra_ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.contra_ends[i - 1] };
        self.contra.get(start..end).unwrap_or_default()
    }

    /// Moves every running balance by `by` (opening vouchers found after the first line).
    pub fn shift_balances(&mut self, by: Dong) {
        self.lines.iter_mut().for_each(|l| l.balance += by.0);
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i` (below `len`).
    pub fn get(&self, i: usize) -> Option<CashLine<'_>> {
        let l = self.lines.get(i)?;
        let start = if i == 0 { 0 } else { self.lines[i - 1].ends[2] };
        let part = |a: usize, b: usize| self.text.get(a..b).unwrap_or_default();
        Some(CashLine {
            date: l.date,
            entered: l.entered,
            voucher: part(start, l.ends[0]),
            incoming: l.incoming,
            purpose: part(l.ends[0], l.ends[1]),
            amount: Dong(l.amount),
            balance: Dong(l.balance),
            note: part(l.ends[1], l.ends[2]),
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = CashLine<'_>> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// The book's lines as rows of form S07-DN (cash: receipt and payment numbers apart) or
/// S08-DN (bank: one voucher column).
pub struct BookRows {
    pub lines: CashLines,
    pub cash: bool,
    pub lang: Lang,
}

impl Rows for BookRows {
    fn len(&self) -> usize {
        self.lines.len()
    }

    fn row(&self, i: usize) -> Vec<Cell> {
        let Some(l) = self.lines.get(i) else { return Vec::new() };
        let mut row = Vec::with_capacity(10);
        row.push(l.entered.map(Cell::date).unwrap_or_default());
        row.push(Cell::date(l.date));
        if self.cash {
            let (no_in, no_out) = if l.incoming {
                (Cell::text(l.voucher), Cell::empty())
            } else {
                (Cell::empty(), Cell::text(l.voucher))
            };
            row.extend([no_in, no_out]);
        } else {
            row.push(Cell::text(l.voucher));
        }
        row.push(Cell::text(l.purpose));
        if !self.cash {
            row.push(Cell::text(self.lines.contra(i)));
        }
        let (a_in, a_out) = if l.incoming {
            (Cell::money(l.amount.0), Cell::empty())
        } else {
            (Cell::empty(), Cell::money(l.amount.0))
        };
        row.extend([a_in, a_out, Cell::money(l.balance.0)]);
        let note = if l.balance.0 < 0 {
            let neg = words::negative(self.lang);
            if l.note.is_empty() { neg.to_string() } else { format!("{}; {neg}", l.note) }
        } else {
            l.note.to_string()
        };
        row.push(Cell::text(note));
        row
    }
}
