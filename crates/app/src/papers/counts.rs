//! `report counts`: the cash counts of a period — as CSV and JSON one line each, and as
//! papers one bảng kiểm kê quỹ (form 08a-TT) each: the book's balance, the count by
//! denomination, the difference (thừa / thiếu), the reason typed, the signatures.

use crate::words;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Signatures, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::closing::CountRow;
use hunvon_store::letterhead::Letterhead;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::printing::{BLANK, formal_date, sign_note};
use crate::papers::reports::Period;
use crate::papers::{CsvRows, Frame, Paper};

/// "Thừa 4.000 đ", "Thiếu 4.000 đ" or "Khớp".
pub fn difference_words(diff: i64, lang: Lang) -> String {
    let d = hunvon_core::domain::money::Dong(diff.abs());
    match diff.signum() {
        0 => words::matches_no_difference(lang).into(),
        1 => words::over_by(lang, d),
        _ => words::short_by(lang, d),
    }
}

impl App {
    /// `report counts` for every pool in scope.
    pub fn report_counts(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&CountsPaper { period }, format)
    }
}

/// `report counts` as a paper: one form 08a-TT per count of the period.
pub struct CountsPaper {
    pub period: Period,
}

impl Paper for CountsPaper {
    type Section = Vec<CountRow>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<CountRow>> {
        Ok(app.store.counts(pool.id, self.period.from, self.period.to)?)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["date", "record", "book_balance", "counted", "difference", "counted_by", "reason"]
    }

    fn csv(&self, _: &App, _: &Pool, counts: &Vec<CountRow>, out: &mut CsvRows) -> Result<()> {
        for c in counts {
            out.row([
                format_iso(c.date),
                c.reference.clone(),
                c.book_balance.to_string(),
                c.counted.to_string(),
                (c.counted - c.book_balance).to_string(),
                safe_cell(&c.counted_by),
                safe_cell(&c.reason),
            ])?;
        }
        Ok(())
    }

    fn json(&self, _: &App, pool: &Pool, counts: &mut Vec<CountRow>) -> Result<serde_json::Value> {
        Ok(json!({"pool": pool.code, "counts": counts.iter().map(|c| json!({
            "date": format_iso(c.date), "number": c.label(), "time": c.time, "record": c.reference,
            "hash": c.hash,
            "book_balance": c.book_balance, "counted": c.counted, "difference": c.counted - c.book_balance,
            "notes": c.notes.iter().map(|(d, n)| json!({"denomination": d, "pieces": n})).collect::<Vec<_>>(),
            "counted_by": c.counted_by, "reason": c.reason, "entered_at": c.entered_at,
        })).collect::<Vec<_>>()}))
    }

    fn district_json(&self, _: &App, sections: &[(Pool, Vec<CountRow>)]) -> Option<serde_json::Value> {
        let all: Vec<&CountRow> = sections.iter().flat_map(|(_, c)| c.iter()).collect();
        Some(json!({"counts": all.len(), "difference": all.iter().map(|c| c.counted - c.book_balance).sum::<i64>()}))
    }

