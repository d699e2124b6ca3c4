//! The collection agent's handover list (`hunvon report handover --from D --to D`, SPEC
//! §10): every purchase of the period not reversed by its end, BHYT then BHXH, one line a
//! person with the identifiers in full — the agency needs them, and the paper says so —
//! totals per scheme, and signature places for the collaborator and the agent.

use crate::words;
use chrono::NaiveDate;
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Signatures, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::handover::HandoverLine;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::printing::{month_vn, sign_note};
use crate::papers::reports::Period;
use crate::papers::{CsvRows, Frame, Paper};

/// The CSV header of `report handover` (SPEC §10 names these and more).
pub const CSV_KEYS: [&str; 16] = [
    "voucher",
    "date",
    "code",
    "full_name",
    "dob",
    "cccd",
    "bhxh_code",
    "household",
    "scheme",
    "months",
    "amount",
    "card_from",
    "card_to",
    "from_month",
    "to_month",
    "receipt_no",
];

/// The total amount of one scheme's lines.
pub fn scheme_total(lines: &[HandoverLine], scheme: &str) -> i64 {
    lines.iter().filter(|l| l.scheme == scheme).map(|l| l.amount).sum()
}

impl App {
    /// `hunvon report handover` in every format, for every pool in scope.
    pub fn report_handover(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let to = period.to.unwrap_or(self.clock.today);
        self.render_paper(&HandoverPaper { from: period.from.unwrap_or(to), to }, format)
    }
}

/// `report handover` as a paper: the purchases from `from` to `to`.
pub struct HandoverPaper {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Paper for HandoverPaper {
    type Section = Vec<HandoverLine>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<HandoverLine>> {
        Ok(app.store.handover_lines(pool.id, self.from, self.to)?)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &CSV_KEYS
    }

    fn csv(&self, _: &App, _: &Pool, lines: &Vec<HandoverLine>, out: &mut CsvRows) -> Result<()> {
        let iso = |d: Option<NaiveDate>| d.map(format_iso).unwrap_or_default();
        for l in lines {
            out.row([
                l.voucher.clone(),
                format_iso(l.date),
                l.code.clone(),
                safe_cell(&l.full_name),
                iso(l.dob),
                l.cccd.clone().unwrap_or_default(),
                l.bhxh_code.clone().unwrap_or_default(),
                l.household.clone().unwrap_or_default(),
                l.scheme.clone(),
                l.months.to_string(),
                l.amount.to_string(),
                iso(l.card_from),
                iso(l.card_to),
                l.from_month.clone().unwrap_or_default(),
                l.to_month.clone().unwrap_or_default(),
                safe_cell(&l.receipt_no),
            ])?;
        }
        Ok(())
    }

    fn json(&self, _: &App, pool: &Pool, lines: &mut Vec<HandoverLine>) -> Result<serde_json::Value> {
        Ok(json!({"pool": pool.code, "from": format_iso(self.from), "to": format_iso(self.to),
            "totals": {"bhyt": scheme_total(lines, "bhyt"), "bhxh": scheme_total(lines, "bhxh")},
            "lines": lines.iter().map(|l| json!({
                "voucher": l.voucher, "date": format_iso(l.date), "code": l.code,
                "full_name": l.full_name, "dob": l.dob.map(format_iso), "cccd": l.cccd,
                "bhxh_code": l.bhxh_code, "household": l.household, "scheme": l.scheme,
                "months": l.months, "amount": l.amount, "card_from": l.card_from.map(format_iso),
                "card_to": l.card_to.map(format_iso), "from_month": l.from_month,
                "to_month": l.to_month, "receipt_no": l.receipt_no,
            })).collect::<Vec<_>>()}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::handover_to_the_collection_agent(app.lang);
        Ok(Frame { title, period: Some(Period { from: Some(self.from), to: Some(self.to) }), ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, lines: &mut Vec<HandoverLine>, doc: &mut Document) -> Result<()> {
        let lang = app.lang;
        doc.push(Block::Text(words::this_list_prints_cccd_and(lang).into()));
        for (scheme, heading) in [("bhyt", words::i_household_bhyt(lang)), ("bhxh", words::ii_voluntary_bhxh(lang))] {
            doc.push(Block::Heading(heading.into()));
            doc.push(Block::Table(scheme_table(lines, scheme, lang)));
        }
        let all = Dong(lines.iter().map(|l| l.amount).sum());
        doc.push(Block::Pairs(vec![(words::total_handed_over(lang).into(), all.to_string())]));
        Ok(())
    }

    /// The collaborator who hands over, and the agent who receives.
    fn signatures(&self, app: &App, pool: &Pool) -> Result<Signatures> {
        let lang = app.lang;
        let l = app.store.letterhead(pool.id)?;
        Ok(Signatures {
            place_date: app.place_date(app.clock.today),
            roles: vec![
                (words::collaborator_handing_over(lang).into(), l.treasurer.clone()),
                (words::collection_agent_receiving(lang).into(), String::new()),
            ],
            note: sign_note(lang).into(),
        })
    }
}

/// One scheme's lines, one person each, and their total.
fn scheme_table(lines: &[HandoverLine], scheme: &str, lang: Lang) -> Table {
    let mine: Vec<&HandoverLine> = lines.iter().filter(|l| l.scheme == scheme).collect();
    let mut t = Table::new(vec![
        Column::left(words::code(lang), 7),
        Column::wrap(words::name(lang), 12),
        Column::left(words::born(lang), 8),
        Column::left("CCCD", 10),
        Column::left(words::m_s_bhxh(lang), 9),
        Column::left(words::household(lang), 5),
        Column::number(words::months(lang), 4),
        Column::money(words::amount(lang), 9, true),
        Column::wrap(words::period(lang), 12),
        Column::wrap(words::voucher_receipt(lang), 10),
    ]);
    for l in &mine {
        let period = match (l.card_from, l.card_to, &l.from_month, &l.to_month) {
            (Some(f), Some(t), _, _) => format!("{} – {}", format_vn(f), format_vn(t)),
            (_, _, Some(f), Some(t)) => format!("{} – {}", month_vn(f), month_vn(t)),
            _ => String::new(),
        };
        let receipt =
            if l.receipt_no.is_empty() { l.voucher.clone() } else { format!("{} / {}", l.voucher, l.receipt_no) };
        t.row(vec![
            Cell::text(l.code.clone()),
            Cell::text(l.full_name.clone()),
            l.dob.map(Cell::date).unwrap_or_default(),
            Cell::text(l.cccd.clone().unwrap_or_default()),
            Cell::text(l.bhxh_code.clone().unwrap_or_default()),
            Cell::text(l.household.clone().unwrap_or_default()),
            Cell::figure(i64::from(l.months)),
            Cell::money(l.amount),
            Cell::text(period),
            Cell::text(receipt),
        ]);
    }
    let mut sum = t.labelled(words::total(lang), &[None; 10]);
    sum[1] = Cell::text(format!("{} {}", mine.len(), words::people(lang)));
    sum[7] = Cell::money(scheme_total(lines, scheme));
    t.totals.push(sum);
    t
}
