//! The summary paper, the outreach paper and the targets.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // papers/outreach.rs
    no_bhyt = "chưa có BHYT", "no BHYT";
    bhyt_lapsed = "BHYT hết hạn", "BHYT lapsed";
    bhyt_ending = "BHYT sắp hết", "BHYT ending";
    no_bhxh = "chưa đóng BHXH", "no BHXH";
    never_had_bhyt = "chưa có thẻ BHYT", "never had BHYT";
    bhyt_card_lapsed = "thẻ BHYT đã hết hạn", "BHYT lapsed";
    bhyt_ending_soon = "thẻ BHYT sắp hết hạn", "BHYT ending soon";
    working_age_no_bhxh = "trong tuổi lao động, chưa đóng BHXH", "working age, no BHXH";
    who_is_still_to_visit = "DANH SÁCH NGƯỜI CẦN VẬN ĐỘNG THAM GIA BHYT, BHXH", "WHO IS STILL TO VISIT";
    phone = "Điện thoại", "Phone";
    reason = "Lý do", "Reason";
    sponsor = "Người vận động", "Sponsor";
    n_12_months = "Số tiền 12 tháng", "12 months";
    state_pays = "Nhà nước cấp", "state pays";

    // papers/summary_paper.rs
    count_difference_pending_short_negative = "Chênh lệch kiểm kê chờ xử lý (thiếu âm, thừa dương)", "Count difference pending (short negative)";
    balances_brought_in_when_the = "Số dư mang sang khi bắt đầu dùng sổ", "Balances brought in when the book began";
    members_contributions = "Thu tiền góp của thành viên", "Members' contributions";
    into_the_common_fund = "Thu vào quỹ chung", "Into the common fund";
    between_cash_and_bank_money = "Chuyển giữa tiền mặt và ngân hàng (tiền vào)", "Between cash and bank (money in)";
    surplus_found_by_a_cash = "Tiền thừa khi kiểm kê quỹ", "Surplus found by a cash count";
    count_shortage_paid_in = "Nộp bù tiền thiếu kiểm kê", "Count shortage paid in";
    receipts_corrected_negative = "Điều chỉnh giảm thu (ghi số âm)", "Receipts corrected (negative)";
    bhyt_cards_bought = "Chi mua thẻ BHYT", "BHYT cards bought";
    bhxh_contributions_paid = "Chi đóng BHXH tự nguyện", "BHXH contributions paid";
    out_of_the_common_fund = "Chi từ quỹ chung", "Out of the common fund";
    paid_back_to_members = "Trả lại tiền góp cho thành viên", "Paid back to members";
    between_cash_and_bank_out = "Chuyển giữa tiền mặt và ngân hàng (tiền ra)", "Between cash and bank (money out)";
    shortage_found_by_a_cash = "Tiền thiếu khi kiểm kê quỹ", "Shortage found by a cash count";
    count_surplus_handed_back = "Trả lại tiền thừa kiểm kê", "Count surplus handed back";
    payments_corrected_negative = "Điều chỉnh giảm chi (ghi số âm)", "Payments corrected (negative)";
    entries_that_moved_no_money = "Phiếu kế toán không thu, chi tiền", "Entries that moved no money";
    pool_summary = "BÁO CÁO TỔNG HỢP QUỸ", "POOL SUMMARY";
    district_summary = "BÁO CÁO TỔNG HỢP TOÀN HUYỆN", "DISTRICT SUMMARY";

    // papers/summary_sections.rs
    n_1_cash_and_bank = "1. Tiền mặt và tiền gửi ngân hàng", "1. Cash and bank";
    item_content = "Nội dung", "Item";
    vouchers = "Số phiếu", "Vouchers";
    at_the_start_book_opened = "Số dư đầu kỳ (khi mở sổ)", "At the start (book opened)";
    at_the_start_end_of(day: impl Display) = "Số dư đầu kỳ (cuối ngày {day})", "At the start (end of {day})";
    of_which = "– trong đó", "– of which";
    i_receipts = "I. Thu trong kỳ", "I. Receipts";
    ii_payments = "II. Chi trong kỳ", "II. Payments";
    off = "lệch", "off";
    check = "Kiểm tra:", "Check:";
    n_2_balance_at_the_end = "2. Cân đối cuối kỳ", "2. Balance at the end";
    cash_bank = "Tiền mặt + tiền gửi ngân hàng", "Cash + bank";
    held_for_members_balances = "Quỹ giữ cho thành viên (Σ số dư)", "Held for members (Σ balances)";
    of_which_members_owe = "Trong đó thành viên nợ quỹ", "Of which owed to the pool";
    funds_brought_in_when_the = "Nguồn vốn khi bắt đầu dùng sổ (số dư mang sang)", "Funds brought in when the book began";
    off_by = "lệch", "off by";
    count_difference_pending_lower = "chênh lệch kiểm kê chờ xử lý", "count difference pending";
    members_count = "Số thành viên", "Members";
    people_with_a_valid_bhyt = "Người có thẻ BHYT còn hạn", "People with a valid BHYT card";
    of_which_expiring_30_days = "Trong đó sắp hết hạn (≤ 30 ngày)", "Of which expiring (≤ 30 days)";
    waiting_for_the_card = "Chờ thẻ có hiệu lực", "Waiting for the card";
    card_lapsed = "Thẻ đã hết hạn", "Lapsed";
    bhxh_participants = "Người đang đóng BHXH tự nguyện", "BHXH participants";
    bhyt_cards_bought_in_the = "Thẻ BHYT mua trong kỳ", "BHYT cards bought in the period";
    bhxh_months_paid_in_the = "Số tháng BHXH đóng trong kỳ", "BHXH months paid in the period";
    dues_in_arrears = "Tiền góp còn thiếu theo mức đóng", "Dues in arrears";
    n_4_vouchers_and_seal = "4. Chứng từ và niêm phong", "4. Vouchers and seal";
    vouchers_head = "Chứng từ", "Vouchers";
    chain_head_the_book_s = "Mã băm đầu chuỗi (niêm phong sổ)", "Chain head (the book's seal)";

    // papers/target_bars.rs
    the_year_against_plan_heading = "Thực hiện kế hoạch năm", "The year against its plan";
    new_bhxh = "BHXH mới", "New BHXH";
    in_lower = "thu", "in";
    out_lower = "chi", "out";
    receipts_and_payments_by_month = "Thu, chi theo tháng", "Receipts and payments by month";

    // papers/targets.rs
    bhyt_and_bhxh_against_the = "KẾT QUẢ THỰC HIỆN CHỈ TIÊU BHYT, BHXH", "BHYT AND BHXH AGAINST THE YEAR'S PLAN";
    measure = "Chỉ tiêu", "Measure";
    target = "Kế hoạch", "Target";
    reached = "Thực hiện", "Reached";
    share = "Tỷ lệ", "Share";
    members_with_bhyt = "Thành viên có thẻ BHYT", "Members with BHYT";
    people_with_bhyt = "Người có thẻ BHYT", "People with BHYT";
    bhxh_participants_people = "Người tham gia BHXH", "BHXH participants";
    new_bhxh_this_year = "Tham gia BHXH mới trong năm", "New BHXH this year";
    n_1_1_members = "Thành viên \"1+1\"", "\"1+1\" members";

    // papers/outreach.rs
    state_as_of(day: impl Display) = "Tình trạng đến ngày {day}", "As of {day}";

    // papers/summary_sections.rs
    at_the_end_of(day: impl Display) = "Số dư cuối kỳ (cuối ngày {day})", "At the end (end of {day})";

    // papers/summary_sections.rs
    start_in_out_end(name: impl Display, start: impl Display, r: impl Display, p: impl Display, end: impl Display, mark: impl Display) = "{name}: đầu kỳ {start} + thu {r} − chi {p} = cuối kỳ {end} {mark}", "{name}: start {start} + in {r} − out {p} = end {end} {mark}";

    // papers/summary_sections.rs
    identity_line(assets: impl Display, members: impl Display, common: impl Display, opening: impl Display, pending: impl Display, holds: impl Display) = "Cân đối: tiền mặt và tiền gửi {assets} = giữ cho thành viên {members} + quỹ chung {common} + nguồn vốn mang sang {opening}{pending} {holds}", "Identity: cash and bank {assets} = held for members {members} + common fund {common} + funds brought in {opening}{pending} {holds}";

    // papers/summary_sections.rs
    members_and_insurance_as_of(day: impl Display) = "3. Thành viên và bảo hiểm (đến ngày {day})", "3. Members and insurance (as of {day})";

    // papers/targets.rs
    year_as_of(year: impl Display, day: impl Display) = "Năm {year} — tính đến ngày {day}", "Year {year} — as of {day}";
}
