//! What each command does and an example of it, in each language. English examples use
//! names without diacritics, so the English help has no Vietnamese letter in it.

use crate::i18n::Lang;

/// One command's help: a line saying what it does, and examples.
pub struct CommandText {
    pub about: &'static str,
    pub examples: &'static [&'static str],
}

const fn t(about: &'static str, examples: &'static [&'static str]) -> CommandText {
    CommandText { about, examples }
}

/// The help of the command at `path` (its names after `hunvon`, space-separated; the
/// program itself is ""), or `None` for a command without texts (a test refuses that).
pub fn text(path: &str, lang: Lang) -> Option<CommandText> {
    let (vi, en) = match path {
        "" => (
            t(
                "Sổ sách tổ hùn vốn mua BHYT hộ gia đình và BHXH tự nguyện.",
                &[
                    "hunvon init --pool TO1 --name \"Tổ hùn vốn ấp Cây Gòn\"",
                    "hunvon contribute --person TV0001 --amount 200.000",
                    "hunvon report summary --format pdf --output tong-hop.pdf",
                ],
            ),
            t(
                "The books of a Vietnamese savings group that buys household health insurance (BHYT) and voluntary social insurance (BHXH).",
                &[
                    "hunvon init --pool TO1 --name \"Cay Gon savings group\"",
                    "hunvon contribute --person TV0001 --amount 200.000",
                    "hunvon report summary --format pdf --output summary.pdf",
                ],
            ),
        ),
        "init" => (
            t(
                "Tạo một quỹ mới trong tệp sổ (mã quỹ ở --pool).",
                &["hunvon init --pool TO1 --name \"Tổ hùn vốn ấp Cây Gòn\""],
            ),
            t(
                "Create a pool in the book file (its code in --pool).",
                &["hunvon init --pool TO1 --name \"Cay Gon savings group\""],
            ),
        ),
        "household" | "household add" => (
            t(
                if path == "household" { "Hộ gia đình: BHYT mua theo hộ." } else { "Thêm một hộ." },
                &["hunvon household add --code H001 --name \"Hộ Trương Thị Kiều Hoa\""],
            ),
            t(
                if path == "household" { "Households: BHYT is bought per household." } else { "Add a household." },
                &["hunvon household add --code H001 --name \"Truong Thi Kieu Hoa household\""],
            ),
        ),
        "person" => (
            t(
                "Thêm, sửa thông tin một người (thành viên, hoặc người được tổ mua thẻ).",
                &[
                    "hunvon person add --code TV0001 --name \"Trương Thị Kiều Hoa\" --joined 01/03/2022",
                    "hunvon person edit TV0001 --phone 0955347047",
                ],
            ),
            t(
                "Add or edit a person (a member, or someone the group buys cover for).",
                &[
                    "hunvon person add --code TV0001 --name \"Truong Thi Kieu Hoa\" --joined 01/03/2022",
                    "hunvon person edit TV0001 --phone 0955347047",
                ],
            ),
        ),
        "person add" => (
            t(
                "Thêm một người; có --joined là thành viên góp tiền.",
                &["hunvon person add --code TV0001 --name \"Trương Thị Kiều Hoa\" --joined 01/03/2022"],
            ),
            t(
                "Add a person; with --joined she is a contributing member.",
                &["hunvon person add --code TV0001 --name \"Truong Thi Kieu Hoa\" --joined 01/03/2022"],
            ),
        ),
        "person edit" => (
            t(
                "Sửa thông tin một người: mỗi thay đổi được ghi vào nhật ký sửa; giá trị rỗng xóa thông tin đó.",
                &["hunvon person edit TV0001 --phone 0955347047"],
            ),
            t(
                "Edit a person: each change is kept in the audit log; an empty value clears that field.",
                &["hunvon person edit TV0001 --phone 0955347047"],
            ),
        ),
        "dues" | "dues set" => (
            t(
                if path == "dues" {
                    "Mức đóng hằng tháng của mỗi thành viên."
                } else {
                    "Đặt mức đóng hằng tháng từ một ngày (0: không có mức cố định)."
                },
                &["hunvon dues set --amount 200.000 --from 01/01/2026"],
            ),
            t(
                if path == "dues" {
                    "The monthly dues of each member."
                } else {
                    "Set the monthly dues from a date (0: no fixed dues)."
                },
                &["hunvon dues set --amount 200.000 --from 01/01/2026"],
            ),
        ),
        "contribute" => (
            t(
                "Thu tiền góp của một thành viên (phiếu thu).",
                &["hunvon contribute --person TV0001 --amount 200.000 --date 05/01/2026"],
            ),
            t(
                "Record a member's contribution (a receipt voucher).",
                &["hunvon contribute --person TV0001 --amount 200.000 --date 05/01/2026"],
            ),
        ),
        "receive" => (
            t(
                "Thu tiền vào quỹ chung: lãi tiết kiệm, tiền ủng hộ.",
                &["hunvon receive --fund common --amount 500.000 --note \"Lãi tiết kiệm\""],
            ),
            t(
                "Record money into the common fund: interest, donations.",
                &["hunvon receive --fund common --amount 500.000 --note \"Savings interest\""],
            ),
        ),
        "pay" => (
            t("Chi tiền từ quỹ chung.", &["hunvon pay --fund common --amount 100.000 --note \"Mua sổ sách\""]),
            t("Pay out of the common fund.", &["hunvon pay --fund common --amount 100.000 --note \"Account books\""]),
        ),
        "opening" => (
            t(
                "Số dư đầu kỳ khi tổ bắt đầu dùng hunvon: tiền mặt, tiền gửi, hoặc số dư của một thành viên.",
                &[
                    "hunvon opening --cash 5.000.000 --date 01/01/2026",
                    "hunvon opening --person TV0008 --amount -250.000",
                ],
            ),
            t(
                "Opening balances when the group starts with hunvon: cash, bank, or a member's balance.",
                &[
                    "hunvon opening --cash 5.000.000 --date 01/01/2026",
                    "hunvon opening --person TV0008 --amount -250.000",
                ],
            ),
        ),
        "transfer" => (
            t("Nộp tiền mặt vào ngân hàng hoặc rút về.", &["hunvon transfer --from cash --to bank --amount 1.000.000"]),
            t(
                "Deposit cash at the bank, or draw it back.",
                &["hunvon transfer --from cash --to bank --amount 1.000.000"],
            ),
        ),
        "reverse" => (
            t(
                "Hủy một chứng từ bằng một chứng từ đảo; chứng từ gốc vẫn nằm nguyên trong sổ.",
                &["hunvon reverse PT-2026-0007 --reason \"Ghi nhầm người\""],
            ),
            t(
                "Cancel a voucher with a reversing voucher; the original stays in the book.",
                &["hunvon reverse PT-2026-0007 --reason \"Wrong member\""],
            ),
        ),
        "quote" | "quote bhyt" | "quote bhxh" => (
            t(
                match path {
                    "quote" => "Tính giá BHYT, BHXH theo quy định đang áp dụng; không ghi gì vào sổ.",
                    "quote bhyt" => "Giá BHYT hộ gia đình cho những người ở --person (cùng một hộ); không ghi gì.",
                    _ => "Số tiền đóng BHXH tự nguyện của một người; không ghi gì.",
                },
                if path == "quote bhxh" {
                    &["hunvon quote bhxh --person TV0003 --months 3 --income 1.500.000"]
                } else {
                    &["hunvon quote bhyt --person TV0001,TV0002 --months 12"]
                },
            ),
            t(
                match path {
                    "quote" => "Price BHYT or BHXH under the rules in force; nothing is written.",
                    "quote bhyt" => {
                        "The household BHYT price for the persons in --person (one household); nothing is written."
                    }
                    _ => "The voluntary BHXH payment of one person; nothing is written.",
                },
                if path == "quote bhxh" {
                    &["hunvon quote bhxh --person TV0003 --months 3 --income 1.500.000"]
                } else {
                    &["hunvon quote bhyt --person TV0001,TV0002 --months 12"]
                },
            ),
        ),
        "buy" | "buy bhyt" | "buy bhxh" => (
            t(
                match path {
                    "buy" => "Mua thẻ BHYT hoặc đóng BHXH (phiếu chi), trả từ số dư thành viên hoặc quỹ chung.",
                    "buy bhyt" => "Mua thẻ BHYT hộ gia đình cho những người ở --person (cùng một hộ).",
                    _ => "Đóng BHXH tự nguyện cho một người.",
                },
                if path == "buy bhxh" {
                    &["hunvon buy bhxh --person TV0003 --months 3 --income 1.500.000 --receipt BL-124"]
                } else {
                    &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"]
                },
            ),
            t(
                match path {
                    "buy" => {
                        "Buy BHYT cards or pay BHXH (a payment voucher), from a member's balance or the common fund."
                    }
                    "buy bhyt" => "Buy household BHYT cards for the persons in --person (one household).",
                    _ => "Pay voluntary BHXH for one person.",
                },
                if path == "buy bhxh" {
                    &["hunvon buy bhxh --person TV0003 --months 3 --income 1.500.000 --receipt BL-124"]
                } else {
                    &["hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123"]
                },
            ),
        ),
        "import" => (
            t(
                "Nhập từ tệp CSV: sai một dòng thì không nhập dòng nào, và mọi dòng sai được liệt kê.",
                &["hunvon import contributions gop.csv --dry-run"],
            ),
            t(
                "Import a CSV file: one bad row and nothing is imported; every bad row is listed.",
                &["hunvon import contributions contributions.csv --dry-run"],
            ),
        ),
        "report" => (
            t(
                "In một báo cáo ra màn hình hoặc ra tệp (--output).",
                &[
                    "hunvon report balances --format csv --output so-du.csv",
                    "hunvon report cashbook --method bank --from 01/01/2026",
                ],
            ),
            t(
                "Print a report, on the screen or into a file (--output).",
                &[
                    "hunvon report balances --format csv --output balances.csv",
                    "hunvon report cashbook --method bank --from 01/01/2026",
                ],
            ),
        ),
        "export" => (
            t("Xuất sổ thành tệp nhật ký cho hledger, ledger-cli.", &["hunvon export hledger --output so.journal"]),
            t(
                "Export the book as a journal for hledger and ledger-cli.",
                &["hunvon export hledger --output book.journal"],
            ),
        ),
        "verify" => (
            t(
                "Kiểm tra sổ: chuỗi băm, số dư, đẳng thức cân đối; có sai sót thì trả mã 1.",
                &["hunvon verify", "hunvon verify --show PT-2026-0001"],
            ),
            t(
                "Check the book: hash chain, balances, the accounting equation; exit 1 on any problem.",
                &["hunvon verify", "hunvon verify --show PT-2026-0001"],
            ),
        ),
        "slip" => (
            t(
                "Phiếu thu, phiếu chi cho thành viên giữ.",
                &["hunvon slip PC-2026-0003 --format pdf --output phieu.pdf"],
            ),
            t(
                "The receipt or payment slip a member keeps.",
                &["hunvon slip PC-2026-0003 --format pdf --output slip.pdf"],
            ),
        ),
        "backup" => (
            t("Sao lưu sổ, kể cả khi đang dùng, vào một tệp mới.", &["hunvon backup sao-luu-2026-11.db"]),
            t("Back up the book, even while it is in use, into a new file.", &["hunvon backup backup-2026-11.db"]),
        ),
        "demo" => (
            t(
                "Tạo một sổ mẫu (dữ liệu giả) để dùng thử hoặc đo tốc độ.",
                &["hunvon demo --people 20000 --months 36 --pools 10 --db huyen.db"],
            ),
            t(
                "Write a generated demo book, to try hunvon or to measure its speed.",
                &["hunvon demo --people 20000 --months 36 --pools 10 --db district.db"],
            ),
        ),
        "rates" => (
            t(
                "Tham số quy định: lương cơ sở, chuẩn nghèo, tỷ lệ đóng, mức hỗ trợ.",
                &["hunvon rates list", "hunvon rates set base_salary 2530000 --from 2026-07-01"],
            ),
            t(
                "Rule parameters: base salary, poverty line, contribution rates, support levels.",
                &["hunvon rates list", "hunvon rates set base_salary 2530000 --from 2026-07-01"],
            ),
        ),
        "rates list" => (
            t("Liệt kê mọi mức, theo tên rồi theo ngày hiệu lực.", &["hunvon rates list"]),
            t("List every rate, by name and then by effective date.", &["hunvon rates list"]),
        ),
        "rates set" => (
            t(
                "Thêm một mức mới từ một ngày; các mức cũ giữ nguyên.",
                &["hunvon rates set base_salary 2530000 --from 2026-07-01"],
            ),
            t(
                "Add a rate from a date; older rows are kept.",
                &["hunvon rates set base_salary 2530000 --from 2026-07-01"],
            ),
        ),
        "help" => (
            t("In trợ giúp của một lệnh.", &["hunvon help report"]),
            t("Show the help of a command.", &["hunvon help report"]),
        ),
        _ => return None,
    };
    Some(lang.pick(vi, en))
}
