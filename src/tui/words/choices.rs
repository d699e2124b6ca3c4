//! The choices a form's field offers (← → to change), each with its words and what it
//! means, in both languages.

use crate::tui::form::Choice;
use hunvon_app::papers::form_set::FormSet;

/// Cash box or bank, in words.
pub const METHODS: &[Choice] = &[
    Choice {
        code: "cash",
        vi: "tiền mặt",
        en: "cash box",
        hint_vi: "Tiền đi qua quỹ tiền mặt (sổ quỹ tiền mặt).",
        hint_en: "The money goes through the cash box (cash book).",
    },
    Choice {
        code: "bank",
        vi: "ngân hàng",
        en: "bank",
        hint_vi: "Tiền đi qua tài khoản ngân hàng của tổ (sổ tiền gửi).",
        hint_en: "The money goes through the pool's bank account (bank book).",
    },
];

/// How many months of voluntary BHXH a payment covers.
pub const BHXH_MONTHS: &[Choice] = &[
    Choice { code: "1", vi: "1 tháng", en: "1 month", hint_vi: "", hint_en: "" },
    Choice { code: "3", vi: "3 tháng", en: "3 months", hint_vi: "", hint_en: "" },
    Choice { code: "6", vi: "6 tháng", en: "6 months", hint_vi: "", hint_en: "" },
    Choice { code: "12", vi: "12 tháng", en: "12 months", hint_vi: "", hint_en: "" },
];

/// How long a BHYT card bought runs.
pub const BHYT_MONTHS: &[Choice] = &[
    Choice { code: "12", vi: "12 tháng", en: "12 months", hint_vi: "", hint_en: "" },
    Choice { code: "6", vi: "6 tháng", en: "6 months", hint_vi: "", hint_en: "" },
    Choice { code: "3", vi: "3 tháng", en: "3 months", hint_vi: "", hint_en: "" },
];

/// The form sets (`pool set --forms`), in words.
pub const FORM_SETS: &[Choice] = &[
    form_choice(
        FormSet::Tt99,
        "Mặc định: thông tư hiện hành từ 01/01/2026; sổ S07-DN, S08-DN.",
        "The default: the circular in force from 01/01/2026; books S07-DN, S08-DN.",
    ),
    form_choice(
        FormSet::Tt200,
        "Thông tư cũ, được thay từ 01/01/2026; sổ S07-DN, S08-DN.",
        "The former circular, replaced from 01/01/2026; books S07-DN, S08-DN.",
    ),
    form_choice(
        FormSet::Tt133,
        "Mẫu của doanh nghiệp nhỏ và vừa; sổ S04a-DNN, S05-DNN.",
        "The small enterprises' forms; books S04a-DNN, S05-DNN.",
    ),
];

/// What an opening balance is of: the cash box, the bank, or one member's holding.
pub const OPENING_BALANCE_OF: &[Choice] = &[
    Choice {
        code: "cash",
        vi: "tiền mặt",
        en: "cash box",
        hint_vi: "Tiền mặt tổ đang giữ khi bắt đầu dùng sổ.",
        hint_en: "The cash the pool holds when it starts using the book.",
    },
    Choice {
        code: "bank",
        vi: "ngân hàng",
        en: "bank",
        hint_vi: "Số dư tài khoản ngân hàng khi bắt đầu dùng sổ.",
        hint_en: "The bank balance when the pool starts using the book.",
    },
    Choice {
        code: "person",
        vi: "một thành viên",
        en: "a member",
        hint_vi: "Số tiền tổ đang giữ cho người này (số âm nếu người này đang nợ tổ).",
        hint_en: "What the pool holds for her (negative if she owes the pool).",
    },
];

/// Whether a person is a member or a relative.
pub const ROLES: &[Choice] = &[
    c(
        "member",
        "thành viên (góp tiền)",
        "member (contributes)",
        "Góp tiền hằng tháng từ ngày vào tổ; tự trả BHYT, BHXH của mình.",
        "Pays dues from the day she joins; pays her own BHYT and BHXH.",
    ),
    c(
        "relative",
        "người thân (1+1)",
        "relative (1+1)",
        "Không góp tiền; người bảo trợ trả BHYT cho người này. Để trống «Vào tổ ngày».",
        "Pays no dues; her sponsor pays her BHYT. Leave «Joined» empty.",
    ),
];

