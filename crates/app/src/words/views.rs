//! The read-only views: papers, vouchers, the book, passbooks, history, settings.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // views/book.rs
    buy_bhyt = "Mua BHYT", "BHYT";
    pay_bhxh = "Đóng BHXH", "BHXH";
    transfer_between_cash_and_bank = "Chuyển tiền giữa tiền mặt và ngân hàng", "Transfer between cash and bank";
    cash_drawn_to_the_cash_box = "Rút tiền ngân hàng về quỹ tiền mặt", "Cash drawn from the bank";

    // views/history.rs
    empty = "(trống)", "(empty)";
    added_to_the_book = "thêm vào sổ:", "added to the book:";
    recorded_again_nothing_changed = "ghi lại, không đổi gì", "recorded again, nothing changed";
    no_record_of_this_person = "Chưa có bản ghi nào của người này.", "No record of this person yet.";

    // views/no_card.rs
    no_payer = "chưa có người trả", "no payer";
    herself = "tự trả", "herself";
    proposed = "đề xuất", "proposed";

    // views/papers.rs
    summary = "Tổng hợp", "Summary";
    cash_book_title = "Sổ quỹ tiền mặt", "Cash book";
    bank_book_title = "Sổ tiền gửi ngân hàng", "Bank book";
    member_balances_title = "Số dư thành viên", "Member balances";
    insurance_cover_title = "Bảo hiểm", "Insurance cover";
    dues_in_arrears_title = "Nợ đóng", "Dues in arrears";
    journal_title = "Nhật ký", "Journal";
    n_1_1_sponsors = "1+1 (người bảo trợ)", "1+1 (sponsors)";
    cash_counts = "Bảng kiểm kê quỹ", "Cash counts";
    summary_file = "tong-hop", "summary";
    cash_book_file = "so-quy-tien-mat", "cash-book";
    bank_book_file = "so-tien-gui", "bank-book";
    balances = "so-du-thanh-vien", "balances";
    coverage = "bao-hiem", "coverage";
    arrears = "no-dong", "arrears";
    journal_file = "nhat-ky", "journal";
    sponsors_file = "bao-tro-1-1", "sponsors";
    cash_counts_file = "kiem-ke-quy", "cash-counts";
    html_opens_in_a_browser = "HTML (mở bằng trình duyệt)", "HTML (opens in a browser)";
    csv_opens_in_excel = "CSV (mở bằng Excel)", "CSV (opens in Excel)";
    plain_text = "Văn bản", "Plain text";
    slip = "phieu", "slip";

    // views/passbook.rs
    contribution_paid = "Góp tiền", "Contribution";
    balance_brought_in = "Số dư mang sang khi bắt đầu dùng sổ", "Balance brought in";
    bhyt_card_for = "Mua thẻ BHYT cho", "BHYT card for";
    bhxh_for = "Đóng BHXH cho", "BHXH for";
    paid_back_to_her = "Nhận lại tiền góp", "Paid back to her";
    other_entry = "Bút toán khác", "Other entry";

    // views/people_csv.rs
    behind_on_dues = "chậm đóng", "behind on dues";
    owes_the_pool = "nợ quỹ", "owes the pool";

    // views/settings.rs
    announced_no_decree_yet = "mới có thông báo, chưa có nghị định", "announced, no decree yet";
    days = "ngày", "days";

    // views/voucher.rs
    cash_box = "Tiền mặt", "Cash box";
    bank_account = "Tiền gửi ngân hàng", "Bank account";
    opening_balances_source = "Nguồn số dư đầu kỳ", "Opening balances";
    the_fund_held_for = "quỹ của", "the fund held for";
    into = "vào", "into";
    out_of = "ra khỏi", "out of";
    bhyt_card_purchase = "Mua thẻ BHYT", "BHYT purchase";
    bhxh_payment = "Đóng BHXH tự nguyện", "BHXH payment";
    cash_bank_transfer = "Chuyển tiền mặt ↔ ngân hàng", "Cash ↔ bank transfer";
    reversal = "Chứng từ hủy", "Reversal";

    // views/watch.rs
    never_had = "chưa từng có", "never had";

    // views/settings.rs
    times_the_base_salary(value: impl Display) = "{value} lần lương cơ sở", "{value} × the base salary";

    // views/watch.rs
    months_behind = "Số tháng chậm", "Months behind";
    amount_behind_dong = "Số tiền còn thiếu (đồng)", "Amount behind (đồng)";
    bhyt_card = "Thẻ BHYT", "BHYT card";
    last_card_to = "Thẻ cũ đến ngày", "Last card to";
    payer = "Người trả", "Payer";

    // views/book.rs: a purchase in the cash book's words
    bhyt_for_household_named(covered: impl Display, house: impl Display) = "Mua BHYT {covered} người — {house}", "BHYT for {covered} people — household {house}";
    bhyt_for_household(covered: impl Display, house: impl Display) = "Mua BHYT {covered} người — hộ {house}", "BHYT for {covered} people — household {house}";
    bhyt_months_for(months: impl Display, who: impl Display) = "Mua BHYT {months} tháng — {who}", "BHYT {months} months — {who}";
    bhxh_months_for(months: impl Display, who: impl Display) = "Đóng BHXH {months} tháng — {who}", "BHXH {months} months — {who}";

    // views/settings.rs
    other_parameter = "Tham số khác", "Other parameter";
    /// How the legal basis names an article ("NĐ 188/2025 điều 5").
    article = " điều ", " art. ";
}

