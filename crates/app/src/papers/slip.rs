//! `hunvon slip VOUCHER`: phiếu thu / phiếu chi in the layout of forms 01-TT and 02-TT —
//! quyển số, số, Nợ and Có in words, who paid or received the money and where she lives,
//! the reason, the amount and the amount in words, the original documents attached, the
//! five signature places, and for the member the card's dates in the words VssID uses. A
//! reversed voucher's slip is stamped ĐÃ HỦY. Formats: text, html, pdf (a cash form's three
//! copies, each on its own sheet) and json; any other is refused.

use crate::words;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::ledger::{Account, Kind, Series};
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_report::words::amount_in_words;
use hunvon_report::{Format, render_document};
use hunvon_store::pools::Pool;
use hunvon_store::queries::TxnRow;

use crate::App;
use crate::papers::journal::account_words;
use crate::papers::printing::month_vn;

/// The formats `slip` takes.
pub const SLIP_FORMATS: &[&str] = &["text", "html", "pdf", "json"];

/// One insured person of a purchase, as the slip shows her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlipCover {
    pub name: String,
    pub bhxh_code: Option<String>,
    pub scheme: String,
    pub card_from: Option<NaiveDate>,
    pub card_to: Option<NaiveDate>,
    pub from_month: Option<String>,
    pub to_month: Option<String>,
    pub amount: i64,
}

/// A voucher that cancels or was cancelled: its number, date and reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub voucher: String,
    pub date: NaiveDate,
    pub reason: String,
}

/// Everything a slip prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub pool: Pool,
    pub txn: TxnRow,
    pub person_name: Option<String>,
    pub person_code: Option<String>,
    pub bhxh_code: Option<String>,
    pub address: String,
    /// Nợ and Có: the accounts debited and credited, in words.
    pub debit: String,
    pub credit: String,
    pub amount: i64,
    /// A member's opening balance that she owes the pool ("nợ quỹ").
    pub owes: bool,
    pub covers: Vec<SlipCover>,
    pub reversed_by: Option<Link>,
    pub reverses: Option<Link>,
    pub head: String,
    /// What the pool advanced on a phiếu chi (tạm ứng): for each member whose balance
    /// went below zero with it, her name and the part paid beyond what she had.
    pub advances: Vec<(String, i64)>,
}

/// The accounts of one side of a voucher in words: one account with its holder's name,
/// several by their codes.
fn side(
    t: &TxnRow,
    debit: bool,
    names: &std::collections::HashMap<String, String>,
    lang: hunvon_core::messages::i18n::Lang,
) -> String {
    let accounts: Vec<&Account> =
        t.postings.iter().filter(|(_, d)| (d.0 > 0) == debit).map(|(a, _)| a).fold(Vec::new(), |mut v, a| {
            if !v.contains(&a) {
                v.push(a);
            }
            v
        });
    match accounts.as_slice() {
        [one] => account_words(one, names, lang),
        many => {
            let members: Vec<&str> = many
                .iter()
                .filter_map(|a| match a {
                    Account::Member(c) => Some(c.as_str()),
                    _ => None,
                })
                .collect();
            let mut parts: Vec<String> = many
                .iter()
                .filter(|a| !matches!(a, Account::Member(_)))
                .map(|a| account_words(a, names, lang))
                .collect();
            if !members.is_empty() {
                parts.insert(0, format!("{} {}", words::members(lang), members.join(", ")));
            }
            parts.join("; ")
        }
    }
}

