//! What a value should have looked like, and which uniqueness rule a duplicate broke,
//! with their words in each language.

use crate::messages::i18n::Lang;

/// What a value should have looked like, for [`super::Error::BadValue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Code,
    Cccd,
    BhxhCode,
    Gender,
    Category,
    Method,
    Months(&'static [u32]),
    Fund,
    Lang,
    Format(&'static [&'static str]),
    YearMonth,
    Income,
    Rate,
    RateName,
    Account,
    Payer,
    Anchor,
    AgeRecipient,
}

/// Which uniqueness rule a duplicate broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unique {
    Pool,
    Household,
    Person,
    Cccd,
    BhxhCode,
    Rate,
    Dues,
}

impl Expected {
    pub(super) fn text(self, lang: Lang) -> String {
        let months = |m: &[u32]| m.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        match self {
            Expected::Code => lang.pick("1–20 ký tự A–Z, 0–9, _ hoặc -", "1–20 characters A–Z, 0–9, _ or -").into(),
            Expected::Cccd => lang.pick("CCCD phải gồm đúng 12 chữ số", "a CCCD is exactly 12 digits").into(),
            Expected::BhxhCode => {
                lang.pick("mã số BHXH phải gồm đúng 10 chữ số", "a mã số BHXH is exactly 10 digits").into()
            }
            Expected::Gender => lang.pick("chỉ nhận nam hoặc nữ", "expected nam or nữ").into(),
            Expected::Category => lang
                .pick(
                    "chỉ nhận poor, near_poor, ethnic_minority, student, agri_household hoặc other",
                    "expected poor, near_poor, ethnic_minority, student, agri_household or other",
                )
                .into(),
            Expected::Method => lang.pick("chỉ nhận cash hoặc bank", "expected cash or bank").into(),
            Expected::Months(m) => match lang {
                Lang::Vi => format!("số tháng chỉ nhận {}", months(m)),
                Lang::En => format!("months must be one of {}", months(m)),
            },
            Expected::Fund => lang.pick("chỉ nhận common", "expected common").into(),
            Expected::Lang => lang.pick("chỉ nhận vi hoặc en", "expected vi or en").into(),
            Expected::Format(f) => match lang {
                Lang::Vi => format!("chỉ nhận {}", f.join(", ")),
                Lang::En => format!("expected one of {}", f.join(", ")),
            },
            Expected::YearMonth => lang.pick("tháng phải có dạng YYYY-MM", "a month is written YYYY-MM").into(),
            Expected::Income => lang.pick("thu nhập phải là số đồng nguyên", "income must be whole đồng").into(),
            Expected::Rate => {
                lang.pick("giá trị phải là một số thập phân", "the value must be a decimal number").into()
            }
            Expected::RateName => {
                lang.pick("không có tham số này (xem rates list)", "no such rate (see rates list)").into()
            }
            Expected::Account => lang.pick("chỉ nhận cash hoặc bank", "expected cash or bank").into(),
            Expected::Payer => lang
                .pick("người trả phải là mã một người hoặc fund:common", "the payer is a person code or fund:common")
                .into(),
            Expected::Anchor => lang
                .pick(
                    "mốc là mã băm (64 chữ số hex, hoặc ít nhất 16 chữ số đầu) hoặc SỐ_CHỨNG_TỪ=MÃ_BĂM",
                    "an anchor is a hash (64 hex digits, or at least the first 16) or VOUCHER=HASH",
                )
                .into(),
            Expected::AgeRecipient => lang
                .pick(
                    "khóa công khai của Hội huyện bắt đầu bằng age1 (dòng `hunvon key show` in ra)",
                    "the district's public key starts with age1 (the line `hunvon key show` prints)",
                )
                .into(),
        }
    }
}

impl Unique {
    pub(super) fn text(self, lang: Lang) -> &'static str {
        match self {
            Unique::Pool => lang.pick("Mã quỹ", "Pool code"),
            Unique::Household => lang.pick("Mã hộ", "Household code"),
            Unique::Person => lang.pick("Mã người", "Person code"),
            Unique::Cccd => lang.pick("Số CCCD", "CCCD number"),
            Unique::BhxhCode => lang.pick("Mã số BHXH", "Mã số BHXH"),
            Unique::Rate => lang.pick("Tham số cùng ngày hiệu lực", "A rate with that effective date"),
            Unique::Dues => lang.pick("Mức đóng cùng ngày hiệu lực", "Dues with that effective date"),
        }
    }
}