/// A person's fields as her history shows them, in the order of the form, with their labels.
pub const PERSON_FIELDS: &[(&str, &str, &str)] = &[
    ("full_name", "Họ và tên", "Name"),
    ("date_of_birth", "Ngày sinh", "Date of birth"),
    ("gender", "Giới tính", "Gender"),
    ("cccd", "CCCD", "CCCD"),
    ("bhxh_code", "Mã số BHXH", "Mã số BHXH"),
    ("household", "Hộ", "Household"),
    ("category", "Đối tượng", "Category"),
    ("phone", "Điện thoại", "Phone"),
    ("joined", "Vào tổ ngày", "Joined"),
    ("sponsor", "Người bảo trợ", "Sponsor"),
    ("left_on", "Rời tổ ngày", "Left"),
];

/// Every key the papers' CSV use, with its words in each language (the TUI's CSV headers).
pub const CSV_HEADERS: &[(&str, &str, &str)] = &[
    ("pool", "Quỹ", "Pool"),
    ("code", "Mã", "Code"),
    ("full_name", "Họ và tên", "Name"),
    ("account", "Tài khoản", "Account"),
    ("amount", "Số tiền (đồng)", "Amount (đồng)"),
    ("balance", "Số dư (đồng)", "Balance (đồng)"),
    ("opening", "Đầu kỳ (đồng)", "Opening (đồng)"),
    ("paid_in", "Góp (đồng)", "Paid in (đồng)"),
    ("paid_out", "Chi (đồng)", "Paid out (đồng)"),
    ("in", "Thu (đồng)", "In (đồng)"),
    ("out", "Chi (đồng)", "Out (đồng)"),
    ("bhyt_from", "Thẻ BHYT từ ngày", "BHYT card from"),
    ("bhyt_to", "Thẻ BHYT đến ngày", "BHYT card to"),
    ("bhyt_status", "Thẻ BHYT", "BHYT card"),
    ("bhxh_paid_through", "BHXH đã đóng đến tháng", "BHXH paid through"),
    ("bhxh_months", "Số tháng BHXH", "BHXH months"),
    ("bhxh_status", "BHXH", "BHXH"),
    ("book_balance", "Số dư theo sổ (đồng)", "Book balance (đồng)"),
    ("counted", "Số kiểm kê (đồng)", "Counted (đồng)"),
    ("counted_by", "Người kiểm kê", "Counted by"),
    ("difference", "Chênh lệch (đồng)", "Difference (đồng)"),
    ("reason", "Lý do", "Reason"),
    ("date", "Ngày", "Date"),
    ("since", "Từ ngày", "Since"),
    ("months", "Số tháng", "Months"),
    ("kind", "Loại", "Kind"),
    ("voucher", "Số chứng từ", "Voucher"),
    ("reverses", "Hủy chứng từ", "Reverses"),
    ("purpose", "Diễn giải", "Purpose"),
    ("note", "Ghi chú", "Note"),
    ("sponsor_code", "Mã người bảo trợ", "Sponsor's code"),
    ("sponsor_name", "Người bảo trợ", "Sponsor"),
    ("item", "Khoản", "Item"),
    ("value", "Giá trị", "Value"),
    ("head", "Mã băm đầu chuỗi", "Chain head"),
    ("record", "Bản ghi", "Record"),
];

/// The rule parameters' names as the settings screen shows them, by the rate table's key.
pub const RATE_PARAMETERS: &[(&str, &str, &str)] = &[
    ("base_salary", "Lương cơ sở", "Base salary"),
    ("bhyt_rate", "Mức đóng BHYT (trên lương cơ sở)", "BHYT rate (of the base salary)"),
    ("bhyt_ladder", "BHYT theo thứ tự người trong hộ", "BHYT by place in the household"),
    ("bhyt_support_near_poor", "Nhà nước hỗ trợ BHYT hộ cận nghèo", "State BHYT support, near-poor"),
    ("bhyt_support_student", "Nhà nước hỗ trợ BHYT học sinh, sinh viên", "State BHYT support, students"),
    (
        "bhyt_support_agri_household",
        "Nhà nước hỗ trợ BHYT hộ nông, lâm, ngư nghiệp",
        "State BHYT support, farming households",
    ),
    ("bhyt_wait_days", "Thẻ BHYT mới có hiệu lực sau", "A new BHYT card starts after"),
    ("bhyt_gap_months", "Thẻ bị gián đoạn khi nghỉ từ", "A card is interrupted after a gap of"),
    ("expiring_days", "Báo thẻ sắp hết hạn trước", "Warn of a card ending within"),
    ("rural_poverty_line", "Chuẩn nghèo nông thôn (mỗi người mỗi tháng)", "Rural poverty line (a person a month)"),
    ("bhxh_rate", "Mức đóng BHXH tự nguyện (trên thu nhập)", "Voluntary BHXH rate (of the income)"),
    ("bhxh_income_max_multiple", "Thu nhập đóng BHXH tối đa", "Highest BHXH income"),
    ("bhxh_support_poor", "Nhà nước hỗ trợ BHXH hộ nghèo", "State BHXH support, poor"),
    ("bhxh_support_near_poor", "Nhà nước hỗ trợ BHXH hộ cận nghèo", "State BHXH support, near-poor"),
    ("bhxh_support_ethnic_minority", "Nhà nước hỗ trợ BHXH dân tộc thiểu số", "State BHXH support, ethnic minority"),
    ("bhxh_support_other", "Nhà nước hỗ trợ BHXH người khác", "State BHXH support, others"),
    ("bhxh_support_max_months", "Số tháng được hỗ trợ BHXH tối đa", "Most months of BHXH support"),
];
