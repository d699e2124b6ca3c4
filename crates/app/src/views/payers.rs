//! Who pays for each person of a BHYT purchase (SPEC §2, person by person: herself if a
//! member, else her sponsor; with neither, a member of her household is proposed for the
//! treasurer to confirm), and each payer's balance once the purchase is written.

use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Account;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::warning::Warning;

use super::super::App;
use super::super::insurance::Quote;
use hunvon_store::people::Person;

/// How a person's payer was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayerBasis {
    /// She is a member and pays for herself.
    Own,
    /// Her sponsor, a member, pays for her.
    Sponsor,
    /// Neither applies: a member of her household is proposed, to be confirmed.
    Proposed,
    /// Neither applies and nobody of her household is a member: the payer must be typed.
    Nobody,
}

/// One person's payer as the rules (or the proposal) give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulePayer {
    pub code: String,
    pub full_name: String,
    /// The paying member's code (`None` with [`PayerBasis::Nobody`]).
    pub payer: Option<String>,
    pub basis: PayerBasis,
}

/// A payer of a quote: what she (or the common fund) holds now and after the purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerAfter {
    pub account: Account,
    pub full_name: String,
    pub before: Dong,
    pub after: Dong,
}

/// Who pays for `person`'s card on `on` (SPEC §2): herself if a member, else her sponsor if
/// a member; with neither, the first member among her household (`housemates`) is proposed.
/// A member who has left pays for no one.
pub fn payer_among<'p>(
    person: &Person,
    sponsor: Option<&Person>,
    housemates: impl IntoIterator<Item = &'p Person>,
    on: NaiveDate,
) -> (Option<String>, PayerBasis) {
    if person.is_member_on(on) {
        return (Some(person.code.clone()), PayerBasis::Own);
    }
    if let Some(s) = sponsor.filter(|s| s.is_member_on(on)) {
        return (Some(s.code.clone()), PayerBasis::Sponsor);
    }
    match housemates.into_iter().find(|m| m.id != person.id && m.is_member_on(on)) {
        Some(m) => (Some(m.code.clone()), PayerBasis::Proposed),
        None => (None, PayerBasis::Nobody),
    }
}

impl App {
    /// The payer of each listed person on `on`, in the order given; unknown codes are left out.
    pub fn bhyt_payers(&self, codes: &[String], on: NaiveDate) -> Result<Vec<RulePayer>> {
        let mut out = Vec::new();
        for code in codes {
            let Ok(person) = self.person(code) else { continue };
            let sponsor = match &person.sponsor_code {
                Some(s) => self.person(s).ok(),
                None => None,
            };
            let housemates = match person.household_id {
                Some(h) => self.store.household_members(h)?,
                None => Vec::new(),
            };
            let (payer, basis) = payer_among(&person, sponsor.as_ref(), housemates.iter(), on);
            out.push(RulePayer { code: person.fields.code, full_name: person.fields.full_name, payer, basis });
        }
        Ok(out)
    }

    /// Each payer of a quote with her balance now and after it, in the order first met.
    pub fn payers_after(&self, q: &Quote) -> Result<Vec<PayerAfter>> {
        let mut out: Vec<PayerAfter> = Vec::new();
        for p in &q.persons {
            if let Some(known) = out.iter_mut().find(|a| a.account == p.payer) {
                known.after = known.after - p.amount;
                continue;
            }
            let (full_name, before) = match &p.payer {
                Account::Member(code) => self.person_line(code)?.map(|l| (l.full_name, l.balance)).unwrap_or_default(),
                other => {
                    let pool_id = self.pool()?.id;
                    let held = self.store.account_balances(pool_id)?.into_iter().find(|(a, _)| a == other);
                    (String::new(), held.map_or(Dong(0), |(_, b)| -b))
                }
            };
            out.push(PayerAfter { account: p.payer.clone(), full_name, before, after: before - p.amount });
        }
        Ok(out)
    }

    /// The warnings a purchase will draw once written: each member it leaves owing the pool.
    pub fn debts_ahead(&self, q: &Quote) -> Result<Vec<Warning>> {
        Ok(self
            .payers_after(q)?
            .into_iter()
            .filter_map(|a| match a.account {
                Account::Member(code) if a.after.0 < 0 => Some(Warning::MemberOwes { person: code, owes: -a.after }),
                _ => None,
            })
            .collect())
    }
}
