//! The tallies: coverage, counts, arrears, sponsors.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // papers/arrears.rs
    arrears_and_advances = "DANH SÁCH NỢ ĐÓNG VÀ TẠM ỨNG", "ARREARS AND ADVANCES";
    n_1_behind_the_dues_schedule = "1. Chậm đóng góp theo mức đóng", "1. Behind the dues schedule";
    no_dues_set_yet_hunvon = "Chưa đặt mức đóng (hunvon dues set).", "No dues set yet (hunvon dues set).";
    n_2_owing_the_pool_advances = "2. Nợ quỹ (quỹ đã ứng trước)", "2. Owing the pool (advances)";
    district_arrears_and_advances = "TỔNG HỢP NỢ ĐÓNG VÀ TẠM ỨNG TOÀN HUYỆN", "DISTRICT ARREARS AND ADVANCES";
    code = "Mã", "Code";
    name = "Họ và tên", "Name";
    joined = "Vào tổ", "Joined";
    due = "Phải góp", "Due";
    paid = "Đã góp", "Paid";
    owed = "Còn thiếu", "Owed";
    months = "Số tháng", "Months";
    page_total = "Cộng trang", "Page total";
    total = "Cộng", "Total";
    people = "người", "people";
    owing_since = "Nợ từ ngày", "Owing since";
    still_owed = "Còn nợ", "Owed";
    behind_people = "Chậm đóng (người)", "Behind (people)";
    owing_people = "Nợ quỹ (người)", "Owing (people)";
    advances = "Còn nợ", "Advances";

    // papers/counts.rs
    matches_no_difference = "Khớp (không chênh lệch)", "Matches (no difference)";
    cash_count = "BẢNG KIỂM KÊ QUỸ", "CASH COUNT";
    no_count_in_the_period = "Không có lần kiểm kê nào trong kỳ.", "No count in the period.";
    for_vietnamese_ng = "(Dùng cho VND)", "(For Vietnamese đồng)";
    no = "Số:", "No.";
    we_the_undersigned = "Chúng tôi gồm:", "We, the undersigned:";
    counted_the_cash_with_this = "Cùng tiến hành kiểm kê quỹ tiền mặt, kết quả như sau:", "Counted the cash, with this result:";
    reason_for_the_difference = "Lý do thừa, thiếu", "Reason for the difference";
    conclusion = "Kết luận sau khi kiểm kê quỹ", "Conclusion";
    record = "Bản ghi", "Record";
    hash = "mã băm", "hash";
    chief_accountant = "Kế toán trưởng", "Chief accountant";
    treasurer = "Thủ quỹ", "Treasurer";
    responsible_for_the_count = "Người chịu trách nhiệm kiểm kê quỹ", "Responsible for the count";
    mr_ms = "Ông/Bà", "Mr/Ms";
    accountant = "Kế toán", "Accountant";
    row_no = "STT", "No.";
    item = "Diễn giải", "Item";
    pieces = "Số lượng (tờ)", "Pieces";
    amount = "Số tiền", "Amount";
    balance_by_the_cash_book = "Số dư theo sổ quỹ", "Balance by the cash book";
    counted = "Số kiểm kê thực tế", "Counted";
    notes_of = "Loại", "Notes of";
    difference_iii_i_ii = "Chênh lệch (III = I – II)", "Difference (III = I – II)";

    // papers/coverage.rs
    insurance_cover = "DANH SÁCH THAM GIA BẢO HIỂM Y TẾ, BẢO HIỂM XÃ HỘI", "INSURANCE COVER";
    district_insurance_cover = "TỔNG HỢP THAM GIA BẢO HIỂM TOÀN HUYỆN", "DISTRICT INSURANCE COVER";
    m_s_bhxh = "Mã số BHXH", "Mã số BHXH";
    bhyt = "BHYT", "BHYT";
    card_from = "Thẻ từ ngày", "Card from";
    to = "đến ngày", "to";
    bhxh = "BHXH", "BHXH";
    paid_to = "Đóng đến tháng", "Paid to";
    covered = "có thẻ", "covered";
    current = "đang đóng", "current";
    has_bhyt_card = "Có thẻ BHYT", "Covered";
    expiring = "Sắp hết hạn", "Expiring";
    waiting = "Chờ hiệu lực", "Waiting";
    lapsed = "Hết hạn", "Lapsed";
    bhxh_current = "Đang đóng BHXH", "BHXH current";
    covered_lower = "còn hạn", "covered";
    expiring_lower = "sắp hết hạn", "expiring";
    waiting_lower = "chờ hiệu lực", "waiting";
    lapsed_lower = "đã hết hạn", "lapsed";
    none = "chưa có", "none";
    behind = "chậm đóng", "behind";
    none_lower = "chưa đóng", "none";

    // papers/sponsors.rs
    n_1_1_members_and_the = "DANH SÁCH \"1+1\": THÀNH VIÊN VÀ NGƯỜI ĐƯỢC GIỚI THIỆU", "\"1+1\": MEMBERS AND THE PEOPLE THEY BROUGHT";
    brought_in = "Người được giới thiệu", "Brought in";
    card_to = "Thẻ đến ngày", "Card to";
    members_lower = "thành viên", "members";
    brought_in_lower = "người được giới thiệu", "brought in";
    sponsors = "Thành viên giới thiệu", "Sponsors";
    district_1_1 = "TỔNG HỢP \"1+1\" TOÀN HUYỆN", "DISTRICT \"1+1\"";

    // papers/coverage.rs
    cover_as_of(day: impl Display) = "Tình trạng đến ngày {day}", "Cover as of {day}";

    // papers/counts.rs
    over_by(amount: impl Display) = "Thừa {amount}", "Over by {amount}";
    short_by(amount: impl Display) = "Thiếu {amount}", "Short by {amount}";
    today_at(hour: impl Display, minute: impl Display, day: impl Display) = "Hôm nay, vào {hour} giờ {minute} phút {day}.", "Today, at {hour}:{minute} on {day}.";
    short_booked_as_pending(difference: impl Display, count: impl Display) = "{difference}; đã ghi vào tiền thiếu chờ xử lý để sổ quỹ khớp với số kiểm kê (hunvon settle --count {count}).", "{difference}; booked as pending so the cash book equals the count (hunvon settle --count {count}).";
    over_booked_as_pending(difference: impl Display, count: impl Display) = "{difference}; đã ghi vào tiền thừa chờ xử lý để sổ quỹ khớp với số kiểm kê (hunvon settle --count {count}).", "{difference}; booked as pending so the cash book equals the count (hunvon settle --count {count}).";
}
