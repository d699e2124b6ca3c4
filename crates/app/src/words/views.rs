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
}
