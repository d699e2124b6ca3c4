//! `report summary` (Tổng hợp): the page a control board signs — cash and bank at the
//! period's start, the receipts and payments by kind, transfers, reversals of earlier
//! periods on their own line, cash and bank at the end and the printed check "đầu kỳ +
//! thu − chi = cuối kỳ"; the balance identity; members, people covered and BHXH
//! participants at the end, cards and months bought in the period; the chain head.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::domain::money::Dong;
use crate::ledger::identity::Identity;
use crate::ledger::{Account, Kind};
use crate::messages::error::Result;
use crate::store::money_moves::{MoneyMove, VoucherRange};
use crate::store::pools::Pool;

use super::App;
use super::reports::Period;

/// One line of the period's movements: its vouchers and what they moved in cash and at
/// the bank (positive in, negative out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flow {
    pub count: i64,
    pub cash: Dong,
    pub bank: Dong,
}

impl Flow {
    pub fn total(&self) -> Dong {
        self.cash + self.bank
    }

    fn add(&mut self, other: Flow) {
        self.count += other.count;
        self.cash += other.cash;
        self.bank += other.bank;
    }
}

/// What a line of the period's movements is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Line {
    Contributions,
    CommonIn,
    Openings,
    /// Reversals, in this period, of payments dated before it (money back in).
    EarlierPaymentsCancelled,
    Bhyt,
    Bhxh,
    CommonOut,
    /// Money paid back to members who leave or ask for it.
    Withdrawals,
    /// Reversals, in this period, of receipts dated before it (money back out).
    EarlierReceiptsCancelled,
    ToBank,
    FromBank,
}

impl Line {
    pub fn code(self) -> &'static str {
        match self {
            Line::Contributions => "contributions",
            Line::CommonIn => "common_in",
            Line::Openings => "openings",
            Line::EarlierPaymentsCancelled => "earlier_payments_reversed",
            Line::Bhyt => "bhyt_purchases",
            Line::Bhxh => "bhxh_purchases",
            Line::CommonOut => "common_out",
            Line::Withdrawals => "withdrawals",
            Line::EarlierReceiptsCancelled => "earlier_receipts_reversed",
            Line::ToBank => "cash_to_bank",
            Line::FromBank => "bank_to_cash",
        }
    }

    /// Whether the line is a receipt (thu), a payment (chi) or a transfer.
    pub fn is_receipt(self) -> bool {
        matches!(self, Line::Contributions | Line::CommonIn | Line::Openings | Line::EarlierPaymentsCancelled)
    }

    pub fn is_transfer(self) -> bool {
        matches!(self, Line::ToBank | Line::FromBank)
    }
}

/// The figures of one pool's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub pool: Pool,
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    pub cash_start: Dong,
    pub bank_start: Dong,
    pub lines: BTreeMap<Line, Flow>,
    pub identity: Identity,
    pub members: i64,
    pub covered: usize,
    pub expiring: usize,
    pub waiting: usize,
    pub lapsed: usize,
    pub bhxh_current: usize,
    pub cards_bought: i64,
    pub bhxh_months_bought: i64,
    pub arrears: Dong,
    pub head: String,
    pub vouchers: Vec<(String, String)>,
}

impl Summary {
    fn sum(&self, f: impl Fn(Line) -> bool) -> Flow {
        let mut out = Flow::default();
        for (l, flow) in &self.lines {
            if f(*l) {
                out.add(*flow);
            }
        }
        out
    }

    /// Thu: every receipt line.
    pub fn receipts(&self) -> Flow {
        self.sum(Line::is_receipt)
    }

    /// Chi: every payment line, as a positive figure.
    pub fn payments(&self) -> Flow {
        let f = self.sum(|l| !l.is_receipt() && !l.is_transfer());
        Flow { count: f.count, cash: -f.cash, bank: -f.bank }
    }

    /// Transfers between cash and bank: (cash, bank) change.
    pub fn transfers(&self) -> Flow {
        self.sum(Line::is_transfer)
    }

    /// The period's movements added to their lines.
    fn add_moves(&mut self, moves: Vec<MoneyMove>) {
        for m in moves {
            let Some(line) = line_of(&m) else { continue };
            let flow = self.lines.entry(line).or_default();
            // A voucher counts once (a transfer moves both cash and bank); a reversal
            // within the period takes its original's place away.
            let sign = if m.reversal && !m.earlier { -1 } else { 1 };
            if m.account == Account::Cash || !line.is_transfer() {
                flow.count += sign * m.count;
            }
            match m.account {
                Account::Cash => flow.cash += m.amount,
                _ => flow.bank += m.amount,
            }
        }
    }

    /// The summary completed with the period's movements and voucher ranges.
    fn with_moves(mut self, (moves, vouchers): (Vec<MoneyMove>, Vec<VoucherRange>)) -> Summary {
        self.add_moves(moves);
        self.vouchers = vouchers;
        self
    }

