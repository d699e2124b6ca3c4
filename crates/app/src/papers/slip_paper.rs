//! The slip as a paper, built from what `slip_data` gathered: forms 01-TT and 02-TT for
//! cash (in PDF three copies, liên, each on its own sheet), and a one-page phiếu kế toán for
//! every voucher that moves no cash — a correction, an opening, money in or out of the bank
//! only (BC, BN) — signed by whoever prepared it and the accountant, with no cash-form
//! wording (SPEC §8).

use crate::words;
use hunvon_core::domain::date::{format_formal_vi, format_vn};
use hunvon_core::ledger::{Kind, Series};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Header, Signatures, Table};
use hunvon_report::words::amount_in_words;
use hunvon_store::letterhead::Letterhead;

use crate::App;
use crate::papers::describe;
use crate::papers::printing::{BLANK, sign_note};
use crate::papers::slip::{Slip, cover_words};

impl App {
    /// The slip's paper. A cash form (phiếu thu, phiếu chi) as `copies` is printed in
    /// three copies (liên), each marked and each on its own sheet in the same layout: one
    /// stays in the book, one goes to whoever paid or received the money, one to the
    /// treasurer. Any other voucher is one accounting slip.
    pub fn slip_document(&self, s: &Slip, copies: bool) -> Result<Document> {
        let mut doc = Document::new(self.lang);
        doc.copies = true;
        if copies && is_cash_form(&s.txn) {
            for n in 1..=3 {
                doc.append(self.slip_copy(s, Some(n))?);
            }
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
        let cash_form = is_cash_form(t);
        let (title, form) = match t.series {
            Series::Pt if cash_form => (words::receipt(lang), Some("01-TT")),
            Series::Pc if cash_form => (words::payment_voucher(lang), Some("02-TT")),
            _ => (words::accounting_voucher(lang), None),
        };
        let mut doc = Document::new(lang);
        doc.push(self.slip_footer(s));
        self.slip_head(&mut doc, s, &l, (title, form), copy)?;
        let purchase = t.kind.is_purchase() || (t.kind == Kind::Reversal && !s.covers.is_empty());
        let (words, pairs) =
            if cash_form { self.cash_pairs(s, purchase, incoming) } else { self.entry_pairs(s, &l.bank, &l.account) };
        doc.push(Block::Pairs(pairs));
        self.slip_notes(&mut doc, s);
        if cash_form {
            self.cash_signatures(&mut doc, s, &l, purchase, incoming, &words);
        } else {
            // An entry moves no cash: no payer, payee or treasurer signs it.
            doc.push(Block::Signatures(Signatures {
                place_date: self.place_date_of(&l, t.date),
                roles: vec![
                    (words::prepared_by_short(lang).into(), l.treasurer.clone()),
                    (words::accountant(lang).into(), l.accountant.clone()),
                ],
                note: sign_note(lang).into(),
            }));
        }
        doc.push(Block::Text(words::the_pool_never_asks_for(lang).into()));
        Ok(doc)
    }

    /// The footer every copy carries: the pool, the day printed, the voucher's hash and the
    /// chain's head.
    fn slip_footer(&self, s: &Slip) -> Block {
        let lang = self.lang;
        let t = &s.txn;
        Block::Footer(words::slip_footer(
            lang,
            &s.pool.code,
            &s.pool.name,
            format_vn(self.clock.today),
            &t.voucher,
            &t.hash,
            &s.head,
        ))
    }

    /// The letterhead with the form's number, book, voucher number and accounts (and the
    /// copy's mark), the title, the date, a closed period's note and a reversal's stamp.
    fn slip_head(
        &self,
        doc: &mut Document,
        s: &Slip,
        l: &Letterhead,
        (title, form): (&str, Option<&str>),
        copy: Option<u8>,
    ) -> Result<()> {
        let lang = self.lang;
        let t = &s.txn;
        let incoming = t.series == Series::Pt;
        let mut head: Header = self.letterhead_block(&s.pool, l, form);
        head.right.extend([
            format!("{}: {}", words::book(lang), t.date.format("%Y")),
            format!("{}: {}", words::number_no(lang), t.voucher),
            format!("{}: {}", words::debit(lang), s.debit),
            format!("{}: {}", words::credit(lang), s.credit),
        ]);
        if let Some(n) = copy {
            head.right.push(copy_mark(n, incoming, lang));
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
            doc.push(Block::Stamp(words::reversed_stamp(lang, &by.voucher, format_vn(by.date), &by.reason)));
        }
        Ok(())
    }

    /// What the voucher reverses, the cover it bought, and the advances it makes.
    fn slip_notes(&self, doc: &mut Document, s: &Slip) {
        let lang = self.lang;
        let t = &s.txn;
        if let Some(r) = &s.reverses {
            doc.push(Block::Text(words::this_voucher_reverses(lang, &r.voucher, format_vn(r.date), &t.note)));
        }
        if !s.covers.is_empty() {
            doc.push(Block::Table(cover_table(s, lang)));
        }
        for (name, advance) in &s.advances {
            doc.push(Block::Text(words::pool_advances(lang, hunvon_core::domain::money::group(*advance), name)));
        }
    }

    /// The lines of a phiếu thu / phiếu chi, and the amount in words.
    fn cash_pairs(&self, s: &Slip, purchase: bool, incoming: bool) -> (String, Vec<(String, String)>) {
        let lang = self.lang;
        let t = &s.txn;
        let (who_label, why_label) = if incoming {
            (words::paid_in_by(lang), words::reason_paid_in(lang))
        } else {
            (words::paid_to_name(lang), words::reason_paid_out(lang))
        };
        let who = if purchase && t.kind != Kind::Reversal {
            words::the_bhxh_bhyt_collection_agent(lang).to_string()
        } else {
            s.person_name.clone().unwrap_or_else(|| BLANK.to_string())
        };
        let mut pairs = vec![(who_label.to_string(), who)];
        let address = if purchase && t.kind != Kind::Reversal { String::new() } else { s.address.clone() };
        pairs.push((words::address(lang).into(), if address.is_empty() { BLANK.into() } else { address }));
        if purchase
            && t.kind != Kind::Reversal
            && let Some(name) = &s.person_name
        {
            pairs.push((words::bought_for(lang).into(), name.clone()));
        }
        if !purchase && let Some(code) = &s.bhxh_code {
            pairs.push((words::m_s_bhxh(lang).into(), code.clone()));
        }
        pairs.push((why_label.to_string(), describe::purpose(t, lang)));
        let words = amount_pairs(s, lang, &mut pairs);
        let attached = if !t.receipt_no.is_empty() {
            words::original_receipt(lang, &t.receipt_no)
        } else if !t.bank_ref.is_empty() {
            words::original_bank_document(lang, &t.bank_ref)
        } else {
            words::original_documents(lang).to_string()
        };
        pairs.push((words::attached(lang).into(), attached));
        (words, pairs)
    }

    /// The lines of an accounting slip (phiếu kế toán; a bank-only BC or BN): what, whose
    /// account, and for the bank its reference.
    fn entry_pairs(&self, s: &Slip, bank: &str, account: &str) -> (String, Vec<(String, String)>) {
        let lang = self.lang;
        let t = &s.txn;
        let mut pairs = vec![(words::entry_content(lang).to_string(), describe::purpose(t, lang))];
        let whose = match (&s.person_name, &s.person_code) {
            (Some(n), Some(c)) => format!("{n} ({c})"),
            _ if t.postings.iter().any(|(a, _)| *a == hunvon_core::ledger::Account::FundCommon) => {
                words::common_fund(lang).to_string()
            }
            _ => BLANK.to_string(),
        };
        pairs.push((words::account_of(lang).into(), whose));
        if matches!(t.series, Series::Bc | Series::Bn) || !t.bank_ref.is_empty() {
            let blank = |v: &str| if v.trim().is_empty() { BLANK.to_string() } else { v.to_string() };
            pairs.push((words::bank(lang).into(), format!("{} — {}", blank(bank), blank(account))));
            let evidence = match t.series {
                Series::Bc => words::credit_advice_no(lang),
                Series::Bn => words::debit_advice_no(lang),
                _ => words::bank_reference(lang),
            };
            pairs.push((evidence.into(), blank(&t.bank_ref)));
        }
        let words = amount_pairs(s, lang, &mut pairs);
        (words, pairs)
    }

    /// The five signature places of a phiếu thu / phiếu chi, and the line for the cash.
    fn cash_signatures(
        &self,
        doc: &mut Document,
        s: &Slip,
        l: &hunvon_store::letterhead::Letterhead,
        purchase: bool,
        incoming: bool,
        words: &str,
    ) {
        let lang = self.lang;
        let t = &s.txn;
        let person = s.person_name.clone().unwrap_or_default();
        let (payer_role, payer_name) = if incoming {
            (words::paid_in_by_person(lang), person)
        } else if purchase && t.kind != Kind::Reversal {
            (words::received_by(lang), String::new())
        } else {
            (words::received_by(lang), person)
        };
        doc.push(Block::Signatures(Signatures {
            place_date: self.place_date_of(l, t.date),
            roles: vec![
                (words::group_leader(lang).into(), l.leader.clone()),
                (words::accountant(lang).into(), l.accountant.clone()),
                (payer_role.into(), payer_name),
                (words::prepared_the_slip(lang).into(), l.treasurer.clone()),
                (words::treasurer(lang).into(), l.treasurer.clone()),
            ],
            note: sign_note(lang).into(),
        }));
        doc.push(Block::Text(format!("{} {words}", words::received_in_full_in_words(lang))));
    }
}

/// Whether the voucher's slip is a cash form (phiếu thu, phiếu chi). A correction never is,
/// even one written before SPEC §8 under a PT or PC number: it moves no cash and nobody
/// signs for money received.
pub(super) fn is_cash_form(t: &hunvon_store::queries::TxnRow) -> bool {
    t.series.is_cash_form() && t.kind != Kind::Reversal
}

/// "Liên 1: lưu tại tổ", "Liên 2: giao người nộp tiền", "Liên 3: thủ quỹ giữ".
fn copy_mark(n: u8, incoming: bool, lang: Lang) -> String {
    let who = if incoming { words::for_the_payer(lang) } else { words::for_the_payee(lang) };
    match n {
        1 => words::copy_1(lang).to_string(),
        2 => words::copy_2(lang, who),
        _ => words::copy_3(lang).to_string(),
    }
}

/// The amount and the amount in words, appended to `pairs`; returns the words.
fn amount_pairs(s: &Slip, lang: Lang, pairs: &mut Vec<(String, String)>) -> String {
    let amount = hunvon_core::domain::money::group(s.amount);
    let (figure, words) = if s.owes {
        (
            format!("{amount} đ ({})", words::the_member_owes_the_pool(lang)),
            format!("{} ({})", amount_in_words(s.amount), words::owed_to_the_pool(lang)),
        )
    } else {
        (format!("{amount} đ"), amount_in_words(s.amount))
    };
    pairs.push((words::amount(lang).into(), figure));
    pairs.push((words::in_words(lang).into(), words.clone()));
    words
}

/// The persons a purchase covers, with their total.
fn cover_table(s: &Slip, lang: Lang) -> Table {
    let valid = s.reversed_by.is_none() && s.txn.kind != Kind::Reversal;
    let mut table = Table::new(vec![
        Column::wrap(words::insured(lang), 4),
        Column::left(words::m_s_bhxh(lang), 10),
        Column::wrap(words::period(lang), 6),
        Column::money(words::amount(lang), 12, false),
    ]);
    for c in &s.covers {
        table.row(vec![
            Cell::text(c.name.clone()),
            Cell::text(c.bhxh_code.clone().unwrap_or_default()),
            Cell::text(cover_words(c, valid, lang)),
            Cell::money(c.amount),
        ]);
    }
    let total = s.covers.iter().map(|c| c.amount).sum();
    table.totals.push(vec![
        Cell::text(words::total_people(lang, s.covers.len())),
        Cell::empty(),
        Cell::empty(),
        Cell::money(total),
    ]);
    table
}
