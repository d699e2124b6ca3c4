//! The pricing rules' refusals in words (the rules themselves stay language-free).

use crate::domain::date::format_vn;
use crate::messages::i18n::Lang;
use crate::rules::RuleError;

/// One sentence for a rule's refusal, naming the field and the bound.
pub fn rule_error_text(e: &RuleError, lang: Lang) -> String {
    match (e, lang) {
        (RuleError::MissingRate { name, date }, Lang::Vi) => {
            format!("Chưa có tham số {name} áp dụng cho ngày {}: thêm bằng `hunvon rates set`.", format_vn(*date))
        }
        (RuleError::MissingRate { name, date }, Lang::En) => {
            format!("No rate {name} is in force on {}: add one with `hunvon rates set`.", format_vn(*date))
        }
        (RuleError::BadRateValue { name, value }, Lang::Vi) => format!("Tham số {name} có giá trị không đọc được: '{value}'."),
        (RuleError::BadRateValue { name, value }, Lang::En) => format!("Rate {name} has an unreadable value '{value}'."),
        (RuleError::BhytMonths(m), Lang::Vi) => format!("Giá trị '{m}' ở --months không hợp lệ: BHYT mua 3, 6 hoặc 12 tháng."),
        (RuleError::BhytMonths(m), Lang::En) => format!("Value '{m}' in --months is not valid: BHYT is bought for 3, 6 or 12 months."),
        (RuleError::BhxhMonths(m), Lang::Vi) => format!(
            "Giá trị '{m}' ở --months không hợp lệ: BHXH đóng 1, 3, 6 hoặc 12 tháng (đóng một lần nhiều năm thì ghi --amount theo biên lai)."
        ),
        (RuleError::BhxhMonths(m), Lang::En) => format!(
            "Value '{m}' in --months is not valid: BHXH is paid for 1, 3, 6 or 12 months (a longer lump sum needs --amount from the receipt)."
        ),
        (RuleError::PoorStatePays, Lang::Vi) => {
            "Người thuộc hộ nghèo được Nhà nước đóng toàn bộ thẻ BHYT: quỹ không mua thẻ BHYT hộ gia đình cho người này.".into()
        }
        (RuleError::PoorStatePays, Lang::En) => {
            "The state pays the whole BHYT card of a person in a poor household: the pool does not buy one for her.".into()
        }
        (RuleError::IncomeOutOfRange { income, min, max }, Lang::Vi) => format!(
            "Thu nhập {income} ở --income ngoài khoảng cho phép: từ {min} (chuẩn nghèo nông thôn) đến {max} (20 lần lương cơ sở)."
        ),
        (RuleError::IncomeOutOfRange { income, min, max }, Lang::En) => format!(
            "Income {income} in --income is outside the allowed range: from {min} (rural poverty line) to {max} (20 × base salary)."
        ),
        (RuleError::MonthsOverlap { first, last }, Lang::Vi) => {
            format!("--from-month trùng các tháng đã đóng: từ {first} đến {last}.")
        }
        (RuleError::MonthsOverlap { first, last }, Lang::En) => {
            format!("--from-month overlaps months already paid: {first} to {last}.")
        }
        (RuleError::NoLadderPosition, Lang::Vi) => "Thiếu thứ tự người trong hộ để tính giá BHYT.".into(),
        (RuleError::NoLadderPosition, Lang::En) => "The household position needed to price BHYT is missing.".into(),
    }
}

/// The basis `rates list` prints for a rate row. The seeded 2.530.000 đ base salary from
/// 01/07/2026 named a decree ("NĐ 161/2026 (15/05/2026)") that could not be confirmed;
/// only the government's announcement can be checked, so the row says that and how to
/// change the figure (docs/quy-dinh.md §2). Every other basis prints as stored.
pub fn rate_basis(name: &str, stored: &str, lang: Lang) -> String {
    if name == "base_salary" && stored == UNCONFIRMED_BASE_SALARY {
        return lang
            .pick(
                "thông báo của Chính phủ (tin ngày 09/03/2026: lương cơ sở có thể tăng lên 2,53 triệu đồng từ 01/07/2026), chưa có nghị định được xác nhận; đổi bằng hunvon rates set base_salary",
                "a government announcement (news of 09/03/2026: the base salary may rise to 2.53 million đồng from 01/07/2026), no decree confirmed yet; change it with hunvon rates set base_salary",
            )
            .into();
    }
    stored.into()
}

/// The basis the schema seeded for the 2026 base salary (kept in existing books).
const UNCONFIRMED_BASE_SALARY: &str = "NĐ 161/2026 (15/05/2026)";
