//! `report summary` in every format: the machine forms keep one key per figure, the
//! paper (Tổng hợp) lays the period's money out by line with cash and bank side by side
//! and prints the check that the start, the movements and the end agree.

use crate::words;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;
use hunvon_report::document::{Document, Signatures};
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::printing::Signers;
use crate::papers::reports::Period;
use crate::papers::summary::{Line, Summary};
use crate::papers::summary_sections;
use crate::papers::{CsvRows, District, Frame, Paper};

/// The figures as (key, integer) for CSV and JSON. `members` is what the pool holds for
/// its members (Σ balances); `member_count` how many they are.
fn figures(s: &Summary) -> Vec<(String, i64)> {
    let id = &s.identity;
    let line = |l: Line| s.lines.get(&l).copied().unwrap_or_default();
    let (r, p) = (s.receipts(), s.payments());
    let mut v: Vec<(String, i64)> = vec![
        ("cash_start".into(), s.cash_start.0),
        ("bank_start".into(), s.bank_start.0),
        ("receipts".into(), r.total().0),
        ("payments".into(), p.total().0),
        ("receipts_cash".into(), r.cash.0),
        ("receipts_bank".into(), r.bank.0),
        ("payments_cash".into(), p.cash.0),
        ("payments_bank".into(), p.bank.0),
        ("voucher_count".into(), s.voucher_count()),
        ("cash".into(), id.cash.0),
        ("bank".into(), id.bank.0),
        ("members".into(), id.members.0),
        ("owed_to_pool".into(), id.owed_to_pool.0),
        ("common".into(), id.common.0),
        ("opening".into(), id.opening.0),
        ("contributions".into(), line(Line::Contributions).total().0),
        ("contribution_vouchers".into(), line(Line::Contributions).count),
        ("bhyt_purchases".into(), -line(Line::Bhyt).total().0),
        ("bhxh_purchases".into(), -line(Line::Bhxh).total().0),
        ("common_in".into(), line(Line::CommonIn).total().0),
        ("common_out".into(), -line(Line::CommonOut).total().0),
        ("member_count".into(), s.members),
        ("covered".into(), (s.covered + s.expiring) as i64),
        ("expiring".into(), s.expiring as i64),
        ("waiting".into(), s.waiting as i64),
        ("lapsed".into(), s.lapsed as i64),
        ("bhxh_participants".into(), s.bhxh_current as i64),
        ("bhyt_cards_bought".into(), s.cards_bought),
        ("bhxh_months_bought".into(), s.bhxh_months_bought),
        ("arrears".into(), s.arrears.0),
    ];
    if !id.pending.is_zero() {
        v.push(("pending".into(), id.pending.0));
    }
    for (l, f) in &s.lines {
        v.push((format!("{}_cash", l.code()), f.cash.0));
        v.push((format!("{}_bank", l.code()), f.bank.0));
        v.push((format!("{}_vouchers", l.code()), f.count));
    }
    v
}

fn summary_json(s: &Summary, period: Period) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    v.insert("pool".into(), json!(s.pool.code));
    v.insert("name".into(), json!(s.pool.name));
    v.insert("from".into(), json!(period.from.map(format_iso)));
    v.insert("to".into(), json!(format_iso(s.to)));
    for (k, n) in figures(s) {
        v.insert(k, json!(n));
    }
    let (cash_ok, bank_ok) = s.checks();
    v.insert("identity_holds".into(), json!(s.identity.holds()));
    v.insert("check_holds".into(), json!(cash_ok && bank_ok));
    v.insert("head".into(), json!(s.head));
    v.insert("head_hash".into(), json!(s.head.rsplit('=').next().unwrap_or_default()));
    v.insert("vouchers".into(), json!(s.vouchers.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>()));
    serde_json::Value::Object(v)
}

/// The district's figures: every pool's added up.
fn district_total(sections: &[(Pool, Summary)]) -> Summary {
    let all: Vec<&Summary> = sections.iter().map(|(_, s)| s).collect();
    let mut t = all[0].clone();
    t.pool = Pool { id: 0, code: "ALL".into(), name: String::new() };
    let sum = |f: &dyn Fn(&Summary) -> Dong| all.iter().map(|s| f(s)).sum::<Dong>();
    t.cash_start = sum(&|s| s.cash_start);
    t.bank_start = sum(&|s| s.bank_start);
    t.identity = Identity {
        cash: sum(&|s| s.identity.cash),
        bank: sum(&|s| s.identity.bank),
        members: sum(&|s| s.identity.members),
        common: sum(&|s| s.identity.common),
        opening: sum(&|s| s.identity.opening),
        pending: sum(&|s| s.identity.pending),
        owed_to_pool: sum(&|s| s.identity.owed_to_pool),
    };
    t.lines.clear();
    for s in &all {
        for (l, f) in &s.lines {
            let e = t.lines.entry(*l).or_default();
            e.count += f.count;
            e.cash += f.cash;
            e.bank += f.bank;
        }
    }
    t.members = all.iter().map(|s| s.members).sum();
    t.covered = all.iter().map(|s| s.covered).sum();
    t.expiring = all.iter().map(|s| s.expiring).sum();
    t.waiting = all.iter().map(|s| s.waiting).sum();
    t.lapsed = all.iter().map(|s| s.lapsed).sum();
    t.bhxh_current = all.iter().map(|s| s.bhxh_current).sum();
    t.cards_bought = all.iter().map(|s| s.cards_bought).sum();
    t.bhxh_months_bought = all.iter().map(|s| s.bhxh_months_bought).sum();
    t.arrears = sum(&|s| s.arrears);
    t.head = String::new();
    t.vouchers = Vec::new();
    t
}

