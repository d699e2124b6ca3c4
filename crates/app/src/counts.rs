//! `report counts`: the cash counts of a period — as CSV and JSON one line each, and as
//! papers one bảng kiểm kê quỹ (form 08a-TT) each: the book's balance, the count by
//! denomination, the difference (thừa / thiếu), the reason typed, the signatures.

use serde_json::json;

use hunvon_core::domain::date::{format_formal_vi, format_iso, format_vn};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Signatures, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document, safe_cell};
use hunvon_store::closing::CountRow;
use hunvon_store::pools::Pool;

use super::App;
use super::printing::{BLANK, sign_note};
use super::reports::Period;

/// "Thừa 4.000 đ", "Thiếu 4.000 đ" or "Khớp".
pub fn difference_words(diff: i64, lang: Lang) -> String {
    let d = hunvon_core::domain::money::Dong(diff.abs());
    match (diff.signum(), lang) {
        (0, _) => lang.pick("Khớp (không chênh lệch)", "Matches (no difference)").into(),
        (1, Lang::Vi) => format!("Thừa {d}"),
        (1, Lang::En) => format!("Over by {d}"),
        (_, Lang::Vi) => format!("Thiếu {d}"),
        (_, Lang::En) => format!("Short by {d}"),
    }
}

impl App {
    /// `report counts` for every pool in scope.
    pub fn report_counts(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let mut sections = Vec::new();
        for pool in self.report_pools()? {
            let counts = self.store.counts(pool.id, period.from, period.to)?;
            sections.push((pool, counts));
        }
        let several = sections.len() > 1;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e);
                let mut header = if several { vec!["pool"] } else { Vec::new() };
                header.extend(["date", "record", "book_balance", "counted", "difference", "counted_by", "reason"]);
                w.write_record(&header).map_err(e)?;
                for (pool, counts) in &sections {
                    for c in counts {
                        let mut rec = if several { vec![pool.code.clone()] } else { Vec::new() };
                        rec.extend([
                            format_iso(c.date),
                            c.reference.clone(),
                            c.book_balance.to_string(),
                            c.counted.to_string(),
                            (c.counted - c.book_balance).to_string(),
                            safe_cell(&c.counted_by),
                            safe_cell(&c.reason),
                        ]);
                        w.write_record(&rec).map_err(e)?;
                    }
                }
                csv_bytes(w)
            }
            Format::Json => {
                let one = |pool: &Pool, counts: &[CountRow]| {
                    json!({"pool": pool.code, "counts": counts.iter().map(|c| json!({
                        "date": format_iso(c.date), "number": c.label(), "time": c.time, "record": c.reference,
                        "hash": c.hash,
                        "book_balance": c.book_balance, "counted": c.counted, "difference": c.counted - c.book_balance,
                        "notes": c.notes.iter().map(|(d, n)| json!({"denomination": d, "pieces": n})).collect::<Vec<_>>(),
                        "counted_by": c.counted_by, "reason": c.reason, "entered_at": c.entered_at,
                    })).collect::<Vec<_>>()})
                };
                let value = if several {
                    let all: Vec<&CountRow> = sections.iter().flat_map(|(_, c)| c.iter()).collect();
                    json!({"pools": sections.iter().map(|(p, c)| one(p, c)).collect::<Vec<_>>(),
                        "district": {"counts": all.len(),
                            "difference": all.iter().map(|c| c.counted - c.book_balance).sum::<i64>()}})
                } else {
                    sections.first().map(|(p, c)| one(p, c)).unwrap_or_default()
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            _ => {
                let mut doc = Document::new(self.lang);
                for (pool, counts) in &sections {
                    if counts.is_empty() {
                        let mut d = self.paper_frame(
                            pool,
                            self.lang.pick("BẢNG KIỂM KÊ QUỸ", "CASH COUNT"),
                            None,
                            Some(period),
                            &[],
                        )?;
                        d.push(Block::Text(
                            self.lang.pick("Không có lần kiểm kê nào trong kỳ.", "No count in the period.").into(),
                        ));
                        doc.append(d);
                    }
                    for c in counts {
                        doc.append(self.count_paper(pool, c)?);
                    }
                }
                render_document(&doc, format)
            }
        }
    }

    /// One count as form 08a-TT, "Bảng kiểm kê quỹ (Dùng cho VND)": its own number, the
    /// hour, who was present, I the book's balance, II what was counted (by
    /// denomination), III = I – II (positive: a shortage), the reason and conclusion.
    pub fn count_paper(&self, pool: &Pool, c: &CountRow) -> Result<Document> {
        let lang = self.lang;
        let l = self.store.letterhead(pool.id)?;
        let lines = [
            lang.pick("(Dùng cho VND)", "(For Vietnamese đồng)").to_string(),
            format!("{} {}", lang.pick("Số:", "No."), c.label()),
        ];
        let mut doc =
            self.paper_frame(pool, lang.pick("BẢNG KIỂM KÊ QUỸ", "CASH COUNT"), Some("08a-TT"), None, &lines)?;
        let name = |s: &str| if s.is_empty() { BLANK.to_string() } else { s.to_string() };
        let (hour, minute) = match c.time.as_deref().and_then(|t| t.split_once(':')) {
            Some((h, m)) => (h.to_string(), m.to_string()),
            None => ("……".to_string(), "……".to_string()),
        };
        doc.push(Block::Text(match lang {
            Lang::Vi => format!("Hôm nay, vào {hour} giờ {minute} phút {}.", format_formal_vi(c.date)),
            Lang::En => format!("Today, at {hour}:{minute} on {}.", format_vn(c.date)),
        }));
        doc.push(Block::Text(lang.pick("Chúng tôi gồm:", "We, the undersigned:").into()));
        let present: Vec<&str> = c.counted_by.split([',', ';']).map(str::trim).filter(|n| !n.is_empty()).collect();
        let mut who: Vec<(String, String)> =
            present.iter().map(|n| (lang.pick("Ông/Bà", "Mr/Ms").to_string(), n.to_string())).collect();
        // The treasurer and the bookkeeper take part in every count (the form names them).
        for (role, n) in
            [(lang.pick("Thủ quỹ", "Treasurer"), &l.treasurer), (lang.pick("Kế toán", "Accountant"), &l.accountant)]
        {
            if !present.iter().any(|p| p == n) {
                who.push((format!("{} ({role})", lang.pick("Ông/Bà", "Mr/Ms")), name(n)));
            }
        }
        doc.push(Block::Pairs(who));
        doc.push(Block::Text(
            lang.pick("Cùng tiến hành kiểm kê quỹ tiền mặt, kết quả như sau:", "Counted the cash, with this result:")
                .into(),
        ));
        let mut t = Table::new(vec![
            Column::left(lang.pick("STT", "No."), 4),
            Column::wrap(lang.pick("Diễn giải", "Item"), 6),
            Column::number(lang.pick("Số lượng (tờ)", "Pieces"), 8),
            Column::money(lang.pick("Số tiền", "Amount"), 12, false),
        ]);
        t.row(vec![
            Cell::text("I"),
            Cell::text(lang.pick("Số dư theo sổ quỹ", "Balance by the cash book")),
            Cell::empty(),
            Cell::money(c.book_balance),
        ]);
        t.row(vec![
            Cell::text("II"),
            Cell::text(lang.pick("Số kiểm kê thực tế", "Counted")),
            Cell::empty(),
            Cell::money(c.counted),
        ]);
        for (k, (denomination, pieces)) in c.notes.iter().enumerate() {
            t.row(vec![
                Cell::text(format!("{}", k + 1)),
                Cell::text(format!(
                    "– {} {} đ",
                    lang.pick("Loại", "Notes of"),
                    hunvon_core::domain::money::group(*denomination)
                )),
                Cell::text(pieces.to_string()),
                Cell::money(denomination * pieces),
            ]);
        }
        // The form's III is I – II: a positive figure is money missing from the box.
        let diff = c.counted - c.book_balance;
        t.totals.push(vec![
            Cell::text("III"),
            Cell::text(format!(
                "{} ({})",
                lang.pick("Chênh lệch (III = I – II)", "Difference (III = I – II)"),
                difference_words(diff, lang)
            )),
            Cell::empty(),
            Cell::figure(-diff),
        ]);
        doc.push(Block::Table(t));
        let conclusion = match (diff.signum(), lang) {
            (0, _) => difference_words(0, lang),
            (_, Lang::Vi) => format!(
                "{}; đã ghi vào tiền {} chờ xử lý để sổ quỹ khớp với số kiểm kê (hunvon settle --count {}).",
                difference_words(diff, lang),
                if diff < 0 { "thiếu" } else { "thừa" },
                c.label()
            ),
            (_, Lang::En) => format!(
                "{}; booked as pending so the cash book equals the count (hunvon settle --count {}).",
                difference_words(diff, lang),
                c.label()
            ),
        };
        doc.push(Block::Pairs(vec![
            (lang.pick("Lý do thừa, thiếu", "Reason for the difference").into(), name(&c.reason)),
            (lang.pick("Kết luận sau khi kiểm kê quỹ", "Conclusion").into(), conclusion),
        ]));
        doc.push(Block::Subtitle(format!(
            "{} {} — {} {}={}",
            lang.pick("Bản ghi", "Record"),
            c.reference,
            lang.pick("mã băm", "hash"),
            c.reference,
            c.hash
        )));
        doc.push(Block::Signatures(Signatures {
            place_date: self.place_date_of(&l, c.date),
            roles: vec![
                (lang.pick("Kế toán trưởng", "Chief accountant").into(), l.accountant.clone()),
                (lang.pick("Thủ quỹ", "Treasurer").into(), l.treasurer.clone()),
                (lang.pick("Người chịu trách nhiệm kiểm kê quỹ", "Responsible for the count").into(), l.leader.clone()),
            ],
            note: sign_note(lang).into(),
        }));
        Ok(doc)
    }
}
