//! The pool's balance-sheet identity, shown on the dashboard and on every summary:
//! `cash + bank = Σ member balances + fund:common + fund:opening + fund:pending`
//! (the last only once a count found a difference, SPEC §8).

use super::account::Account;
use crate::domain::money::Dong;

/// The two sides of the identity, each as people read it (what the pool holds, what it
/// holds it for): member and fund balances are minus their accounts' sums.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub cash: Dong,
    pub bank: Dong,
    pub members: Dong,
    pub common: Dong,
    pub opening: Dong,
    /// A count's difference waiting to be settled (fund:pending), as held: a shortage is
    /// negative, a surplus positive.
    pub pending: Dong,
    /// Σ of member balances below zero (what people owe the pool), shown apart.
    pub owed_to_pool: Dong,
}

impl Identity {
    /// From every account's sum (debit positive).
    pub fn from_balances<'a>(balances: impl IntoIterator<Item = (&'a Account, Dong)>) -> Identity {
        let mut id = Identity::default();
        for (account, sum) in balances {
            match account {
                Account::Cash => id.cash += sum,
                Account::Bank => id.bank += sum,
                Account::FundCommon => id.common += -sum,
                Account::FundOpening => id.opening += -sum,
                Account::FundPending => id.pending += -sum,
                Account::Member(_) => {
                    id.members += -sum;
                    if sum.0 > 0 {
                        id.owed_to_pool += sum;
                    }
                }
            }
        }
        id
    }

    pub fn assets(&self) -> Dong {
        self.cash + self.bank
    }

    pub fn claims(&self) -> Dong {
        self.members + self.common + self.opening + self.pending
    }

    /// Zero when the books balance.
    pub fn difference(&self) -> Dong {
        self.assets() - self.claims()
    }

    pub fn holds(&self) -> bool {
        self.difference().is_zero()
    }

    /// `tiền mặt 4.000.000 đ + ngân hàng 3.000.000 đ = thành viên … + quỹ chung … + đầu kỳ … ✓`
    /// (its words in messages/identity_text.rs).
    pub fn line(&self, lang: crate::messages::i18n::Lang) -> String {
        crate::messages::identity_text::identity_line(self, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::i18n::Lang;

    #[test]
    fn a_pending_difference_is_a_claim_printed_only_when_not_zero() {
        let plain = Identity::from_balances([(&Account::Cash, Dong(100)), (&Account::FundCommon, Dong(-100))]);
        assert!(plain.holds() && !plain.line(Lang::Vi).contains("chờ xử lý"));
        // A shortage of 30 found by a count: cash is what was counted, the pending account
        // holds the difference until it is settled.
        let short = Identity::from_balances([
            (&Account::Cash, Dong(70)),
            (&Account::FundCommon, Dong(-100)),
            (&Account::FundPending, Dong(30)),
        ]);
        assert!(short.holds(), "{short:?}");
        assert!(short.line(Lang::Vi).contains("+ chờ xử lý -30 đ ✓"), "{}", short.line(Lang::Vi));
    }
}
