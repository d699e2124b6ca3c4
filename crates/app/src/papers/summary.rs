//! `report summary` (Tổng hợp): the page a control board signs — cash and bank at the
//! period's start, the receipts and payments by kind with transfers and corrections on
//! their own lines inside them (the cash and bank books' totals), cash and bank at the
//! end and the printed check "đầu kỳ + thu − chi = cuối kỳ"; the balance identity; members, people covered and BHXH
//! participants at the end, cards and months bought in the period; the chain head.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::ledger::{Account, Kind};
use hunvon_core::messages::error::Result;
use hunvon_store::money_moves::{MoneyMove, VoucherRange};
use hunvon_store::month_flows::MonthFlow;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::reports::Period;

/// The period's movements, its voucher ranges and its months, as the store reads them.
type Moves = (Vec<MoneyMove>, Vec<VoucherRange>, Vec<MonthFlow>);

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

/// What a line of the period's movements is. Thu and Chi are the cash and bank books'
/// columns (SPEC §8): transfers and corrections stand on their own lines inside them, so
/// the summary's Thu and Chi are the books' "Cộng số phát sinh" of the same period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Line {
    /// Openings dated in the period: part of the start, as the books print them.
    Openings,
    Contributions,
    CommonIn,
    /// Cash drawn from the bank (Thu of cash), cash paid into the bank (Thu of bank).
    TransfersIn,
    /// A count that found more cash than the book.
    CountSurplus,
    /// A shortage paid in by someone.
    SettlementsIn,
    /// Corrections of receipts: negative figures in Thu.
    CorrectionsIn,
    Bhyt,
    Bhxh,
    CommonOut,
    /// Money paid back to members who leave or ask for it.
    Withdrawals,
    /// Cash paid into the bank (Chi of cash), cash drawn from it (Chi of bank).
    TransfersOut,
    /// A count that found less cash than the book.
    CountShortage,
    /// A surplus handed back.
    SettlementsOut,
    /// Corrections of payments: negative figures in Chi.
    CorrectionsOut,
    /// Phiếu kế toán that moved neither cash nor bank (a member's opening, a difference
    /// absorbed by the common fund): counted, no money.
    NoMoney,
}

impl Line {
    pub fn code(self) -> &'static str {
        match self {
            Line::Openings => "openings",
            Line::Contributions => "contributions",
            Line::CommonIn => "common_in",
            Line::TransfersIn => "transfers_in",
            Line::CountSurplus => "count_surplus",
            Line::SettlementsIn => "settlements_in",
            Line::CorrectionsIn => "corrections_in",
            Line::Bhyt => "bhyt_purchases",
            Line::Bhxh => "bhxh_purchases",
            Line::CommonOut => "common_out",
            Line::Withdrawals => "withdrawals",
            Line::TransfersOut => "transfers_out",
            Line::CountShortage => "count_shortage",
            Line::SettlementsOut => "settlements_out",
            Line::CorrectionsOut => "corrections_out",
            Line::NoMoney => "no_money",
        }
    }

    /// A line of Thu.
    pub fn is_receipt(self) -> bool {
        matches!(
            self,
            Line::Contributions
                | Line::CommonIn
                | Line::TransfersIn
                | Line::CountSurplus
                | Line::SettlementsIn
                | Line::CorrectionsIn
        )
    }

    /// A line of Chi.
    pub fn is_payment(self) -> bool {
        matches!(
            self,
            Line::Bhyt
                | Line::Bhxh
                | Line::CommonOut
                | Line::Withdrawals
                | Line::TransfersOut
                | Line::CountShortage
                | Line::SettlementsOut
                | Line::CorrectionsOut
        )
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
    /// People whose first BHXH month through the pool falls in the year of `to` (the
    /// plan's "BHXH mới" on the PDF's pictures).
    pub new_bhxh: i64,
    /// Receipts and payments of each month of the period that moved money (the PDF's
    /// bars), from the same walk as `lines`.
    pub months: Vec<MonthFlow>,
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

    /// Thu: every receipt line (the books' Thu / Gửi vào total).
    pub fn receipts(&self) -> Flow {
        self.sum(Line::is_receipt)
    }

    /// Chi: every payment line, as a positive figure (the books' Chi / Rút ra total).
    pub fn payments(&self) -> Flow {
        let f = self.sum(Line::is_payment);
        Flow { count: f.count, cash: -f.cash, bank: -f.bank }
    }

    /// How many vouchers the summary counts: every voucher of the period once (a
    /// transfer on its cash side), so it is the count of the numbers it lists.
    pub fn voucher_count(&self) -> i64 {
        self.lines.values().map(|f| f.count).sum()
    }

    /// The period's movements added to their lines. Openings dated in the period join
    /// the start, as the books' "Số tồn quỹ đầu kỳ" takes them.
    fn add_moves(&mut self, moves: Vec<MoneyMove>) {
        for m in moves {
            let Some(line) = line_of(&m) else { continue };
            let flow = self.lines.entry(line).or_default();
            // A transfer (or its correction) moves cash and bank: it counts once, on its
            // cash side.
            if !(m.account == Account::Bank && m.kind == Kind::Transfer.code()) {
                flow.count += m.count;
            }
            if !m.money {
                continue;
            }
            match m.account {
                Account::Cash => flow.cash += m.amount,
                _ => flow.bank += m.amount,
            }
            if line == Line::Openings {
                match m.account {
                    Account::Cash => self.cash_start += m.amount,
                    _ => self.bank_start += m.amount,
                }
            }
        }
    }

    /// The summary completed with the period's movements and voucher ranges.
    fn with_moves(mut self, (moves, vouchers, months): Moves) -> Summary {
        self.add_moves(moves);
        self.vouchers = vouchers;
        self.months = months;
        self
    }

    /// Whether đầu kỳ + thu − chi = cuối kỳ, for cash and bank.
    pub fn checks(&self) -> (bool, bool) {
        let (r, p) = (self.receipts(), self.payments());
        (
            self.cash_start + r.cash - p.cash == self.identity.cash,
            self.bank_start + r.bank - p.bank == self.identity.bank,
        )
    }
}