impl App {
    /// What the slip of `voucher` prints.
    pub fn slip_data(&self, voucher: &str) -> Result<Slip> {
        if self.all_pools_requested() {
            return Err(Error::OnePoolOnly { pools: self.pools().iter().map(|p| p.code.clone()).collect() });
        }
        let pool = self.pool()?.clone();
        let lang = self.lang;
        let voucher = voucher.trim().to_ascii_uppercase();
        let t = self.store.txn_by_voucher(pool.id, &voucher)?.ok_or_else(|| Error::UnknownVoucher(voucher.clone()))?;
        let person = match t.person_id {
            Some(id) => self.store.person_by_id(id)?,
            None => None,
        };
        let address = match person.as_ref().and_then(|p| p.household_id) {
            Some(h) => self.store.household_by_id(h)?.map(|h| h.address).unwrap_or_default(),
            None => String::new(),
        };
        let names = self.store.person_names(pool.id)?;
        let link = |v: &Option<String>| -> Result<Option<Link>> {
            Ok(match v {
                Some(v) => self.store.txn_by_voucher(pool.id, v)?.map(|r| Link {
                    voucher: r.voucher,
                    date: r.fields.date,
                    reason: r.fields.note,
                }),
                None => None,
            })
        };
        let reversed_by = link(&t.reversed_by)?;
        let reverses = link(&t.reverses)?;
        let covers = self.slip_covers(&t)?;
        let advances = self.slip_advances(pool.id, &t, &names)?;
        let owes =
            t.kind == Kind::Opening && t.postings.iter().any(|(a, d)| matches!(a, Account::Member(_)) && d.0 > 0);
        Ok(Slip {
            person_name: person.as_ref().map(|p| p.full_name.clone()),
            person_code: person.as_ref().map(|p| p.code.clone()),
            bhxh_code: person.and_then(|p| p.fields.bhxh_code),
            address,
            debit: side(&t, true, &names, lang),
            credit: side(&t, false, &names, lang),
            amount: t.total().0,
            owes,
            covers,
            reversed_by,
            reverses,
            head: self.store.head(pool.id)?.anchor(),
            advances,
            pool,
            txn: t,
        })
    }

    /// The cover a purchase bought, one line per person (a reversal of a purchase shows
    /// the cover it cancels).
    fn slip_covers(&self, t: &TxnRow) -> Result<Vec<SlipCover>> {
        let cover_txn = if t.kind == Kind::Reversal { t.reverses_id } else { Some(t.id) };
        let mut covers = Vec::new();
        if let Some(id) = cover_txn {
            for c in self.store.coverage_of_txn(id)? {
                let p = self.store.person_by_id(c.person_id)?;
                covers.push(SlipCover {
                    name: p.as_ref().map(|p| p.full_name.clone()).unwrap_or_default(),
                    bhxh_code: p.and_then(|p| p.fields.bhxh_code),
                    scheme: c.scheme.clone(),
                    card_from: c.card_from,
                    card_to: c.card_to,
                    from_month: c.from_month.clone(),
                    to_month: c.to_month.clone(),
                    amount: c.amount.0,
                });
            }
        }
        Ok(covers)
    }

    /// The advances a payment makes: each member it leaves below zero, with the part of
    /// her payment the pool advanced (never on a reversal or a reversed voucher).
    fn slip_advances(&self, pool_id: i64, t: &TxnRow, names: &HashMap<String, String>) -> Result<Vec<(String, i64)>> {
        let mut advances = Vec::new();
        if t.kind != Kind::Reversal && t.reversed_by.is_none() {
            // What each member pays on this voucher (one line per insured person, so a
            // payer for a household has several).
            let mut paid: Vec<(&Account, i64)> = Vec::new();
            for (account, amount) in &t.postings {
                if matches!(account, Account::Member(_)) && amount.0 > 0 {
                    match paid.iter_mut().find(|(a, _)| *a == account) {
                        Some((_, sum)) => *sum += amount.0,
                        None => paid.push((account, amount.0)),
                    }
                }
            }
            for (account, amount) in paid {
                // Her balance right after this voucher, in the order of entry.
                let after = -self.store.account_sum_through(pool_id, account, t.id)?.0;
                if let Account::Member(code) = account
                    && after < 0
                {
                    let name = names.get(code).cloned().unwrap_or_else(|| code.clone());
                    advances.push((name, (-after).min(amount)));
                }
            }
        }
        Ok(advances)
    }

    /// The slip for one voucher in `format` (text, html, pdf or json), mã số BHXH masked on
    /// paper (SPEC §9).
    pub fn slip(&self, voucher: &str, format: Format) -> Result<Vec<u8>> {
        self.slip_with(voucher, format, false)
    }

