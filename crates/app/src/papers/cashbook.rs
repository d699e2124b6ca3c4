//! `report cashbook`: sổ quỹ tiền mặt in the layout of form S07-DN, or with `--method
//! bank` sổ tiền gửi ngân hàng (S08-DN) — the opening balance, one line per voucher with
//! the running balance, page totals carried forward from page to page, the period's
//! totals and the closing balance, the number of pages and the day the book was opened.

use crate::words;
use chrono::Duration;
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Kind, Method};
use hunvon_core::messages::error::Result;
use hunvon_report::document::{Block, Cell, Column, Document, LazyRows, Paging, Signatures};
use hunvon_report::{Format, safe_cell};
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::cashbook_lines::BookRows;
use crate::papers::describe;
use crate::papers::printing::Signers;
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

pub use crate::papers::cashbook_lines::{CashLine, CashLines};

/// The book for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashBook {
    pub method: Method,
    pub opening: Dong,
    pub lines: CashLines,
    pub total_in: Dong,
    pub total_out: Dong,
    pub closing: Dong,
}

impl App {
    /// The cash (or bank) book of the chosen pool.
    pub fn cashbook(&self, period: Period, method: Method) -> Result<CashBook> {
        let pool = self.pool()?.clone();
        self.cashbook_of(&pool, period, method)
    }

    /// The cash (or bank) book of `pool`. Opening vouchers (the books a group brought
    /// with it) make up the opening balance rather than appearing as receipts.
    pub fn cashbook_of(&self, pool: &Pool, period: Period, method: Method) -> Result<CashBook> {
        let account = method.account();
        let mut opening = match period.from {
            Some(f) => self.store.account_balance_on(pool.id, &account, f - Duration::days(1))?,
            None => Dong(0),
        };
        let lang = self.lang;
        // Each line is packed as it is read; its running balance counts from zero and
        // the opening (which opening vouchers anywhere in the period add to) is added after.
        let mut lines = CashLines::default();
        let (mut moved, mut total_in, mut total_out) = (Dong(0), Dong(0), Dong(0));
        let mut note = String::new();
        // A reversal dated after the period is not on the paper signed for it (SPEC §8).
        let end = period.to.unwrap_or(self.clock.today);
        self.store.each_txn(pool.id, period.from, period.to, |t| {
            let amount: Dong = t.postings.iter().filter(|(a, _)| *a == account).map(|(_, d)| *d).sum();
            if amount.is_zero() {
                return Ok(());
            }
            if t.kind == Kind::Opening {
                opening += amount;
                return Ok(());
            }
            note.clear();
            match (&t.reverses, t.reversed_by_on(end)) {
                (Some(r), _) => note.push_str(&format!("{} {r}", words::reverses(lang))),
                (None, Some(by)) => note.push_str(&format!("{} {by}", words::reversed_by(lang))),
                _ => {}
            }
            if !t.bank_ref.is_empty() {
                let sep = if note.is_empty() { "" } else { "; " };
                note.push_str(&format!("{sep}{}: {}", words::bank(lang), t.bank_ref));
            }
            moved += amount;
            // Rows go by kind, not series: a correction in the column of what it corrects,
            // as a negative figure, so the period's totals are what really moved.
            let correction = t.kind == Kind::Reversal;
            if (amount.0 > 0) != correction {
                total_in += amount
            } else {
                total_out += -amount
            }
            let entered = t.entered_at.get(..10).and_then(hunvon_core::domain::date::parse_date);
            lines.push(t.date, entered, &t.voucher, &describe::purpose(&t, lang), &note, amount, correction, moved);
            if method == Method::Bank {
                lines.push_contra(&crate::papers::cashbook_form::contra(&t.postings, &account, lang));
            }
            Ok(())
        })?;
        lines.shift_balances(opening);
        Ok(CashBook { method, opening, closing: opening + total_in - total_out, lines, total_in, total_out })
    }

