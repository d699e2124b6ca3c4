//! Buying insurance: the requests and the quote (priced in insurance_price.rs by the rules of
//! docs/quy-dinh.md §3–§4), the purchase posted as one phiếu chi, and one coverage row per
//! insured person.
//!
//! The quote is computed from the same connection the purchase is written through, inside
//! the purchase's transaction, so ladder positions and card dates cannot race a write.

use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, CoverageFields, Kind, Method, NewCoverage, NewTransaction, Series};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::warning::Warning;
use hunvon_core::rules::rates::RateTable;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_store::Conn;

use crate::App;
use crate::insurance::price::{price_bhxh, price_bhyt};
pub use crate::insurance::price::{price_bhxh_on, price_bhyt_on};
use crate::moves::Written;

/// Month counts the rules price.
pub const BHYT_MONTHS: &[u32] = &[3, 6, 12];
pub const BHXH_MONTHS: &[u32] = &[1, 3, 6, 12];
/// A BHXH lump sum up to this many months is recorded from the receipt (`--amount`).
pub(crate) const BHXH_LUMP_MAX: u32 = 60;

/// A BHYT purchase or quote as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BhytRequest {
    /// Person codes in ladder order, comma separated.
    pub persons: String,
    pub months: String,
    pub date: String,
    pub amount: Option<String>,
    pub receipt: Option<String>,
    pub card_from: Option<String>,
    pub card_to: Option<String>,
    pub payer: Option<String>,
    pub method: Option<String>,
    /// Each person's own payer (person code, payer as typed), over `payer` for her: the
    /// TUI's purchase has one payer line per person (SPEC §4).
    pub payers: Vec<(String, String)>,
}

/// A BHXH purchase or quote as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BhxhRequest {
    pub person: String,
    pub months: String,
    pub income: String,
    pub date: String,
    pub from_month: Option<String>,
    pub amount: Option<String>,
    pub receipt: Option<String>,
    pub payer: Option<String>,
    pub method: Option<String>,
}

/// One insured person of a quote or purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedPerson {
    pub person_id: i64,
    pub code: String,
    pub full_name: String,
    pub household_id: Option<i64>,
    pub position: Option<u32>,
    pub monthly: Dong,
    /// The price by the rules.
    pub quote: Dong,
    /// What is posted: the quote, or this person's share of the receipt's `--amount`.
    pub amount: Dong,
    pub payer: Account,
    pub expected_from: Option<NaiveDate>,
    pub expected_to: Option<NaiveDate>,
    pub card_from: Option<NaiveDate>,
    pub card_to: Option<NaiveDate>,
    pub from_month: Option<YearMonth>,
    pub to_month: Option<YearMonth>,
    pub supported_months: Option<u32>,
    pub income: Option<Dong>,
}

/// A priced purchase, before or after it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub scheme: &'static str,
    pub date: NaiveDate,
    pub months: u32,
    pub total: Dong,
    pub quoted_total: Dong,
    pub persons: Vec<QuotedPerson>,
    /// The rates used, name and value, for the record.
    pub rates: Vec<(String, String)>,
    pub method: Method,
    pub receipt: String,
}

impl Quote {
    /// The JSON of docs/design.md §6 (`quote … --format json`); `buy` adds the voucher.
    pub fn json(&self, voucher: Option<&str>) -> serde_json::Value {
        use hunvon_core::domain::date::format_iso;
        let persons: Vec<serde_json::Value> = self
            .persons
            .iter()
            .map(|p| {
                if self.scheme == "bhyt" {
                    serde_json::json!({
                        "code": p.code, "position": p.position, "monthly": p.monthly.0, "amount": p.amount.0,
                        "quote": p.quote.0, "card_from": p.card_from.map(format_iso), "card_to": p.card_to.map(format_iso),
                    })
                } else {
                    serde_json::json!({
                        "code": p.code, "position": p.position, "monthly": p.monthly.0, "amount": p.amount.0,
                        "quote": p.quote.0, "from_month": p.from_month.map(|m| m.to_string()),
                        "to_month": p.to_month.map(|m| m.to_string()), "supported_months": p.supported_months,
                    })
                }
            })
            .collect();
        let rates: serde_json::Map<String, serde_json::Value> =
            self.rates.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
        let mut v = serde_json::json!({
            "scheme": self.scheme, "date": format_iso(self.date), "total": self.total.0,
            "persons": persons, "rates": rates,
        });
        if let Some(voucher) = voucher {
            v["voucher"] = serde_json::Value::String(voucher.to_string());
        }
        v
    }
}

