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
    let kind = match series {
        "PT" => words::receipt_pt(lang),
        "PC" => words::payment_voucher_pc(lang),
        "BC" => words::bank_credit_bc(lang),
        "BN" => words::bank_debit_bn(lang),
        _ => words::accounting_voucher_pk(lang),
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
    (amount.0 > held.0).then(|| {
        let day = hunvon_core::domain::date::format_vn(date);
        words::pays_below_zero(lang, money(method, lang), held, day, amount, amount - held)
    })
}