    /// `report cashbook` in every format, for every pool in scope.
    pub fn report_cashbook(&self, period: Period, method: Method, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&CashbookPaper { period, method }, format)
    }

    /// `report cashbook` written to `out`; as text and PDF page by page: the book's lines
    /// are held packed and made into rows only as each page is drawn.
    pub fn write_cashbook(
        &self,
        period: Period,
        method: Method,
        format: Format,
        out: &mut dyn std::io::Write,
    ) -> Result<()> {
        self.render_paper_to(&CashbookPaper { period, method }, format, out)
    }
}

/// `report cashbook` as a paper: the cash book (S07-DN) or the bank book (S08-DN).
pub struct CashbookPaper {
    pub period: Period,
    pub method: Method,
}

impl Paper for CashbookPaper {
    type Section = CashBook;

    fn read(&self, app: &App, pool: &Pool) -> Result<CashBook> {
        app.cashbook_of(pool, self.period, self.method)
    }

    fn read_all(&self, app: &App) -> Result<Vec<(Pool, CashBook)>> {
        // The book is read once, front to back: a small page cache does as well as a large
        // one and keeps a year's book within its memory budget.
        let read = || -> Result<Vec<(Pool, CashBook)>> {
            let mut books = Vec::new();
            for pool in app.report_pools()? {
                let book = self.read(app, &pool)?;
                books.push((pool, book));
            }
            Ok(books)
        };
        Ok(app.store.with_scan_cache(|| read().map_err(Into::into))?)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["date", "voucher", "purpose", "in", "out", "balance"]
    }

    /// The opening balance, a line per voucher, the period's totals and the closing.
    fn csv(&self, _: &App, _: &Pool, book: &CashBook, out: &mut CsvRows) -> Result<()> {
        out.row(["", "", "opening", "", "", &book.opening.0.to_string()])?;
        for l in book.lines.iter() {
            let amount = l.amount.0.to_string();
            let (i, o) = if l.incoming { (amount.as_str(), "") } else { ("", amount.as_str()) };
            let (date, purpose, balance) = (format_iso(l.date), safe_cell(l.purpose), l.balance.0.to_string());
            out.row([date.as_str(), l.voucher, &purpose, i, o, &balance])?;
        }
        let (i, o, closing) = (book.total_in.0.to_string(), book.total_out.0.to_string(), book.closing.0.to_string());
        out.row(["", "", "closing", &i, &o, &closing])
    }

    fn json(&self, _: &App, pool: &Pool, book: &mut CashBook) -> Result<serde_json::Value> {
        let period = self.period;
        Ok(json!({
            "pool": pool.code, "method": self.method.code(),
            "from": period.from.map(format_iso), "to": period.to.map(format_iso),
            "opening": book.opening.0, "total_in": book.total_in.0, "total_out": book.total_out.0,
            "closing": book.closing.0,
            "lines": book.lines.iter().map(|l| json!({"date": format_iso(l.date), "voucher": l.voucher,
                "purpose": l.purpose, "in": if l.incoming { l.amount.0 } else { 0 },
                "out": if l.incoming { 0 } else { l.amount.0 }, "balance": l.balance.0,
                "note": l.note})).collect::<Vec<_>>(),
        }))
    }

    fn district_json(&self, _: &App, books: &[(Pool, CashBook)]) -> Option<serde_json::Value> {
        let sum = |f: &dyn Fn(&CashBook) -> Dong| books.iter().map(|(_, b)| f(b).0).sum::<i64>();
        Some(json!({"method": self.method.code(), "opening": sum(&|b| b.opening),
            "total_in": sum(&|b| b.total_in), "total_out": sum(&|b| b.total_out),
            "closing": sum(&|b| b.closing)}))
    }

