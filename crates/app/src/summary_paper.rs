//! `report summary` in every format: the machine forms keep one key per figure, the
//! paper (Tổng hợp) lays the period's money out by line with cash and bank side by side
//! and prints the check that the start, the movements and the end agree.

use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document};
use hunvon_store::pools::Pool;

use super::App;
use super::printing::Signers;
use super::reports::Period;
use super::summary::{Flow, Line, Summary};

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
fn district_total(all: &[Summary]) -> Summary {
    let mut t = all[0].clone();
    t.pool = Pool { id: 0, code: "ALL".into(), name: String::new() };
    let sum = |f: &dyn Fn(&Summary) -> Dong| all.iter().map(f).sum::<Dong>();
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
    for s in all {
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
fn pending_label(lang: Lang) -> &'static str {
    lang.pick("Chênh lệch kiểm kê chờ xử lý (thiếu âm, thừa dương)", "Count difference pending (short negative)")
}

fn line_label(l: Line, lang: Lang) -> &'static str {
    match l {
        Line::Openings => lang.pick("Số dư mang sang khi bắt đầu dùng sổ", "Balances brought in when the book began"),
        Line::Contributions => lang.pick("Thu tiền góp của thành viên", "Members' contributions"),
        Line::CommonIn => lang.pick("Thu vào quỹ chung", "Into the common fund"),
        Line::TransfersIn => {
            lang.pick("Chuyển giữa tiền mặt và ngân hàng (tiền vào)", "Between cash and bank (money in)")
        }
        Line::CountSurplus => lang.pick("Tiền thừa khi kiểm kê quỹ", "Surplus found by a cash count"),
        Line::SettlementsIn => lang.pick("Nộp bù tiền thiếu kiểm kê", "Count shortage paid in"),
        Line::CorrectionsIn => lang.pick("Điều chỉnh giảm thu (ghi số âm)", "Receipts corrected (negative)"),
        Line::Bhyt => lang.pick("Chi mua thẻ BHYT", "BHYT cards bought"),
        Line::Bhxh => lang.pick("Chi đóng BHXH tự nguyện", "BHXH contributions paid"),
        Line::CommonOut => lang.pick("Chi từ quỹ chung", "Out of the common fund"),
        Line::Withdrawals => lang.pick("Trả lại tiền góp cho thành viên", "Paid back to members"),
        Line::TransfersOut => {
            lang.pick("Chuyển giữa tiền mặt và ngân hàng (tiền ra)", "Between cash and bank (money out)")
        }
        Line::CountShortage => lang.pick("Tiền thiếu khi kiểm kê quỹ", "Shortage found by a cash count"),
        Line::SettlementsOut => lang.pick("Trả lại tiền thừa kiểm kê", "Count surplus handed back"),
        Line::CorrectionsOut => lang.pick("Điều chỉnh giảm chi (ghi số âm)", "Payments corrected (negative)"),
        Line::NoMoney => lang.pick("Phiếu kế toán không thu, chi tiền", "Entries that moved no money"),
    }
}

