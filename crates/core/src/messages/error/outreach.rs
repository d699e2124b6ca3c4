//! Refusals of outreach (SPEC §10): cards from elsewhere and targets.

use chrono::NaiveDate;

use crate::domain::date::format_vn;
use crate::messages::i18n::Lang;

/// The longest card from elsewhere: a child's card runs until she turns six.
pub const MAX_OUTSIDE_CARD_MONTHS: u32 = 72;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutreachError {
    /// `--to` on or before `--from`.
    CardBackwards { from: NaiveDate, to: NaiveDate },
    /// A card longer than 72 months.
    CardTooLong { from: NaiveDate, to: NaiveDate },
    /// `card --cancel REF`: REF is not a card from elsewhere of this pool.
    NotACard { reference: String },
    /// The card was cancelled before.
    AlreadyCancelled { reference: String, by: String },
    /// `target set --pool CODE` in a district book for a pool that is not a collected chapter.
    NotAChapter { pool: String },
}

impl OutreachError {
    pub(super) fn text(&self, lang: Lang) -> String {
        let d = |d: &NaiveDate| format_vn(*d);
        match (self, lang) {
            (OutreachError::CardBackwards { from, to }, Lang::Vi) => {
                format!("--to {} không sau --from {}: thẻ phải hết hạn sau ngày bắt đầu.", d(to), d(from))
            }
            (OutreachError::CardBackwards { from, to }, Lang::En) => {
                format!("--to {} is not after --from {}: a card ends after it starts.", d(to), d(from))
            }
            (OutreachError::CardTooLong { from, to }, Lang::Vi) => format!(
                "Thẻ từ {} (--from) đến {} (--to) dài hơn {MAX_OUTSIDE_CARD_MONTHS} tháng (thẻ trẻ em dưới 6 tuổi là dài nhất).",
                d(from),
                d(to)
            ),
            (OutreachError::CardTooLong { from, to }, Lang::En) => format!(
                "A card from {} (--from) to {} (--to) is longer than {MAX_OUTSIDE_CARD_MONTHS} months (a child's card until six is the longest).",
                d(from),
                d(to)
            ),
            (OutreachError::NotACard { reference }, Lang::Vi) => {
                format!(
                    "--cancel {reference}: không phải thẻ ngoài quỹ nào của quỹ này (ghi #vị_trí mà lệnh card in ra)."
                )
            }
            (OutreachError::NotACard { reference }, Lang::En) => format!(
                "--cancel {reference}: no card from elsewhere of this pool is there (give the #place the card command printed)."
            ),
            (OutreachError::AlreadyCancelled { reference, by }, Lang::Vi) => {
                format!("Thẻ ngoài quỹ {reference} đã được hủy bởi {by}.")
            }
            (OutreachError::AlreadyCancelled { reference, by }, Lang::En) => {
                format!("The card from elsewhere {reference} was already cancelled by {by}.")
            }
            (OutreachError::NotAChapter { pool }, Lang::Vi) => format!(
                "--pool {pool}: huyện chỉ đặt chỉ tiêu cho chi hội đã nhận sổ về; quỹ của chính sổ này đặt không cần --pool khác."
            ),
            (OutreachError::NotAChapter { pool }, Lang::En) => format!(
                "--pool {pool}: the district sets targets only for chapters it collected; a pool of this book's own sets its own."
            ),
        }
    }
}

impl From<OutreachError> for super::Error {
    fn from(e: OutreachError) -> Self {
        super::Error::Outreach(e)
    }
}
