//! Buying insurance: the purchase and its quote (purchase.rs), pricing by the rules (price.rs),
//! the rules' words (text.rs), cards from elsewhere (outside_cards.rs), and the category a
//! person's papers suggest (category_hint.rs).

pub mod category_hint;
pub mod outside_cards;
pub(crate) mod price;
mod purchase;
pub mod text;

pub use purchase::*;