    /// The frame of the page that says the period had no count.
    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::cash_count(app.lang);
        Ok(Frame { title, period: Some(self.period), ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, _: &mut Vec<CountRow>, doc: &mut Document) -> Result<()> {
        doc.push(Block::Text(words::no_count_in_the_period(app.lang).into()));
        Ok(())
    }

    /// Each count's own form, signed by those who counted; an unsigned page when the
    /// period had none.
    fn pages(&self, app: &App, pool: &Pool, counts: &mut Vec<CountRow>) -> Result<Document> {
        let mut doc = Document::new(app.lang);
        if counts.is_empty() {
            let f = self.frame(app, pool)?;
            let mut page = app.paper_frame(pool, f.title, f.form, f.period, &f.lines)?;
            self.body(app, pool, counts, &mut page)?;
            doc.append(page);
        }
        for c in counts.iter() {
            doc.append(app.count_paper(pool, c)?);
        }
        Ok(doc)
    }
}

impl App {
    /// One count as form 08a-TT, "Bảng kiểm kê quỹ (Dùng cho VND)": its own number, the
    /// hour, who was present, I the book's balance, II what was counted (by
    /// denomination), III = I – II (positive: a shortage), the reason and conclusion.
    pub fn count_paper(&self, pool: &Pool, c: &CountRow) -> Result<Document> {
        let lang = self.lang;
        let l = self.store.letterhead(pool.id)?;
        let lines = [words::for_vietnamese_ng(lang).to_string(), format!("{} {}", words::no(lang), c.label())];
        let mut doc = self.paper_frame(pool, words::cash_count(lang), Some("08a-TT"), None, &lines)?;
        let (hour, minute) = match c.time.as_deref().and_then(|t| t.split_once(':')) {
            Some((h, m)) => (h.to_string(), m.to_string()),
            None => ("……".to_string(), "……".to_string()),
        };
        doc.push(Block::Text(words::today_at(lang, hour, minute, formal_date(c.date, lang))));
        doc.push(Block::Text(words::we_the_undersigned(lang).into()));
        doc.push(Block::Pairs(present(c, &l, lang)));
        doc.push(Block::Text(words::counted_the_cash_with_this(lang).into()));
        doc.push(Block::Table(count_table(c, lang)));
        doc.push(Block::Pairs(vec![
            (words::reason_for_the_difference(lang).into(), or_blank(&c.reason)),
            (words::conclusion(lang).into(), conclusion(c, lang)),
        ]));
        doc.push(Block::Subtitle(format!(
            "{} {} — {} {}={}",
            words::record(lang),
            c.reference,
            words::hash(lang),
            c.reference,
            c.hash
        )));
        doc.push(Block::Signatures(Signatures {
            place_date: self.place_date_of(&l, c.date),
            roles: vec![
                (words::chief_accountant(lang).into(), l.accountant.clone()),
                (words::treasurer(lang).into(), l.treasurer.clone()),
                (words::responsible_for_the_count(lang).into(), l.leader.clone()),
            ],
            note: sign_note(lang).into(),
        }));
        Ok(doc)
    }
}

/// A name, or the dotted blank to fill in by hand.
fn or_blank(s: &str) -> String {
    if s.is_empty() { BLANK.to_string() } else { s.to_string() }
}

/// Who was present: those who counted, and the treasurer and the bookkeeper, who take
/// part in every count (the form names them).
fn present(c: &CountRow, l: &Letterhead, lang: Lang) -> Vec<(String, String)> {
    let present: Vec<&str> = c.counted_by.split([',', ';']).map(str::trim).filter(|n| !n.is_empty()).collect();
    let mut who: Vec<(String, String)> =
        present.iter().map(|n| (words::mr_ms(lang).to_string(), n.to_string())).collect();
    for (role, n) in [(words::treasurer(lang), &l.treasurer), (words::accountant(lang), &l.accountant)] {
        if !present.iter().any(|p| p == n) {
            who.push((format!("{} ({role})", words::mr_ms(lang)), or_blank(n)));
        }
    }
    who
}

/// I the book's balance, II what was counted by denomination, III the difference.
fn count_table(c: &CountRow, lang: Lang) -> Table {
    let mut t = Table::new(vec![
        Column::left(words::row_no(lang), 4),
        Column::wrap(words::item(lang), 6),
        Column::number(words::pieces(lang), 8),
        Column::money(words::amount(lang), 12, false),
    ]);
    t.row(vec![
        Cell::text("I"),
        Cell::text(words::balance_by_the_cash_book(lang)),
        Cell::empty(),
        Cell::money(c.book_balance),
    ]);
    t.row(vec![Cell::text("II"), Cell::text(words::counted(lang)), Cell::empty(), Cell::money(c.counted)]);
    for (k, (denomination, pieces)) in c.notes.iter().enumerate() {
        t.row(vec![
            Cell::text(format!("{}", k + 1)),
            Cell::text(format!("– {} {} đ", words::notes_of(lang), hunvon_core::domain::money::group(*denomination))),
            Cell::text(pieces.to_string()),
            Cell::money(denomination * pieces),
        ]);
    }
    // The form's III is I – II: a positive figure is money missing from the box.
    let diff = c.counted - c.book_balance;
    t.totals.push(vec![
        Cell::text("III"),
        Cell::text(format!("{} ({})", words::difference_iii_i_ii(lang), difference_words(diff, lang))),
        Cell::empty(),
        Cell::figure(-diff),
    ]);
    t
}

/// The conclusion: matches, or the difference booked as pending and how it is settled.
fn conclusion(c: &CountRow, lang: Lang) -> String {
    let diff = c.counted - c.book_balance;
    match diff.signum() {
        0 => difference_words(0, lang),
        -1 => words::short_booked_as_pending(lang, difference_words(diff, lang), c.label()),
        _ => words::over_booked_as_pending(lang, difference_words(diff, lang), c.label()),
    }
}