/// The BHYT participant categories a person can be in.
pub const CATEGORIES: &[Choice] = &[
    c(
        "other",
        "Khác",
        "Other",
        "Đóng theo thứ tự trong hộ: người thứ nhất 100 %, thứ hai 70 %, thứ ba 60 %, thứ tư 50 %, từ người thứ năm 40 %.",
        "By place in the household: 1st 100 %, 2nd 70 %, 3rd 60 %, 4th 50 %, 5th on 40 %.",
    ),
    c(
        "poor",
        "Hộ nghèo",
        "Poor household",
        "Nhà nước cấp thẻ BHYT; tổ không mua thẻ cho người này. BHXH được hỗ trợ 50 %.",
        "The state gives the BHYT card; the pool buys none. BHXH support 50 %.",
    ),
    c(
        "near_poor",
        "Hộ cận nghèo",
        "Near-poor household",
        "Nhà nước hỗ trợ 70 % tiền thẻ BHYT; BHXH được hỗ trợ 40 %.",
        "The state pays 70 % of the BHYT card; BHXH support 40 %.",
    ),
    c(
        "ethnic_minority",
        "Dân tộc thiểu số",
        "Ethnic minority",
        "BHYT theo thứ tự trong hộ như «Khác»; BHXH được hỗ trợ 30 %.",
        "BHYT by place in the household as «Other»; BHXH support 30 %.",
    ),
    c(
        "student",
        "Học sinh – sinh viên",
        "Pupil or student",
        "Nhà nước hỗ trợ 50 % tiền thẻ BHYT (thường mua ở trường).",
        "The state pays 50 % of the BHYT card (usually bought at school).",
    ),
    c(
        "agri_household",
        "Hộ nông, lâm, ngư nghiệp",
        "Farming household",
        "Hộ nông, lâm, ngư nghiệp có mức sống trung bình: Nhà nước hỗ trợ 30 % tiền thẻ BHYT.",
        "Farming, forestry or fishing household of average living standard: the state pays 30 % of the card.",
    ),
];

/// A person's gender, or not known.
pub const GENDERS: &[Choice] =
    &[c("", "chưa rõ", "not known", "", ""), c("nữ", "nữ", "female", "", ""), c("nam", "nam", "male", "", "")];

/// What the backup screen writes: a copy, or (once the pool has a district key) the
/// encrypted hand-in for the district.
pub const BACKUP_KINDS: &[Choice] = &[
    Choice {
        code: "copy",
        vi: "Sao lưu sổ",
        en: "Back up the book",
        hint_vi: "Một bản sao để giữ ở chi hội (chưa mã hóa: không gửi đi).",
        hint_en: "A copy to keep at the chapter (not encrypted: do not send it).",
    },
    Choice {
        code: "handin",
        vi: "Nộp sổ cho Hội huyện",
        en: "Hand in to the district",
        hint_vi: "Sổ đã kiểm tra, mã hóa cho khóa của Hội huyện (tệp .age).",
        hint_en: "The book, checked and encrypted to the district's key (a .age file).",
    },
];

/// Whether paying back may go beyond what the pool holds for her.
pub const DEBT_ALLOWED: &[Choice] = &[
    Choice {
        code: "no",
        vi: "không",
        en: "no",
        hint_vi: "Chỉ trả tới số tổ đang giữ cho người này.",
        hint_en: "Pay back no more than the pool holds for her.",
    },
    Choice {
        code: "yes",
        vi: "có",
        en: "yes",
        hint_vi: "Cho trả quá số dư: người này sẽ nợ tổ phần chênh.",
        hint_en: "Pay beyond her balance: she then owes the pool the rest.",
    },
];

/// Which way a transfer goes: cash into the bank, or out of it.
pub const DIRECTIONS: &[Choice] = &[
    Choice {
        code: "cash",
        vi: "tiền mặt → ngân hàng",
        en: "cash → bank",
        hint_vi: "Nộp tiền mặt vào tài khoản ngân hàng của tổ.",
        hint_en: "Cash deposited at the pool's bank account.",
    },
    Choice {
        code: "bank",
        vi: "ngân hàng → tiền mặt",
        en: "bank → cash",
        hint_vi: "Rút tiền từ ngân hàng về quỹ tiền mặt.",
        hint_en: "Cash drawn from the bank into the cash box.",
    },
];

const fn c(
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    hint_vi: &'static str,
    hint_en: &'static str,
) -> Choice {
    Choice { code, vi, en, hint_vi, hint_en }
}

const fn form_choice(f: FormSet, hint_vi: &'static str, hint_en: &'static str) -> Choice {
    let (vi, en) = f.words_vi_en();
    Choice { code: f.code(), vi, en, hint_vi, hint_en }
}
/// Every table above, for the test that each choice has both languages.
#[cfg(test)]
pub(super) const ALL: &[&[Choice]] = &[
    METHODS,
    BHXH_MONTHS,
    BHYT_MONTHS,
    FORM_SETS,
    OPENING_BALANCE_OF,
    ROLES,
    CATEGORIES,
    GENDERS,
    BACKUP_KINDS,
    DEBT_ALLOWED,
    DIRECTIONS,
];
