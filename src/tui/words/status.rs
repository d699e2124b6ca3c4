//! The status line, the keys bar and the names of the files the screen writes.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // keys.rs
    help = "trợ giúp", "help";

    // update.rs
    press_q_to_quit = "Nhấn q để thoát.", "Press q to quit.";
    drop_half_filled_form =
        "Bỏ phiếu đang nhập dở? Enter hoặc c = bỏ, phím khác = nhập tiếp.",
        "Drop this half-filled form? Enter or y = drop, any other key = go on.";
    edit_history_of = "Lịch sử sửa của", "Edit history of";
    slip_written_to = "Đã ghi phiếu vào", "Slip written to";

    // update/forms_flow.rs
    select_a_row_first = "Hãy chọn một dòng trong danh sách trước.", "Select a row of the list first.";

    // update/output.rs
    writes_file_keys = "w ghi tệp, Esc đóng", "w writes the file, Esc closes";
    written_to = "Đã ghi", "Written to";
    dues_behind_file = "cham-dong", "dues-behind";
    no_bhyt_card_file = "chua-co-the-bhyt", "no-bhyt-card";
    outreach_file = "van-dong", "outreach";
    bhyt_cards_file = "the-bhyt", "bhyt-cards";
    list_written_to = "Đã ghi danh sách vào", "List written to";
    chain_head = "Đầu chuỗi", "Chain head";
    more_warnings = "cảnh báo nữa", "more warnings";
    book_check = "Kiểm tra sổ", "Book check";

    // tui.rs: the daily backup when the interface closes after writing
    backed_up_checked_to = "Đã tự sao lưu sổ (đã kiểm tra) vào", "Book backed up (checked) to";
    automatic_backup_failed = "Chưa tự sao lưu được:", "Automatic backup failed:";


    // update/output.rs, formatted
    pool_book_intact(code: impl Display, vouchers: impl Display, records: impl Display) =
        "Quỹ {code}: sổ nguyên vẹn — {vouchers} chứng từ và {records} bản ghi khác, chuỗi băm đúng.",
        "Pool {code}: the book is intact — {vouchers} vouchers and {records} other records, hash chain correct.";
}
