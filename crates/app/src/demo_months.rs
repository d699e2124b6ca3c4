//! The demo's months (see demo.rs): each month one SQLite transaction of appends — the
//! opening, members' contributions, households' yearly BHYT, BHXH months, a mistaken
//! contribution reversed now and then, and cash above a float deposited at month end.

use chrono::{Datelike, Months, NaiveDate};

use crate::demo::{Planned, Rng};
use crate::insurance::{BhxhRequest, BhytRequest, price_bhxh_on, price_bhyt_on, purchase_transaction};
use crate::{App, Clock};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Method, NewTransaction, Series};
use hunvon_core::messages::error::Result;
use hunvon_core::rules::rates::RateTable;
use hunvon_store::journal::Appender;

/// What stays from month to month while one pool's months are written.
pub(crate) struct MonthWriter<'p> {
    pool_id: i64,
    planned: &'p [Planned],
    ids: &'p [i64],
    clock: &'p Clock,
    rng: &'p mut Rng,
    rates: RateTable,
    /// Each household's persons (indexes into `planned`), and the month it renews its cards.
    households: Vec<Vec<usize>>,
    renew_month: Vec<u32>,
    /// The generator's own running balances, to pay from whichever holds the money.
    cash: Dong,
    bank: Dong,
    /// Contributions to reverse at month end (entered against the wrong member).
    recent: Vec<(String, NaiveDate)>,
    count: usize,
}

/// The days of one month a voucher may take: its first day to its last (or today).
#[derive(Clone, Copy)]
struct Month {
    start: NaiveDate,
    end: NaiveDate,
}

impl Month {
    fn day(self, rng: &mut Rng) -> NaiveDate {
        let span = (self.end - self.start).num_days().max(0) as u64;
        self.start + chrono::Duration::days(rng.below(span + 1) as i64)
    }
}

