//! A transaction before it is written: checked here, in Rust, before the database checks
//! it again (the `transactions_balanced` trigger in schema.sql).

use chrono::NaiveDate;

use super::account::Account;
use crate::domain::money::Dong;
use crate::messages::error::{Error, Result};

/// The voucher series (SPEC §8): phiếu thu (cash in), phiếu chi (cash out), giấy báo Có
/// (money into the bank only), giấy báo Nợ (money out of the bank only), phiếu kế toán
/// (no money in or out of the pool: openings, corrections, a count's difference).
/// Vouchers written before §8 keep their numbers: transfers and bank movements there are
/// PK, PT or PC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Series {
    Pt,
    Pc,
    Pk,
    Bc,
    Bn,
}

impl Series {
    pub fn code(self) -> &'static str {
        match self {
            Series::Pt => "PT",
            Series::Pc => "PC",
            Series::Pk => "PK",
            Series::Bc => "BC",
            Series::Bn => "BN",
        }
    }

    pub fn from_code(s: &str) -> Option<Series> {
        match s {
            "PT" => Some(Series::Pt),
            "PC" => Some(Series::Pc),
            "PK" => Some(Series::Pk),
            "BC" => Some(Series::Bc),
            "BN" => Some(Series::Bn),
            _ => None,
        }
    }

    /// The series of money that really moves (SPEC §8): cash in PT, cash out PC, money
    /// into the bank only BC, out of it only BN.
    pub fn moving(incoming: bool, method: Method) -> Series {
        match (incoming, method) {
            (true, Method::Cash) => Series::Pt,
            (false, Method::Cash) => Series::Pc,
            (true, Method::Bank) => Series::Bc,
            (false, Method::Bank) => Series::Bn,
        }
    }

    /// Whether its slip is a cash form (phiếu thu 01-TT, phiếu chi 02-TT), signed by whoever
    /// paid or received the cash and by the treasurer.
    pub fn is_cash_form(self) -> bool {
        matches!(self, Series::Pt | Series::Pc)
    }

    /// `PT-2025-0007`.
    pub fn voucher(self, year: i32, seq: i64) -> String {
        format!("{}-{year:04}-{seq:04}", self.code())
    }
}

/// What a transaction is, for descriptions and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Contribution,
    Receipt,
    Payment,
    PurchaseBhyt,
    PurchaseBhxh,
    Opening,
    Transfer,
    Reversal,
    /// A member paid back what the pool holds for her (SPEC §3 `withdraw`).
    Withdrawal,
    /// A cash count's shortage or surplus booked to `fund:pending` (SPEC §8).
    CountDifference,
    /// `settle`: a count's pending difference cleared (SPEC §8).
    Settlement,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Contribution => "contribution",
            Kind::Receipt => "receipt",
            Kind::Payment => "payment",
            Kind::PurchaseBhyt => "purchase_bhyt",
            Kind::PurchaseBhxh => "purchase_bhxh",
            Kind::Opening => "opening",
            Kind::Transfer => "transfer",
            Kind::Reversal => "reversal",
            Kind::Withdrawal => "withdrawal",
            Kind::CountDifference => "count_difference",
            Kind::Settlement => "settlement",
        }
    }

    pub fn from_code(s: &str) -> Option<Kind> {
        [
            Kind::Contribution,
            Kind::Receipt,
            Kind::Payment,
            Kind::PurchaseBhyt,
            Kind::PurchaseBhxh,
            Kind::Opening,
            Kind::Transfer,
            Kind::Reversal,
            Kind::Withdrawal,
            Kind::CountDifference,
            Kind::Settlement,
        ]
        .into_iter()
        .find(|k| k.code() == s)
    }

    pub fn is_purchase(self) -> bool {
        matches!(self, Kind::PurchaseBhyt | Kind::PurchaseBhxh)
    }
}

/// Cash box or bank account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    #[default]
    Cash,
    Bank,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Cash => "cash",
            Method::Bank => "bank",
        }
    }

    pub fn from_code(s: &str) -> Option<Method> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cash" | "tien_mat" | "tiền mặt" => Some(Method::Cash),
            "bank" | "ngan_hang" | "ngân hàng" => Some(Method::Bank),
            _ => None,
        }
    }

    pub fn account(self) -> Account {
        match self {
            Method::Cash => Account::Cash,
            Method::Bank => Account::Bank,
        }
    }
}

/// A coverage's columns, the one description of what a coverage row holds (one per
/// insured person a purchase covers): what a purchase writes ([`NewCoverage`], with its
/// payer) and what a stored coverage holds (`hunvon_store::coverage::CoverageRecord`, with
/// its purchase's voucher and dates), both read through `Deref`: `coverage.card_to`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoverageFields {
    pub person_id: i64,
    /// `bhyt` or `bhxh`.
    pub scheme: String,
    pub months: u32,
    pub household_id: Option<i64>,
    pub position: Option<u32>,
    pub quote: Dong,
    pub amount: Dong,
    pub expected_from: Option<NaiveDate>,
    pub expected_to: Option<NaiveDate>,
    pub card_from: Option<NaiveDate>,
    pub card_to: Option<NaiveDate>,
    pub from_month: Option<String>,
    pub to_month: Option<String>,
    pub income: Option<Dong>,
    pub supported_months: Option<u32>,
}

