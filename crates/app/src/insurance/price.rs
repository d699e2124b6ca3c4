//! Pricing a purchase (docs/quy-dinh.md §3–§4): who is bought for and who pays, the BHYT
//! ladder and card dates, the BHXH months, and a receipt's amount split over the persons.
//! The quote is read on the connection the purchase is written through (see insurance.rs).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Method};
use hunvon_core::messages::error::{Error, Expected, Result, Stored, UnknownCode};
use hunvon_core::rules::Category;
use hunvon_core::rules::bhxh::{bhxh_months, bhxh_quote};
use hunvon_core::rules::bhyt::{LadderEntry, bhyt_card_dates, bhyt_quote, ladder_positions, takes_ladder};
use hunvon_core::rules::rates::RateTable;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_store::Conn;
use hunvon_store::coverage::{ladder_entries, person_coverage};
use hunvon_store::people::{Person, person_by_code};

use crate::insurance::{BHXH_LUMP_MAX, BHXH_MONTHS, BHYT_MONTHS, BhxhRequest, BhytRequest, Quote, QuotedPerson};

fn merge_rates(into: &mut Vec<(String, String)>, more: Vec<(String, String)>) {
    for r in more {
        if !into.iter().any(|x| x.0 == r.0) {
            into.push(r);
        }
    }
}

/// Who pays for a person: `--payer` (a person or `fund:common`), else the person herself
/// if she is a member, else her sponsor; with neither, the purchase asks for `--payer`.
fn payer_of(conn: Conn<'_>, pool_id: i64, person: &Person, payer: Option<&str>, date: NaiveDate) -> Result<Account> {
    match payer.map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) if p.eq_ignore_ascii_case("fund:common") || p.eq_ignore_ascii_case("common") => Ok(Account::FundCommon),
        Some(p) => {
            let code = input::code("--payer", p).map_err(|_| Error::BadValue {
                field: "--payer".into(),
                value: p.into(),
                expected: Expected::Payer,
            })?;
            let payer = person_by_code(conn, pool_id, &code)?.ok_or(Error::UnknownPerson(code))?;
            Ok(Account::Member(payer.fields.code))
        }
        // A member who has left pays for no one by default, herself included.
        None if person.is_member_on(date) => Ok(Account::Member(person.code.clone())),
        None => match &person.sponsor_code {
            Some(s) if person_by_code(conn, pool_id, s)?.is_some_and(|sp| sp.is_member_on(date)) => {
                Ok(Account::Member(s.clone()))
            }
            _ => Err(Error::NoPayer { person: person.code.clone() }),
        },
    }
}

/// The payer typed for one person of a BHYT purchase: her own line, else the one for all.
fn own_payer<'r>(req: &'r BhytRequest, code: &str) -> Option<&'r str> {
    req.payers
        .iter()
        .find(|(c, v)| c.eq_ignore_ascii_case(code) && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
        .or(req.payer.as_deref())
}

/// Splits the receipt's amount over the persons in proportion to their quotes; the
/// rounding remainder goes to the first person listed (docs/design.md §3).
fn split_amount(total: Dong, quotes: &[Dong]) -> Vec<Dong> {
    let sum: i64 = quotes.iter().map(|q| q.0).sum();
    if quotes.is_empty() {
        return Vec::new();
    }
    if sum == 0 {
        let mut out = vec![Dong(0); quotes.len()];
        out[0] = total;
        return out;
    }
    let mut out: Vec<Dong> = quotes
        .iter()
        .map(|q| Dong::round(total.to_decimal() * Decimal::from(q.0) / Decimal::from(sum)).unwrap_or(Dong(0)))
        .collect();
    let rest: Dong = out[1..].iter().copied().sum();
    out[0] = total - rest;
    out
}

/// A person's category as stored; one this build does not know is an error, never
/// the full price of `other`.
fn category_of(p: &Person) -> Result<Category> {
    Category::from_code(&p.category)
        .ok_or_else(|| UnknownCode { what: Stored::Category, value: p.category.clone() }.into())
}

/// The persons of a BHYT purchase, read and checked: each known, listed once, not poor
/// (the state pays for her card), all of one household.
fn bhyt_persons(conn: Conn<'_>, pool_id: i64, req: &BhytRequest) -> Result<Vec<Person>> {
    let codes: Vec<&str> = req.persons.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if codes.is_empty() {
        return Err(Error::Empty { field: "--person".into() });
    }
    let mut persons = Vec::new();
    for c in &codes {
        let code = input::code("--person", c)?;
        let p = person_by_code(conn, pool_id, &code)?.ok_or_else(|| Error::UnknownPerson(code.clone()))?;
        if persons.iter().any(|q: &Person| q.id == p.id) {
            return Err(Error::BadValue { field: "--person".into(), value: code, expected: Expected::Code });
        }
        if category_of(&p)? == Category::Poor {
            return Err(Error::Rule(hunvon_core::rules::RuleError::PoorStatePays));
        }
        persons.push(p);
    }
    let household = persons[0].household_id;
    if persons.iter().any(|p| p.household_id != household) || (household.is_none() && persons.len() > 1) {
        return Err(Error::MixedHouseholds);
    }
    Ok(persons)
}

