//! `hunvon slip VOUCHER`: the slip a member keeps (docs/quy-dinh.md §6) — who paid what, the
//! amount in words, the card's dates in the words VssID uses, the voucher number, and a
//! reminder that the pool never asks for OTP codes.

use crate::date::{format_formal_vi, format_vn};
use crate::error::{Error, Result};
use crate::ledger::{Kind, Series};
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::words::amount_in_words;
use crate::report::{Format, render_document};

use super::App;
use super::describe;
use super::reports::Period;

impl App {
    /// The member's slip for one voucher, as text or PDF.
    pub fn slip(&self, voucher: &str, format: Format) -> Result<Vec<u8>> {
        let pool = self.pool()?.clone();
        let lang = self.lang;
        let voucher = voucher.trim().to_ascii_uppercase();
        let t = self.store.txn_by_voucher(pool.id, &voucher)?.ok_or_else(|| Error::UnknownVoucher(voucher.clone()))?;
        let title = match t.series {
            Series::Pt => lang.pick("PHIẾU THU", "RECEIPT"),
            Series::Pc => lang.pick("PHIẾU CHI", "PAYMENT VOUCHER"),
            Series::Pk => lang.pick("PHIẾU KẾ TOÁN", "ACCOUNTING VOUCHER"),
        };
        let period = Period { from: None, to: Some(t.date) };
        let mut doc = self.document(&pool, title, period, false)?;
        doc.subtitle[1] = match lang {
            crate::i18n::Lang::Vi => format!("Số {} — {}", t.voucher, format_formal_vi(t.date)),
            crate::i18n::Lang::En => format!("No. {} — {}", t.voucher, format_vn(t.date)),
        };
        let person = match t.person_id {
            Some(id) => self.store.person_by_id(id)?,
            None => None,
        };
        let mut pairs = Vec::new();
        if let Some(p) = &person {
            pairs.push((lang.pick("Họ và tên", "Name").to_string(), p.full_name.clone()));
            pairs.push((
                lang.pick("Mã số BHXH", "Mã số BHXH").to_string(),
                p.bhxh_code.clone().unwrap_or_else(|| "—".into()),
            ));
        }
        pairs.push((lang.pick("Nội dung", "For").to_string(), describe::purpose(&t, lang)));
        if !t.receipt_no.is_empty() {
            pairs.push((lang.pick("Biên lai của cơ quan BHXH", "Agency receipt").to_string(), t.receipt_no.clone()));
        }
        doc.blocks.push(Block::Pairs(pairs));
        let total = t.total();
        if t.kind.is_purchase() {
            let mut table = Table {
                columns: vec![
                    Column::left(lang.pick("Người được mua", "Insured"), 26),
                    Column::left(lang.pick("Thời hạn", "Period"), 48),
                    Column::money(lang.pick("Số tiền", "Amount"), 14, false),
                ],
                ..Table::default()
            };
            for c in self.store.coverage_of_txn(t.id)? {
                let name = self.store.person_by_id(c.person_id)?.map(|p| p.full_name).unwrap_or_default();
                let when = match (c.card_from, c.card_to, &c.from_month, &c.to_month) {
                    (Some(f), Some(to), _, _) => match lang {
                        crate::i18n::Lang::Vi => format!("Thẻ có giá trị từ {} đến {}", format_vn(f), format_vn(to)),
                        crate::i18n::Lang::En => format!("Card valid from {} to {}", format_vn(f), format_vn(to)),
                    },
                    (_, _, Some(f), Some(to)) => {
                        format!("{} {f} – {to}", lang.pick("Đóng BHXH các tháng", "BHXH months"))
                    }
                    _ => String::new(),
                };
                table.rows.push(vec![Cell::text(name), Cell::text(when), Cell::money(c.amount.0)]);
            }
            table.totals.push(vec![Cell::text(lang.pick("Cộng", "Total")), Cell::empty(), Cell::money(total.0)]);
            doc.blocks.push(Block::Table(table));
        } else {
            doc.blocks.push(Block::Pairs(vec![(lang.pick("Số tiền", "Amount").to_string(), total.to_string())]));
        }
        doc.blocks.push(Block::Text(format!("{} {}", lang.pick("Bằng chữ:", "In words:"), amount_in_words(total.0))));
        if t.kind == Kind::Reversal {
            doc.blocks.push(Block::Text(format!(
                "{} {}",
                lang.pick("Chứng từ này hủy", "This voucher reverses"),
                t.reverses.clone().unwrap_or_default()
            )));
        }
        doc.blocks.push(Block::Text(
            lang.pick(
                "Tổ hùn vốn không bao giờ hỏi mã OTP, mật khẩu VssID hay số thẻ ngân hàng của bạn. Ai hỏi là lừa đảo.",
                "The pool never asks for OTP codes, your VssID password or bank card numbers. Whoever asks is a scammer.",
            )
            .into(),
        ));
        let format = if format == Format::Pdf { Format::Pdf } else { Format::Text };
        render_document(&doc, format)
    }
}
