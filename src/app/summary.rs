//! `report summary`: the page a control board signs — balances and the identity, the
//! period's movements, who is covered, arrears, and the chain head that pins the book.

use serde_json::json;

use crate::date::format_iso;
use crate::error::{Error, Result};
use crate::ledger::identity::Identity;
use crate::money::Dong;
use crate::report::document::{Block, Document};
use crate::report::{Format, csv_bytes, csv_writer, render_document};
use crate::store::pools::Pool;

use super::App;
use super::reports::Period;

/// The figures of one pool's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub pool: Pool,
    pub identity: Identity,
    pub contributions: (i64, Dong),
    pub purchases_bhyt: (i64, Dong),
    pub purchases_bhxh: (i64, Dong),
    pub common_in: Dong,
    pub common_out: Dong,
    pub covered: usize,
    pub expiring: usize,
    pub waiting: usize,
    pub lapsed: usize,
    pub arrears: Dong,
    /// The chain head as the paper prints it: `PT-2026-0183=<64 hex>` (`verify --anchor`).
    pub head: String,
    pub vouchers: Vec<(String, String)>,
}

impl App {
    /// The summary figures of one pool over a period (balances as of its end).
    pub fn summary_of(&self, pool: &Pool, period: Period) -> Result<Summary> {
        let to = period.to.unwrap_or(self.clock.today);
        let balances = self.store.balances_on(pool.id, to)?;
        let identity = Identity::from_balances(balances.iter().map(|(a, d)| (a, *d)));
        let kinds = self.store.kind_totals(pool.id, period.from, period.to)?;
        let kind = |k: &str| kinds.iter().find(|x| x.kind == k).map_or((0, Dong(0)), |x| (x.count, x.total));
        let counts = self.coverage_counts_of(pool.id, to)?;
        let arrears: Dong = self.arrears_rows(pool, to)?.iter().map(|r| r.owed).sum();
        Ok(Summary {
            pool: pool.clone(),
            identity,
            contributions: kind("contribution"),
            purchases_bhyt: kind("purchase_bhyt"),
            purchases_bhxh: kind("purchase_bhxh"),
            common_in: kind("receipt").1,
            common_out: kind("payment").1,
            covered: counts.covered,
            expiring: counts.expiring,
            waiting: counts.waiting,
            lapsed: counts.lapsed,
            arrears,
            head: self.store.head(pool.id)?.anchor(),
            vouchers: self.store.voucher_ranges(pool.id, period.from, period.to)?,
        })
    }

