//! Every sentence a person reads, in Vietnamese and English: errors (one per refusal,
//! naming the field and value), warnings, the texts of the insurance rules, and the
//! language switch. The compiler refuses a missing translation: each message is an enum
//! matched once per language.

pub mod card_source;
pub mod error;
pub mod i18n;
pub mod identity_text;
pub mod rules_text;
pub mod sentences;
pub mod warning;
