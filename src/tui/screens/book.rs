//! 3 Sổ quỹ: the cash book or the bank book (`n`) of one month (`[`/`]` or Shift-←/→
//! step months, as hledger-ui does), a line per voucher with the running balance Tồn.
//! Enter opens the voucher; `r` reverses it. The selection is held by voucher.

use crate::tui::words;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::list::{Keyed, Window};
use crate::tui::state::Tui;
use crate::tui::widgets::VOUCHER_WIDTH;
use crate::tui::widgets::table::{Col, body_height, draw_with_footer};
use crate::tui::widgets::{BOLD, DIM, WARN};
use hunvon_app::App;
use hunvon_app::views::{BookRow, Dir, YearMonth, month_bounds, month_text};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Kind, Method};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

impl Keyed for BookRow {
    type Key = (NaiveDate, i64);
    fn key(&self) -> (NaiveDate, i64) {
        (self.date, self.id)
    }
}

pub struct BookScreen {
    pub method: Method,
    pub month: YearMonth,
    pub window: Window<BookRow>,
    /// Tồn đầu kỳ and cuối kỳ of the month.
    pub opening: Dong,
    pub closing: Dong,
    /// Thu and Chi of the month: the totals row.
    pub totals: (Dong, Dong),
    loaded: bool,
}

impl BookScreen {
    pub fn new(today: NaiveDate) -> BookScreen {
        BookScreen {
            method: Method::Cash,
            month: YearMonth::of(today),
            window: Window::default(),
            opening: Dong(0),
            closing: Dong(0),
            totals: (Dong(0), Dong(0)),
            loaded: false,
        }
    }

    fn with<R>(
        &mut self,
        app: &App,
        f: impl FnOnce(&mut Window<BookRow>, &crate::tui::list::Loader<'_, BookRow>) -> Result<R>,
    ) -> Result<R> {
        let (from, to) = month_bounds(self.month);
        let method = self.method;
        let load = |anchor: Option<&(NaiveDate, i64)>, dir: Dir, n: usize| {
            app.book_page(method, from, to, anchor.copied(), dir, n)
        };
        f(&mut self.window, &load)
    }

    fn ends(&mut self, app: &App) {
        let (from, to) = month_bounds(self.month);
        if let Ok((o, c)) = app.book_ends(self.method, from, to) {
            self.opening = o;
            self.closing = c;
        }
        if let Ok(t) = app.book_totals(self.method, from, to) {
            self.totals = t;
        }
    }

    /// Reads the month again, keeping the selected voucher; the first time (or after a
    /// change of book or month) the latest voucher is selected.
    pub fn reload(&mut self, app: &App) {
        self.ends(app);
        if self.loaded && self.window.selected().is_some() {
            let _ = self.with(app, |w, l| w.reload(l));
        } else {
            let _ = self.with(app, |w, l| w.load_end(l));
            self.loaded = true;
        }
    }

    /// Another book or month: from its latest voucher.
    pub fn switch(&mut self, app: &App, method: Method, month: YearMonth) {
        self.method = method;
        self.month = month;
        self.loaded = false;
        self.reload(app);
    }

    pub fn move_by(&mut self, app: &App, delta: isize) {
        let _ = self.with(app, |w, l| w.move_by(delta, l));
    }

    pub fn to_end(&mut self, app: &App, end: bool) {
        let _ = self.with(app, |w, l| if end { w.load_end(l) } else { w.load_start(l) });
    }

    /// Selects a voucher just written, moving to its month (and to the bank book if it
    /// did not touch the cash).
    pub fn select_voucher(&mut self, app: &App, voucher: &str) {
        let Ok(Some(key)) = app.voucher_position(voucher) else { return };
        let month = YearMonth::of(key.0);
        let (from, to) = month_bounds(month);
        let method = if app.book_row(self.method, from, to, key).ok().flatten().is_some() {
            self.method
        } else if app.book_row(Method::Bank, from, to, key).ok().flatten().is_some() {
            Method::Bank
        } else if app.book_row(Method::Cash, from, to, key).ok().flatten().is_some() {
            Method::Cash
        } else {
            return;
        };
        self.method = method;
        self.month = month;
        self.loaded = true;
        self.ends(app);
        let _ = self.with(app, |w, l| w.load_at(&key, l));
    }
}

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let s = &t.book;
    // One line less for the totals row.
    let h = body_height(area).saturating_sub(1);
    let top = s.window.scroll(h);
    let narrow = area.width < 70;
    let rows: Vec<_> = s.window.rows.iter().skip(top).take(h).map(|r| book_row(r, narrow, lang)).collect();
    let book = match s.method {
        Method::Cash => words::cash_book_title(lang),
        Method::Bank => words::bank_book(lang),
    };
    let title = format!(
        "{book} {} · {} {} · {} {}",
        month_text(s.month),
        words::opening_lower(lang),
        s.opening,
        words::closing(lang),
        s.closing
    );
    let title = crate::tui::widgets::fit(&title, usize::from(area.width.saturating_sub(2)));
    // Money columns as wide as the widest figure on the page, the month's totals and the
    // balances included: a fund's billions never lose their first digits.
    let figures = [s.totals.0, s.totals.1, s.opening, s.closing].map(|d| d.to_string());
    let money_count = if narrow { 2 } else { 3 };
    let money_cells =
        rows.iter().flat_map(|r| r.iter().skip(r.len().saturating_sub(money_count)).map(|(text, _)| text));
    let widest = money_cells.chain(figures.iter()).map(|t| t.chars().count()).max().unwrap_or(0);
    let cols = columns(narrow, lang, u16::try_from(widest).unwrap_or(u16::MAX).max(MONEY_WIDTH));
    let sel = (!s.window.rows.is_empty()).then(|| s.window.sel - top);
    let total = words::month_total(lang);
    let footer = if narrow {
        vec![(total.to_string(), BOLD), (String::new(), BOLD), (s.closing.to_string(), BOLD)]
    } else {
        vec![
            (String::new(), BOLD),
            (String::new(), BOLD),
            (total.to_string(), BOLD),
            (s.totals.0.to_string(), BOLD),
            (s.totals.1.to_string(), BOLD),
            (s.closing.to_string(), BOLD),
        ]
    };
    draw_with_footer(f, area, title, &cols, rows, sel, Some(footer));
}