    /// `report summary` for every pool in scope (a district total when several).
    pub fn report_summary(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let mut summaries = Vec::new();
        for pool in self.pools_in_scope()? {
            summaries.push(self.summary_of(&pool, period)?);
        }
        match format {
            Format::Json => {
                let pools: Vec<_> = summaries.iter().map(|s| summary_json(s, period)).collect();
                let value = if pools.len() == 1 {
                    pools[0].clone()
                } else {
                    json!({ "pools": pools, "district": district_json(&summaries) })
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Csv => {
                let mut w = csv_writer();
                let csv_err = |e: csv::Error| Error::Csv(e.to_string());
                w.write_record(["pool", "item", "value"]).map_err(csv_err)?;
                for s in &summaries {
                    for (k, v) in summary_pairs_machine(s) {
                        w.write_record([s.pool.code.as_str(), k, &v]).map_err(csv_err)?;
                    }
                }
                csv_bytes(w)
            }
            _ => {
                let mut out = Vec::new();
                let mut docs: Vec<Document> = Vec::new();
                for s in &summaries {
                    docs.push(self.summary_document(s, period)?);
                }
                if docs.len() > 1 {
                    let mut district = self.summary_document(&district_total(&summaries), period)?;
                    district.title = self.lang.pick("BÁO CÁO TỔNG HỢP TOÀN HUYỆN", "DISTRICT SUMMARY").into();
                    district.subtitle[0] = format!("{} {}", summaries.len(), self.lang.pick("quỹ", "pools"));
                    docs.push(district);
                }
                if format == Format::Text || docs.len() == 1 {
                    for d in &docs {
                        out.extend(render_document(d, format)?);
                    }
                    return Ok(out);
                }
                let mut merged = docs[0].clone();
                for d in &docs[1..] {
                    merged.blocks.push(Block::Heading(format!("{} — {}", d.title, d.subtitle.join(" — "))));
                    merged.blocks.extend(d.blocks.iter().cloned());
                }
                render_document(&merged, format)
            }
        }
    }

    fn summary_document(&self, s: &Summary, period: Period) -> Result<Document> {
        let lang = self.lang;
        let mut doc = self.document(&s.pool, lang.pick("BÁO CÁO TỔNG HỢP QUỸ", "POOL SUMMARY"), period, true)?;
        let id = &s.identity;
        doc.blocks.push(Block::Heading(lang.pick("1. Số dư", "1. Balances").into()));
        doc.blocks.push(Block::Pairs(vec![
            (lang.pick("Tiền mặt", "Cash").into(), id.cash.to_string()),
            (lang.pick("Tiền gửi ngân hàng", "Bank").into(), id.bank.to_string()),
            (lang.pick("Quỹ giữ cho thành viên (Σ)", "Held for members (Σ)").into(), id.members.to_string()),
            (lang.pick("Trong đó thành viên nợ quỹ", "Of which owed to the pool").into(), id.owed_to_pool.to_string()),
            (lang.pick("Quỹ chung", "Common fund").into(), id.common.to_string()),
            (lang.pick("Số dư đầu kỳ mang sang", "Opening balances").into(), id.opening.to_string()),
        ]));
        doc.blocks.push(Block::Text(format!(
            "{}: {} + {} = {} + {} + {} {}",
            lang.pick("Cân đối", "Identity"),
            lang.pick("tiền mặt", "cash"),
            lang.pick("ngân hàng", "bank"),
            lang.pick("thành viên", "members"),
            lang.pick("quỹ chung", "common fund"),
            lang.pick("đầu kỳ", "opening"),
            if id.holds() {
                "✓".to_string()
            } else {
                format!("✗ {} {}", lang.pick("lệch", "off by"), id.difference())
            }
        )));
        doc.blocks.push(Block::Heading(lang.pick("2. Phát sinh trong kỳ", "2. In the period").into()));
        let count = |(n, d): (i64, Dong)| format!("{d} ({n} {})", lang.pick("phiếu", "vouchers"));
        doc.blocks.push(Block::Pairs(vec![
            (lang.pick("Thu tiền góp", "Contributions").into(), count(s.contributions)),
            (lang.pick("Chi mua thẻ BHYT", "BHYT purchases").into(), count(s.purchases_bhyt)),
            (lang.pick("Chi đóng BHXH tự nguyện", "BHXH payments").into(), count(s.purchases_bhxh)),
            (lang.pick("Thu vào quỹ chung", "Into the common fund").into(), s.common_in.to_string()),
            (lang.pick("Chi từ quỹ chung", "Out of the common fund").into(), s.common_out.to_string()),
        ]));
        doc.blocks.push(Block::Heading(lang.pick("3. Bảo hiểm y tế", "3. Health insurance").into()));
        doc.blocks.push(Block::Pairs(vec![
            (lang.pick("Đang có thẻ", "Covered").into(), (s.covered + s.expiring).to_string()),
            (
                lang.pick("Trong đó sắp hết hạn (≤ 30 ngày)", "Of which expiring (≤ 30 days)").into(),
                s.expiring.to_string(),
            ),
            (lang.pick("Chờ thẻ có hiệu lực", "Waiting for the card").into(), s.waiting.to_string()),
            (lang.pick("Thẻ đã hết hạn", "Lapsed").into(), s.lapsed.to_string()),
            (lang.pick("Tiền góp còn thiếu theo mức đóng", "Dues in arrears").into(), s.arrears.to_string()),
        ]));
        doc.blocks.push(Block::Heading(lang.pick("4. Chứng từ và niêm phong", "4. Vouchers and seal").into()));
        let ranges: Vec<(String, String)> = s
            .vouchers
            .iter()
            .map(|(a, b)| (lang.pick("Chứng từ", "Vouchers").to_string(), format!("{a} … {b}")))
            .collect();
        doc.blocks.push(Block::Pairs(ranges));
        doc.blocks.push(Block::Text(format!(
            "{}:",
            lang.pick("Mã băm đầu chuỗi (niêm phong sổ)", "Chain head hash (the book's seal)")
        )));
        doc.blocks.push(Block::Text(s.head.clone()));
        Ok(doc)
    }
}

fn summary_pairs_machine(s: &Summary) -> Vec<(&'static str, String)> {
    let id = &s.identity;
    vec![
        ("cash", id.cash.0.to_string()),
        ("bank", id.bank.0.to_string()),
        ("members", id.members.0.to_string()),
        ("owed_to_pool", id.owed_to_pool.0.to_string()),
        ("common", id.common.0.to_string()),
        ("opening", id.opening.0.to_string()),
        ("identity_holds", id.holds().to_string()),
        ("contributions", s.contributions.1.0.to_string()),
        ("contribution_vouchers", s.contributions.0.to_string()),
        ("bhyt_purchases", s.purchases_bhyt.1.0.to_string()),
        ("bhxh_purchases", s.purchases_bhxh.1.0.to_string()),
        ("common_in", s.common_in.0.to_string()),
        ("common_out", s.common_out.0.to_string()),
        ("covered", (s.covered + s.expiring).to_string()),
        ("expiring", s.expiring.to_string()),
        ("waiting", s.waiting.to_string()),
        ("lapsed", s.lapsed.to_string()),
        ("arrears", s.arrears.0.to_string()),
        ("head_hash", s.head.clone()),
    ]
}

fn summary_json(s: &Summary, period: Period) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    v.insert("pool".into(), json!(s.pool.code));
    v.insert("name".into(), json!(s.pool.name));
    v.insert("from".into(), json!(period.from.map(format_iso)));
    v.insert("to".into(), json!(period.to.map(format_iso)));
    for (k, val) in summary_pairs_machine(s) {
        let parsed = val.parse::<i64>().map(serde_json::Value::from).unwrap_or_else(|_| match val.as_str() {
            "true" => json!(true),
            "false" => json!(false),
            _ => json!(val),
        });
        v.insert(k.into(), parsed);
    }
    v.insert("vouchers".into(), json!(s.vouchers.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>()));
    serde_json::Value::Object(v)
}

fn district_total(all: &[Summary]) -> Summary {
    let mut t = all[0].clone();
    t.pool = Pool { id: 0, code: "ALL".into(), name: String::new() };
    let sum = |f: &dyn Fn(&Summary) -> Dong| all.iter().map(f).sum::<Dong>();
    let pair =
        |f: &dyn Fn(&Summary) -> (i64, Dong)| (all.iter().map(|s| f(s).0).sum(), all.iter().map(|s| f(s).1).sum());
    t.identity = Identity {
        cash: sum(&|s| s.identity.cash),
        bank: sum(&|s| s.identity.bank),
        members: sum(&|s| s.identity.members),
        common: sum(&|s| s.identity.common),
        opening: sum(&|s| s.identity.opening),
        owed_to_pool: sum(&|s| s.identity.owed_to_pool),
    };
    t.contributions = pair(&|s| s.contributions);
    t.purchases_bhyt = pair(&|s| s.purchases_bhyt);
    t.purchases_bhxh = pair(&|s| s.purchases_bhxh);
    t.common_in = sum(&|s| s.common_in);
    t.common_out = sum(&|s| s.common_out);
    t.covered = all.iter().map(|s| s.covered).sum();
    t.expiring = all.iter().map(|s| s.expiring).sum();
    t.waiting = all.iter().map(|s| s.waiting).sum();
    t.lapsed = all.iter().map(|s| s.lapsed).sum();
    t.arrears = sum(&|s| s.arrears);
    t.head = all.iter().map(|s| format!("{} {}", s.pool.code, s.head)).collect::<Vec<_>>().join("; ");
    t.vouchers = Vec::new();
    t
}

fn district_json(all: &[Summary]) -> serde_json::Value {
    let t = district_total(all);
    let mut v = serde_json::Map::new();
    for (k, val) in summary_pairs_machine(&t) {
        if let Ok(n) = val.parse::<i64>() {
            v.insert(k.into(), json!(n));
        }
    }
    serde_json::Value::Object(v)
}
