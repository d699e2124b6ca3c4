//! The slip as a paper (forms 01-TT, 02-TT): built from what `slip_data` gathered. In
//! PDF two copies (liên) share one A4 sheet, one kept by the pool and one given to the
//! person who paid or received the money.

use crate::domain::date::{format_formal_vi, format_vn};
use crate::ledger::{Kind, Series};
use crate::messages::error::Result;
use crate::messages::i18n::Lang;
use crate::report::document::{Block, Cell, Column, Document, Header, Signatures, Table};
use crate::report::words::amount_in_words;

use super::App;
use super::describe;
use super::printing::{BLANK, sign_note};
use super::slip::{Slip, cover_words};

impl App {
    /// The slip's paper: one copy, or (`two_copies`) the pool's and the person's on one
    /// sheet.
    pub fn slip_document(&self, s: &Slip, two_copies: bool) -> Result<Document> {
        let mut doc = Document::new(self.lang);
        if two_copies {
            doc.half_page = true;
            doc.append(self.slip_copy(s, Some(1))?);
            doc.append(self.slip_copy(s, Some(2))?);
        } else {
            doc.append(self.slip_copy(s, None)?);
        }
        Ok(doc)
    }

    fn slip_copy(&self, s: &Slip, copy: Option<u8>) -> Result<Document> {
        let lang = self.lang;
        let t = &s.txn;
        let l = self.store.letterhead(s.pool.id)?;
        let incoming = t.series == Series::Pt;
        let (title, form) = match t.series {
            Series::Pt => (lang.pick("PHIẾU THU", "RECEIPT"), Some("01-TT")),
            Series::Pc => (lang.pick("PHIẾU CHI", "PAYMENT VOUCHER"), Some("02-TT")),
            Series::Pk | Series::Bc | Series::Bn => (lang.pick("PHIẾU KẾ TOÁN", "ACCOUNTING VOUCHER"), None),
        };
        let mut doc = Document::new(lang);
        doc.push(Block::Footer(match lang {
            Lang::Vi => format!(
                "{} — {} · in ngày {} · Chứng từ: {}={} · Mã băm đầu chuỗi: {}",
                s.pool.code,
                s.pool.name,
                format_vn(self.clock.today),
                t.voucher,
                t.hash,
                s.head
            ),
            Lang::En => format!(
                "{} — {} · printed {} · Voucher: {}={} · Chain head: {}",
                s.pool.code,
                s.pool.name,
                format_vn(self.clock.today),
                t.voucher,
                t.hash,
                s.head
            ),
        }));
        let mut head: Header = self.letterhead_block(&s.pool, &l, form);
        head.right.extend([
            format!("{}: {}", lang.pick("Quyển số", "Book"), t.date.format("%Y")),
            format!("{}: {}", lang.pick("Số", "No."), t.voucher),
            format!("{}: {}", lang.pick("Nợ", "Debit"), s.debit),
            format!("{}: {}", lang.pick("Có", "Credit"), s.credit),
        ]);
        if let Some(n) = copy {
            let who = if incoming {
                lang.pick("giao người nộp tiền", "for the payer")
            } else {
                lang.pick("giao người nhận tiền", "for the payee")
            };
            head.right.push(match (n, lang) {
                (1, Lang::Vi) => "Liên 1: lưu tại tổ".to_string(),
                (1, Lang::En) => "Copy 1: kept by the pool".to_string(),
                (_, Lang::Vi) => format!("Liên 2: {who}"),
                (_, Lang::En) => format!("Copy 2: {who}"),
            });
        }
        doc.push(Block::Letterhead(head));
        doc.push(Block::Title(title.to_string()));
        doc.push(Block::Subtitle(match lang {
            Lang::Vi => {
                let mut d = format_formal_vi(t.date);
                d.replace_range(..1, "N");
                d
            }
            Lang::En => format_vn(t.date),
        }));
        if let Some(note) = self.closed_note(&s.pool, Some(t.date))? {
            doc.push(Block::Subtitle(note));
        }
        if let Some(by) = &s.reversed_by {
            doc.push(Block::Stamp(match lang {
                Lang::Vi => format!("ĐÃ HỦY — bởi {}, ngày {}, lý do: {}", by.voucher, format_vn(by.date), by.reason),
                Lang::En => {
                    format!("ĐÃ HỦY (reversed) — by {}, on {}, reason: {}", by.voucher, format_vn(by.date), by.reason)
                }
            }));
        }
        let purchase = t.kind.is_purchase() || (t.kind == Kind::Reversal && !s.covers.is_empty());
        let (who_label, why_label) = match (t.series, lang) {
            (Series::Pt, _) => (lang.pick("Họ và tên người nộp tiền", "Paid in by"), lang.pick("Lý do nộp", "Reason")),
            (Series::Pc, _) => (lang.pick("Họ và tên người nhận tiền", "Paid to"), lang.pick("Lý do chi", "Reason")),
            (Series::Pk | Series::Bc | Series::Bn, _) => {
                (lang.pick("Họ và tên", "Name"), lang.pick("Nội dung", "Entry"))
            }
        };
        let who = if purchase && t.kind != Kind::Reversal {
            lang.pick("Đại lý thu BHXH, BHYT", "The BHXH/BHYT collection agent").to_string()
        } else {
            s.person_name.clone().unwrap_or_else(|| BLANK.to_string())
        };
        let mut pairs = vec![(who_label.to_string(), who)];
        let address = if purchase && t.kind != Kind::Reversal { String::new() } else { s.address.clone() };
        pairs.push((lang.pick("Địa chỉ", "Address").into(), if address.is_empty() { BLANK.into() } else { address }));
        if purchase
            && t.kind != Kind::Reversal
            && let Some(name) = &s.person_name
        {
            pairs.push((lang.pick("Mua cho", "Bought for").into(), name.clone()));
        }
        if !purchase && let Some(code) = &s.bhxh_code {
            pairs.push((lang.pick("Mã số BHXH", "Mã số BHXH").into(), code.clone()));
        }
        pairs.push((why_label.to_string(), describe::purpose(t, lang)));
        let amount = crate::domain::money::group(s.amount);
        let (figure, words) = if s.owes {
            (
                format!("{amount} đ ({})", lang.pick("thành viên nợ quỹ", "the member owes the pool")),
                format!("{} ({})", amount_in_words(s.amount), lang.pick("nợ quỹ", "owed to the pool")),
            )
        } else {
            (format!("{amount} đ"), amount_in_words(s.amount))
        };
        pairs.push((lang.pick("Số tiền", "Amount").into(), figure));
        pairs.push((lang.pick("Viết bằng chữ", "In words").into(), words.clone()));
        let attached = if t.receipt_no.is_empty() {
            lang.pick("…… chứng từ gốc", "…… original documents").to_string()
        } else {
            match lang {
                Lang::Vi => format!("01 chứng từ gốc (biên lai số {})", t.receipt_no),
                Lang::En => format!("1 original document (receipt no. {})", t.receipt_no),
            }
        };
        pairs.push((lang.pick("Kèm theo", "Attached").into(), attached));
        doc.push(Block::Pairs(pairs));
        if let Some(r) = &s.reverses {
            doc.push(Block::Text(match lang {
                Lang::Vi => format!("Chứng từ này hủy {} ngày {} — lý do: {}", r.voucher, format_vn(r.date), t.note),
                Lang::En => {
                    format!("This voucher reverses {} of {} — reason: {}", r.voucher, format_vn(r.date), t.note)
                }
            }));
        }
        if !s.covers.is_empty() {
            let valid = s.reversed_by.is_none() && t.kind != Kind::Reversal;
            let mut table = Table::new(vec![
                Column::wrap(lang.pick("Người được mua", "Insured"), 4),
                Column::left(lang.pick("Mã số BHXH", "Mã số BHXH"), 10),
                Column::wrap(lang.pick("Thời hạn", "Period"), 6),
                Column::money(lang.pick("Số tiền", "Amount"), 12, false),
            ]);
            for c in &s.covers {
                table.row(vec![
                    Cell::text(c.name.clone()),
                    Cell::text(c.bhxh_code.clone().unwrap_or_default()),
                    Cell::text(cover_words(c, valid, lang)),
                    Cell::money(c.amount),
                ]);
            }
            doc.push(Block::Table(table));
        }
        let person = s.person_name.clone().unwrap_or_default();
        let (payer_role, payer_name) = if incoming {
            (lang.pick("Người nộp tiền", "Paid in by"), person)
        } else if purchase && t.kind != Kind::Reversal {
            (lang.pick("Người nhận tiền", "Received by"), String::new())
        } else {
            (lang.pick("Người nhận tiền", "Received by"), person)
        };
        doc.push(Block::Signatures(Signatures {
            place_date: self.place_date(t.date),
            roles: vec![
                (lang.pick("Tổ trưởng", "Group leader").into(), l.leader.clone()),
                (lang.pick("Kế toán", "Accountant").into(), l.accountant.clone()),
                (payer_role.into(), payer_name),
                (lang.pick("Người lập phiếu", "Prepared by").into(), l.treasurer.clone()),
                (lang.pick("Thủ quỹ", "Treasurer").into(), l.treasurer.clone()),
            ],
            note: sign_note(lang).into(),
        }));
        doc.push(Block::Text(format!(
            "{} {words}",
            lang.pick("Đã nhận đủ số tiền (viết bằng chữ):", "Received in full (in words):")
        )));
        doc.push(Block::Text(
            lang.pick(
                "Tổ hùn vốn không bao giờ hỏi mã OTP, mật khẩu VssID hay số thẻ ngân hàng của bạn. Ai hỏi là lừa đảo.",
                "The pool never asks for OTP codes, your VssID password or bank card numbers. Whoever asks is a scammer.",
            )
            .into(),
        ));
        Ok(doc)
    }
}
