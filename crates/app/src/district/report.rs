//! `hunvon report district` in every format: CSV and JSON from the view's figures (plain
//! integers, ISO dates), text, HTML and PDF through the shared document model.

use crate::words;
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Header, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document, safe_cell};

use crate::App;
use crate::district::{DistrictRow, DistrictView};
use crate::papers::reports::Period;

impl App {
    /// `report district`: one row per chapter and the totals, as of the period's end.
    pub fn report_district(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let view = self.district_view(period.to.unwrap_or(self.clock.today))?;
        match format {
            Format::Csv => district_csv(&view),
            Format::Json => Ok(format!("{:#}\n", district_json(&view)).into_bytes()),
            _ => render_document(&self.district_document(&view), format),
        }
    }

    fn district_document(&self, view: &DistrictView) -> Document {
        let lang = self.lang;
        let as_of = view.as_of.unwrap_or(self.clock.today);
        let mut doc = Document::new(lang);
        doc.push(Block::Footer(words::district_pools_printed(lang, view.rows.len(), format_vn(self.clock.today))));
        doc.push(Block::Letterhead(Header {
            left: vec![format!("{}: {}", words::organisation(lang), words::the_district(lang))],
            right: Vec::new(),
        }));
        doc.push(Block::Title(words::district_report_every_chapter(lang).into()));
        doc.push(Block::Subtitle(format!("{} {}", view.rows.len(), words::pools(lang))));
        doc.push(Block::Subtitle(format!("{} {}", words::up_to(lang), format_vn(as_of))));
        doc.push(Block::Unit(words::unit_ng(lang).into()));
        // The pending column only when some chapter has a count's difference open.
        let pending = view.rows.iter().chain(&view.archived).any(|r| !r.pending.is_zero());
        let mut table = row_table(lang, pending);
        for r in &view.rows {
            table.row(row_cells(r, lang, pending));
        }
        let t = view.totals();
        let mut total = row_cells(&t, lang, pending);
        total[0] = Cell::text(words::total(lang));
        total[1] = Cell::text(format!("{} {}", view.rows.len(), words::pools(lang)));
        table.totals.push(total);
        doc.push(Block::Table(table));
        doc.push(Block::Text(words::on_every_row_cash_bank(lang).into()));
        doc.push(Block::Heading(words::each_book_s_head_for(lang).into()));
        let mut heads = Table::new(vec![Column::left(words::pool(lang), 8), Column::wrap(words::chain_head(lang), 10)]);
        for r in view.rows.iter().chain(&view.archived) {
            heads.row(vec![Cell::text(r.pool.code.clone()), Cell::text(r.head.clone())]);
        }
        doc.push(Block::Table(heads));
        if !view.archived.is_empty() {
            doc.push(Block::Heading(words::earlier_copies_of_rewritten_books(lang).into()));
            let mut table = row_table(lang, pending);
            for r in &view.archived {
                table.row(row_cells(r, lang, pending));
            }
            doc.push(Block::Table(table));
        }
        if !view.rewrites.is_empty() {
            doc.push(Block::Heading(words::books_taken_again_after_a(lang).into()));
            for w in &view.rewrites {
                let on = w.on.map(format_vn).unwrap_or_default();
                let r = &w.record;
                doc.push(Block::Text(words::book_rewritten(
                    lang,
                    on,
                    &r.pool,
                    &r.differs_at,
                    &r.archived_as,
                    &r.old_head,
                    &r.new_head,
                    &r.reason,
                )));
            }
        }
        self.sign_district(&mut doc);
        doc
    }
}

fn row_table(lang: Lang, pending: bool) -> Table {
    let mut columns = vec![
        Column::left(words::code(lang), 8),
        Column::wrap(words::pool_name(lang), 10),
        Column::number(words::members_short(lang), 6),
        Column::money(words::held(lang), 12, true),
        Column::money(words::common(lang), 12, true),
        Column::money(words::opening_brought(lang), 12, true),
    ];
    if pending {
        columns.push(Column::money(words::pending(lang), 12, true));
    }
    columns.extend([
        Column::money(words::cash(lang), 12, true),
        Column::money(words::bank(lang), 12, true),
        Column::number("BHYT", 6),
        Column::number("BHXH", 5),
        Column::number("1+1", 5),
        Column::left(words::collected(lang), 10),
    ]);
    Table::new(columns)
}

