//! Money in and out (money.rs): contributions, the common fund, openings, transfers and
//! reversals; the month's end, counts and closes (closing.rs); and a count's difference settled
//! (settle.rs).

pub mod closing;
mod money;
pub mod settle;

pub use money::*;
