//! The parts of the Tổng hợp paper (`report summary`): the money of the period by line
//! with cash and bank side by side and the check that start, movements and end agree;
//! the balance at the end; the members and their cover; the vouchers and the seal.

use hunvon_core::domain::date::format_vn;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Table};

use crate::papers::reports::Period;
use crate::papers::summary::{Flow, Line, Summary};
use crate::papers::summary_paper::{line_label, pending_label};

/// Sections 1 to 3, as one pool's paper and the district's page show them.
pub(crate) fn figures_parts(doc: &mut Document, s: &Summary, period: Period, lang: Lang) {
    doc.push(Block::Heading(lang.pick("1. Tiền mặt và tiền gửi ngân hàng", "1. Cash and bank").into()));
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
        Column::wrap(lang.pick("Nội dung", "Item"), 6),
        Column::number(lang.pick("Số phiếu", "Vouchers"), 6),
        Column::money(lang.pick("Tiền mặt", "Cash"), 12, false),
        Column::money(lang.pick("Tiền gửi ngân hàng", "Bank"), 12, false),
        Column::money(lang.pick("Cộng", "Total"), 12, false),
    ]);
    let start_label = match (&start_day, lang) {
        (Some(d), Lang::Vi) => format!("Số dư đầu kỳ (cuối ngày {d})"),
        (Some(d), Lang::En) => format!("At the start (end of {d})"),
        (None, _) => lang.pick("Số dư đầu kỳ (khi mở sổ)", "At the start (book opened)").into(),
    };
    t.row(balance_row(start_label, s.cash_start, s.bank_start));
    // Openings dated in the period are part of the start, as the books print them.
    if let Some(f) = s.lines.get(&Line::Openings).filter(|f| f.count != 0) {
        t.row(moved(
            format!("{} {}", lang.pick("– trong đó", "– of which"), line_label(Line::Openings, lang)),
            f.count,
            f.cash,
            f.bank,
        ));
    }
    movements(&mut t, s, lang);
    let end_label = match lang {
        Lang::Vi => format!("Số dư cuối kỳ (cuối ngày {})", format_vn(s.to)),
        Lang::En => format!("At the end (end of {})", format_vn(s.to)),
    };
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
    t.row(moved(lang.pick("I. Thu trong kỳ", "I. Receipts").into(), r.count, r.cash, r.bank));
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
    t.row(moved(lang.pick("II. Chi trong kỳ", "II. Payments").into(), p.count, p.cash, p.bank));
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
    let mark = |ok: bool| if ok { "✓".to_string() } else { format!("✗ {}", lang.pick("lệch", "off")) };
    let check = |name: &str, start: Dong, r: Dong, p: Dong, end: Dong, ok: bool| match lang {
        Lang::Vi => format!("{name}: đầu kỳ {start} + thu {r} − chi {p} = cuối kỳ {end} {}", mark(ok)),
        Lang::En => format!("{name}: start {start} + in {r} − out {p} = end {end} {}", mark(ok)),
    };
    doc.push(Block::Text(lang.pick("Kiểm tra:", "Check:").into()));
    doc.push(Block::Text(check(
        lang.pick("Cộng", "Total"),
        s.cash_start + s.bank_start,
        r.total(),
        p.total(),
        s.identity.assets(),
        cash_ok && bank_ok,
    )));
    doc.push(Block::Text(check(lang.pick("Tiền mặt", "Cash"), s.cash_start, r.cash, p.cash, s.identity.cash, cash_ok)));
    doc.push(Block::Text(check(
        lang.pick("Tiền gửi ngân hàng", "Bank"),
        s.bank_start,
        r.bank,
        p.bank,
        s.identity.bank,
        bank_ok,
    )));
}

