//! The flags of the commands that move money: dues, vouchers, insurance.

use super::{Flag, f};

/// Flags of `dues`, `contribute`, `receive`, `pay`, `opening`, `transfer`, `reverse`, `quote`, `buy`.
pub(super) const FLAGS: &[Flag] = &[
    f(&["withdraw"], "person", ("Mã thành viên nhận lại tiền.", "The code of the member paid back."), ("MÃ", "CODE")),
    f(
        &["withdraw"],
        "allow_debt",
        (
            "Cho trả quá số dư: thành viên nợ lại quỹ phần chênh.",
            "Pay more than her balance: she then owes the pool the difference.",
        ),
        ("", ""),
    ),
    f(&["dues set"], "from", ("Áp dụng từ ngày này.", "In force from this date."), ("NGÀY", "DATE")),
    f(
        &["dues set"],
        "amount",
        (
            "Số tiền mỗi tháng, số đồng nguyên (0: không có mức cố định).",
            "Amount per month, in whole dong (0: no fixed dues).",
        ),
        ("SỐ_TIỀN", "AMOUNT"),
    ),
    f(
        &["opening"],
        "amount",
        (
            "Số dư đầu kỳ của thành viên; số âm khi thành viên đang nợ tổ.",
            "The member's opening balance; negative if she owes the group.",
        ),
        ("SỐ_TIỀN", "AMOUNT"),
    ),
    f(
        &["contribute", "receive", "pay", "transfer", "withdraw"],
        "amount",
        ("Số tiền, số đồng nguyên: 200000, 200.000 hoặc 200 000.", "Amount in whole dong: 200000, 200.000 or 200 000."),
        ("SỐ_TIỀN", "AMOUNT"),
    ),
    f(
        &["quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "amount",
        (
            "Số tiền thực trả theo biên lai, nếu khác giá tính được.",
            "The amount actually paid on the receipt, if it differs from the computed price.",
        ),
        ("SỐ_TIỀN", "AMOUNT"),
    ),
    f(&["transfer"], "from", ("Từ: cash hoặc bank.", "From: cash or bank."), ("TÀI_KHOẢN", "ACCOUNT")),
    f(&["contribute"], "person", ("Mã thành viên góp tiền.", "The contributing member's code."), ("MÃ", "CODE")),
    f(
        &["opening"],
        "person",
        ("Mã thành viên có số dư đầu kỳ (cùng với --amount).", "A member with an opening balance (with --amount)."),
        ("MÃ", "CODE"),
    ),
    f(
        &["quote bhyt", "buy bhyt"],
        "person",
        (
            "Mã những người cùng một hộ, cách nhau bởi dấu phẩy.",
            "Codes of persons of one household, separated by commas.",
        ),
        ("MÃ,MÃ", "CODE,CODE"),
    ),
    f(&["quote bhxh", "buy bhxh"], "person", ("Mã người đóng BHXH.", "The person's code."), ("MÃ", "CODE")),
    f(
        &["opening"],
        "date",
        ("Ngày của số dư đầu kỳ; mặc định hôm nay.", "Date of the opening balances; today if left out."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["reverse"],
        "date",
        ("Ngày hủy; mặc định hôm nay.", "Date of the reversal; today if left out."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["contribute", "receive", "pay", "transfer", "withdraw"],
        "date",
        ("Ngày chứng từ; mặc định hôm nay.", "Date of the voucher; today if left out."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "date",
        ("Ngày mua; mặc định hôm nay.", "Date of purchase; today if left out."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["contribute", "receive", "pay", "withdraw", "quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "method",
        ("Tiền mặt (cash, mặc định) hoặc chuyển khoản (bank).", "Cash (cash, the default) or bank transfer (bank)."),
        ("CÁCH_TRẢ", "METHOD"),
    ),
    f(
        &["contribute", "receive", "pay", "transfer", "withdraw", "quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "bank_ref",
        (
            "Số tham chiếu của ngân hàng (giấy báo Có, giấy báo Nợ, giấy nộp tiền, séc); chỉ khi qua ngân hàng.",
            "The bank's reference (credit or debit advice, deposit slip, cheque); only through the bank.",
        ),
        ("SỐ_THAM_CHIẾU", "REFERENCE"),
    ),
    f(
        &["contribute", "transfer", "withdraw"],
        "note",
        ("Ghi chú in trên chứng từ.", "A note printed on the voucher."),
        ("GHI_CHÚ", "NOTE"),
    ),
    f(
        &["receive", "pay"],
        "note",
        ("Nội dung thu chi (bắt buộc).", "What the money is for (required)."),
        ("NỘI_DUNG", "NOTE"),
    ),
    f(
        &[
            "contribute",
            "receive",
            "pay",
            "opening",
            "transfer",
            "withdraw",
            "reverse",
            "quote bhyt",
            "quote bhxh",
            "buy bhyt",
            "buy bhxh",
        ],
        "format",
        ("Dạng: text (mặc định) hoặc json.", "Format: text (the default) or json."),
        ("DẠNG", "FORMAT"),
    ),
    f(&["receive", "pay"], "fund", ("Quỹ: chỉ có common (quỹ chung).", "The fund: only common."), ("QUỸ", "FUND")),
    f(&["opening"], "cash", ("Tiền mặt đầu kỳ.", "Opening cash in hand."), ("SỐ_TIỀN", "AMOUNT")),
    f(&["opening"], "bank", ("Tiền gửi ngân hàng đầu kỳ.", "Opening bank balance."), ("SỐ_TIỀN", "AMOUNT")),
    f(&["transfer"], "to", ("Đến: cash hoặc bank.", "To: cash or bank."), ("TÀI_KHOẢN", "ACCOUNT")),
    f(
        &["reverse"],
        "voucher",
        ("Số chứng từ cần hủy, như PT-2026-0007.", "The voucher to cancel, such as PT-2026-0007."),
        ("SỐ_CT", "VOUCHER"),
    ),
    f(
        &["reverse"],
        "reason",
        ("Lý do hủy (in trên chứng từ đảo).", "Why (printed on the reversing voucher)."),
        ("LÝ_DO", "REASON"),
    ),
    f(&["quote bhyt", "buy bhyt"], "months", ("Số tháng: 3, 6 hoặc 12.", "Months: 3, 6 or 12."), ("THÁNG", "MONTHS")),
    f(
        &["quote bhxh", "buy bhxh"],
        "months",
        ("Số tháng: 1, 3, 6 hoặc 12.", "Months: 1, 3, 6 or 12."),
        ("THÁNG", "MONTHS"),
    ),
    f(
        &["quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "receipt",
        ("Số biên lai của đại lý thu.", "The collection agent's receipt number."),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["quote bhyt", "buy bhyt"],
        "card_from",
        (
            "Ngày thẻ bắt đầu có hiệu lực, nếu khác ngày tính được (chỉ khi mua cho một người).",
            "The card's first day, if it differs from the computed one (one person only).",
        ),
        ("NGÀY", "DATE"),
    ),
    f(
        &["quote bhyt", "buy bhyt"],
        "card_to",
        (
            "Ngày thẻ hết hạn, nếu khác ngày tính được (chỉ khi mua cho một người).",
            "The card's last day, if it differs from the computed one (one person only).",
        ),
        ("NGÀY", "DATE"),
    ),
    f(
        &["quote bhyt", "quote bhxh", "buy bhyt", "buy bhxh"],
        "payer",
        (
            "Người trả: mã một thành viên hoặc fund:common; mặc định chính người đó hoặc người bảo trợ.",
            "Who pays: a member's code or fund:common; by default the person or her sponsor.",
        ),
        ("NGƯỜI_TRẢ", "PAYER"),
    ),
    f(
        &["quote bhxh", "buy bhxh"],
        "income",
        (
            "Thu nhập tháng làm căn cứ đóng, số đồng nguyên.",
            "The monthly income the payment is based on, in whole dong.",
        ),
        ("SỐ_TIỀN", "AMOUNT"),
    ),
    f(
        &["quote bhxh", "buy bhxh"],
        "from_month",
        ("Tháng bắt đầu đóng (YYYY-MM).", "The first month paid for (YYYY-MM)."),
        ("THÁNG", "MONTH"),
    ),
];