    /// The form S07-DN (cash) or S08-DN (bank) of the letterhead's form set, and for the
    /// bank book the bank and the account.
    fn frame(&self, app: &App, pool: &Pool) -> Result<Frame<'_>> {
        let lang = app.lang;
        let letterhead = app.store.letterhead(pool.id)?;
        let forms = app.form_set(&letterhead);
        Ok(if self.method == Method::Cash {
            Frame {
                title: words::cash_book(lang),
                form: Some(forms.cash_book()),
                period: Some(self.period),
                lines: vec![words::fund_cash_vietnamese_ng(lang).to_string()],
            }
        } else {
            let blank =
                |s: &str| if s.trim().is_empty() { crate::papers::printing::BLANK.to_string() } else { s.to_string() };
            Frame {
                title: words::bank_book(lang),
                form: Some(forms.bank_book()),
                period: Some(self.period),
                lines: vec![
                    format!("{}: {}", words::bank_branch(lang), blank(&letterhead.bank)),
                    format!("{}: {}", words::account_number(lang), blank(&letterhead.account)),
                ],
            }
        })
    }

    /// The book's table (its lines move into it: rows are made when drawn), the number
    /// of pages and the day the book was opened.
    fn body(&self, app: &App, pool: &Pool, book: &mut CashBook, doc: &mut Document) -> Result<()> {
        let lang = app.lang;
        let cash = book.method == Method::Cash;
        let (mut t, label_col, money_col) = crate::papers::cashbook_form::book_table(cash, lang);
        t.paging = Paging::Carry {
            page: words::page_total(lang).into(),
            to_next: words::carried_to_next_page(lang).into(),
            from_prev: words::brought_forward(lang).into(),
        };
        let width = t.columns.len();
        // A row with `label` in Diễn giải and the amounts from the first money column on.
        let labelled = |label: &str, amounts: [Option<Dong>; 3]| {
            let mut row = vec![Cell::empty(); width];
            row[label_col] = Cell::text(label);
            for (k, a) in amounts.into_iter().enumerate() {
                if let Some(a) = a {
                    row[money_col + k] = Cell::money(a.0);
                }
            }
            row
        };
        let (opening_label, closing_label) = if cash {
            (words::opening_balance(lang), words::closing_balance(lang))
        } else {
            (words::opening_balance_column(lang), words::closing_balance_column(lang))
        };
        t.row(labelled(opening_label, [None, None, Some(book.opening)]));
        let lines = std::mem::take(&mut book.lines);
        t.lazy = Some(LazyRows(std::sync::Arc::new(BookRows { lines, cash, lang })));
        t.totals.push(labelled(words::period_totals(lang), [Some(book.total_in), Some(book.total_out), None]));
        t.totals.push(labelled(closing_label, [None, None, Some(book.closing)]));
        doc.push(Block::Table(t));
        let rest = match app.store.first_voucher_date(pool.id)? {
            Some(d) => words::book_opened_on(lang, format_vn(d)),
            None => String::new(),
        };
        doc.push(Block::BookPages(rest));
        Ok(())
    }

    fn signatures(&self, app: &App, pool: &Pool) -> Result<Signatures> {
        app.signatures(pool, Signers::Book)
    }

    /// Each pool's opening, movements and closing, and their totals.
    fn district(&self, app: &App, books: &[(Pool, CashBook)]) -> Result<Option<District<'_>>> {
        let lang = app.lang;
        let columns = vec![
            Column::money(words::opening(lang), 12, true),
            Column::money(words::in_word(lang), 12, true),
            Column::money(words::out(lang), 12, true),
            Column::money(words::closing(lang), 12, true),
        ];
        let figures = |b: &CashBook| [b.opening, b.total_in, b.total_out, b.closing];
        let line = |b: &CashBook| figures(b).map(|d| Cell::money(d.0)).to_vec();
        let mut total = vec![Cell::text(format!("{} {}", books.len(), words::pools(lang)))];
        total.extend((0..4).map(|k| Cell::money(books.iter().map(|(_, b)| figures(b)[k].0).sum())));
        let t = district_table(lang, true, columns, books, line, total);
        let title = match books.first().map(|(_, b)| b.method) {
            Some(Method::Bank) => words::district_bank_books(lang),
            _ => words::district_cash_books(lang),
        };
        Ok(Some(District { title, period: self.period, body: vec![Block::Table(t)] }))
    }
}
