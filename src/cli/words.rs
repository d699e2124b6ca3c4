//! Every sentence the command line prints of its own (the rest come from hunvon-app's and
//! hunvon-core's messages; the help texts are in help/), in Vietnamese and English side by
//! side, written with hunvon-app's `words!` table as the TUI's and the papers' are.

use hunvon_core::messages::i18n::Lang;

hunvon_app::words! {
    organisation = "Đơn vị", "Organisation";
    address = "Địa chỉ", "Address";
    bank = "Ngân hàng", "Bank";
    account_number = "Số tài khoản", "Account number";
    treasurer = "Thủ quỹ", "Treasurer";
    bookkeeper = "Kế toán", "Bookkeeper";
    group_leader = "Tổ trưởng", "Group leader";
    district_key = "Khóa Hội huyện", "District key";
    form_set = "Bộ mẫu biểu", "Form set";
    dues_set = "Đã đặt mức đóng hằng tháng.", "Monthly dues set.";
    rate_added = "Đã thêm mức mới (các mức cũ giữ nguyên).", "Rate added (older rows are kept).";
    records_unit = "bản ghi", "records";
    months_unit = "tháng", "months";
    rows_unit = "dòng", "rows";
    pool_word = "Quỹ", "Pool";
    line_word = "Dòng", "Line";
    rates_head = "Biểu phí (chuỗi của tệp): đầu chuỗi ", "Rates (the file's chain): head ";
}

#[cfg(test)]
mod tests {
    /// Every sentence has both languages, and no Vietnamese letter is left in the English.
    #[test]
    fn every_sentence_has_both_languages() {
        for (name, vi, en) in super::ALL {
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{name}");
            assert!(
                !en.chars().any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ".contains(c)),
                "{name}: {en}"
            );
        }
    }
}