/// The summary line of a group of the period's vouchers: by kind and by the column the
/// books print it in (a correction in its original's column, SPEC §8).
fn line_of(m: &MoneyMove) -> Option<Line> {
    if !m.money {
        return Some(if m.kind == Kind::Opening.code() && !m.reversal { Line::Openings } else { Line::NoMoney });
    }
    let kind = Kind::from_code(&m.kind)?;
    let incoming = m.amount.0 > 0;
    if m.reversal {
        // The original moved the other way: a receipt corrected is a negative Thu.
        return Some(if incoming { Line::CorrectionsOut } else { Line::CorrectionsIn });
    }
    Some(match kind {
        Kind::Opening => Line::Openings,
        Kind::Contribution => Line::Contributions,
        Kind::Receipt => Line::CommonIn,
        Kind::PurchaseBhyt => Line::Bhyt,
        Kind::PurchaseBhxh => Line::Bhxh,
        Kind::Payment => Line::CommonOut,
        Kind::Withdrawal => Line::Withdrawals,
        Kind::Transfer if incoming => Line::TransfersIn,
        Kind::Transfer => Line::TransfersOut,
        Kind::CountDifference if incoming => Line::CountSurplus,
        Kind::CountDifference => Line::CountShortage,
        Kind::Settlement if incoming => Line::SettlementsIn,
        Kind::Settlement => Line::SettlementsOut,
        Kind::Reversal => return None,
    })
}

impl App {
    /// The summary figures of one pool over a period (balances as of its end).
    pub fn summary_of(&self, pool: &Pool, period: Period) -> Result<Summary> {
        let to = period.to.unwrap_or(self.clock.today);
        // The period's movements (kept by day since schema step 15) and the dues behind
        // on a second connection, on another core, while this one reads balances and
        // cover (same snapshot): at a province's scale the two halves take about as long.
        let side = |app: &App| -> Result<(Moves, Dong)> {
            let moves = app.store.money_moves_by_month(pool.id, period.from, Some(to))?;
            Ok((moves, app.arrears_rows(pool, to)?.iter().map(|r| r.owed).sum()))
        };
        let read = self.store.in_one_pass(|| Ok(self.beside(|app| app.summary_but_moves(pool, period, to), side)));
        let (summary, (moves, arrears)) = read??;
        Ok(Summary { arrears, ..summary.with_moves(moves) })
    }

    /// Everything of the summary but the period's movements, voucher ranges and dues behind.
    fn summary_but_moves(&self, pool: &Pool, period: Period, to: NaiveDate) -> Result<Summary> {
        let at = |account: &Account, day: Option<NaiveDate>| -> Result<Dong> {
            match day {
                Some(d) => Ok(self.store.account_balance_on(pool.id, account, d)?),
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
            arrears: Dong(0),
            head: self.store.head(pool.id)?.anchor(),
            vouchers: Vec::new(),
            new_bhxh: cover.new_bhxh,
            months: Vec::new(),
        })
    }
}