fn row_cells(r: &DistrictRow, lang: Lang, pending: bool) -> Vec<Cell> {
    let count = |n: usize| Cell::figure(i64::try_from(n).unwrap_or(i64::MAX));
    let on = match (r.collected_on, r.collected) {
        (Some(d), _) => Cell::date(d),
        (None, false) if !r.pool.code.is_empty() => Cell::text(words::own(lang)),
        _ => Cell::empty(),
    };
    let mut cells = vec![
        Cell::text(r.pool.code.clone()),
        Cell::text(r.pool.name.clone()),
        count(r.members),
        Cell::money(r.held.0),
        Cell::money(r.common.0),
        Cell::money(r.opening.0),
    ];
    if pending {
        cells.push(Cell::figure(r.pending.0));
    }
    cells.extend([
        Cell::money(r.cash.0),
        Cell::money(r.bank.0),
        count(r.bhyt_valid),
        count(r.bhxh),
        count(r.pairs),
        on,
    ]);
    cells
}

/// The columns of `report district --format csv`; `common` and `pending` come last so
/// scripts written for the earlier columns keep working (SPEC §8).
const CSV_HEADER: [&str; 14] = [
    "pool",
    "name",
    "status",
    "members",
    "held",
    "cash",
    "bank",
    "bhyt_valid",
    "bhxh",
    "pairs",
    "collected_on",
    "head",
    "common",
    "pending",
];

fn csv_record(r: &DistrictRow, status: &str) -> Vec<String> {
    vec![
        r.pool.code.clone(),
        safe_cell(&r.pool.name),
        status.into(),
        r.members.to_string(),
        r.held.0.to_string(),
        r.cash.0.to_string(),
        r.bank.0.to_string(),
        r.bhyt_valid.to_string(),
        r.bhxh.to_string(),
        r.pairs.to_string(),
        r.collected_on.map(format_iso).unwrap_or_default(),
        r.head.clone(),
        r.common.0.to_string(),
        r.pending.0.to_string(),
    ]
}

fn status(r: &DistrictRow) -> &'static str {
    if r.collected { "collected" } else { "own" }
}

fn district_csv(view: &DistrictView) -> Result<Vec<u8>> {
    let e = Error::from;
    let mut w = csv_writer();
    w.write_record(CSV_HEADER).map_err(e)?;
    for r in &view.rows {
        w.write_record(csv_record(r, status(r))).map_err(e)?;
    }
    for r in &view.archived {
        w.write_record(csv_record(r, "archived")).map_err(e)?;
    }
    let mut total = csv_record(&view.totals(), "total");
    total[0] = "TOTAL".into();
    w.write_record(total).map_err(e)?;
    csv_bytes(w)
}

fn row_json(r: &DistrictRow, status: &str) -> serde_json::Value {
    json!({
        "pool": r.pool.code, "name": r.pool.name, "status": status,
        "members": r.members, "held": r.held.0, "common": r.common.0, "opening": r.opening.0,
        "pending": r.pending.0, "cash": r.cash.0, "bank": r.bank.0,
        "bhyt_valid": r.bhyt_valid, "bhxh": r.bhxh, "pairs": r.pairs,
        "collected_on": r.collected_on.map(format_iso), "head": r.head,
    })
}

fn district_json(view: &DistrictView) -> serde_json::Value {
    let t = view.totals();
    json!({
        "as_of": view.as_of.map(format_iso),
        "pools": view.rows.iter().map(|r| row_json(r, status(r))).collect::<Vec<_>>(),
        "archived": view.archived.iter().map(|r| row_json(r, "archived")).collect::<Vec<_>>(),
        "rewrites": view.rewrites.iter().map(|w| json!({
            "on": w.on.map(format_iso), "pool": w.record.pool, "archived_as": w.record.archived_as,
            "differs_at": w.record.differs_at, "old_head": w.record.old_head, "new_head": w.record.new_head,
            "reason": w.record.reason,
        })).collect::<Vec<_>>(),
        "totals": {
            "pools": view.rows.len(), "members": t.members, "held": t.held.0, "common": t.common.0,
            "opening": t.opening.0, "pending": t.pending.0, "cash": t.cash.0, "bank": t.bank.0,
            "bhyt_valid": t.bhyt_valid, "bhxh": t.bhxh, "pairs": t.pairs,
        },
    })
}
