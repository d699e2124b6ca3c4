//! The parts of the Tổng hợp paper (`report summary`): the money of the period by line
//! with cash and bank side by side and the check that start, movements and end agree;
//! the balance at the end; the members and their cover; the vouchers and the seal.

use crate::words;
use hunvon_core::domain::date::format_vn;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Table};

use crate::papers::reports::Period;
use crate::papers::summary::{Flow, Line, Summary};
use crate::papers::summary_paper::{line_label, pending_label};

/// Sections 1 to 3, as one pool's paper and the district's page show them.
pub(crate) fn figures_parts(doc: &mut Document, s: &Summary, period: Period, lang: Lang) {
    doc.push(Block::Heading(words::n_1_cash_and_bank(lang).into()));
    doc.push(Block::Table(money_table(s, period, lang)));
    checks(doc, s, lang);
    balance(doc, s, lang);
    members(doc, s, lang);
}

/// A balance: its label, and cash, bank and their sum.
fn balance_row(label: String, cash: Dong, bank: Dong) -> Vec<Cell> {
    vec![Cell::text(label), Cell::empty(), Cell::money(cash.0), Cell::money(bank.0), Cell::money((cash + bank).0)]
}

/// A movement of the period, which may be negative (a reversal) without being a warning.
fn moved(label: String, count: i64, cash: Dong, bank: Dong) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::figure(count),
        Cell::figure(cash.0),
        Cell::figure(bank.0),
        Cell::figure((cash + bank).0),
    ]
}

/// The start, the receipts and the payments by line, and the end.
fn money_table(s: &Summary, period: Period, lang: Lang) -> Table {
    let start_day = period.from.map(|f| format_vn(f - chrono::Duration::days(1)));
    let mut t = Table::new(vec![
        Column::wrap(words::item_content(lang), 6),
        Column::number(words::vouchers(lang), 6),
        Column::money(words::cash(lang), 12, false),
        Column::money(words::bank_deposits(lang), 12, false),
        Column::money(words::total(lang), 12, false),
    ]);
    let start_label = match &start_day {
        Some(d) => words::at_the_start_end_of(lang, d),
        None => words::at_the_start_book_opened(lang).into(),
    };
    t.row(balance_row(start_label, s.cash_start, s.bank_start));
    // Openings dated in the period are part of the start, as the books print them.
    if let Some(f) = s.lines.get(&Line::Openings).filter(|f| f.count != 0) {
        t.row(moved(
            format!("{} {}", words::of_which(lang), line_label(Line::Openings, lang)),
            f.count,
            f.cash,
            f.bank,
        ));
    }
    movements(&mut t, s, lang);
    let end_label = words::at_the_end_of(lang, format_vn(s.to));
    t.totals.push(balance_row(end_label, s.identity.cash, s.identity.bank));
    t
}

/// I the receipts and II the payments, each with its lines (those with a movement, and
/// the five a reader looks for even when empty), and III the entries that moved no money.
fn movements(t: &mut Table, s: &Summary, lang: Lang) {
    let (r, p) = (s.receipts(), s.payments());
    let shown = |l: Line| {
        s.lines.get(&l).copied().filter(|f| f.count != 0 || !f.total().is_zero()).or(match l {
            Line::Contributions | Line::CommonIn | Line::Bhyt | Line::Bhxh | Line::CommonOut => Some(Flow::default()),
            _ => None,
        })
    };
    t.row(moved(words::i_receipts(lang).into(), r.count, r.cash, r.bank));
    for l in [
        Line::Contributions,
        Line::CommonIn,
        Line::TransfersIn,
        Line::CountSurplus,
        Line::SettlementsIn,
        Line::CorrectionsIn,
    ] {
        if let Some(f) = shown(l) {
            t.row(moved(format!("– {}", line_label(l, lang)), f.count, f.cash, f.bank));
        }
    }
    t.row(moved(words::ii_payments(lang).into(), p.count, p.cash, p.bank));
    for l in [
        Line::Bhyt,
        Line::Bhxh,
        Line::CommonOut,
        Line::Withdrawals,
        Line::TransfersOut,
        Line::CountShortage,
        Line::SettlementsOut,
        Line::CorrectionsOut,
    ] {
        if let Some(f) = shown(l) {
            t.row(moved(format!("– {}", line_label(l, lang)), f.count, -f.cash, -f.bank));
        }
    }
    if let Some(f) = shown(Line::NoMoney) {
        t.row(vec![
            Cell::text(format!("III. {}", line_label(Line::NoMoney, lang))),
            Cell::figure(f.count),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ]);
    }
}