    /// The same; `full_ids` prints mã số BHXH whole in text, HTML and PDF (JSON keeps it).
    pub fn slip_with(&self, voucher: &str, format: Format, full_ids: bool) -> Result<Vec<u8>> {
        if format == Format::Csv {
            return Err(Error::BadValue {
                field: "--format".into(),
                value: "csv".into(),
                expected: Expected::Format(SLIP_FORMATS),
            });
        }
        let mut slip = self.slip_data(voucher)?;
        match format {
            Format::Json => Ok(format!("{:#}\n", self.slip_json(&slip)?).into_bytes()),
            _ => {
                if !full_ids {
                    let mask = |c: &mut Option<String>| *c = c.as_deref().map(hunvon_core::messages::error::mask_id);
                    mask(&mut slip.bhxh_code);
                    slip.covers.iter_mut().for_each(|c| mask(&mut c.bhxh_code));
                }
                let doc = self.slip_document(&slip, format == Format::Pdf)?;
                render_document(&doc, format)
            }
        }
    }

    fn slip_json(&self, s: &Slip) -> Result<serde_json::Value> {
        let t = &s.txn;
        let l = self.store.letterhead(s.pool.id)?;
        let link = |l: &Option<Link>| {
            l.as_ref().map(|l| json!({"voucher": l.voucher, "date": format_iso(l.date), "reason": l.reason}))
        };
        let form = match t.series {
            Series::Pt if crate::papers::slip_paper::is_cash_form(t) => Some("01-TT"),
            Series::Pc if crate::papers::slip_paper::is_cash_form(t) => Some("02-TT"),
            _ => None,
        };
        Ok(json!({
            "pool": s.pool.code, "form": form, "book": t.date.format("%Y").to_string(), "voucher": t.voucher,
            "date": format_iso(t.date), "kind": t.kind.code(),
            "person": s.person_code.as_ref().map(|c| json!({"code": c, "full_name": s.person_name,
                "bhxh_code": s.bhxh_code, "address": s.address})),
            "debit": s.debit, "credit": s.credit, "reason": crate::papers::describe::purpose(t, self.lang),
            "amount": s.amount, "amount_in_words": amount_in_words(s.amount), "owes_pool": s.owes,
            "receipt_no": t.receipt_no, "attachments": u8::from(!t.receipt_no.is_empty()),
            "bank_ref": t.bank_ref, "series": t.series.code(),
            "advances": s.advances.iter().map(|(name, amount)| json!({"name": name, "amount": amount}))
                .collect::<Vec<_>>(),
            "covers": s.covers.iter().map(|c| json!({"full_name": c.name, "bhxh_code": c.bhxh_code,
                "scheme": c.scheme, "card_from": c.card_from.map(format_iso), "card_to": c.card_to.map(format_iso),
                "from_month": c.from_month, "to_month": c.to_month, "amount": c.amount,
                "valid": s.reversed_by.is_none() && t.kind != Kind::Reversal})).collect::<Vec<_>>(),
            "reversed_by": link(&s.reversed_by), "reverses": link(&s.reverses),
            "signers": {"leader": l.leader, "accountant": l.accountant, "treasurer": l.treasurer},
            "hash": t.hash, "head": s.head,
        }))
    }
}

/// How a cover reads on the slip: the card's dates in VssID's words, or the BHXH months.
pub fn cover_words(c: &SlipCover, valid: bool, lang: hunvon_core::messages::i18n::Lang) -> String {
    use hunvon_core::domain::date::format_vn;
    let when = match (c.card_from, c.card_to, &c.from_month, &c.to_month) {
        (Some(f), Some(to), _, _) => words::card_valid_from_to(lang, format_vn(f), format_vn(to)),
        (_, _, Some(f), Some(to)) => {
            format!("{} {} – {}", words::bhxh_months(lang), month_vn(f), month_vn(to))
        }
        _ => String::new(),
    };
    if valid {
        return when;
    }
    match (c.card_from, c.card_to) {
        (Some(f), Some(to)) => words::card_no_longer_valid(lang, format_vn(f), format_vn(to)),
        _ => format!("{when} — {}", words::reversed(lang)),
    }
}
