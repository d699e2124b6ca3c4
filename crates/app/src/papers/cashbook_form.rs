//! The book forms' header as the circulars draw it: form S07-DN (sổ quỹ tiền mặt) with
//! "Số hiệu chứng từ" over Thu and Chi and "Số tiền" over Thu, Chi and Tồn; form S08-DN
//! (sổ tiền gửi ngân hàng) with "Chứng từ" over its date and number, the contra account
//! ("Tài khoản đối ứng") and "Số tiền" over Thu (gửi vào), Chi (rút ra) and Còn lại; both
//! with the row of column letters (A B C … 1 2 3). Where the rows go is cashbook_lines.rs.

use hunvon_core::ledger::Account;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Column, HeadGroup, Table};

/// The empty book table with its header, the column of the labels (Diễn giải) and the
/// first money column (Thu / Gửi vào).
pub fn book_table(cash: bool, lang: Lang) -> (Table, usize, usize) {
    let money = |vi: &str, en: &str| Column::money(lang.pick(vi, en), 11, true);
    let mut columns = vec![
        Column::left(lang.pick("Ngày ghi sổ", "Entered"), 10),
        Column::left(lang.pick("Ngày chứng từ", "Dated"), 10),
    ];
    let group =
        |first: usize, span: usize, vi: &str, en: &str| HeadGroup { first, span, title: lang.pick(vi, en).into() };
    let (label_col, money_col, groups, marks);
    if cash {
        columns.push(Column::left(lang.pick("Thu", "In"), 12));
        columns.push(Column::left(lang.pick("Chi", "Out"), 12));
        columns.push(Column::wrap(lang.pick("Diễn giải", "Description"), 7));
        columns.push(money("Thu", "In"));
        columns.push(money("Chi", "Out"));
        columns.push(Column::running(lang.pick("Tồn", "Balance"), 12));
        (label_col, money_col) = (4, 5);
        groups = vec![group(2, 2, "Số hiệu chứng từ", "Voucher no."), group(5, 3, "Số tiền", "Amount")];
        marks = ["A", "B", "C", "D", "E", "1", "2", "3", "F"];
    } else {
        columns[1] = Column::left(lang.pick("Ngày tháng", "Dated"), 10);
        columns.push(Column::left(lang.pick("Số hiệu", "Number"), 12));
        columns.push(Column::wrap(lang.pick("Diễn giải", "Description"), 7));
        columns.push(Column::wrap(lang.pick("Tài khoản đối ứng", "Contra account"), 3));
        columns.push(money("Thu (gửi vào)", "In (deposited)"));
        columns.push(money("Chi (rút ra)", "Out (withdrawn)"));
        columns.push(Column::running(lang.pick("Còn lại", "Balance"), 12));
        (label_col, money_col) = (3, 5);
        groups = vec![group(1, 2, "Chứng từ", "Voucher"), group(5, 3, "Số tiền", "Amount")];
        marks = ["A", "B", "C", "D", "E", "1", "2", "3", "F"];
    }
    columns.push(Column::wrap(lang.pick("Ghi chú", "Note"), 2));
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
            Account::Cash => lang.pick("Tiền mặt", "Cash").to_string(),
            Account::Bank => lang.pick("Tiền gửi NH", "Bank").to_string(),
            Account::FundCommon => lang.pick("Quỹ chung", "Common fund").to_string(),
            Account::FundOpening => lang.pick("Nguồn vốn mang sang", "Opening funds").to_string(),
            Account::FundPending => lang.pick("Chờ xử lý", "Pending").to_string(),
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
