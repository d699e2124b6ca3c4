//! The forms: their titles, field labels, hints, confirmations and what they report once written.

use hunvon_core::domain::ident::Gender;
use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // form.rs
    pick_one_from_the_list = "Hãy chọn một người trong danh sách.", "Pick one from the list.";
    the_common_fund = "quỹ chung", "the common fund";
    allow_debt_flag = "«Cho phép nợ»", "«Allow debt»";

    // form/check.rs
    by_the_rules_see_below = "theo quy định: ai trả cho ai hiện ở dưới", "by the rules: see below";
    the_common_fund_pays = "Quỹ chung trả", "The common fund pays";

    // form/lookup.rs
    balance_lower = "số dư", "balance";
    pick_enter_takes_it = "↓↑ chọn, Enter lấy", "↓↑ pick, Enter takes it";
    new_household_made_when_saved = "hộ mới: sẽ tạo khi ghi", "a new household: made when saved";
    left_short = "đã rời", "left";

    // forms.rs
    cash_bank = "Tiền mặt/ngân hàng", "Cash/bank";
    to_change = "← → để đổi", "← → to change";
    receipt_amount_if_different = "Số tiền trên biên lai (nếu khác)", "Receipt amount (if different)";

    // forms/bhxh.rs
    pay_voluntary_bhxh = "Đóng BHXH tự nguyện", "Pay voluntary BHXH";
    participant = "Người tham gia", "Participant";
    chosen_income = "Thu nhập chọn đóng", "Chosen income";
    chosen_income_hint =
        "Từ chuẩn nghèo nông thôn đến 20 lần lương cơ sở",
        "From the rural poverty line to 20 × the base salary";
    from_month_back_pay = "Từ tháng (nếu đóng bù)", "From month (back pay)";
    bhxh_from_month_hint =
        "Ví dụ 11/2026; để trống: tiếp theo tháng đã đóng",
        "E.g. 11/2026; empty: after the months paid";
    month = "tháng", "month";
    supported_months = "tháng được hỗ trợ", "supported months";
    total_colon = "Tổng:", "Total:";

    // forms/bhyt.rs
    payer_for = "Trả cho", "Payer for";
    supported = "được hỗ trợ", "supported";
    card = "thẻ", "card";
    balance_after = "Số dư sau khi mua ·", "Balance after ·";
    buy_bhyt_title = "Mua BHYT cho hộ", "Buy BHYT for a household";
    people_in_ladder_order = "Những người mua (theo thứ tự)", "People (in ladder order)";
    household_codes_hint =
        "Mã người cách nhau dấu phẩy; người đứng trước tính bậc trước",
        "Codes separated by commas; the first listed takes the first place";
    nobody_needs_a_new_card =
        "Không ai trong hộ cần thẻ mới (mọi người còn thẻ dài hạn); gõ mã người nếu vẫn muốn mua.",
        "Nobody in the household needs a new card; type codes to buy anyway.";
    payer_proposed_confirm = "đề xuất (người trong hộ) — hãy xác nhận", "proposed (of the household) — confirm";

    // forms/close.rs
    close_the_books = "Khóa sổ", "Close the books";
    close_to_label = "Khóa sổ đến hết ngày", "Close to the end of";
    close_to_hint =
        "Thường là ngày cuối tháng đã in và ký giấy tờ",
        "Usually the last day of a month whose papers are signed";
    books_now_closed_to = "Sổ hiện đã khóa đến", "The books are now closed to";
    balances_at_the_end_of = "Số dư cuối ngày", "Balances at the end of";
    cash_box_lower = "tiền mặt", "cash box";
    bank_lower = "ngân hàng", "bank";

    // forms/contribute.rs
    contribution = "Thu tiền góp", "Contribution";
    contributing_member = "Người góp", "Member";
    person_lookup_hint = "Gõ mã hoặc tên (không cần dấu)", "A code or a name (accents optional)";
    balance_of = "Số dư của", "Balance of";
    enter_or_y_record =
        "Enter hoặc c = ghi, phím khác = quay lại phiếu.",
        "Enter or y = record it, any other key = back to the form.";

    // forms/count.rs
    notes_and_total_both_given =
        "⚠ Nhập số tờ theo mệnh giá hoặc tổng số tiền, không nhập cả hai.",
        "⚠ Type the notes by denomination or the total, not both.";
    counted_on = "Ngày kiểm kê", "Counted on";
    count_date_hint = "So với số dư sổ quỹ cuối ngày này", "Compared with the cash book at the end of this day";
    or_the_total = "Hoặc tổng số tiền", "Or the total";
    total_instead_of_notes_hint =
        "Thay cho số tờ theo mệnh giá (không nhập cả hai)",
        "Instead of the notes by denomination (not both)";
    counted_by = "Người kiểm kê", "Counted by";
    counted_by_hint =
        "Tên những người cùng đếm, cách nhau bằng dấu phẩy",
        "Names of those who counted, comma separated";
    reason_for_a_difference = "Lý do thừa, thiếu", "Reason for a difference";
    cash_count = "Kiểm kê quỹ tiền mặt", "Cash count";
    cash_book_balance_at_end_of = "Số dư theo sổ quỹ cuối ngày", "Cash book balance at the end of";
    counted = "Số kiểm kê thực tế", "Counted";
    difference = "Chênh lệch", "Difference";
    type_notes_or_total =
        "Hãy nhập số tờ theo mệnh giá, hoặc tổng số tiền đếm được.",
        "Type the notes by denomination, or the total counted.";
    cash_count_recorded_as = "Đã ghi bảng kiểm kê quỹ", "Cash count recorded as";

    // forms/fund.rs
    common_fund_receipt = "Thu quỹ chung (ủng hộ, lãi, tiền phạt…)", "Common fund receipt";
    common_fund_payment = "Chi quỹ chung", "Common fund payment";
    fund_receipt_example = "Ví dụ: Lãi tiền gửi tháng 11", "E.g. Bank interest for November";
    fund_payment_example = "Ví dụ: Mua sổ sách, văn phòng phẩm tháng 11", "E.g. Ledgers and stationery for November";
    what_for = "Nội dung", "What for";

    // forms/household.rs
    household_name_head = "Tên hộ (chủ hộ)", "Household name (head)";
    household_code = "Mã hộ", "Household code";
    next_free_code_hint =
        "Mã tiếp theo còn trống; gõ mã khác để thay; không đổi được về sau",
        "The next free code; type another to replace it; it never changes";
    add_a_household = "Thêm hộ", "Add a household";
    edit_household = "Sửa hộ", "Edit household";
    added_household = "Đã thêm hộ", "Added household";
    edited_household = "Đã sửa hộ", "Edited household";
    changes = "thay đổi", "changes";

    // forms/letterhead.rs
    letterhead_org_hint =
        "In ở đầu mọi giấy tờ (Đơn vị, Địa chỉ); để trống thì in dòng chấm",
        "Printed at the head of every paper; empty prints a dotted blank";
    signatories_hint =
        "Tên in dưới chỗ ký của thủ quỹ, kế toán và tổ trưởng",
        "Names printed under the treasurer's, bookkeeper's and leader's signatures";
    form_set = "Bộ mẫu biểu", "Form set";
    letterhead_and_signatories = "Thông tin đơn vị và người ký", "Letterhead and signatories";
    nothing_changed = "Không có gì thay đổi.", "Nothing changed.";
    letterhead_recorded = "Đã ghi thông tin đơn vị và người ký.", "Letterhead recorded.";

    // forms/opening.rs
    opening_balance = "Số dư đầu kỳ", "Opening balance";
    member = "Thành viên", "Member";
    opening_balances = "Nguồn số dư đầu kỳ", "Opening balances";

    // forms/person.rs
    person_code = "Mã người", "Person code";
    left_on = "Rời tổ ngày", "Left on";
    left_on_hint =
        "Không tính tiền góp sau tháng này; không còn tự trả BHYT",
        "No dues after this month; no longer a default payer";
    kept_in_the_audit_log = "(ghi vào nhật ký sửa)", "(kept in the audit log)";
    edit = "Sửa", "Edit";
    add_a_person = "Thêm người", "Add a person";
    relative_without_sponsor_warning =
        "Người thân chưa có người bảo trợ: khi mua BHYT phải chọn người trả.",
        "A relative without a sponsor: a BHYT purchase will need a payer.";
    empty_uses_her_name = "để trống: lấy họ tên người này", "empty: her name is used";
    edited = "Đã sửa", "Edited";
    added = "Đã thêm", "Added";
    full_name = "Họ tên", "Full name";
    is_a = "Là", "Is a";
    joined = "Vào tổ ngày", "Joined";
    dues_from_this_month =
        "Từ tháng này bắt đầu góp; để trống nếu là người thân",
        "Dues from this month; empty for a relative";
    sponsor_1_plus_1 = "Người bảo trợ (1+1)", "Sponsor (1+1)";
    sponsor_hint =
        "Thành viên đưa người này vào và trả BHYT cho người này; gõ mã hoặc tên",
        "The member who brought her in and pays her BHYT; a code or a name";
    household_lookup_hint =
        "Gõ mã hoặc tên để chọn; mã mới thì tạo hộ mới",
        "A code or a name to pick; a new code makes a new household";
    new_household_name = "Tên hộ mới (khi tạo hộ)", "New household's name";
    category = "Đối tượng", "Category";
    date_of_birth = "Ngày sinh", "Date of birth";
    gender = "Giới tính", "Gender";

    // forms/pool.rs
    first_run_title = "Lần đầu dùng hunvon: đặt tên quỹ", "First run: name the pool";
    pool_code = "Mã quỹ", "Pool code";
    pool_code_hint = "Chữ không dấu và số, ví dụ TO1", "Letters and digits, e.g. TO1";
    pool_name = "Tên quỹ", "Pool name";
    cash_held_now = "Tiền mặt đang có", "Cash held now";
    opening_balance_hint = "Số dư đầu kỳ; để trống nếu chưa có", "The opening balance; empty if none";
    dues_hint_empty_none =
        "Mỗi thành viên mỗi tháng; để trống nếu không cố định",
        "Per member a month; empty if none";
    created_pool = "Đã tạo quỹ", "Created pool";

    // forms/preview.rs
    cash_box = "Tiền mặt", "Cash box";
    bank_account = "Tiền gửi ngân hàng", "Bank account";
    will_write = "Sẽ ghi:", "Will write:";
    dated = "ngày", "dated";

    // forms/reverse.rs
    reverse_voucher = "Hủy chứng từ", "Reverse voucher";
    reversal_reason = "Lý do hủy", "Reason";
    already_reversed_by = "Chứng từ này đã bị hủy bởi", "Already reversed by";
    reversal_date = "Ngày hủy", "Date";

    // forms/small.rs
    set_the_monthly_dues = "Đặt mức đóng hằng tháng", "Set the monthly dues";
    amount_a_month = "Số tiền mỗi tháng", "Amount a month";
    dues_hint_zero_none =
        "Mỗi thành viên mỗi tháng; 0 = không cố định",
        "Per member a month; 0 = no fixed dues";
    from_date = "Từ ngày", "From";
    monthly_dues_set = "Đã đặt mức đóng hằng tháng.", "Monthly dues set.";
    into_the_folder = "Vào thư mục", "Into the folder";
    backup_folder_hint =
        "Ví dụ thư mục của USB; tệp mới mang ngày hôm nay",
        "E.g. a USB stick's folder; the new file carries today's date";
    task = "Việc", "What";
    back_up_the_book = "Sao lưu sổ", "Back up the book";
    handed_in_to = "Đã nộp sổ (đã kiểm tra, đã mã hóa) vào", "Handed in (checked, encrypted) to";
    backed_up_to = "Đã sao lưu vào", "Backed up to";
    checked = "đã kiểm tra", "checked";
    insurance_as_of = "Xem bảo hiểm tính đến ngày", "Insurance as of";
    day = "Ngày", "Day";
    insurance_as_of_hint =
        "Một ngày sau hôm nay là dự kiến: ai sẽ hết hạn",
        "A later day is a forecast: who will have lapsed";
    report_period = "Kỳ báo cáo", "Report period";
    to_date = "Đến ngày", "To";

    // forms/transfer.rs
    transfer_title = "Chuyển tiền giữa tiền mặt và ngân hàng", "Transfer between cash and bank";
    direction = "Chiều", "Direction";
    bank_ref = "Số tham chiếu", "Bank ref.";

    // forms/withdraw.rs
    pay_money_back = "Trả lại tiền góp", "Pay money back";
    receiving_member = "Người nhận", "Member";
    allow_debt = "Cho phép nợ", "Allow debt";
    pool_holds_for = "Tổ đang giữ cho", "The pool holds for";
    pool_holds_only = "Tổ chỉ giữ", "The pool holds only";
    for_her = "cho người này", "for her";

    // widgets/form_view.rs
    form_keys_bar =
        "Enter ghi · Tab/↓ ô sau · ↑ ô trước · ←→ đổi lựa chọn · Esc bỏ",
        "Enter save · Tab/↓ next · ↑ back · ←→ change a choice · Esc cancel";


    // forms/bhyt.rs and bhxh.rs: the date field
    paid_on = "Ngày đóng", "Paid on";

    // forms.rs: a refusal's flag, in a form's words
    household_name = "Tên hộ", "Household name";
    from_month = "Từ tháng", "From month";
    card_from_day = "Thẻ từ ngày", "Card from";
    card_to_day = "Thẻ đến ngày", "Card to";
    income = "Thu nhập", "Income";
    cccd = "CCCD", "CCCD";
    from_short = "Từ", "From";
    to_short = "Đến", "To";

    // formatted: form/lookup.rs, forms/count.rs, bhyt.rs, bhxh.rs, close.rs, reverse.rs, contribute.rs, preview.rs
    nobody_found_by(v: impl Display) =
        "Không tìm thấy ai có tên, mã hay số '{v}'.",
        "Nobody found by the name, code or number '{v}'.";
    notes_of(group: impl Display) = "Số tờ {group} đ", "Notes of {group} đ";
    buy_bhyt_for_household(code: impl Display, name: impl Display) =
        "Mua BHYT cho hộ {code} — {name}",
        "Buy BHYT for household {code} — {name}";
    card_still_valid(code: impl Display, name: impl Display, end: impl Display, from: impl Display) =
        "⚠ {code} {name} còn thẻ đến {end}; thẻ mới sẽ từ {from}.",
        "⚠ {code} {name} has a card until {end}; the new one starts {from}.";
    household_member_pays(code: impl Display, full_name: impl Display, payer: impl Display, name: impl Display) =
        "{code} {full_name} không phải thành viên và không có người bảo trợ: {payer} {name} (cùng hộ) trả cho bà — đúng không?",
        "{code} {full_name} is not a member and has no sponsor: {payer} {name} (same household) pays — right?";
    bhyt_price_changed(shown: impl Display, now: impl Display) =
        "Giá đã đổi từ {shown} thành {now} (vừa có người ghi sổ). Xem lại rồi nhấn Enter lần nữa để mua.",
        "The price changed from {shown} to {now} (someone wrote meanwhile). Check it and press Enter again.";
    bhxh_price_changed(shown: impl Display, now: impl Display) =
        "Giá đã đổi từ {shown} thành {now}. Xem lại rồi nhấn Enter lần nữa.",
        "The price changed from {shown} to {now}. Check it and press Enter again.";
    closed_days_are_fixed(d: impl Display) =
        "Sau khi khóa, không ghi, không hủy được chứng từ nào ngày {d} trở về trước.",
        "Once closed, no voucher dated {d} or before can be written or reversed.";
    later_fixes_after(d: impl Display) =
        "Sai sót phát hiện sau đó được sửa bằng chứng từ điều chỉnh ghi ngày sau {d}.",
        "A mistake found later is corrected by a voucher dated after {d}.";
    papers_print_the_close(d: impl Display) =
        "Giấy tờ các kỳ kết thúc đến {d} in dòng «Đã khóa sổ đến {d}» kèm mã băm đầu chuỗi.",
        "Papers of periods ending by {d} print «Books closed to {d}» with the chain's head hash.";
    close_books_to_question(d: impl Display) =
        "Khóa sổ đến hết ngày {d}? Khóa sổ không thể hoàn tác.",
        "Close the books to the end of {d}? A close cannot be undone.";
    enter_or_y_close = "Enter hoặc c = khóa sổ, phím khác = thôi.", "Enter or y = close, any other key = no.";
    books_closed_to_day(d: impl Display) = "Đã khóa sổ đến {d}.", "Books closed to {d}.";
    write_the_reversal =
        "Ghi chứng từ hủy? Enter hoặc c = có, phím khác = không.",
        "Write the reversal? Enter or y = yes, any other key = no.";
    not_a_member_record_anyway(who: impl Display) =
        "{who} không phải thành viên — vẫn ghi?",
        "{who} is not a member — record it all the same?";
    receipt_pt = "Phiếu thu (PT)", "Receipt (PT)";
    payment_voucher_pc = "Phiếu chi (PC)", "Payment voucher (PC)";
    bank_credit_bc = "Giấy báo Có (BC)", "Bank credit (BC)";
    bank_debit_bn = "Giấy báo Nợ (BN)", "Bank debit (BN)";
    accounting_voucher_pk = "Phiếu kế toán (PK)", "Accounting voucher (PK)";
    pays_below_zero(what: impl Display, held: impl Display, day: impl Display, amount: impl Display, below: impl Display) =
        "⚠ {what} chỉ còn {held} vào ngày {day}: chi {amount} sẽ làm quỹ âm {below}.",
        "⚠ {what} holds only {held} on {day}: paying {amount} takes it {below} below zero.";
}

/// How a Vietnamese sentence addresses a woman or a man before her name ("Bà ", "Ông ");
/// English puts nothing there.
pub fn title_before_name(lang: Lang, gender: Option<Gender>) -> &'static str {
    match (lang, gender) {
        (Lang::Vi, Some(Gender::Female)) => "Bà ",
        (Lang::Vi, Some(Gender::Male)) => "Ông ",
        _ => "",
    }
}