/// The ladder (docs/quy-dinh.md §3): the persons who take a place on it, and each one's
/// place, after those of the household who already took one in the voucher's year.
fn ladder_places(conn: Conn<'_>, persons: &[Person], date: NaiveDate) -> Result<(Vec<i64>, Vec<u32>)> {
    let mut ladder_people = Vec::new();
    for p in persons {
        if takes_ladder(category_of(p)?) {
            ladder_people.push(p.id);
        }
    }
    let positions = match persons.first().and_then(|p| p.household_id) {
        Some(h) if !ladder_people.is_empty() => {
            let prior: Vec<LadderEntry> = ladder_entries(conn, h, date.year())?
                .into_iter()
                .map(|(person, reversed)| LadderEntry { person, reversed })
                .collect();
            ladder_positions(&prior, &ladder_people)
        }
        _ => (1..=ladder_people.len() as u32).collect(),
    };
    Ok((ladder_people, positions))
}

/// Prices a BHYT purchase on `conn` (a plain connection for a quote, the purchase's own
/// transaction for a buy).
pub(crate) fn price_bhyt(
    conn: Conn<'_>,
    rates: &RateTable,
    pool_id: i64,
    req: &BhytRequest,
    today: NaiveDate,
) -> Result<Quote> {
    let months = input::months("--months", &req.months, BHYT_MONTHS)?;
    let date = input::voucher_date("--date", &req.date, today)?;
    let method = input::optional(req.method.as_deref(), |s| input::method("--method", s))?.unwrap_or_default();
    let persons = bhyt_persons(conn, pool_id, req)?;
    let printed_from = input::optional(req.card_from.as_deref(), |s| input::card_date("--card-from", s))?;
    let printed_to = input::optional(req.card_to.as_deref(), |s| input::card_date("--card-to", s))?;
    if (printed_from.is_some() || printed_to.is_some()) && persons.len() != 1 {
        return Err(Error::CardDatesNeedOnePerson);
    }
    let (ladder_people, positions) = ladder_places(conn, &persons, date)?;

    let wait_days = rates.integer("bhyt_wait_days", date)?;
    let gap_months = u32::try_from(rates.integer("bhyt_gap_months", date)?).unwrap_or(3);
    let mut quoted = Vec::new();
    let mut used = Vec::new();
    for p in &persons {
        let position = ladder_people.iter().position(|id| *id == p.id).map(|i| positions[i]);
        let price = bhyt_quote(rates, category_of(p)?, position, months, date)?;
        merge_rates(&mut used, price.rates_used.clone());
        let prev_end =
            person_coverage(conn, p.id, "bhyt")?.iter().filter(|c| !c.is_void()).filter_map(|c| c.card_to).max();
        let (from, to) = bhyt_card_dates(prev_end, date, months, wait_days, gap_months);
        input::card_period(printed_from.unwrap_or(from), printed_to.unwrap_or(to))?;
        quoted.push(QuotedPerson {
            person_id: p.id,
            code: p.code.clone(),
            full_name: p.full_name.clone(),
            household_id: p.household_id,
            position,
            monthly: price.monthly,
            quote: price.amount,
            amount: price.amount,
            payer: payer_of(conn, pool_id, p, own_payer(req, &p.code), date)?,
            expected_from: Some(from),
            expected_to: Some(to),
            card_from: Some(printed_from.unwrap_or(from)),
            card_to: Some(printed_to.unwrap_or(to)),
            from_month: None,
            to_month: None,
            supported_months: None,
            income: None,
        });
    }
    finish_quote("bhyt", date, months, method, req.amount.as_deref(), req.receipt.as_deref(), quoted, used)
}

#[allow(clippy::too_many_arguments)]
fn finish_quote(
    scheme: &'static str,
    date: NaiveDate,
    months: u32,
    method: Method,
    amount: Option<&str>,
    receipt: Option<&str>,
    mut persons: Vec<QuotedPerson>,
    rates: Vec<(String, String)>,
) -> Result<Quote> {
    let quoted_total: Dong = persons.iter().map(|p| p.quote).sum();
    let total = match input::optional(amount, |s| input::amount("--amount", s))? {
        Some(total) => {
            let quotes: Vec<Dong> = persons.iter().map(|p| p.quote).collect();
            for (p, share) in persons.iter_mut().zip(split_amount(total, &quotes)) {
                p.amount = share;
            }
            total
        }
        None => quoted_total,
    };
    Ok(Quote {
        scheme,
        date,
        months,
        total,
        quoted_total,
        persons,
        rates,
        method,
        receipt: input::optional(receipt, |r| input::note("--receipt", r))?.unwrap_or_default(),
    })
}

