//! The screens' titles, column heads and figures' labels.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // screens.rs
    overview = "Tổng quan", "Overview";
    members = "Thành viên", "Members";
    cash_book = "Sổ quỹ", "Cash book";
    insurance = "Bảo hiểm", "Insurance";
    reports = "Báo cáo", "Reports";
    settings = "Cài đặt", "Settings";

    // screens/book.rs
    cash_book_title = "Sổ quỹ tiền mặt", "Cash book";
    bank_book = "Sổ tiền gửi ngân hàng", "Bank book";
    opening_lower = "đầu kỳ", "opening";
    closing = "cuối kỳ", "closing";
    month_total = "Cộng tháng", "Month total";
    in_out_signed = "Thu(+)/Chi(−)", "In/Out";
    balance_on_hand = "Tồn", "Balance";
    money_in = "Thu", "In";
    money_out = "Chi", "Out";

    // screens/insurance.rs
    everyones_cover = "Thẻ BHYT và BHXH của mọi người", "Everyone's cover";
    cards_ending_within_30_days = "Thẻ sắp hết hạn (≤ 30 ngày) và đã hết hạn", "Cards ending within 30 days or lapsed";
    members_behind_on_dues = "Thành viên chậm đóng góp", "Members behind on dues";
    no_bhyt_card = "Chưa có thẻ BHYT", "No BHYT card";
    outreach_title = "Người cần vận động (chưa có BHYT, BHXH)", "Who is still to visit";
    as_of = "đến", "as of";
    computing = "đang tính…", "computing…";
    nothing_found = "Không tìm thấy", "Nothing found";
    months_lower = "tháng", "months";
    behind = "Còn thiếu", "Behind";
    card_to = "Thẻ đến", "Card to";
    never_had = "chưa từng có", "never had";

    // screens/outreach_list.rs
    state = "Nhà nước", "state";
    reason = "Lý do", "Reason";
    outreach_sponsor = "Vận động", "Sponsor";
    twelve_months = "12 tháng", "12 months";

    // screens/overview.rs
    cash = "Tiền mặt", "Cash";
    held_for_members = "Giữ cho thành viên", "Held for members";
    opening_funds = "Nguồn đầu kỳ", "Opening";
    owed_to_the_pool = "Thành viên nợ quỹ", "Owed to the pool";
    latest_cash_vouchers = "Chứng từ tiền mặt gần nhất:", "Latest cash vouchers:";
    balanced = "Cân đối", "Balanced";
    off_by = "lệch", "off by";
    covered = "còn hạn", "covered";
    expiring = "sắp hết hạn", "expiring";
    waiting = "chờ", "waiting";
    lapsed = "hết hạn", "lapsed";
    dues_behind = "Chậm đóng góp", "Dues behind";
    pool = "Quỹ", "Pool";
    name_short = "Tên", "Name";
    members_short = "TV", "Mem.";
    held = "Giữ cho TV", "Held";
    total = "Cộng", "Total";
    pools_open_one_hint = "quỹ (chọn một bằng --pool MÃ)", "pools (open one with --pool CODE)";

    // screens/people.rs
    households = "các hộ", "households";
    household_code_short = "Mã hộ", "Code";
    household_name_short = "Tên hộ", "Name";
    people = "Người", "People";
    household_short = "Hộ", "Hh";

    // screens/plan_pictures.rs
    plan = "Kế hoạch", "Plan";
    plan_short = "KH", "Plan";
    years_plan = "Kế hoạch năm", "The year's plan";
    no_target_yet = "Chưa đặt chỉ tiêu (hunvon target set)", "No target yet (hunvon target set)";
    in_out_chart_title = "Thu (xanh), chi (đỏ) 12 tháng", "In (green), out (red), 12 months";

    // screens/reports.rs
    period_keys = "Kỳ ([ ] đổi tháng, k chọn kỳ)", "Period ([ ] month, k choose)";
    format_key = "Định dạng (f)", "Format (f)";
    write_into = "Ghi vào", "Written to";

    // screens/settings.rs
    book_file = "Tệp sổ", "Book file";
    from_lower = "từ", "from";
    rule_parameters_title = "Tham số quy định (theo ngày hiệu lực):", "Rule parameters (by effective date):";
    last_cash_count = "Kiểm kê quỹ gần nhất", "Last cash count";
    cash_never_counted = "Chưa kiểm kê quỹ lần nào.", "The cash was never counted.";
    books_closed_to = "Đã khóa sổ đến", "Books closed to";

    // view.rs
    terminal_too_small =
        "Cửa sổ quá nhỏ (cần ít nhất 40×12). Hãy phóng to cửa sổ, hoặc nhấn q để thoát.",
        "Terminal too small (40×12 at least). Enlarge it, or press q to quit.";
    collected_chapter_read_only = "Sổ của tổ, nhận về — chỉ xem", "Collected chapter — read-only";
    read_only_mode = "Chế độ chỉ xem", "Read-only mode";


    // screens/plan_pictures.rs, formatted
    no_target_for_year(year: impl Display) =
        "Chưa đặt chỉ tiêu năm {year} (hunvon target set)",
        "No target for {year} yet (hunvon target set)";
}