/// The check that start + receipts − payments = end, in total, in cash and in the bank.
fn checks(doc: &mut Document, s: &Summary, lang: Lang) {
    let (r, p) = (s.receipts(), s.payments());
    let (cash_ok, bank_ok) = s.checks();
    let mark = |ok: bool| if ok { "✓".to_string() } else { format!("✗ {}", words::off(lang)) };
    let check = |name: &str, start: Dong, r: Dong, p: Dong, end: Dong, ok: bool| {
        words::start_in_out_end(lang, name, start, r, p, end, mark(ok))
    };
    doc.push(Block::Text(words::check(lang).into()));
    doc.push(Block::Text(check(
        words::total(lang),
        s.cash_start + s.bank_start,
        r.total(),
        p.total(),
        s.identity.assets(),
        cash_ok && bank_ok,
    )));
    doc.push(Block::Text(check(words::cash(lang), s.cash_start, r.cash, p.cash, s.identity.cash, cash_ok)));
    doc.push(Block::Text(check(words::bank_deposits(lang), s.bank_start, r.bank, p.bank, s.identity.bank, bank_ok)));
}

/// Section 2: what the money at the end is held for, and the identity.
fn balance(doc: &mut Document, s: &Summary, lang: Lang) {
    let id = &s.identity;
    doc.push(Block::Heading(words::n_2_balance_at_the_end(lang).into()));
    doc.push(Block::Pairs(vec![
        (words::cash_bank(lang).into(), id.assets().to_string()),
        (words::held_for_members_balances(lang).into(), id.members.to_string()),
        (words::of_which_members_owe(lang).into(), id.owed_to_pool.to_string()),
        (words::common_fund(lang).into(), id.common.to_string()),
        (words::funds_brought_in_when_the(lang).into(), id.opening.to_string()),
    ]));
    if !id.pending.is_zero() {
        doc.push(Block::Pairs(vec![(pending_label(lang).into(), id.pending.to_string())]));
    }
    let holds = if id.holds() { "✓".to_string() } else { format!("✗ {} {}", words::off_by(lang), id.difference()) };
    // The pending difference only when a count left one (SPEC §8).
    let pending = if id.pending.is_zero() {
        String::new()
    } else {
        format!(" + {} {}", words::count_difference_pending_lower(lang), id.pending)
    };
    doc.push(Block::Text(words::identity_line(lang, id.assets(), id.members, id.common, id.opening, pending, holds)));
}

/// Section 3: the members and their cover at the end.
fn members(doc: &mut Document, s: &Summary, lang: Lang) {
    doc.push(Block::Heading(words::members_and_insurance_as_of(lang, format_vn(s.to))));
    doc.push(Block::Pairs(vec![
        (words::members_count(lang).into(), s.members.to_string()),
        (words::people_with_a_valid_bhyt(lang).into(), (s.covered + s.expiring).to_string()),
        (words::of_which_expiring_30_days(lang).into(), s.expiring.to_string()),
        (words::waiting_for_the_card(lang).into(), s.waiting.to_string()),
        (words::card_lapsed(lang).into(), s.lapsed.to_string()),
        (words::bhxh_participants(lang).into(), s.bhxh_current.to_string()),
        (words::bhyt_cards_bought_in_the(lang).into(), s.cards_bought.to_string()),
        (words::bhxh_months_paid_in_the(lang).into(), s.bhxh_months_bought.to_string()),
        (words::dues_in_arrears(lang).into(), s.arrears.to_string()),
    ]));
}

/// Section 4 of one pool's paper: its vouchers' ranges and the chain's head.
pub(crate) fn seal(doc: &mut Document, s: &Summary, lang: Lang) {
    doc.push(Block::Heading(words::n_4_vouchers_and_seal(lang).into()));
    let ranges: Vec<(String, String)> =
        s.vouchers.iter().map(|(a, b)| (words::vouchers_head(lang).to_string(), format!("{a} … {b}"))).collect();
    if !ranges.is_empty() {
        doc.push(Block::Pairs(ranges));
    }
    doc.push(Block::Text(format!("{}: {}", words::chain_head_the_book_s(lang), s.head)));
}
