//! The live preview every money form shows: the voucher it will write, debit and credit
//! lines in words, and warnings such as cash running short.

use crate::app::App;
use crate::domain::money::Dong;
use crate::ledger::Method;
use crate::messages::i18n::Lang;

/// The cash box or bank account in words.
pub fn money(method: Method, lang: Lang) -> String {
    match method {
        Method::Cash => lang.pick("Tiền mặt", "Cash box").into(),
        Method::Bank => lang.pick("Tiền gửi ngân hàng", "Bank account").into(),
    }
}

/// A member's account in words.
pub fn member(code: &str, name: &str, lang: Lang) -> String {
    format!("{} {code} {name}", lang.pick("Tài khoản của", "Account of"))
}

/// The voucher: its series, date, and one line per posting (debit positive).
pub fn voucher(lang: Lang, series: &str, date: &str, postings: &[(String, Dong)]) -> Vec<String> {
    let kind = match (series, lang) {
        ("PT", Lang::Vi) => "Phiếu thu (PT)",
        ("PC", Lang::Vi) => "Phiếu chi (PC)",
        ("BC", Lang::Vi) => "Giấy báo Có (BC)",
        ("BN", Lang::Vi) => "Giấy báo Nợ (BN)",
        (_, Lang::Vi) => "Phiếu kế toán (PK)",
        ("PT", Lang::En) => "Receipt (PT)",
        ("PC", Lang::En) => "Payment voucher (PC)",
        ("BC", Lang::En) => "Bank credit (BC)",
        ("BN", Lang::En) => "Bank debit (BN)",
        (_, Lang::En) => "Accounting voucher (PK)",
    };
    let mut out = vec![format!("{} {kind} {} {date}", lang.pick("Sẽ ghi:", "Will write:"), lang.pick("ngày", "dated"))];
    for (account, amount) in postings {
        let side = if amount.0 > 0 { lang.pick("Nợ", "Dr") } else { lang.pick("Có", "Cr") };
        let shown = if amount.0 < 0 { -*amount } else { *amount };
        out.push(format!("  {side} {account}: {shown}"));
    }
    out
}

/// A warning when paying `amount` out of cash or bank on `date` leaves it below zero.
pub fn shortfall(app: &App, method: Method, date: &str, amount: Dong) -> Option<String> {
    let date = crate::domain::date::parse_date(date)?;
    let (_, held) = app.book_ends(method, date, date).ok()?;
    let lang = app.lang;
    (amount.0 > held.0).then(|| match lang {
        Lang::Vi => format!(
            "⚠ {} chỉ còn {held} vào ngày {}: chi {amount} sẽ làm quỹ âm {}.",
            money(method, lang),
            crate::domain::date::format_vn(date),
            amount - held
        ),
        Lang::En => format!(
            "⚠ {} holds only {held} on {}: paying {amount} takes it {} below zero.",
            money(method, lang),
            crate::domain::date::format_vn(date),
            amount - held
        ),
    })
}
