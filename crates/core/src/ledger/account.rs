//! The places money sits, and how their names are written in the database and in exports.

use std::fmt;

/// An account of one pool. A member balance is minus her account's sum: contributions
/// credit `member:C`, premiums paid for her debit it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Account {
    Cash,
    Bank,
    FundCommon,
    FundOpening,
    /// A cash count's difference waiting to be settled (tiền thiếu chờ xử lý / tiền thừa
    /// chờ giải quyết, SPEC §8); made on first use.
    FundPending,
    Member(String),
}

impl Account {
    /// The stored name: `cash`, `bank`, `fund:common`, `fund:opening`, `member:TV0001`.
    pub fn name(&self) -> String {
        match self {
            Account::Cash => "cash".into(),
            Account::Bank => "bank".into(),
            Account::FundCommon => "fund:common".into(),
            Account::FundOpening => "fund:opening".into(),
            Account::FundPending => "fund:pending".into(),
            Account::Member(code) => format!("member:{code}"),
        }
    }

    pub fn parse(name: &str) -> Option<Account> {
        match name {
            "cash" => Some(Account::Cash),
            "bank" => Some(Account::Bank),
            "fund:common" => Some(Account::FundCommon),
            "fund:opening" => Some(Account::FundOpening),
            "fund:pending" => Some(Account::FundPending),
            other => other.strip_prefix("member:").map(|c| Account::Member(c.to_string())),
        }
    }

    /// The hledger account: assets for money held, liabilities for what the pool holds
    /// for members, equity for the pool's own funds.
    pub fn hledger_name(&self) -> String {
        match self {
            Account::Cash => "assets:cash".into(),
            Account::Bank => "assets:bank".into(),
            Account::FundCommon => "equity:common".into(),
            Account::FundOpening => "equity:opening".into(),
            Account::FundPending => "liabilities:pending".into(),
            Account::Member(code) => format!("liabilities:members:{code}"),
        }
    }

    /// The accounts every pool has from its creation.
    pub fn pool_accounts() -> [Account; 4] {
        [Account::Cash, Account::Bank, Account::FundCommon, Account::FundOpening]
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counts_pending_difference_is_a_liability_in_hledger() {
        assert_eq!(Account::parse("fund:pending"), Some(Account::FundPending));
        assert_eq!(Account::FundPending.name(), "fund:pending");
        assert_eq!(Account::FundPending.hledger_name(), "liabilities:pending");
    }
}
