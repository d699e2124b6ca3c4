//! A card's source (a card the pool bought, or one from the state, an employer, a school) as a person reads it.

use crate::messages::i18n::Lang;

/// Where a card came from, as the reports say it; `None` is a card the pool bought.
pub fn source_label(source: Option<&str>, lang: Lang) -> &'static str {
    match source {
        None => lang.pick("tổ mua", "bought by the pool"),
        Some("state") => lang.pick("do Nhà nước cấp", "paid by the state"),
        Some("employer") => lang.pick("qua nơi làm việc", "through the employer"),
        Some("school") => lang.pick("qua trường", "through school"),
        Some(_) => lang.pick("nguồn khác", "other source"),
    }
}

/// The source in at most twelve letters, for a list on screen in place of "còn hạn".
pub fn source_short(source: &str, lang: Lang) -> &'static str {
    match source {
        "state" => lang.pick("Nhà nước cấp", "state-paid"),
        "employer" => lang.pick("nơi làm việc", "employer"),
        "school" => lang.pick("qua trường", "school"),
        _ => lang.pick("nguồn khác", "other source"),
    }
}
