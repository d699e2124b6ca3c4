//! Insurance: prices, purchases, cards bought elsewhere.

use hunvon_core::messages::i18n::Lang;
use std::fmt::Display;

words! {
    // insurance/text.rs
    person = "người thứ", "person";
    no_ladder = "không tính bậc", "no ladder";
    card_from_lower = "thẻ từ", "card from";
    to_lower = "đến", "to";
    months_lower = "tháng", "months";
    supported_months = "tháng được hỗ trợ", "supported months";
    month = "tháng", "month";
    price_by_the_rules = "giá theo quy định", "price by the rules";
    difference = "chênh", "difference";
    total_sum = "Tổng", "Total";

    // insurance/category_hint.rs
    bhyt_by_place_in_household(a: impl Display, b: impl Display, c: impl Display, d: impl Display, e: impl Display, support: impl Display) = "Đóng BHYT theo thứ tự trong hộ: người thứ nhất {a}, thứ hai {b}, thứ ba {c}, thứ tư {d}, từ người thứ năm {e}; BHXH được hỗ trợ {support}.", "BHYT by place in the household: 1st {a}, 2nd {b}, 3rd {c}, 4th {d}, 5th on {e}; BHXH support {support}.";

    // insurance/category_hint.rs
    rates_in_force_on(on: impl Display) = " (mức áp dụng ngày {on})", " (rates in force on {on})";
    poor_hint(support: impl Display) = "Nhà nước cấp thẻ BHYT; tổ không mua thẻ cho người này. BHXH được hỗ trợ {support}.", "The state gives the BHYT card; the pool buys none. BHXH support {support}.";
    near_poor_hint(bhyt: impl Display, support: impl Display) = "Nhà nước hỗ trợ {bhyt} tiền thẻ BHYT; BHXH được hỗ trợ {support}.", "The state pays {bhyt} of the BHYT card; BHXH support {support}.";
    ethnic_minority_hint(support: impl Display) = "BHYT theo thứ tự trong hộ như «Khác»; BHXH được hỗ trợ {support}.", "BHYT by place in the household as «Other»; BHXH support {support}.";
    student_hint(bhyt: impl Display) = "Nhà nước hỗ trợ {bhyt} tiền thẻ BHYT (thường mua ở trường).", "The state pays {bhyt} of the BHYT card (usually bought at school).";
    agri_household_hint(bhyt: impl Display) = "Hộ nông, lâm, ngư nghiệp có mức sống trung bình: Nhà nước hỗ trợ {bhyt} tiền thẻ BHYT.", "Farming, forestry or fishing household of average living standard: the state pays {bhyt} of the card.";
}