    /// Whether đầu kỳ + thu − chi (± chuyển) = cuối kỳ, for cash and bank.
    pub fn checks(&self) -> (bool, bool) {
        let (r, p, t) = (self.receipts(), self.payments(), self.transfers());
        (
            self.cash_start + r.cash - p.cash + t.cash == self.identity.cash,
            self.bank_start + r.bank - p.bank + t.bank == self.identity.bank,
        )
    }
}

/// The summary line of a group of vouchers that moved money.
fn line_of(m: &MoneyMove) -> Option<Line> {
    let kind = Kind::from_code(&m.kind)?;
    if m.earlier {
        // A reversal of a voucher of an earlier period: its own line, by direction.
        return Some(match kind {
            Kind::Transfer if m.account == Account::Bank => {
                if m.amount.0 > 0 {
                    Line::ToBank
                } else {
                    Line::FromBank
                }
            }
            Kind::Transfer => {
                if m.amount.0 < 0 {
                    Line::ToBank
                } else {
                    Line::FromBank
                }
            }
            _ if m.amount.0 > 0 => Line::EarlierPaymentsCancelled,
            _ => Line::EarlierReceiptsCancelled,
        });
    }
    Some(match kind {
        Kind::Contribution => Line::Contributions,
        Kind::Receipt => Line::CommonIn,
        Kind::Opening => Line::Openings,
        Kind::PurchaseBhyt => Line::Bhyt,
        Kind::PurchaseBhxh => Line::Bhxh,
        Kind::Payment => Line::CommonOut,
        Kind::Withdrawal => Line::Withdrawals,
        Kind::Transfer => {
            // The direction of the original transfer: into the bank or out of it.
            let into_bank = (m.account == Account::Bank) == (m.amount.0 > 0);
            if into_bank != m.reversal { Line::ToBank } else { Line::FromBank }
        }
        // A count's difference and its settlement: the summary's own lines are the
        // papers' part of issue 23; until then they are not on a line of their own.
        Kind::Reversal | Kind::CountDifference | Kind::Settlement => return None,
    })
}

impl App {
    /// The summary figures of one pool over a period (balances as of its end).
    pub fn summary_of(&self, pool: &Pool, period: Period) -> Result<Summary> {
        let to = period.to.unwrap_or(self.clock.today);
        // The year's movements are the biggest read: on a second connection, on another
        // core, while this one reads balances, cover and arrears (same snapshot).
        self.store.with_second_reader(|second| match second {
            Some(other) => std::thread::scope(|scope| {
                let moves = scope.spawn(move || other.money_moves(pool.id, period.from, Some(to)));
                let summary = self.summary_but_moves(pool, period, to);
                let moves = moves.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                Ok(summary?.with_moves(moves))
            }),
            None => Ok(self.summary_but_moves(pool, period, to)?.with_moves(self.store.money_moves(
                pool.id,
                period.from,
                Some(to),
            )?)),
        })
    }

    /// Everything of the summary but the period's movements and voucher ranges.
    fn summary_but_moves(&self, pool: &Pool, period: Period, to: NaiveDate) -> Result<Summary> {
        let at = |account: &Account, day: Option<NaiveDate>| -> Result<Dong> {
            match day {
                Some(d) => self.store.account_balance_on(pool.id, account, d),
                None => Ok(Dong(0)),
            }
        };
        let before = period.from.map(|f| f - Duration::days(1));
        let (members, owed_to_pool) = self.store.member_totals(pool.id, to)?;
        let identity = Identity {
            cash: at(&Account::Cash, Some(to))?,
            bank: at(&Account::Bank, Some(to))?,
            common: -at(&Account::FundCommon, Some(to))?,
            opening: -at(&Account::FundOpening, Some(to))?,
            pending: -at(&Account::FundPending, Some(to))?,
            members,
            owed_to_pool,
        };
        let cover = self.cover_tally(pool.id, period.from, to)?;
        Ok(Summary {
            pool: pool.clone(),
            from: period.from,
            to,
            cash_start: at(&Account::Cash, before)?,
            bank_start: at(&Account::Bank, before)?,
            lines: BTreeMap::new(),
            identity,
            members: self.store.members_on(pool.id, to)?,
            covered: cover.counts.covered,
            expiring: cover.counts.expiring,
            waiting: cover.counts.waiting,
            lapsed: cover.counts.lapsed,
            bhxh_current: cover.bhxh_current,
            cards_bought: cover.cards_bought,
            bhxh_months_bought: cover.bhxh_months_bought,
            arrears: self.arrears_rows(pool, to)?.iter().map(|r| r.owed).sum(),
            head: self.store.head(pool.id)?.anchor(),
            vouchers: Vec::new(),
        })
    }
}
