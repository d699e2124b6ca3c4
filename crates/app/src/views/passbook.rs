//! A person's passbook: every voucher that touched her account with the running
//! balance, her BHYT cards and BHXH months, whom she sponsors, and her identity numbers
//! masked — what a treasurer shows a member who asks "why is my balance this?".

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Kind;
use hunvon_core::messages::error::{Error, Result, mask_id};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_store::browse::PassLine;

use super::super::App;
use super::{Household, Person, month_text};

/// One line of the passbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassRow {
    pub date: NaiveDate,
    pub voucher: String,
    pub purpose: String,
    /// Positive when money came in for her, negative when it went out.
    pub amount: Dong,
    pub balance: Dong,
    pub reversed_by: Option<String>,
}

/// One BHYT card or run of BHXH months bought for her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverRow {
    pub voucher: String,
    pub scheme: &'static str,
    /// `01/12/2026 – 30/11/2027` or `11/2026 – 10/2027`.
    pub period: String,
    pub amount: Dong,
    pub void: bool,
}

/// Everything the passbook shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passbook {
    pub person: Person,
    pub household: Option<Household>,
    pub sponsor: Option<(String, String)>,
    pub sponsored: Vec<(String, String)>,
    pub cccd: Option<String>,
    pub bhxh_code: Option<String>,
    pub lines: Vec<PassRow>,
    pub cover: Vec<CoverRow>,
    pub balance: Dong,
}

fn purpose(l: &PassLine, lang: Lang) -> String {
    let note = |base: &str| if l.note.is_empty() { base.to_string() } else { format!("{base} ({})", l.note) };
    match l.kind {
        Kind::Contribution => note(words::contribution_paid(lang)),
        Kind::Opening => words::balance_brought_in(lang).into(),
        Kind::PurchaseBhyt => {
            format!("{} {}", words::bhyt_card_for(lang), l.insured.clone().unwrap_or_default())
        }
        Kind::PurchaseBhxh => {
            format!("{} {}", words::bhxh_for(lang), l.insured.clone().unwrap_or_default())
        }
        Kind::Withdrawal => note(words::paid_back_to_her(lang)),
        Kind::Reversal => {
            format!("{} {}: {}", words::reversal_of(lang), l.reverses.clone().unwrap_or_default(), l.note)
        }
        Kind::Receipt | Kind::Payment | Kind::Transfer | Kind::CountDifference | Kind::Settlement => {
            note(words::other_entry(lang))
        }
    }
}

impl App {
    /// The passbook of the person with this code.
    pub fn passbook(&self, code: &str) -> Result<Passbook> {
        let person = self.person(code)?;
        let lang = self.lang;
        let mut balance = Dong(0);
        let lines: Vec<PassRow> = self
            .store
            .passbook_lines(person.id)?
            .into_iter()
            .map(|l| {
                balance += l.amount;
                PassRow {
                    date: l.date,
                    voucher: l.voucher.clone(),
                    purpose: purpose(&l, lang),
                    amount: l.amount,
                    balance,
                    reversed_by: l.reversed_by.clone(),
                }
            })
            .collect();
        let mut cover = Vec::new();
        for scheme in ["bhyt", "bhxh"] {
            for c in self.store.person_coverage(person.id, scheme)? {
                let period = match (c.card_from, c.card_to, &c.from_month, &c.to_month) {
                    (Some(f), Some(t), _, _) => {
                        format!(
                            "{} – {}",
                            hunvon_core::domain::date::format_vn(f),
                            hunvon_core::domain::date::format_vn(t)
                        )
                    }
                    (_, _, Some(f), Some(t)) => {
                        let m = |s: &str| YearMonth::parse(s).map(month_text).unwrap_or_else(|| s.to_string());
                        format!("{} – {}", m(f), m(t))
                    }
                    _ => String::new(),
                };
                cover.push(CoverRow {
                    voucher: c.voucher.clone(),
                    scheme: if scheme == "bhyt" { "BHYT" } else { "BHXH" },
                    period,
                    amount: c.amount,
                    void: c.is_void(),
                });
            }
        }
        let household = match person.household_id {
            Some(id) => self.store.household_by_id(id)?,
            None => None,
        };
        let sponsor = match person.sponsor_id {
            Some(id) => self.store.person_by_id(id)?.map(|s| (s.fields.code, s.fields.full_name)),
            None => None,
        };
        let sponsored = self.store.sponsored_by(person.id)?;
        Ok(Passbook {
            cccd: person.cccd.as_deref().map(mask_id),
            bhxh_code: person.bhxh_code.as_deref().map(mask_id),
            household,
            sponsor,
            sponsored,
            lines,
            cover,
            balance,
            person,
        })
    }

    /// The household with this code, and the people living in it (entry order).
    pub fn household_with_people(&self, code: &str) -> Result<(Household, Vec<Person>)> {
        let pool_id = self.pool()?.id;
        let code = hunvon_core::domain::input::code("--household", code)?;
        let h = self.store.household(pool_id, &code)?.ok_or(Error::UnknownHousehold(code))?;
        let people = self.store.household_members(h.id)?;
        Ok((h, people))
    }
}