/// `fund:pending` as the summary names it: tiền thiếu chờ xử lý (negative) or tiền thừa
/// chờ giải quyết (positive), the 1381 / 3381 of the charts of accounts.
pub(crate) fn pending_label(lang: Lang) -> &'static str {
    words::count_difference_pending_short_negative(lang)
}

/// A line of the summary in words.
pub(crate) fn line_label(l: Line, lang: Lang) -> &'static str {
    match l {
        Line::Openings => words::balances_brought_in_when_the(lang),
        Line::Contributions => words::members_contributions(lang),
        Line::CommonIn => words::into_the_common_fund(lang),
        Line::TransfersIn => words::between_cash_and_bank_money(lang),
        Line::CountSurplus => words::surplus_found_by_a_cash(lang),
        Line::SettlementsIn => words::count_shortage_paid_in(lang),
        Line::CorrectionsIn => words::receipts_corrected_negative(lang),
        Line::Bhyt => words::bhyt_cards_bought(lang),
        Line::Bhxh => words::bhxh_contributions_paid(lang),
        Line::CommonOut => words::out_of_the_common_fund(lang),
        Line::Withdrawals => words::paid_back_to_members(lang),
        Line::TransfersOut => words::between_cash_and_bank_out(lang),
        Line::CountShortage => words::shortage_found_by_a_cash(lang),
        Line::SettlementsOut => words::count_surplus_handed_back(lang),
        Line::CorrectionsOut => words::payments_corrected_negative(lang),
        Line::NoMoney => words::entries_that_moved_no_money(lang),
    }
}

impl App {
    /// `report summary` for every pool in scope (a district total when several).
    pub fn report_summary(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&SummaryPaper { period, bars: format == Format::Pdf }, format)
    }
}

/// `report summary` as a paper: the Tổng hợp of each pool and the district's.
pub struct SummaryPaper {
    pub period: Period,
    /// Draws the plan and the months as bars too (SPEC §10; the PDF does).
    pub bars: bool,
}

impl Paper for SummaryPaper {
    type Section = Summary;

    const CSV_POOL_ALWAYS: bool = true;

    fn read(&self, app: &App, pool: &Pool) -> Result<Summary> {
        app.summary_of(pool, self.period)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["item", "value"]
    }

    /// One line per figure, then the chain's head.
    fn csv(&self, _: &App, _: &Pool, s: &Summary, out: &mut CsvRows) -> Result<()> {
        for (k, v) in figures(s) {
            out.row([k.as_str(), &v.to_string()])?;
        }
        out.row(["head", s.head.as_str()])
    }

    fn json(&self, _: &App, _: &Pool, s: &mut Summary) -> Result<serde_json::Value> {
        Ok(summary_json(s, self.period))
    }

    /// The pools' figures added up, without what belongs to one pool's chain.
    fn district_json(&self, _: &App, sections: &[(Pool, Summary)]) -> Option<serde_json::Value> {
        let mut district = summary_json(&district_total(sections), self.period);
        if let Some(d) = district.as_object_mut() {
            for k in ["pool", "name", "head", "head_hash", "vouchers"] {
                d.remove(k);
            }
        }
        Some(district)
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::pool_summary(app.lang);
        Ok(Frame { title, period: Some(self.period), ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, s: &mut Summary, doc: &mut Document) -> Result<()> {
        summary_sections::figures_parts(doc, s, self.period, app.lang);
        summary_sections::seal(doc, s, app.lang);
        if self.bars {
            doc.blocks.extend(app.summary_pictures(s, self.period)?);
        }
        Ok(())
    }

    fn signatures(&self, app: &App, pool: &Pool) -> Result<Signatures> {
        app.signatures(pool, Signers::Summary)
    }

    fn district(&self, app: &App, sections: &[(Pool, Summary)]) -> Result<Option<District<'_>>> {
        let mut page = Document::new(app.lang);
        summary_sections::figures_parts(&mut page, &district_total(sections), self.period, app.lang);
        let title = words::district_summary(app.lang);
        Ok(Some(District { title, period: self.period, body: page.blocks }))
    }
}
