//! The book forms' header as the circulars draw it: form S07-DN (sổ quỹ tiền mặt) with
//! "Số hiệu chứng từ" over Thu and Chi and "Số tiền" over Thu, Chi and Tồn; form S08-DN
//! (sổ tiền gửi ngân hàng) with "Chứng từ" over its date and number, the contra account
//! ("Tài khoản đối ứng") and "Số tiền" over Thu (gửi vào), Chi (rút ra) and Còn lại; both
//! with the row of column letters (A B C … 1 2 3). Where the rows go is cashbook_lines.rs.

use crate::words;
use hunvon_core::ledger::Account;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Column, HeadGroup, Table};

/// The empty book table with its header, the column of the labels (Diễn giải) and the
/// first money column (Thu / Gửi vào).
pub fn book_table(cash: bool, lang: Lang) -> (Table, usize, usize) {
    let money = |title: &str| Column::money(title, 11, true);
    let mut columns = vec![Column::left(words::entered(lang), 10), Column::left(words::dated(lang), 10)];
    let group = |first: usize, span: usize, title: &str| HeadGroup { first, span, title: title.into() };
    let (label_col, money_col, groups, marks);
    if cash {
        columns.push(Column::left(words::in_word(lang), 12));
        columns.push(Column::left(words::out(lang), 12));
        columns.push(Column::wrap(words::description(lang), 7));
        columns.push(money(words::in_word(lang)));
        columns.push(money(words::out(lang)));
        columns.push(Column::running(words::balance(lang), 12));
        (label_col, money_col) = (4, 5);
        groups = vec![group(2, 2, words::voucher_no(lang)), group(5, 3, words::amount(lang))];
        marks = ["A", "B", "C", "D", "E", "1", "2", "3", "F"];
    } else {
        columns[1] = Column::left(words::dated_day_month(lang), 10);
        columns.push(Column::left(words::number(lang), 12));
        columns.push(Column::wrap(words::description(lang), 7));
        columns.push(Column::wrap(words::contra_account(lang), 3));
        columns.push(money(words::in_deposited(lang)));
        columns.push(money(words::out_withdrawn(lang)));
        columns.push(Column::running(words::balance_left(lang), 12));
        (label_col, money_col) = (3, 5);
        groups = vec![group(1, 2, words::voucher_group(lang)), group(5, 3, words::amount(lang))];
        marks = ["A", "B", "C", "D", "E", "1", "2", "3", "F"];
    }
    columns.push(Column::wrap(words::note(lang), 2));
    let mut t = Table::new(columns);
    t.label_col = label_col;
    t.head_groups = groups;
    t.marks = marks.iter().map(|m| m.to_string()).collect();
    (t, label_col, money_col)
}

/// The bank book's contra account of a voucher: the accounts on its other side, in
/// words a treasurer reads (member codes as they are), at most two and "…" after.
pub fn contra(postings: &[(Account, hunvon_core::domain::money::Dong)], account: &Account, lang: Lang) -> String {
    let mut names: Vec<String> = Vec::new();
    for (a, _) in postings.iter().filter(|(a, _)| a != account) {
        let name = match a {
            Account::Cash => words::cash(lang).to_string(),
            Account::Bank => words::bank_short(lang).to_string(),
            Account::FundCommon => words::common_fund(lang).to_string(),
            Account::FundOpening => words::opening_funds(lang).to_string(),
            Account::FundPending => words::pending(lang).to_string(),
            Account::Member(code) => code.clone(),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.len() > 2 {
        names.truncate(2);
        names.push("…".into());
    }
    names.join(", ")
}