/// A coverage row a purchase creates: its fields and the account that pays for it (the
/// store keeps the account's id; the chain hashes its name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCoverage {
    pub fields: CoverageFields,
    pub payer: Account,
}

impl std::ops::Deref for NewCoverage {
    type Target = CoverageFields;

    fn deref(&self) -> &CoverageFields {
        &self.fields
    }
}

/// A voucher's columns and postings, the one description of what a voucher holds: what
/// is written ([`NewTransaction`], with its coverages) and what a stored voucher holds
/// (`hunvon_store::queries::TxnRow`, with its number, hash and the codes its ids point
/// at), both read through `Deref`: `t.date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactionFields {
    pub series: Series,
    pub date: NaiveDate,
    pub kind: Kind,
    pub method: Option<Method>,
    pub person_id: Option<i64>,
    pub note: String,
    pub reverses_id: Option<i64>,
    pub receipt_no: String,
    /// The bank's reference (`--bank-ref`); empty when none (or in a book before step 8).
    pub bank_ref: String,
    pub postings: Vec<(Account, Dong)>,
}

/// A transaction to be written: its fields, the count it belongs to and the coverages it
/// buys. Its voucher number, id and hash are given by the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTransaction {
    pub fields: TransactionFields,
    /// The cash count a difference or settlement belongs to (its number); empty otherwise.
    pub count_ref: String,
    pub coverages: Vec<NewCoverage>,
}

impl std::ops::Deref for NewTransaction {
    type Target = TransactionFields;

    fn deref(&self) -> &TransactionFields {
        &self.fields
    }
}

impl std::ops::DerefMut for NewTransaction {
    fn deref_mut(&mut self) -> &mut TransactionFields {
        &mut self.fields
    }
}

impl NewTransaction {
    /// A transaction with no coverage, reversal or receipt number.
    pub fn simple(series: Series, kind: Kind, date: NaiveDate, postings: Vec<(Account, Dong)>) -> Self {
        NewTransaction {
            fields: TransactionFields {
                series,
                date,
                kind,
                method: None,
                person_id: None,
                note: String::new(),
                reverses_id: None,
                receipt_no: String::new(),
                bank_ref: String::new(),
                postings,
            },
            count_ref: String::new(),
            coverages: Vec::new(),
        }
    }

    /// Double entry, the Rust half: at least two postings, none zero, summing to zero
    /// (checked with overflow detection, so no sum can wrap into a false zero).
    pub fn check_balanced(&self) -> Result<()> {
        let mut sum: i64 = 0;
        let mut overflow = false;
        for (_, amount) in &self.postings {
            if amount.is_zero() {
                return Err(Error::Unbalanced { sum: Dong(0) });
            }
            match sum.checked_add(amount.0) {
                Some(s) => sum = s,
                None => overflow = true,
            }
        }
        if overflow || sum != 0 || self.postings.len() < 2 {
            return Err(Error::Unbalanced { sum: Dong(sum) });
        }
        Ok(())
    }

    /// The total that moved: the sum of the debits.
    pub fn total(&self) -> Dong {
        self.postings.iter().map(|(_, a)| *a).filter(|a| a.0 > 0).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 5).unwrap()
    }

    #[test]
    fn voucher_numbers() {
        assert_eq!(Series::Pt.voucher(2025, 7), "PT-2025-0007");
        assert_eq!(Series::Pc.voucher(2025, 12345), "PC-2025-12345");
        assert_eq!(Series::moving(true, Method::Cash), Series::Pt);
        assert_eq!(Series::moving(false, Method::Cash), Series::Pc);
        assert_eq!(Series::moving(true, Method::Bank).voucher(2025, 1), "BC-2025-0001");
        assert_eq!(Series::moving(false, Method::Bank).voucher(2025, 1), "BN-2025-0001");
    }

    proptest! {
        #[test]
        fn balanced_iff_sum_zero(amounts in proptest::collection::vec(-1_000_000i64..1_000_000, 1..8)) {
            let mut postings: Vec<(Account, Dong)> =
                amounts.iter().filter(|a| **a != 0).map(|a| (Account::Cash, Dong(*a))).collect();
            let sum: i64 = postings.iter().map(|p| p.1.0).sum();
            let t = NewTransaction::simple(Series::Pt, Kind::Contribution, day(), postings.clone());
            prop_assert_eq!(t.check_balanced().is_ok(), sum == 0 && postings.len() >= 2);
            if sum != 0 {
                postings.push((Account::FundCommon, Dong(-sum)));
                let t = NewTransaction::simple(Series::Pt, Kind::Contribution, day(), postings);
                prop_assert!(t.check_balanced().is_ok());
            }
        }
    }
}