/// Section 2: what the money at the end is held for, and the identity.
fn balance(doc: &mut Document, s: &Summary, lang: Lang) {
    let id = &s.identity;
    doc.push(Block::Heading(lang.pick("2. Cân đối cuối kỳ", "2. Balance at the end").into()));
    doc.push(Block::Pairs(vec![
        (lang.pick("Tiền mặt + tiền gửi ngân hàng", "Cash + bank").into(), id.assets().to_string()),
        (lang.pick("Quỹ giữ cho thành viên (Σ số dư)", "Held for members (Σ balances)").into(), id.members.to_string()),
        (lang.pick("Trong đó thành viên nợ quỹ", "Of which owed to the pool").into(), id.owed_to_pool.to_string()),
        (lang.pick("Quỹ chung", "Common fund").into(), id.common.to_string()),
        (
            lang.pick("Nguồn vốn khi bắt đầu dùng sổ (số dư mang sang)", "Funds brought in when the book began").into(),
            id.opening.to_string(),
        ),
    ]));
    if !id.pending.is_zero() {
        doc.push(Block::Pairs(vec![(pending_label(lang).into(), id.pending.to_string())]));
    }
    let holds = if id.holds() {
        "✓".to_string()
    } else {
        format!("✗ {} {}", lang.pick("lệch", "off by"), id.difference())
    };
    // The pending difference only when a count left one (SPEC §8).
    let pending = if id.pending.is_zero() {
        String::new()
    } else {
        format!(" + {} {}", lang.pick("chênh lệch kiểm kê chờ xử lý", "count difference pending"), id.pending)
    };
    doc.push(Block::Text(match lang {
        Lang::Vi => format!(
            "Cân đối: tiền mặt và tiền gửi {} = giữ cho thành viên {} + quỹ chung {} + nguồn vốn mang sang {}{pending} {holds}",
            id.assets(),
            id.members,
            id.common,
            id.opening
        ),
        Lang::En => format!(
            "Identity: cash and bank {} = held for members {} + common fund {} + funds brought in {}{pending} {holds}",
            id.assets(),
            id.members,
            id.common,
            id.opening
        ),
    }));
}

/// Section 3: the members and their cover at the end.
fn members(doc: &mut Document, s: &Summary, lang: Lang) {
    doc.push(Block::Heading(match lang {
        Lang::Vi => format!("3. Thành viên và bảo hiểm (đến ngày {})", format_vn(s.to)),
        Lang::En => format!("3. Members and insurance (as of {})", format_vn(s.to)),
    }));
    doc.push(Block::Pairs(vec![
        (lang.pick("Số thành viên", "Members").into(), s.members.to_string()),
        (
            lang.pick("Người có thẻ BHYT còn hạn", "People with a valid BHYT card").into(),
            (s.covered + s.expiring).to_string(),
        ),
        (lang.pick("Trong đó sắp hết hạn (≤ 30 ngày)", "Of which expiring (≤ 30 days)").into(), s.expiring.to_string()),
        (lang.pick("Chờ thẻ có hiệu lực", "Waiting for the card").into(), s.waiting.to_string()),
        (lang.pick("Thẻ đã hết hạn", "Lapsed").into(), s.lapsed.to_string()),
        (lang.pick("Người đang đóng BHXH tự nguyện", "BHXH participants").into(), s.bhxh_current.to_string()),
        (lang.pick("Thẻ BHYT mua trong kỳ", "BHYT cards bought in the period").into(), s.cards_bought.to_string()),
        (
            lang.pick("Số tháng BHXH đóng trong kỳ", "BHXH months paid in the period").into(),
            s.bhxh_months_bought.to_string(),
        ),
        (lang.pick("Tiền góp còn thiếu theo mức đóng", "Dues in arrears").into(), s.arrears.to_string()),
    ]));
}

/// Section 4 of one pool's paper: its vouchers' ranges and the chain's head.
pub(crate) fn seal(doc: &mut Document, s: &Summary, lang: Lang) {
    doc.push(Block::Heading(lang.pick("4. Chứng từ và niêm phong", "4. Vouchers and seal").into()));
    let ranges: Vec<(String, String)> =
        s.vouchers.iter().map(|(a, b)| (lang.pick("Chứng từ", "Vouchers").to_string(), format!("{a} … {b}"))).collect();
    if !ranges.is_empty() {
        doc.push(Block::Pairs(ranges));
    }
    doc.push(Block::Text(format!(
        "{}: {}",
        lang.pick("Mã băm đầu chuỗi (niêm phong sổ)", "Chain head (the book's seal)"),
        s.head
    )));
}
