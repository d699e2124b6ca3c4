//! Words more than one area says: column heads, units and states.

use hunvon_core::messages::i18n::Lang;

words! {
    // form/lookup.rs
    left_the_group = "đã rời tổ", "left";
    people_lower = "người", "people";
    member_lower = "thành viên", "member";
    relative = "người thân", "relative";

    // forms.rs
    receipt_no = "Số biên lai", "Receipt no.";

    // forms/bhxh.rs
    months = "Số tháng", "Months";
    payer = "Người trả", "Payer";

    // forms/bhyt.rs
    place = "người thứ", "place";
    paid_by = "trả:", "paid by";

    // forms/close.rs
    books_never_closed = "Sổ chưa khóa lần nào.", "The books were never closed.";

    // forms/contribute.rs
    amount = "Số tiền", "Amount";
    note = "Ghi chú", "Note";

    // forms/fund.rs
    common_fund = "Quỹ chung", "Common fund";

    // forms/household.rs
    address = "Địa chỉ", "Address";

    // forms/person.rs
    household = "Hộ", "Household";
    bhxh_number = "Mã số BHXH", "Mã số BHXH";
    phone = "Điện thoại", "Phone";

    // forms/pool.rs
    monthly_dues = "Mức đóng hằng tháng", "Monthly dues";

    // forms/reverse.rs
    voucher = "Chứng từ", "Voucher";
    person = "Người", "Person";
    what = "Nội dung", "What";

    // popups/household.rs
    code = "Mã", "Code";
    name = "Họ tên", "Name";
    role = "Là", "Role";

    // popups/passbook.rs
    balance = "Số dư", "Balance";
    reversed_by = "đã hủy bởi", "reversed by";
    date = "Ngày", "Date";
    number_short = "Số", "No.";

    // popups/voucher.rs
    purpose = "Diễn giải", "Purpose";

    // the settings screen and the letterhead form
    bank = "Ngân hàng", "Bank";
    organisation = "Đơn vị", "Organisation";
    account_number = "Số tài khoản", "Account number";
    treasurer = "Thủ quỹ", "Treasurer";
    bookkeeper = "Kế toán", "Bookkeeper";
    group_leader = "Tổ trưởng", "Group leader";
}
