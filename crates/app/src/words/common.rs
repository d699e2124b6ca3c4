//! Sentences of the demo, people, moves and output.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // output/console.rs
    warning_written_to_the_book = "Cảnh báo: đã ghi vào sổ, nhưng không in được kết quả:", "Warning: written to the book, but the result could not be printed:";

    // people/import.rs
    people_list = "Danh sách người", "People";
    contributions = "Tiền góp", "Contributions";
    opening_balances = "Số dư đầu kỳ", "Opening balances";

    // moves/closing.rs
    books_closed_to(to: impl Display, head: impl Display, reference: impl Display) = "Đã khóa sổ đến {to} — mã băm {head} (bản ghi {reference})", "Books closed to {to} — hash {head} (record {reference})";

    // output/outfile.rs
    book_was_readable_by_others(path: impl Display, mode: impl Display) = "Cảnh báo: tệp sổ {path} để người khác đọc được (quyền {mode}) dù chứa số CCCD; đã đặt lại 600 (chỉ chủ tệp).", "Warning: the book {path} was readable by others (mode {mode}) although it holds CCCD numbers; set back to 600 (owner only).";
}
