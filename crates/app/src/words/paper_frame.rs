//! The frame every paper shares: slips, headings, signers, the papers' names and descriptions, printing.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // papers/describe.rs
    entry = "Ghi sổ", "Entry";
    credited = "Báo Có", "Credited";
    debited = "Báo Nợ", "Debited";
    contribution = "Thu tiền góp", "Contribution";
    common_fund_receipt = "Thu quỹ chung", "Common fund receipt";
    common_fund_payment = "Chi quỹ chung", "Common fund payment";
    bhyt_purchase = "Chi mua thẻ BHYT", "BHYT purchase";
    bhxh_purchase = "Chi đóng BHXH tự nguyện", "BHXH purchase";
    opening_cash_balance = "Số dư đầu kỳ tiền mặt", "Opening cash balance";
    opening_bank_balance = "Số dư đầu kỳ tiền gửi ngân hàng", "Opening bank balance";
    member_s_opening_balance = "Số dư đầu kỳ của thành viên", "Member's opening balance";
    cash_deposited_at_the_bank = "Nộp tiền mặt vào ngân hàng", "Cash deposited at the bank";
    cash_drawn_from_the_bank = "Rút tiền ngân hàng về quỹ", "Cash drawn from the bank";
    money_paid_back = "Trả lại tiền góp", "Money paid back";
    cash_count_difference = "Chênh lệch kiểm kê quỹ", "Cash count difference";
    count_difference_settled = "Xử lý chênh lệch kiểm kê", "Count difference settled";
    reversal_of = "Hủy", "Reversal of";

    // papers/driver.rs
    pool = "Quỹ", "Pool";
    pool_name_head = "Tên quỹ", "Name";

    // papers/export.rs
    member_balance_balance_of_liabilities = "Số dư thành viên = − số dư tài khoản liabilities:members:MÃ", "Member balance = − balance of liabilities:members:CODE";

    // papers/printing.rs
    form = "Mẫu số", "Form";
    organisation = "Đơn vị", "Organisation";
    address = "Địa chỉ", "Address";
    rates = "Biểu phí", "Rates";
    unit_ng = "Đơn vị tính: đồng", "Unit: đồng";
    the_district = "Toàn huyện", "The district";
    chain_head = "Mã băm đầu chuỗi", "Chain head";
    each_pool_s_seal = "Niêm phong sổ của từng quỹ", "Each pool's seal";
    totals = "Tổng hợp", "Totals";
    bookkeeper_treasurer = "Người ghi sổ (Thủ quỹ)", "Bookkeeper (Treasurer)";
    prepared_by_treasurer = "Người lập (Thủ quỹ)", "Prepared by (Treasurer)";
    group_leader = "Tổ trưởng", "Group leader";
    control_board = "Ban kiểm tra", "Control board";
    prepared_by = "Người lập biểu", "Prepared by";
    chair_of_the_union = "Chủ tịch Hội", "Chair of the union";
    signature_full_name = "(Ký, họ tên)", "(Signature, full name)";

    // papers/report_kind.rs
    summary_of_receipts_and_payments = "Tổng hợp thu chi", "Summary of receipts and payments";
    cash_book_and_bank_book = "Sổ quỹ tiền mặt, sổ tiền gửi", "Cash book and bank book";
    balance_of_each_member = "Số dư từng thành viên", "Balance of each member";
    insurance_cover_in_force = "Danh sách thẻ BHYT, BHXH còn hạn", "Insurance cover in force";
    members_behind_on_dues = "Thành viên nợ tiền góp", "Members behind on dues";
    journal_of_vouchers = "Nhật ký chứng từ", "Journal of vouchers";
    sponsors_and_those_they_cover = "Người bảo trợ và người được mua thẻ", "Sponsors and those they cover";
    cash_counts_form_08a_tt = "Bảng kiểm kê quỹ tiền mặt (08a-TT)", "Cash counts (form 08a-TT)";
    every_chapter_one_row_each = "Tổng hợp các chi hội (mỗi quỹ một dòng)", "Every chapter, one row each";
    the_year_against_its_plan = "Thực hiện chỉ tiêu BHYT, BHXH trong năm", "The year against its plan";
    who_to_win_over = "Người cần vận động tham gia BHYT, BHXH", "Who is still to visit";
    the_collection_agent_s_handover = "Danh sách giao đại lý thu BHYT, BHXH", "The collection agent's handover list";

    // papers/slip.rs
    members = "Thành viên", "Members";
    bhxh_months = "Đóng BHXH các tháng", "BHXH months";
    reversed = "đã hủy", "reversed";

    // papers/slip_paper.rs
    receipt = "PHIẾU THU", "RECEIPT";
    payment_voucher = "PHIẾU CHI", "PAYMENT VOUCHER";
    accounting_voucher = "PHIẾU KẾ TOÁN", "ACCOUNTING VOUCHER";
    prepared_by_short = "Người lập", "Prepared by";
    the_pool_never_asks_for = "Tổ hùn vốn không bao giờ hỏi mã OTP, mật khẩu VssID hay số thẻ ngân hàng của bạn. Ai hỏi là lừa đảo.", "The pool never asks for OTP codes, your VssID password or bank card numbers. Whoever asks is a scammer.";
    book = "Quyển số", "Book";
    number_no = "Số", "No.";
    paid_in_by = "Họ và tên người nộp tiền", "Paid in by";
    reason_paid_in = "Lý do nộp", "Reason";
    paid_to_name = "Họ và tên người nhận tiền", "Paid to";
    reason_paid_out = "Lý do chi", "Reason";
    the_bhxh_bhyt_collection_agent = "Đại lý thu BHXH, BHYT", "The BHXH/BHYT collection agent";
    bought_for = "Mua cho", "Bought for";
    original_documents = "…… chứng từ gốc", "…… original documents";
    attached = "Kèm theo", "Attached";
    entry_content = "Nội dung", "Entry";
    account_of = "Tài khoản của", "Account of";
    paid_in_by_person = "Người nộp tiền", "Paid in by";
    received_by = "Người nhận tiền", "Received by";
    prepared_the_slip = "Người lập phiếu", "Prepared by";
    received_in_full_in_words = "Đã nhận đủ số tiền (viết bằng chữ):", "Received in full (in words):";
    for_the_payer = "giao người nộp tiền", "for the payer";
    for_the_payee = "giao người nhận tiền", "for the payee";
    the_member_owes_the_pool = "thành viên nợ quỹ", "the member owes the pool";
    owed_to_the_pool = "nợ quỹ", "owed to the pool";
    in_words = "Viết bằng chữ", "In words";
    insured = "Người được mua", "Insured";

    // papers/printing.rs
    paper_footer(code: impl Display, name: impl Display, printed: impl Display, head: impl Display) = "{code} — {name} · in ngày {printed} · Mã băm đầu chuỗi: {head}", "{code} — {name} · printed {printed} · Chain head: {head}";

    // papers/slip_paper.rs
    slip_footer(code: impl Display, name: impl Display, printed: impl Display, voucher: impl Display, hash: impl Display, head: impl Display) = "{code} — {name} · in ngày {printed} · Chứng từ: {voucher}={hash} · Mã băm đầu chuỗi: {head}", "{code} — {name} · printed {printed} · Voucher: {voucher}={hash} · Chain head: {head}";

    // papers/slip_paper.rs
    this_voucher_reverses(voucher: impl Display, day: impl Display, reason: impl Display) = "Chứng từ này hủy {voucher} ngày {day} — lý do: {reason}", "This voucher reverses {voucher} of {day} — reason: {reason}";

    // papers/slip_paper.rs
    pool_advances(amount: impl Display, name: impl Display) = "Trong đó quỹ tạm ứng {amount} đ cho {name}: số tiền chi vượt số dư của thành viên, thành viên nợ lại quỹ.", "Of which the pool advances {amount} đ to {name}: paid beyond her balance, she owes it to the pool.";

    // papers/slip_paper.rs
    original_receipt(number: impl Display) = "01 chứng từ gốc (biên lai số {number})", "1 original document (receipt no. {number})";

    // papers/slip_paper.rs
    original_bank_document(number: impl Display) = "01 chứng từ gốc (chứng từ ngân hàng số {number})", "1 original document (bank document no. {number})";

    // papers/slip_paper.rs
    total_people(count: impl Display) = "Cộng {count} người", "Total, {count} people";

    // papers/form_set.rs
    issued_under_circular(number: impl Display, day: impl Display) = "(Ban hành theo Thông tư số {number} ngày {day} của Bộ Tài chính)", "(Issued under Circular {number} of {day} of the Ministry of Finance)";

    // papers/slip.rs
    card_valid_from_to(from: impl Display, to: impl Display) = "Thẻ có giá trị từ {from} đến {to}", "Card valid from {from} to {to}";
    card_no_longer_valid(from: impl Display, to: impl Display) = "Thẻ từ {from} đến {to} KHÔNG CÒN GIÁ TRỊ (chứng từ đã hủy)", "Card from {from} to {to} NO LONGER VALID (voucher reversed)";

    // papers/slip_paper.rs
    reversed_stamp(voucher: impl Display, date: impl Display, reason: impl Display) = "ĐÃ HỦY — bởi {voucher}, ngày {date}, lý do: {reason}", "ĐÃ HỦY (reversed) — by {voucher}, on {date}, reason: {reason}";
    credit_advice_no = "Giấy báo Có số", "Credit advice no.";
    debit_advice_no = "Giấy báo Nợ / ủy nhiệm chi số", "Debit advice / payment order no.";
    bank_reference = "Số tham chiếu của ngân hàng", "Bank reference";
    copy_1 = "Liên 1: lưu tại tổ", "Copy 1: kept in the book";
    copy_2(who: impl Display) = "Liên 2: {who}", "Copy 2: {who}";
    copy_3 = "Liên 3: thủ quỹ giữ để ghi sổ quỹ", "Copy 3: kept by the treasurer for the cash book";

    // papers/printing.rs
    from_day_to_day(from: impl Display, to: impl Display) = "Từ ngày {from} đến ngày {to}", "From {from} to {to}";
    up_to_day(to: impl Display) = "Đến hết ngày {to}", "Up to {to}";
}