impl<'p> MonthWriter<'p> {
    pub(crate) fn new(
        app: &App,
        pool_id: i64,
        planned: &'p [Planned],
        ids: &'p [i64],
        clock: &'p Clock,
        rng: &'p mut Rng,
    ) -> Result<MonthWriter<'p>> {
        let mut households: Vec<Vec<usize>> = Vec::new();
        for (i, p) in planned.iter().enumerate() {
            let h = usize::try_from(p.fields.household_id.unwrap_or(1) - 1).unwrap_or(0);
            if households.len() <= h {
                households.resize(h + 1, Vec::new());
            }
            households[h].push(i);
        }
        // Each household renews its cards in its own month of the year.
        let renew_month: Vec<u32> = households.iter().map(|_| 1 + rng.below(12) as u32).collect();
        Ok(MonthWriter {
            pool_id,
            planned,
            ids,
            clock,
            rng,
            rates: app.store.rate_table()?,
            households,
            renew_month,
            cash: Dong(0),
            bank: Dong(0),
            recent: Vec::new(),
            count: 0,
        })
    }

    /// Writes `months` months from `start`, each in one transaction; the vouchers written.
    pub(crate) fn write(
        &mut self,
        app: &mut App,
        (start, months): (NaiveDate, u32),
        progress: &mut dyn FnMut(u64),
    ) -> Result<usize> {
        for m in 0..months {
            progress(u64::from(m));
            let first = start.checked_add_months(Months::new(m)).unwrap_or(start);
            let last = first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
            let month = Month { start: first, end: last.min(self.clock.today) };
            let mut ap = app.store.appender(self.pool_id, &self.clock.now)?;
            if m == 0 {
                self.opening(&mut ap, month)?;
            }
            self.contributions(&mut ap, month)?;
            self.bhyt_renewals(&mut ap, month)?;
            self.bhxh_months(&mut ap, month, m)?;
            self.reversals(&mut ap, month)?;
            self.deposit(&mut ap, month)?;
            ap.commit()?;
        }
        Ok(self.count)
    }

    /// The cash the group brought with it.
    fn opening(&mut self, ap: &mut Appender<'_>, month: Month) -> Result<()> {
        let opening = Dong(2_000_000 + 500_000 * self.rng.below(10) as i64);
        self.cash += opening;
        ap.append(&NewTransaction::simple(
            Series::Pk,
            Kind::Opening,
            month.start,
            vec![(Account::Cash, opening), (Account::FundOpening, -opening)],
        ))?;
        self.count += 1;
        Ok(())
    }

    /// Each member's monthly saving; some months a member pays late or not at all.
    fn contributions(&mut self, ap: &mut Appender<'_>, month: Month) -> Result<()> {
        for (i, p) in self.planned.iter().enumerate() {
            if !p.member || self.rng.chance(3) {
                continue; // arrears
            }
            // Members saving for BHXH put in more each month.
            let extra = if p.bhxh.is_some() { 300_000 } else { 0 };
            let amount = Dong(*self.rng.pick(&[150_000i64, 200_000, 200_000, 250_000, 300_000]) + extra);
            let method = if self.rng.chance(10) { Method::Bank } else { Method::Cash };
            let mut t = NewTransaction::simple(
                Series::moving(true, method),
                Kind::Contribution,
                month.day(self.rng),
                vec![(method.account(), amount), (Account::Member(p.fields.code.clone()), -amount)],
            );
            t.method = Some(method);
            t.person_id = Some(self.ids[i]);
            t.note = "góp hằng tháng".into();
            let posted = ap.append(&t)?;
            match method {
                Method::Cash => self.cash += amount,
                Method::Bank => self.bank += amount,
            }
            if self.rng.chance(1) {
                self.recent.push((posted.voucher, posted.date));
            }
            self.count += 1;
        }
        Ok(())
    }

    /// The households whose month it is buy a year of BHYT for everyone but the poor.
    fn bhyt_renewals(&mut self, ap: &mut Appender<'_>, month: Month) -> Result<()> {
        for (h, members) in self.households.iter().enumerate() {
            if month.start.month() != self.renew_month[h] {
                continue;
            }
            let codes: Vec<&str> = members
                .iter()
                .filter(|i| self.planned[**i].fields.category != "poor")
                .map(|i| self.planned[*i].fields.code.as_str())
                .collect();
            if codes.is_empty() {
                continue;
            }
            let req = BhytRequest {
                persons: codes.join(","),
                months: "12".into(),
                date: hunvon_core::domain::date::format_iso(month.day(self.rng)),
                receipt: Some(format!("BL{:06}", self.rng.below(1_000_000))),
                ..Default::default()
            };
            let mut quote = price_bhyt_on(ap.conn(), &self.rates, self.pool_id, &req, self.clock.today)?;
            quote.method = pay_from(&mut self.cash, &mut self.bank, quote.total);
            ap.append(&purchase_transaction(Kind::PurchaseBhyt, &quote))?;
            self.count += 1;
        }
        Ok(())
    }

    /// Members on BHXH pay every one or three months (month `m` of the run).
    fn bhxh_months(&mut self, ap: &mut Appender<'_>, month: Month, m: u32) -> Result<()> {
        for p in self.planned {
            let Some(every) = p.bhxh else { continue };
            if !m.is_multiple_of(every) {
                continue;
            }
            let req = BhxhRequest {
                person: p.fields.code.clone(),
                months: every.to_string(),
                income: "1500000".into(),
                date: hunvon_core::domain::date::format_iso(month.day(self.rng)),
                ..Default::default()
            };
            let mut quote = price_bhxh_on(ap.conn(), &self.rates, self.pool_id, &req, self.clock.today)?;
            quote.method = pay_from(&mut self.cash, &mut self.bank, quote.total);
            ap.append(&purchase_transaction(Kind::PurchaseBhxh, &quote))?;
            self.count += 1;
        }
        Ok(())
    }

    /// A contribution entered against the wrong member now and then, reversed two days on.
    fn reversals(&mut self, ap: &mut Appender<'_>, month: Month) -> Result<()> {
        for (voucher, date) in std::mem::take(&mut self.recent) {
            let rev_date = (date + chrono::Duration::days(2)).min(month.end);
            if let Some(t) = reverse_of(ap, self.pool_id, &voucher, rev_date, "Ghi nhầm người góp")? {
                for (account, amount) in &t.postings {
                    match account {
                        Account::Cash => self.cash += *amount,
                        Account::Bank => self.bank += *amount,
                        _ => {}
                    }
                }
                ap.append(&t)?;
                self.count += 1;
            }
        }
        Ok(())
    }

    /// Month end: cash above a working float goes to the savings account.
    fn deposit(&mut self, ap: &mut Appender<'_>, month: Month) -> Result<()> {
        let float = Dong(3_000_000);
        if self.cash.0 > float.0 + 1_000_000 {
            let deposit = Dong((self.cash.0 - float.0) / 100_000 * 100_000);
            self.cash = self.cash - deposit;
            self.bank += deposit;
            let mut t = NewTransaction::simple(
                Series::Pc,
                Kind::Transfer,
                month.end,
                vec![(Account::Bank, deposit), (Account::Cash, -deposit)],
            );
            t.note = "Nộp tiền tiết kiệm cuối tháng".into();
            ap.append(&t)?;
            self.count += 1;
        }
        Ok(())
    }
}

/// Pays from cash when the box holds enough, else from the bank (the treasurer draws on
/// the savings account for a household's cards), else from cash on credit.
fn pay_from(cash: &mut Dong, bank: &mut Dong, total: Dong) -> Method {
    if cash.0 >= total.0 {
        *cash = *cash - total;
        Method::Cash
    } else if bank.0 >= total.0 {
        *bank = *bank - total;
        Method::Bank
    } else {
        *cash = *cash - total;
        Method::Cash
    }
}

/// The reversal of a voucher written earlier in the same generation.
fn reverse_of(
    ap: &Appender<'_>,
    pool_id: i64,
    voucher: &str,
    date: NaiveDate,
    reason: &str,
) -> Result<Option<NewTransaction>> {
    let Some(original) = hunvon_store::queries::txn_by_voucher_on(ap.conn(), pool_id, voucher)? else {
        return Ok(None);
    };
    let postings = original.postings.iter().map(|(a, d)| (a.clone(), -*d)).collect();
    let mut t = NewTransaction::simple(Series::Pk, Kind::Reversal, date, postings);
    t.reverses_id = Some(original.id);
    t.person_id = original.person_id;
    t.note = reason.into();
    Ok(Some(t))
}
