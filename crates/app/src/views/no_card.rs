//! "Chưa có thẻ BHYT": the people of the pool with no BHYT card in force on the day (never
//! bought, or lapsed), with their phone and who would pay for a card by the rules — a
//! chase list of its own on the Bảo hiểm screen, beside the cards to renew.

use crate::words;
use std::collections::HashMap;

use chrono::NaiveDate;

use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::Category;
use hunvon_core::rules::bhyt::BhytStatus;
use hunvon_store::browse::SearchKeys;
use hunvon_store::people::Person;

use super::payers::{PayerBasis, payer_among};
use super::{CoverLine, Search};

/// One person without a card in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoCardLine {
    pub code: String,
    pub full_name: String,
    pub phone: String,
    /// Never had one ([`BhytStatus::None`]) or lapsed.
    pub status: BhytStatus,
    /// The end of her last card, when she had one.
    pub card_to: Option<NaiveDate>,
    /// The member who would pay, by the rules (or proposed from her household).
    pub payer: Option<String>,
    pub payer_name: String,
    pub basis: PayerBasis,
    pub keys: SearchKeys,
}

impl NoCardLine {
    pub fn matches(&self, s: &Search) -> bool {
        self.keys.matches(s)
    }
}

/// The list from everyone's cover as of `as_of`: people who never had a card first, then
/// the lapsed, each in the cover list's order. A card bought but not yet started
/// (waiting) is left out: nobody needs chasing for it. The poor are left out too: the
/// state pays their cards, which this book does not hold.
pub fn no_card_lines(persons: &[Person], cover: &[CoverLine], as_of: NaiveDate) -> Vec<NoCardLine> {
    let by_code: HashMap<&str, &Person> = persons.iter().map(|p| (p.code.as_str(), p)).collect();
    let mut households: HashMap<i64, Vec<&Person>> = HashMap::new();
    for p in persons {
        if let Some(h) = p.household_id {
            households.entry(h).or_default().push(p);
        }
    }
    let mut out: Vec<NoCardLine> = Vec::new();
    for status in [BhytStatus::None, BhytStatus::Lapsed] {
        for c in cover.iter().filter(|c| c.row.bhyt_status == status) {
            let Some(person) = by_code.get(c.row.code.as_str()) else { continue };
            if Category::from_code(&person.category) == Some(Category::Poor) {
                continue;
            }
            let sponsor = person.sponsor_code.as_deref().and_then(|s| by_code.get(s).copied());
            let housemates = person.household_id.and_then(|h| households.get(&h)).into_iter().flatten().copied();
            let (payer, basis) = payer_among(person, sponsor, housemates, as_of);
            let payer_name =
                payer.as_deref().and_then(|p| by_code.get(p)).map(|p| p.full_name.clone()).unwrap_or_default();
            out.push(NoCardLine {
                code: c.row.code.clone(),
                full_name: c.row.full_name.clone(),
                phone: c.keys.phone().to_string(),
                status,
                card_to: c.row.bhyt_to,
                payer,
                payer_name,
                basis,
                keys: c.keys.clone(),
            });
        }
    }
    out
}

/// Who would pay for her card, in words: "TV1 (tự trả)", her sponsor, a proposed member.
pub fn payer_words(d: &NoCardLine, lang: Lang) -> String {
    match (&d.payer, d.basis) {
        (None, _) => words::no_payer(lang).to_string(),
        (Some(p), PayerBasis::Own) => format!("{p} ({})", words::herself(lang)),
        (Some(p), PayerBasis::Proposed) => format!("{p} {} ({})", d.payer_name, words::proposed(lang)),
        (Some(p), _) => format!("{p} {}", d.payer_name),
    }
}
