//! What each flag and argument means, and the name its value goes by, in each language.
//! A flag's text may depend on its command (`--from` is a date in `report`, an account
//! in `transfer`), so texts are looked up by command path and id.

use crate::i18n::Lang;

/// One flag's help line and the placeholder for its value.
pub struct FlagText {
    pub help: &'static str,
    pub value: &'static str,
}

/// `(Vietnamese, English)` of one text.
type Pair = (&'static str, &'static str);

/// The help of the flag or argument `id` of the command at `path` (see
/// [`super::commands::text`]), or `None` when there is none (a test refuses that).
pub fn text(path: &str, id: &str, lang: Lang) -> Option<FlagText> {
    let (help, value): (Pair, Pair) = match (path, id) {
        // Everywhere.
        (_, "help") => (("In trợ giúp này.", "Show this help."), ("", "")),
        (_, "version") => (("In số phiên bản.", "Show the version."), ("", "")),
        (_, "db") => (
            (
                "Tệp sổ; mặc định lấy biến môi trường HUNVON_DB, không có thì thư mục dữ liệu của máy.",
                "The book file; by default the HUNVON_DB environment variable, else this computer's data folder.",
            ),
            ("TỆP", "FILE"),
        ),
        (_, "pool") => (
            (
                "Mã quỹ, khi tệp có nhiều quỹ (all: mọi quỹ, cho báo cáo).",
                "Pool code, when the file holds several pools (all: every pool, for reports).",
            ),
            ("MÃ", "CODE"),
        ),
        (_, "lang") => (
            (
                "Ngôn ngữ: vi (mặc định) hoặc en; biến môi trường HUNVON_LANG cũng đặt được.",
                "Language: vi (the default) or en; the HUNVON_LANG environment variable sets it too.",
            ),
            ("NGÔN_NGỮ", "LANG"),
        ),
        (_, "read_only") => (
            (
                "Chỉ xem, không ghi gì vào sổ (cho người kiểm tra).",
                "Open read-only: nothing is written (for auditors).",
            ),
            ("", ""),
        ),
        ("", "demo") => (
            (
                "Mở giao diện trên một sổ mẫu tạm, xóa đi khi thoát.",
                "Open the interface on a temporary demo book, deleted on exit.",
            ),
            ("", ""),
        ),
        ("help", "command") => (("Lệnh cần xem trợ giúp.", "The command to show help for."), ("LỆNH", "COMMAND")),
        // Who and what.
        ("init", "name") => (("Tên quỹ.", "The pool's name."), ("TÊN", "NAME")),
        ("household add", "code") => (
            ("Mã hộ: 1–20 ký tự A–Z, 0–9, _ hoặc -.", "Household code: 1 to 20 characters A-Z, 0-9, _ or -."),
            ("MÃ", "CODE"),
        ),
        ("household add", "name") => (("Tên hộ.", "The household's name."), ("TÊN", "NAME")),
        ("household add", "address") => {
            (("Địa chỉ (có thể bỏ trống).", "Address (may be left out)."), ("ĐỊA_CHỈ", "ADDRESS"))
        }
        ("person add", "code") => (
            ("Mã người: 1–20 ký tự A–Z, 0–9, _ hoặc -.", "Person code: 1 to 20 characters A-Z, 0-9, _ or -."),
            ("MÃ", "CODE"),
        ),
        ("person edit", "code") => (("Mã người cần sửa.", "The code of the person to edit."), ("MÃ", "CODE")),
        ("person add" | "person edit", "name") => (("Họ và tên.", "Full name."), ("HỌ_TÊN", "NAME")),
        (_, "dob") => (("Ngày sinh.", "Date of birth."), ("NGÀY", "DATE")),
        (_, "gender") => (("Giới tính: nam hoặc nữ.", "Sex: male or female (nam, nu)."), ("GIỚI_TÍNH", "SEX")),
        (_, "cccd") => {
            (("Số căn cước công dân (CCCD), 12 chữ số.", "Citizen ID number (CCCD), 12 digits."), ("SỐ", "NUMBER"))
        }
        (_, "bhxh_code") => {
            (("Mã số BHXH, 10 chữ số.", "Social insurance number (BHXH), 10 digits."), ("SỐ", "NUMBER"))
        }
        (_, "household") => (
            ("Mã hộ của người này (hộ đã có).", "The code of this person's household (one already added)."),
            ("MÃ", "CODE"),
        ),
        (_, "category") => (
            (
                "Đối tượng: poor, near_poor, ethnic_minority, student, agri_household hoặc other.",
                "Category: poor, near_poor, ethnic_minority, student, agri_household or other.",
            ),
            ("ĐỐI_TƯỢNG", "CATEGORY"),
        ),
        (_, "phone") => (("Số điện thoại.", "Phone number."), ("SỐ", "NUMBER")),
        (_, "joined") => (
            (
                "Ngày vào tổ; có ngày này là thành viên góp tiền.",
                "The day she joined; with it the person is a contributing member.",
            ),
            ("NGÀY", "DATE"),
        ),
        (_, "sponsor") => (
            (
                "Mã người bảo trợ (thành viên trả tiền thẻ cho người này).",
                "The sponsor's code (the member who pays for this person's cover).",
            ),
            ("MÃ", "CODE"),
        ),
        // Money moves.
        ("dues set", "amount") => (
            (
                "Số tiền mỗi tháng, số đồng nguyên (0: không có mức cố định).",
                "Amount per month, in whole dong (0: no fixed dues).",
            ),
            ("SỐ_TIỀN", "AMOUNT"),
        ),
        ("dues set" | "rates set", "from") => (("Áp dụng từ ngày này.", "In force from this date."), ("NGÀY", "DATE")),
        ("contribute", "person") => (("Mã thành viên góp tiền.", "The contributing member's code."), ("MÃ", "CODE")),
        ("opening", "cash") => (("Tiền mặt đầu kỳ.", "Opening cash in hand."), ("SỐ_TIỀN", "AMOUNT")),
        ("opening", "bank") => (("Tiền gửi ngân hàng đầu kỳ.", "Opening bank balance."), ("SỐ_TIỀN", "AMOUNT")),
        ("opening", "person") => (
            ("Mã thành viên có số dư đầu kỳ (cùng với --amount).", "A member with an opening balance (with --amount)."),
            ("MÃ", "CODE"),
        ),
        ("opening", "amount") => (
            (
                "Số dư đầu kỳ của thành viên; số âm khi thành viên đang nợ tổ.",
                "The member's opening balance; negative if she owes the group.",
            ),
            ("SỐ_TIỀN", "AMOUNT"),
        ),
        ("quote bhyt" | "quote bhxh" | "buy bhyt" | "buy bhxh", "amount") => (
            (
                "Số tiền thực trả theo biên lai, nếu khác giá tính được.",
                "The amount actually paid on the receipt, if it differs from the computed price.",
            ),
            ("SỐ_TIỀN", "AMOUNT"),
        ),
        (_, "amount") => (
            (
                "Số tiền, số đồng nguyên: 200000, 200.000 hoặc 200 000.",
                "Amount in whole dong: 200000, 200.000 or 200 000.",
            ),
            ("SỐ_TIỀN", "AMOUNT"),
        ),
        ("reverse", "date") => {
            (("Ngày hủy; mặc định hôm nay.", "Date of the reversal; today if left out."), ("NGÀY", "DATE"))
        }
        ("opening", "date") => (
            ("Ngày của số dư đầu kỳ; mặc định hôm nay.", "Date of the opening balances; today if left out."),
            ("NGÀY", "DATE"),
        ),
        ("contribute" | "receive" | "pay" | "transfer", "date") => {
            (("Ngày chứng từ; mặc định hôm nay.", "Date of the voucher; today if left out."), ("NGÀY", "DATE"))
        }
        (_, "date") if path.starts_with("quote") || path.starts_with("buy") => {
            (("Ngày mua; mặc định hôm nay.", "Date of purchase; today if left out."), ("NGÀY", "DATE"))
        }
        ("report", "method") => (
            (
                "Sổ nào: cash (sổ quỹ tiền mặt, mặc định) hoặc bank (sổ tiền gửi); chỉ cho cashbook.",
                "Which book: cash (the default) or bank; cashbook only.",
            ),
            ("SỔ", "BOOK"),
        ),
        (_, "method") => (
            (
                "Tiền mặt (cash, mặc định) hoặc chuyển khoản (bank).",
                "Cash (cash, the default) or bank transfer (bank).",
            ),
            ("CÁCH_TRẢ", "METHOD"),
        ),
        ("receive" | "pay", "note") => {
            (("Nội dung thu chi (bắt buộc).", "What the money is for (required)."), ("NỘI_DUNG", "NOTE"))
        }
        (_, "note") => (("Ghi chú in trên chứng từ.", "A note printed on the voucher."), ("GHI_CHÚ", "NOTE")),
        (_, "fund") => (("Quỹ: chỉ có common (quỹ chung).", "The fund: only common."), ("QUỸ", "FUND")),
        ("transfer", "from") => (("Từ: cash hoặc bank.", "From: cash or bank."), ("TÀI_KHOẢN", "ACCOUNT")),
        ("transfer", "to") => (("Đến: cash hoặc bank.", "To: cash or bank."), ("TÀI_KHOẢN", "ACCOUNT")),
        ("reverse", "voucher") => (
            ("Số chứng từ cần hủy, như PT-2026-0007.", "The voucher to cancel, such as PT-2026-0007."),
            ("SỐ_CT", "VOUCHER"),
        ),
        ("reverse", "reason") => {
            (("Lý do hủy (in trên chứng từ đảo).", "Why (printed on the reversing voucher)."), ("LÝ_DO", "REASON"))
        }
        // Insurance.
        (p, "person") if p.ends_with("bhyt") => (
            (
                "Mã những người cùng một hộ, cách nhau bởi dấu phẩy.",
                "Codes of persons of one household, separated by commas.",
            ),
            ("MÃ,MÃ", "CODE,CODE"),
        ),
        (p, "person") if p.ends_with("bhxh") => (("Mã người đóng BHXH.", "The person's code."), ("MÃ", "CODE")),
        ("demo", "months") => {
            (("Số tháng sổ sách (mặc định 30).", "Months of records (30 if left out)."), ("SỐ", "NUMBER"))
        }
        (p, "months") if p.ends_with("bhxh") => {
            (("Số tháng: 1, 3, 6 hoặc 12.", "Months: 1, 3, 6 or 12."), ("THÁNG", "MONTHS"))
        }
        (p, "months") if p.ends_with("bhyt") => {
            (("Số tháng: 3, 6 hoặc 12.", "Months: 3, 6 or 12."), ("THÁNG", "MONTHS"))
        }
        (_, "income") => (
            (
                "Thu nhập tháng làm căn cứ đóng, số đồng nguyên.",
                "The monthly income the payment is based on, in whole dong.",
            ),
            ("SỐ_TIỀN", "AMOUNT"),
        ),
        (_, "from_month") => {
            (("Tháng bắt đầu đóng (YYYY-MM).", "The first month paid for (YYYY-MM)."), ("THÁNG", "MONTH"))
        }
        (_, "receipt") => (("Số biên lai của đại lý thu.", "The collection agent's receipt number."), ("SỐ", "NUMBER")),
        (_, "card_from") => (
            (
                "Ngày thẻ bắt đầu có hiệu lực, nếu khác ngày tính được (chỉ khi mua cho một người).",
                "The card's first day, if it differs from the computed one (one person only).",
            ),
            ("NGÀY", "DATE"),
        ),
        (_, "card_to") => (
            (
                "Ngày thẻ hết hạn, nếu khác ngày tính được (chỉ khi mua cho một người).",
                "The card's last day, if it differs from the computed one (one person only).",
            ),
            ("NGÀY", "DATE"),
        ),
        (_, "payer") => (
            (
                "Người trả: mã một thành viên hoặc fund:common; mặc định chính người đó hoặc người bảo trợ.",
                "Who pays: a member's code or fund:common; by default the person or her sponsor.",
            ),
            ("NGƯỜI_TRẢ", "PAYER"),
        ),
        // Files and papers.
        ("import", "what") => (
            (
                "Loại: people, contributions hoặc openings (xem bên dưới).",
                "Kind: people, contributions or openings (see below).",
            ),
            ("LOẠI", "KIND"),
        ),
        ("import", "file") => {
            (("Tệp CSV, dòng đầu là tên các cột.", "The CSV file; its first line names the columns."), ("TỆP", "FILE"))
        }
        ("import", "dry_run") => (("Chỉ kiểm tra, không ghi gì.", "Check only; write nothing."), ("", "")),
        ("report", "what") => {
            (("Báo cáo nào (xem danh sách bên dưới).", "Which report (see the list below)."), ("BÁO_CÁO", "REPORT"))
        }
        ("report", "from") => (("Từ ngày.", "From this date."), ("NGÀY", "DATE")),
        ("report", "to") => (("Đến ngày; mặc định hôm nay.", "Up to this date; today if left out."), ("NGÀY", "DATE")),
        ("report", "as_of") => (("Tính đến ngày (như --to).", "As of this date (the same as --to)."), ("NGÀY", "DATE")),
        ("report", "redact") => (
            (
                "Che bớt mã số BHXH trong danh sách (849*****90).",
                "Mask the social insurance numbers in lists (849*****90).",
            ),
            ("", ""),
        ),
        ("report", "format") => (
            ("Dạng: text (mặc định), csv, json, html hoặc pdf.", "Format: text (the default), csv, json, html or pdf."),
            ("DẠNG", "FORMAT"),
        ),
        ("slip", "format") => {
            (("Dạng: text (mặc định) hoặc pdf.", "Format: text (the default) or pdf."), ("DẠNG", "FORMAT"))
        }
        (_, "format") => {
            (("Dạng: text (mặc định) hoặc json.", "Format: text (the default) or json."), ("DẠNG", "FORMAT"))
        }
        (_, "output") => (
            (
                "Ghi ra tệp này thay vì màn hình (không bao giờ ghi lên sổ).",
                "Write into this file instead of the screen (never onto the book).",
            ),
            ("TỆP", "FILE"),
        ),
        ("export", "what") => (("Định dạng: chỉ có hledger.", "Format: only hledger."), ("ĐỊNH_DẠNG", "FORMAT")),
        ("verify", "show") => (
            (
                "In văn bản được băm của một chứng từ, với mã băm trước và sau nó.",
                "Print the hashed text of one voucher, with the hashes before and after it.",
            ),
            ("SỐ_CT", "VOUCHER"),
        ),
        ("slip", "voucher") => (("Số chứng từ.", "The voucher number."), ("SỐ_CT", "VOUCHER")),
        ("backup", "file") => (
            (
                "Tệp sao lưu mới (không bao giờ ghi đè tệp đã có).",
                "The new backup file (an existing file is never overwritten).",
            ),
            ("TỆP", "FILE"),
        ),
        ("demo", "people") => (("Số người (mặc định 60).", "Number of people (60 if left out)."), ("SỐ", "NUMBER")),
        ("demo", "pools") => (("Số quỹ (mặc định 1).", "Number of pools (1 if left out)."), ("SỐ", "NUMBER")),
        ("demo", "seed") => (
            (
                "Hạt giống ngẫu nhiên: cùng hạt giống cho ra cùng một sổ (mặc định 1).",
                "Random seed: the same seed gives the same book (1 if left out).",
            ),
            ("SỐ", "NUMBER"),
        ),
        ("rates set", "name") => {
            (("Tên tham số, như rates list in ra.", "The rate's name, as rates list prints it."), ("TÊN", "NAME"))
        }
        ("rates set", "value") => (
            (
                "Giá trị thập phân (bhyt_ladder: các giá trị cách nhau bởi dấu phẩy).",
                "A decimal value (bhyt_ladder: values separated by commas).",
            ),
            ("GIÁ_TRỊ", "VALUE"),
        ),
        _ => return None,
    };
    Some(FlagText { help: lang.pick(help.0, help.1), value: lang.pick(value.0, value.1) })
}
