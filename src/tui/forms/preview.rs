//! The live preview every money form shows: the voucher it will write, debit and credit
//! lines in words ("vào quỹ của …", "ra khỏi tiền mặt"), and warnings such as cash running short.

use crate::tui::words;
use hunvon_app::App;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Method;
use hunvon_core::messages::i18n::Lang;

/// The cash box or bank account in words.
pub fn money(method: Method, lang: Lang) -> String {
    match method {
        Method::Cash => words::cash_box(lang).into(),
        Method::Bank => words::bank_account(lang).into(),
    }
}

/// What the pool holds for a member, in words.
pub fn member(code: &str, name: &str, lang: Lang) -> String {
    hunvon_app::views::voucher::member_fund(code, name, lang)
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
    let mut out = vec![format!("{} {kind} {} {date}", words::will_write(lang), words::dated(lang))];
    // The cash box and the bank are the only accounts money goes into by a debit.
    let assets = [money(Method::Cash, lang), money(Method::Bank, lang)];
    for (account, amount) in postings {
        let words = hunvon_app::views::voucher::movement(account, assets.contains(account), *amount, lang);
        out.push(format!("  {words}"));
    }
    out
}

/// A warning when paying `amount` out of cash or bank on `date` leaves it below zero.
pub fn shortfall(app: &App, method: Method, date: &str, amount: Dong) -> Option<String> {
    let date = hunvon_core::domain::date::parse_date(date)?;
    let (_, held) = app.book_ends(method, date, date).ok()?;
    let lang = app.lang;
    (amount.0 > held.0).then(|| match lang {
        Lang::Vi => format!(
            "⚠ {} chỉ còn {held} vào ngày {}: chi {amount} sẽ làm quỹ âm {}.",
            money(method, lang),
            hunvon_core::domain::date::format_vn(date),
            amount - held
        ),
        Lang::En => format!(
            "⚠ {} holds only {held} on {}: paying {amount} takes it {} below zero.",
            money(method, lang),
            hunvon_core::domain::date::format_vn(date),
            amount - held
        ),
    })
}