impl App {
    /// Prices a BHYT purchase without writing anything.
    pub fn quote_bhyt(&self, req: &BhytRequest) -> Result<Quote> {
        let pool_id = self.pool()?.id;
        let snapshot = self.store.snapshot()?;
        price_bhyt(snapshot.conn(), &self.store.rate_table()?, pool_id, req, self.clock.today)
    }

    /// Prices a BHXH purchase without writing anything.
    pub fn quote_bhxh(&self, req: &BhxhRequest) -> Result<Quote> {
        let pool_id = self.pool()?.id;
        let snapshot = self.store.snapshot()?;
        price_bhxh(snapshot.conn(), &self.store.rate_table()?, pool_id, req, self.clock.today)
    }

    /// Buys BHYT cards: one phiếu chi, one coverage row per person.
    pub fn buy_bhyt(&mut self, req: &BhytRequest) -> Result<(Written, Quote)> {
        self.buy(Kind::PurchaseBhyt, |conn, rates, pool_id, today| price_bhyt(conn, rates, pool_id, req, today))
    }

    /// Pays BHXH months: one phiếu chi and one coverage row.
    pub fn buy_bhxh(&mut self, req: &BhxhRequest) -> Result<(Written, Quote)> {
        self.buy(Kind::PurchaseBhxh, |conn, rates, pool_id, today| price_bhxh(conn, rates, pool_id, req, today))
    }

    fn buy(
        &mut self,
        kind: Kind,
        price: impl FnOnce(Conn<'_>, &RateTable, i64, NaiveDate) -> Result<Quote>,
    ) -> Result<(Written, Quote)> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let rates = self.store.rate_table()?;
        let now = self.clock.now.clone();
        let bank_ref = std::mem::take(&mut self.bank_ref);
        let mut ap = self.store.appender(pool_id, &now)?;
        let quote = price(ap.conn(), &rates, pool_id, today)?;
        let mut t = purchase_transaction(kind, &quote);
        t.bank_ref = crate::moves::checked_bank_ref(bank_ref, &t)?;
        let posted = ap.append(&t)?;
        ap.commit()?;
        let mut written = self.written(&posted, t.series)?;
        for p in &quote.persons {
            // Cover she already has from elsewhere: bought anyway, but said (SPEC §10).
            if let Some((source, to)) = self.outside_card_on(p.person_id, quote.scheme, quote.date)? {
                written.warnings.push(Warning::OutsideCard { person: p.code.clone(), source, to });
            }
            if p.amount != p.quote && !p.quote.is_zero() {
                written.warnings.push(Warning::AmountDiffers {
                    person: p.code.clone(),
                    quote: p.quote,
                    amount: p.amount,
                });
            }
        }
        Ok((written, quote))
    }
}

/// The purchase voucher for a quote (docs/design.md §3): the payer of each person debited with her
/// amount, cash or bank credited with the total, one coverage row per person.
pub fn purchase_transaction(kind: Kind, quote: &Quote) -> NewTransaction {
    let mut postings: Vec<(Account, Dong)> = Vec::new();
    let mut coverages = Vec::new();
    for p in &quote.persons {
        if !p.amount.is_zero() {
            postings.push((p.payer.clone(), p.amount));
        }
        coverages.push(NewCoverage {
            fields: CoverageFields {
                person_id: p.person_id,
                scheme: quote.scheme.to_string(),
                months: quote.months,
                household_id: p.household_id,
                position: p.position,
                quote: p.quote,
                amount: p.amount,
                expected_from: p.expected_from,
                expected_to: p.expected_to,
                card_from: p.card_from,
                card_to: p.card_to,
                from_month: p.from_month.map(|m| m.to_string()),
                to_month: p.to_month.map(|m| m.to_string()),
                income: p.income,
                supported_months: p.supported_months,
            },
            payer: p.payer.clone(),
        });
    }
    postings.push((quote.method.account(), -quote.total));
    let mut t = NewTransaction::simple(Series::moving(false, quote.method), kind, quote.date, postings);
    t.method = Some(quote.method);
    t.person_id = quote.persons.first().map(|p| p.person_id);
    t.receipt_no = quote.receipt.clone();
    t.coverages = coverages;
    t
}
