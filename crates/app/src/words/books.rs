//! The books: cash book, journal, balances, hand-over.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // papers/balances.rs
    member_balances = "SỐ DƯ THÀNH VIÊN", "MEMBER BALANCES";
    opening = "Đầu kỳ", "Opening";
    paid_in = "Góp", "Paid in";
    paid_out = "Chi", "Paid out";
    closing = "Cuối kỳ", "Closing";
    note = "Ghi chú", "Note";
    owes = "nợ quỹ", "owes";
    of_which_owed_to_the = "Trong đó thành viên nợ quỹ (quỹ ứng trước):", "Of which owed to the pool (advances):";
    district_member_balances = "SỐ DƯ THÀNH VIÊN TOÀN HUYỆN", "DISTRICT MEMBER BALANCES";
    people_count = "Số người", "People";
    people_unit = " người", " people";

    // papers/cashbook.rs
    reverses = "Hủy", "Reverses";
    reversed_by = "Đã hủy bởi", "Reversed by";
    bank = "Ngân hàng", "Bank";
    cash_book = "SỔ QUỸ TIỀN MẶT", "CASH BOOK";
    fund_cash_vietnamese_ng = "Loại quỹ: Tiền mặt (đồng Việt Nam)", "Fund: cash (Vietnamese đồng)";
    bank_book = "SỔ TIỀN GỬI NGÂN HÀNG", "BANK BOOK";
    bank_branch = "Nơi mở tài khoản giao dịch", "Bank";
    account_number = "Số hiệu tài khoản tại nơi gửi", "Account number";
    carried_to_next_page = "Số chuyển sang trang sau", "Carried to next page";
    brought_forward = "Số trang trước chuyển sang", "Brought forward";
    opening_balance = "Số tồn quỹ đầu kỳ", "Opening balance";
    closing_balance = "Số tồn quỹ cuối kỳ", "Closing balance";
    opening_balance_column = "Số dư đầu kỳ", "Opening balance";
    closing_balance_column = "Số dư cuối kỳ", "Closing balance";
    period_totals = "Cộng số phát sinh trong kỳ", "Period totals";
    in_word = "Thu", "In";
    out = "Chi", "Out";
    pools = "quỹ", "pools";
    district_bank_books = "TỔNG HỢP SỔ TIỀN GỬI NGÂN HÀNG TOÀN HUYỆN", "DISTRICT BANK BOOKS";
    district_cash_books = "TỔNG HỢP SỔ QUỸ TIỀN MẶT TOÀN HUYỆN", "DISTRICT CASH BOOKS";

    // papers/cashbook_form.rs
    voucher_no = "Số hiệu chứng từ", "Voucher no.";
    in_deposited = "Thu (gửi vào)", "In (deposited)";
    out_withdrawn = "Chi (rút ra)", "Out (withdrawn)";
    voucher_group = "Chứng từ", "Voucher";
    entered = "Ngày ghi sổ", "Entered";
    dated = "Ngày chứng từ", "Dated";
    description = "Diễn giải", "Description";
    balance = "Tồn", "Balance";
    dated_day_month = "Ngày tháng", "Dated";
    number = "Số hiệu", "Number";
    contra_account = "Tài khoản đối ứng", "Contra account";
    balance_left = "Còn lại", "Balance";
    cash = "Tiền mặt", "Cash";
    bank_short = "Tiền gửi NH", "Bank";
    common_fund = "Quỹ chung", "Common fund";
    opening_funds = "Nguồn vốn mang sang", "Opening funds";
    pending = "Chờ xử lý", "Pending";

    // papers/cashbook_lines.rs
    negative = "Quỹ âm", "Negative";

    // papers/handover.rs
    handover_to_the_collection_agent = "DANH SÁCH GIAO ĐẠI LÝ THU BHYT HỘ GIA ĐÌNH, BHXH TỰ NGUYỆN", "HANDOVER TO THE COLLECTION AGENT";
    this_list_prints_cccd_and = "Danh sách ghi đầy đủ số CCCD và mã số BHXH vì đại lý thu cần để nộp cho cơ quan BHXH; giữ kín, không chia sẻ bản này.", "This list prints CCCD and mã số BHXH in full because the agent needs them for the social-insurance office; keep it private.";
    i_household_bhyt = "I. BHYT hộ gia đình", "I. Household BHYT";
    ii_voluntary_bhxh = "II. BHXH tự nguyện", "II. Voluntary BHXH";
    total_handed_over = "Tổng số tiền giao", "Total handed over";
    collaborator_handing_over = "Cộng tác viên thu (người giao)", "Collaborator (handing over)";
    collection_agent_receiving = "Đại lý thu (người nhận)", "Collection agent (receiving)";
    born = "Ngày sinh", "Born";
    household = "Hộ", "Household";
    period = "Thời hạn", "Period";
    voucher_receipt = "Phiếu chi / biên lai", "Voucher / receipt";

    // papers/journal.rs
    bank_deposits = "Tiền gửi ngân hàng", "Bank";
    opening_funds_source = "Nguồn vốn đầu kỳ", "Opening funds";
    count_difference_pending = "Chênh lệch kiểm kê chờ xử lý", "Count difference pending";
    member = "Thành viên", "Member";
    insurance_for = "bảo hiểm cho", "insurance for";
    journal = "NHẬT KÝ CHỨNG TỪ", "JOURNAL";
    reversed_by_lower = "đã hủy bởi", "reversed by";
    grand_total = "Tổng cộng", "Grand total";
    debit = "Nợ", "Debit";
    credit = "Có", "Credit";
    district_journal = "NHẬT KÝ CHỨNG TỪ TOÀN HUYỆN", "DISTRICT JOURNAL";
    date = "Ngày", "Date";
    voucher = "Số chứng từ", "Voucher";
    account = "Tài khoản", "Account";

    // papers/cashbook.rs
    book_opened_on(day: impl Display) = " — Ngày mở sổ: {day}", " — Book opened: {day}";
}
