//! The pop-ups: a person's passbook, a household, a voucher, help.

use hunvon_core::messages::i18n::Lang;

words! {
    // popups/help.rs
    read_only_mode_explained = "Chế độ chỉ xem: các phím ghi sổ đã ẩn.", "Read-only mode: keys that write are hidden.";
    keys_esc_closes = "Phím (Esc đóng)", "Keys (Esc closes)";

    // popups/household.rs
    sponsor_short = "Bảo trợ", "Sponsor";

    // popups/passbook.rs
    member_since = "thành viên từ", "member since";
    relative_pays_no_dues = "người thân (không góp tiền)", "relative (pays no dues)";
    sponsor = "Người bảo trợ", "Sponsor";
    sponsors = "Bảo trợ cho", "Sponsors";
    voided = " (đã hủy)", " (voided)";
    no_bhyt_or_bhxh = "Chưa mua BHYT, BHXH qua tổ.", "No BHYT or BHXH bought through the pool.";
    more_lines = "dòng nữa", "more lines";
    passbook_of = "Sổ của", "Passbook of";
    in_out = "Vào/ra", "In/out";
    vouchers = "Các chứng từ", "Vouchers";

    // popups/voucher.rs
    this_voucher_reverses = "Chứng từ này hủy", "This voucher reverses";
    reversed_by_caps = "ĐÃ HỦY bởi", "REVERSED by";
    postings = "Bút toán:", "Postings:";
    cover_bought = "Bảo hiểm đã mua:", "Cover bought:";
    quote = "giá theo quy định", "quote";
    entered = "Ghi sổ lúc", "Entered";
    hash = "Mã băm", "Hash";
}