pub(crate) fn price_bhxh(
    conn: Conn<'_>,
    rates: &RateTable,
    pool_id: i64,
    req: &BhxhRequest,
    today: NaiveDate,
) -> Result<Quote> {
    let date = input::voucher_date("--date", &req.date, today)?;
    let lump = req.amount.as_deref().is_some_and(|a| !a.trim().is_empty());
    let months = match input::months("--months", &req.months, BHXH_MONTHS) {
        Ok(m) => m,
        // A longer lump sum is priced by the agency's yearly discount: only from a receipt.
        Err(e) => match req.months.trim().parse::<u32>() {
            Ok(m) if lump && (1..=BHXH_LUMP_MAX).contains(&m) => m,
            _ => return Err(e),
        },
    };
    let income_field = "--income";
    let income = input::amount(income_field, &req.income)?;
    let method = input::optional(req.method.as_deref(), |s| input::method("--method", s))?.unwrap_or_default();
    let code = input::code("--person", &req.person)?;
    let p = person_by_code(conn, pool_id, &code)?.ok_or_else(|| Error::UnknownPerson(code.clone()))?;
    let from_month = input::optional(req.from_month.as_deref(), |s| input::from_month("--from-month", s, today))?;
    let history: Vec<_> = person_coverage(conn, p.id, "bhxh")?.into_iter().filter(|c| !c.is_void()).collect();
    let paid: Vec<(YearMonth, YearMonth)> = history
        .iter()
        .filter_map(|c| Some((YearMonth::parse(c.from_month.as_deref()?)?, YearMonth::parse(c.to_month.as_deref()?)?)))
        .collect();
    let supported_before: u32 = history.iter().filter_map(|c| c.supported_months).sum();
    let (first, last) = bhxh_months(&paid, from_month, date, months)?;
    let (monthly, quote, supported, used) = if BHXH_MONTHS.contains(&months) {
        let price = bhxh_quote(rates, category_of(&p)?, income, months, date, supported_before)?;
        (price.monthly, price.amount, price.supported_months, price.rates_used)
    } else {
        // Check the income bounds all the same, with a one-month price.
        let price = bhxh_quote(rates, category_of(&p)?, income, 1, date, supported_before)?;
        let cap = u32::try_from(rates.integer("bhxh_support_max_months", date)?).unwrap_or(0);
        let supported = months.min(cap.saturating_sub(supported_before));
        (price.monthly, Dong(0), supported, price.rates_used)
    };
    let person = QuotedPerson {
        person_id: p.id,
        code: p.code.clone(),
        full_name: p.full_name.clone(),
        household_id: p.household_id,
        position: None,
        monthly,
        quote,
        amount: quote,
        payer: payer_of(conn, pool_id, &p, req.payer.as_deref(), date)?,
        expected_from: None,
        expected_to: None,
        card_from: None,
        card_to: None,
        from_month: Some(first),
        to_month: Some(last),
        supported_months: Some(supported),
        income: Some(income),
    };
    finish_quote("bhxh", date, months, method, req.amount.as_deref(), req.receipt.as_deref(), vec![person], used)
}

/// Prices a BHYT purchase on an open connection (the demo generator writes many
/// purchases inside one transaction).
pub fn price_bhyt_on(
    conn: Conn<'_>,
    rates: &RateTable,
    pool_id: i64,
    req: &BhytRequest,
    today: NaiveDate,
) -> Result<Quote> {
    price_bhyt(conn, rates, pool_id, req, today)
}

/// Prices a BHXH purchase on an open connection.
pub fn price_bhxh_on(
    conn: Conn<'_>,
    rates: &RateTable,
    pool_id: i64,
    req: &BhxhRequest,
    today: NaiveDate,
) -> Result<Quote> {
    price_bhxh(conn, rates, pool_id, req, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_amount_is_split_by_quotes_with_the_remainder_first() {
        let split = split_amount(Dong(1000), &[Dong(1), Dong(1), Dong(1)]);
        assert_eq!(split, vec![Dong(334), Dong(333), Dong(333)]);
        assert_eq!(
            split_amount(Dong(2_148_121), &[Dong(1_263_600), Dong(884_520)]).iter().copied().sum::<Dong>(),
            Dong(2_148_121)
        );
    }
}
