//! `day_moves` (schema step 15) re-derived from the vouchers met on the walk: per day,
//! kind, series and year, the cash and bank postings in and out — how many, their sum,
//! the first and last number — of every voucher that is neither a reversal nor a phiếu
//! kế toán, as the trigger keeps them. A few thousand groups for a province's pool, so a
//! map (one lookup per cash or bank posting), compared with the stored rows after the walk.
//! Its key is two integers hashed by FxHash (docs/design.md §12): SipHash over a tuple of
//! six fields was a tenth of the checking thread.

use hunvon_core::ledger::Account;
use hunvon_core::ledger::canonical::CanonicalTransaction;
use hunvon_store::verify::KeptDayMove;

use crate::verify::derived::FxMap;

/// (day as `Derived` numbers it, kind, series, bank, incoming — packed by [`pack`] —,
/// year); kind and series are indexes into the names met.
type Key = (u64, i64);

/// The day in the low 32 bits, then kind, series, bank and incoming.
fn pack(day: u32, kind: u8, series: u8, bank: bool, incoming: bool) -> u64 {
    u64::from(day) | u64::from(kind) << 32 | u64::from(series) << 40 | u64::from(bank) << 48 | u64::from(incoming) << 49
}

/// (postings, amount, first number, last number).
type Moved = (i64, i64, i64, i64);

pub struct DayMoves {
    groups: FxMap<Key, Moved>,
    names: Vec<String>,
    /// The names of the cash and bank accounts, made once (a posting compares with them).
    cash: String,
    bank: String,
}

impl Default for DayMoves {
    fn default() -> Self {
        DayMoves { groups: FxMap::default(), names: Vec::new(), cash: Account::Cash.name(), bank: Account::Bank.name() }
    }
}

impl DayMoves {
    fn name(&mut self, name: &str) -> u8 {
        let at = self.names.iter().position(|n| n == name).unwrap_or_else(|| {
            self.names.push(name.to_string());
            self.names.len() - 1
        });
        u8::try_from(at).unwrap_or(u8::MAX)
    }

    fn known(&self, name: &str) -> Option<u8> {
        self.names.iter().position(|n| n == name).and_then(|at| u8::try_from(at).ok())
    }

    /// One voucher dated `day`: its cash and bank postings, unless the trigger leaves it out.
    pub fn add(&mut self, day: u32, t: &CanonicalTransaction) {
        if t.series == "PK" || t.kind == "reversal" {
            return;
        }
        let (kind, series) = (self.name(&t.kind), self.name(&t.series));
        for p in t.postings.iter().filter(|p| p.account == self.cash || p.account == self.bank) {
            let key = (pack(day, kind, series, p.account == self.bank, p.amount > 0), t.year);
            let g = self.groups.entry(key).or_insert((0, 0, t.seq, t.seq));
            g.0 += 1;
            g.1 = g.1.saturating_add(p.amount);
            g.2 = g.2.min(t.seq);
            g.3 = g.3.max(t.seq);
        }
    }

    /// The stored rows against the derived groups: the (date, kind) of each row that
    /// differs or is missing, sorted; `day` numbers a stored date as the walk did (None:
    /// a date the walk never met).
    pub fn compare(&mut self, stored: &[KeptDayMove], day: impl Fn(&str) -> Option<u32>) -> Vec<(u32, String)> {
        let mut differ = Vec::new();
        for row in stored {
            let key = day(&row.date).zip(self.known(&row.kind)).zip(self.known(&row.series));
            let found =
                key.and_then(|((d, k), s)| self.groups.remove(&(pack(d, k, s, row.bank, row.incoming), row.year)));
            if found != Some((row.postings, row.amount, row.first_seq, row.last_seq)) {
                differ.push((day(&row.date).unwrap_or(0), row.kind.clone()));
            }
        }
        for ((key, _), _) in self.groups.drain() {
            // The day and the kind back out of the packed key.
            let (d, kind) = ((key & u64::from(u32::MAX)) as u32, usize::from((key >> 32) as u8));
            differ.push((d, self.names.get(kind).cloned().unwrap_or_default()));
        }
        differ.sort();
        differ.dedup();
        differ
    }
}
