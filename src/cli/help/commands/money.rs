//! The help of the commands that move money: dues, vouchers, insurance.

use super::{Entry, t};

pub(super) const COMMANDS: &[Entry] = &[
    Entry {
        path: "dues",
        vi: t("Mức đóng hằng tháng của mỗi thành viên.", &["hunvon dues set --amount 200.000 --from 01/01/2026"]),
        en: t("The monthly dues of each member.", &["hunvon dues set --amount 200.000 --from 01/01/2026"]),
    },
    Entry {
        path: "dues set",
        vi: t(
            "Đặt mức đóng hằng tháng từ một ngày (0: không có mức cố định).",
            &["hunvon dues set --amount 200.000 --from 01/01/2026"],
        ),
        en: t(
            "Set the monthly dues from a date (0: no fixed dues).",
            &["hunvon dues set --amount 200.000 --from 01/01/2026"],
        ),
    },
    Entry {
        path: "contribute",
        vi: t(
            "Thu tiền góp của một thành viên (phiếu thu; chuyển khoản: giấy báo Có).",
            &["hunvon contribute --person TV0001 --amount 200.000 --date 05/01/2026"],
        ),
        en: t(
            "Record a member's contribution (a receipt voucher; by bank: a credit advice).",
            &["hunvon contribute --person TV0001 --amount 200.000 --date 05/01/2026"],
        ),
    },
    Entry {
        path: "receive",
        vi: t(
            "Thu tiền vào quỹ chung: lãi tiết kiệm, tiền ủng hộ.",
            &["hunvon receive --fund common --amount 500.000 --note \"Lãi tiết kiệm\""],
        ),
        en: t(
            "Record money into the common fund: interest, donations.",
            &["hunvon receive --fund common --amount 500.000 --note \"Savings interest\""],
        ),
    },
    Entry {
        path: "pay",
        vi: t("Chi tiền từ quỹ chung.", &["hunvon pay --fund common --amount 100.000 --note \"Mua sổ sách\""]),
        en: t("Pay out of the common fund.", &["hunvon pay --fund common --amount 100.000 --note \"Account books\""]),
    },
    Entry {
        path: "opening",
        vi: t(
            "Số dư đầu kỳ khi tổ bắt đầu dùng hunvon: tiền mặt, tiền gửi, hoặc số dư của một thành viên.",
            &["hunvon opening --cash 5.000.000 --date 01/01/2026", "hunvon opening --person TV0008 --amount -250.000"],
        ),
        en: t(
            "Opening balances when the group starts with hunvon: cash, bank, or a member's balance.",
            &["hunvon opening --cash 5.000.000 --date 01/01/2026", "hunvon opening --person TV0008 --amount -250.000"],
        ),
    },
    Entry {
        path: "transfer",
        vi: t(
            "Nộp tiền mặt vào ngân hàng (phiếu chi) hoặc rút về (phiếu thu).",
            &["hunvon transfer --from cash --to bank --amount 1.000.000"],
        ),
        en: t(
            "Deposit cash at the bank (a payment voucher), or draw it back (a receipt voucher).",
            &["hunvon transfer --from cash --to bank --amount 1.000.000"],
        ),
    },
    Entry {
        path: "withdraw",
        vi: t(
            "Trả lại cho thành viên tiền quỹ đang giữ của bà ấy (phiếu chi; chuyển khoản: giấy báo Nợ).",
            &["hunvon withdraw --person TV0001 --amount 500.000"],
        ),
        en: t(
            "Pay a member back what the pool holds for her (a payment voucher; by bank: a debit advice).",
            &["hunvon withdraw --person TV0001 --amount 500.000"],
        ),
    },
    Entry {
        path: "reverse",
        vi: t(
            "Hủy một chứng từ bằng một phiếu kế toán đảo lại các dòng của nó; chứng từ gốc vẫn nằm nguyên trong sổ.",
            &["hunvon reverse PT-2026-0007 --reason \"Ghi nhầm người\""],
        ),
        en: t(
            "Cancel a voucher with an accounting voucher negating its lines; the original stays in the book.",
            &["hunvon reverse PT-2026-0007 --reason \"Wrong member\""],
        ),
    },
    Entry {
        path: "quote",
        vi: t(
            "Tính giá BHYT, BHXH theo quy định đang áp dụng; không ghi gì vào sổ.",
            &["hunvon quote bhyt --person TV0001,TV0002 --months 12"],
        ),
        en: t(
            "Price BHYT or BHXH under the rules in force; nothing is written.",
            &["hunvon quote bhyt --person TV0001,TV0002 --months 12"],
        ),
    },
    Entry {
        path: "quote bhyt",
        vi: t(
            "Giá BHYT hộ gia đình cho những người ở --person (cùng một hộ); không ghi gì.",
            &["hunvon quote bhyt --person TV0001,TV0002 --months 12"],
        ),
        en: t(
            "The household BHYT price for the persons in --person (one household); nothing is written.",
            &["hunvon quote bhyt --person TV0001,TV0002 --months 12"],
        ),
    },
    Entry {
        path: "quote bhxh",
        vi: t(
            "Số tiền đóng BHXH tự nguyện của một người; không ghi gì.",
            &["hunvon quote bhxh --person TV0003 --months 3 --income 1.500.000"],
        ),
        en: t(
            "The voluntary BHXH payment of one person; nothing is written.",
            &["hunvon quote bhxh --person TV0003 --months 3 --income 1.500.000"],
        ),
    },
    Entry {
        path: "buy",
        vi: t(
            "Mua thẻ BHYT hoặc đóng BHXH (phiếu chi; chuyển khoản: giấy báo Nợ), trả từ số dư thành viên hoặc quỹ chung.",
            &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"],
        ),
        en: t(
            "Buy BHYT cards or pay BHXH (a payment voucher; by bank: a debit advice), from a member's balance or the common fund.",
            &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"],
        ),
    },
    Entry {
        path: "buy bhyt",
        vi: t(
            "Mua thẻ BHYT hộ gia đình cho những người ở --person (cùng một hộ).",
            &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"],
        ),
        en: t(
            "Buy household BHYT cards for the persons in --person (one household).",
            &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"],
        ),
    },
    Entry {
        path: "buy bhxh",
        vi: t(
            "Đóng BHXH tự nguyện cho một người.",
            &["hunvon buy bhxh --person TV0003 --months 3 --income 1.500.000 --receipt BL-124"],
        ),
        en: t(
            "Pay voluntary BHXH for one person.",
            &["hunvon buy bhxh --person TV0003 --months 3 --income 1.500.000 --receipt BL-124"],
        ),
    },
];