/// One voucher's line: its figure in the In or Out column (a narrow terminal: signed, in
/// one column), the running balance, a reversed voucher dimmed and marked.
fn book_row(r: &BookRow, narrow: bool, lang: Lang) -> Vec<(String, Style)> {
    let mut what = r.purpose.clone();
    if let Some(by) = &r.reversed_by {
        // The mark comes first: a long description must not hide it.
        what = format!("({} {by}) {what}", words::reversed_by(lang));
    }
    let style = if r.reversed_by.is_some() || r.reverses.is_some() { DIM } else { Style::new() };
    // A correction stands in the column of what it corrects, as a negative figure
    // (SPEC §8), as on the printed book.
    let correction = r.kind == Kind::Reversal;
    let in_column = (r.amount.0 >= 0) != correction;
    let shown = if in_column { r.amount } else { -r.amount };
    let figure = if shown.0 < 0 { format!("−{}", -shown) } else { shown.to_string() };
    let (i, o) = if in_column { (figure, String::new()) } else { (String::new(), figure) };
    let signed = if r.amount.0 >= 0 { format!("+{}", r.amount) } else { format!("−{}", -r.amount) };
    let bal = if r.balance.0 < 0 { WARN } else { Style::new() };
    if narrow {
        vec![(what, style), (signed, Style::new()), (r.balance.to_string(), bal)]
    } else {
        vec![
            (hunvon_core::domain::date::format_vn(r.date), Style::new()),
            (r.voucher.clone(), Style::new()),
            (what, style),
            (i, Style::new()),
            (o, Style::new()),
            (r.balance.to_string(), bal),
        ]
    }
}

/// The narrowest a money column is drawn ("999.999.999 đ").
const MONEY_WIDTH: u16 = 13;

/// The book's columns: date, number, purpose, in, out, balance (purpose, in/out and
/// balance on a narrow terminal); money columns `money` wide.
fn columns(narrow: bool, lang: Lang, money: u16) -> Vec<Col> {
    if narrow {
        vec![
            Col::new(words::purpose(lang), 0, 8),
            Col::money(words::in_out_signed(lang), money),
            Col::money(words::balance_on_hand(lang), money),
        ]
    } else {
        vec![
            Col::new(words::date(lang), 10, 5),
            Col::new(words::number_short(lang), VOUCHER_WIDTH, 4),
            Col::new(words::purpose(lang), 0, 8),
            Col::money(words::money_in(lang), money),
            Col::money(words::money_out(lang), money),
            Col::money(words::balance_on_hand(lang), money),
        ]
    }
}