impl App {
    /// `report summary` for every pool in scope (a district total when several).
    pub fn report_summary(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let mut summaries = Vec::new();
        for pool in self.report_pools()? {
            summaries.push(self.summary_of(&pool, period)?);
        }
        let several = summaries.len() > 1;
        match format {
            Format::Json => {
                let value = if several {
                    let pools: Vec<_> = summaries.iter().map(|s| summary_json(s, period)).collect();
                    let mut district = summary_json(&district_total(&summaries), period);
                    if let Some(d) = district.as_object_mut() {
                        for k in ["pool", "name", "head", "head_hash", "vouchers"] {
                            d.remove(k);
                        }
                    }
                    json!({ "pools": pools, "district": district })
                } else {
                    summaries.first().map(|s| summary_json(s, period)).unwrap_or_default()
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Csv => {
                let mut w = csv_writer();
                let csv_err = |e: csv::Error| Error::Csv(e);
                w.write_record(["pool", "item", "value"]).map_err(csv_err)?;
                for s in &summaries {
                    for (k, v) in figures(s) {
                        w.write_record([s.pool.code.as_str(), &k, &v.to_string()]).map_err(csv_err)?;
                    }
                    w.write_record([s.pool.code.as_str(), "head", &s.head]).map_err(csv_err)?;
                }
                csv_bytes(w)
            }
            _ => {
                let mut doc = Document::new(self.lang);
                for s in &summaries {
                    let mut one = self.summary_document(s, period, None)?;
                    // The PDF also draws the plan and the months as bars (SPEC §10).
                    if format == Format::Pdf {
                        super::target_bars::before_signatures(&mut one, self.summary_pictures(s, period)?);
                    }
                    doc.append(one);
                }
                if several {
                    let total = district_total(&summaries);
                    let title = self.lang.pick("BÁO CÁO TỔNG HỢP TOÀN HUYỆN", "DISTRICT SUMMARY");
                    let mut d = self.district_paper(title, period, summaries.iter().map(|s| &s.pool))?;
                    d.blocks.extend(self.summary_document(&total, period, Some(()))?.blocks);
                    self.sign_district(&mut d);
                    doc.append(d);
                }
                render_document(&doc, format)
            }
        }
    }

    /// The Tổng hợp paper of one pool, or (`district`) the body of the district's.
    fn summary_document(&self, s: &Summary, period: Period, district: Option<()>) -> Result<Document> {
        let lang = self.lang;
        let mut doc = match district {
            Some(()) => Document::new(lang),
            None => {
                self.paper_frame(&s.pool, lang.pick("BÁO CÁO TỔNG HỢP QUỸ", "POOL SUMMARY"), None, Some(period), &[])?
            }
        };
        let start_day = period.from.map(|f| format_vn(f - chrono::Duration::days(1)));
        doc.push(Block::Heading(lang.pick("1. Tiền mặt và tiền gửi ngân hàng", "1. Cash and bank").into()));
        let mut t = Table::new(vec![
            Column::wrap(lang.pick("Nội dung", "Item"), 6),
            Column::number(lang.pick("Số phiếu", "Vouchers"), 6),
            Column::money(lang.pick("Tiền mặt", "Cash"), 12, false),
            Column::money(lang.pick("Tiền gửi ngân hàng", "Bank"), 12, false),
            Column::money(lang.pick("Cộng", "Total"), 12, false),
        ]);
        let row = |label: String, count: Option<i64>, cash: Dong, bank: Dong| {
            vec![
                Cell::text(label),
                count.map(Cell::figure).unwrap_or_default(),
                Cell::money(cash.0),
                Cell::money(bank.0),
                Cell::money((cash + bank).0),
            ]
        };
        // Movements may be negative (a reversal) without being a warning.
        let moved = |label: String, count: Option<i64>, cash: Dong, bank: Dong| {
            vec![
                Cell::text(label),
                count.map(Cell::figure).unwrap_or_default(),
                Cell::figure(cash.0),
                Cell::figure(bank.0),
                Cell::figure((cash + bank).0),
            ]
        };
        let start_label = match (&start_day, lang) {
            (Some(d), Lang::Vi) => format!("Số dư đầu kỳ (cuối ngày {d})"),
            (Some(d), Lang::En) => format!("At the start (end of {d})"),
            (None, _) => lang.pick("Số dư đầu kỳ (khi mở sổ)", "At the start (book opened)").into(),
        };
        t.row(row(start_label, None, s.cash_start, s.bank_start));
        // Openings dated in the period are part of the start, as the books print them.
        if let Some(f) = s.lines.get(&Line::Openings).filter(|f| f.count != 0) {
            t.row(moved(
                format!("{} {}", lang.pick("– trong đó", "– of which"), line_label(Line::Openings, lang)),
                Some(f.count),
                f.cash,
                f.bank,
            ));
        }
        let (r, p) = (s.receipts(), s.payments());
        t.row(moved(lang.pick("I. Thu trong kỳ", "I. Receipts").into(), Some(r.count), r.cash, r.bank));
        let shown = |l: Line| {
            s.lines.get(&l).copied().filter(|f| f.count != 0 || !f.total().is_zero()).or(match l {
                Line::Contributions | Line::CommonIn | Line::Bhyt | Line::Bhxh | Line::CommonOut => {
                    Some(Flow::default())
                }
                _ => None,
            })
        };
        for l in [
            Line::Contributions,
            Line::CommonIn,
            Line::TransfersIn,
            Line::CountSurplus,
            Line::SettlementsIn,
            Line::CorrectionsIn,
        ] {
            if let Some(f) = shown(l) {
                t.row(moved(format!("– {}", line_label(l, lang)), Some(f.count), f.cash, f.bank));
            }
        }
        t.row(moved(lang.pick("II. Chi trong kỳ", "II. Payments").into(), Some(p.count), p.cash, p.bank));
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
                t.row(moved(format!("– {}", line_label(l, lang)), Some(f.count), -f.cash, -f.bank));
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
        let end_label = match lang {
            Lang::Vi => format!("Số dư cuối kỳ (cuối ngày {})", format_vn(s.to)),
            Lang::En => format!("At the end (end of {})", format_vn(s.to)),
        };
        t.totals.push(row(end_label, None, s.identity.cash, s.identity.bank));
        doc.push(Block::Table(t));
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
        doc.push(Block::Text(check(
            lang.pick("Tiền mặt", "Cash"),
            s.cash_start,
            r.cash,
            p.cash,
            s.identity.cash,
            cash_ok,
        )));
        doc.push(Block::Text(check(
            lang.pick("Tiền gửi ngân hàng", "Bank"),
            s.bank_start,
            r.bank,
            p.bank,
            s.identity.bank,
            bank_ok,
        )));
        let id = &s.identity;
        doc.push(Block::Heading(lang.pick("2. Cân đối cuối kỳ", "2. Balance at the end").into()));
        doc.push(Block::Pairs(vec![
            (lang.pick("Tiền mặt + tiền gửi ngân hàng", "Cash + bank").into(), id.assets().to_string()),
            (
                lang.pick("Quỹ giữ cho thành viên (Σ số dư)", "Held for members (Σ balances)").into(),
                id.members.to_string(),
            ),
            (lang.pick("Trong đó thành viên nợ quỹ", "Of which owed to the pool").into(), id.owed_to_pool.to_string()),
            (lang.pick("Quỹ chung", "Common fund").into(), id.common.to_string()),
            (
                lang.pick("Nguồn vốn khi bắt đầu dùng sổ (số dư mang sang)", "Funds brought in when the book began")
                    .into(),
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
            (
                lang.pick("Trong đó sắp hết hạn (≤ 30 ngày)", "Of which expiring (≤ 30 days)").into(),
                s.expiring.to_string(),
            ),
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
        if district.is_none() {
            doc.push(Block::Heading(lang.pick("4. Chứng từ và niêm phong", "4. Vouchers and seal").into()));
            let ranges: Vec<(String, String)> = s
                .vouchers
                .iter()
                .map(|(a, b)| (lang.pick("Chứng từ", "Vouchers").to_string(), format!("{a} … {b}")))
                .collect();
            if !ranges.is_empty() {
                doc.push(Block::Pairs(ranges));
            }
            doc.push(Block::Text(format!(
                "{}: {}",
                lang.pick("Mã băm đầu chuỗi (niêm phong sổ)", "Chain head (the book's seal)"),
                s.head
            )));
            self.sign(&mut doc, &s.pool, Signers::Summary)?;
        }
        Ok(doc)
    }
}
