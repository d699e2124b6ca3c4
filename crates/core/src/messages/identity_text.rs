//! The identity line (cash + bank = members + common fund + opening, and what is pending)
//! as a person reads it, in both languages.

use crate::ledger::identity::Identity;
use crate::messages::i18n::Lang;

/// `tiền mặt 4.000.000 đ + ngân hàng 3.000.000 đ = thành viên … + quỹ chung … + đầu kỳ … ✓`;
/// the pending difference only when not zero, so a book without counts reads as before.
pub fn identity_line(id: &Identity, lang: Lang) -> String {
    let mark = if id.holds() {
        "✓".to_string()
    } else {
        format!("✗ {} {}", lang.pick("lệch", "off by"), id.difference())
    };
    let pending = if id.pending.is_zero() {
        String::new()
    } else {
        format!(" + {} {}", lang.pick("chờ xử lý", "pending"), id.pending)
    };
    format!(
        "{} {} + {} {} = {} {} + {} {} + {} {}{pending} {mark}",
        lang.pick("tiền mặt", "cash"),
        id.cash,
        lang.pick("ngân hàng", "bank"),
        id.bank,
        lang.pick("thành viên", "members"),
        id.members,
        lang.pick("quỹ chung", "common fund"),
        id.common,
        lang.pick("đầu kỳ", "opening"),
        id.opening
    )
}
