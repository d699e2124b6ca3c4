//! The district: its view, report, collection plan and hand-in.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // district/report.rs
    district_report_every_chapter = "BÁO CÁO TỔNG HỢP CÁC CHI HỘI", "DISTRICT REPORT: EVERY CHAPTER";
    up_to = "Đến hết ngày", "Up to";
    on_every_row_cash_bank = "Số TV: số thành viên; trên mỗi dòng tiền mặt + ngân hàng = giữ cho TV + quỹ chung + vốn mang sang (+ chờ xử lý: chênh lệch kiểm kê chưa giải quyết); BHYT: người có thẻ còn hạn vào ngày báo cáo; BHXH: người đã đóng tới tháng của ngày báo cáo; 1+1: người do thành viên bảo trợ.", "On every row cash + bank = held + common + opening (+ a count's pending difference); BHYT: people with a card valid on the report's day; BHXH: people paid up to that day's month; 1+1: people brought in by a member.";
    each_book_s_head_for = "Đầu chuỗi của từng sổ (dùng với verify --anchor)", "Each book's head (for verify --anchor)";
    earlier_copies_of_rewritten_books = "Bản đã nhận trước của các sổ bị viết lại (không cộng)", "Earlier copies of rewritten books (not in the totals)";
    books_taken_again_after_a = "Sổ nhận lại sau khi bị viết lại", "Books taken again after a rewrite";
    pool_name = "Tên quỹ", "Pool";
    members_short = "Số TV", "Members";
    held = "Giữ cho TV", "Held";
    common = "Quỹ chung", "Common";
    opening_brought = "Vốn mang sang", "Opening";
    collected = "Nhận ngày", "Collected";
    own = "(sổ này)", "(own)";

    // district/report.rs
    district_pools_printed(pools: impl Display, printed: impl Display) = "Toàn huyện — {pools} quỹ · in ngày {printed}", "District — {pools} pools · printed {printed}";

    // district/report.rs
    // A rewrite names seven things; one sentence, so the values stay named, not bundled.
    #[allow(clippy::too_many_arguments)]
    book_rewritten(on: impl Display, pool: impl Display, differs_at: impl Display, archived_as: impl Display, old_head: impl Display, new_head: impl Display, reason: impl Display) = "{on} — {pool}: khác từ {differs_at}; bản cũ giữ với mã {archived_as} (đầu chuỗi {old_head}); sổ mới đầu chuỗi {new_head}; lý do: {reason}", "{on} — {pool}: differs from {differs_at}; earlier copy kept as {archived_as} (head {old_head}); new book head {new_head}; reason: {reason}";
}
