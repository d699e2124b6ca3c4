//! What each command does and an example of it, in each language. English examples use
//! names without diacritics, so the English help has no Vietnamese letter in it.

mod money;

use hunvon_core::messages::i18n::Lang;

/// One command's help: a line saying what it does, and examples.
pub struct CommandText {
    pub about: &'static str,
    pub examples: &'static [&'static str],
}

const fn t(about: &'static str, examples: &'static [&'static str]) -> CommandText {
    CommandText { about, examples }
}

struct Entry {
    /// The command's names after `hunvon`, space-separated; the program itself is "".
    path: &'static str,
    vi: CommandText,
    en: CommandText,
}

/// Every command but those that move money (in [`money`]).
const COMMANDS: &[Entry] = &[
    Entry {
        path: "",
        vi: t(
            "Sổ sách tổ hùn vốn mua BHYT hộ gia đình và BHXH tự nguyện.",
            &[
                "hunvon init --pool TO1 --name \"Tổ hùn vốn ấp Cây Gòn\"",
                "hunvon contribute --person TV0001 --amount 200.000",
                "hunvon report summary --format pdf --output tong-hop.pdf",
            ],
        ),
        en: t(
            "The books of a Vietnamese savings group that buys household health insurance (BHYT) and voluntary social insurance (BHXH).",
            &[
                "hunvon init --pool TO1 --name \"Cay Gon savings group\"",
                "hunvon contribute --person TV0001 --amount 200.000",
                "hunvon report summary --format pdf --output summary.pdf",
            ],
        ),
    },
    Entry {
        path: "init",
        vi: t(
            "Tạo một quỹ mới trong tệp sổ (mã quỹ ở --pool).",
            &["hunvon init --pool TO1 --name \"Tổ hùn vốn ấp Cây Gòn\""],
        ),
        en: t(
            "Create a pool in the book file (its code in --pool).",
            &["hunvon init --pool TO1 --name \"Cay Gon savings group\""],
        ),
    },
    Entry {
        path: "household",
        vi: t(
            "Hộ gia đình: BHYT mua theo hộ.",
            &["hunvon household add --code H001 --name \"Hộ Trương Thị Kiều Hoa\""],
        ),
        en: t(
            "Households: BHYT is bought per household.",
            &["hunvon household add --code H001 --name \"Truong Thi Kieu Hoa household\""],
        ),
    },
    Entry {
        path: "household add",
        vi: t("Thêm một hộ.", &["hunvon household add --code H001 --name \"Hộ Trương Thị Kiều Hoa\""]),
        en: t("Add a household.", &["hunvon household add --code H001 --name \"Truong Thi Kieu Hoa household\""]),
    },
    Entry {
        path: "person",
        vi: t(
            "Thêm, sửa thông tin một người (thành viên, hoặc người được tổ mua thẻ).",
            &[
                "hunvon person add --code TV0001 --name \"Trương Thị Kiều Hoa\" --joined 01/03/2022",
                "hunvon person edit TV0001 --phone 0955347047",
            ],
        ),
        en: t(
            "Add or edit a person (a member, or someone the group buys cover for).",
            &[
                "hunvon person add --code TV0001 --name \"Truong Thi Kieu Hoa\" --joined 01/03/2022",
                "hunvon person edit TV0001 --phone 0955347047",
            ],
        ),
    },
    Entry {
        path: "person add",
        vi: t(
            "Thêm một người; có --joined là thành viên góp tiền.",
            &["hunvon person add --code TV0001 --name \"Trương Thị Kiều Hoa\" --joined 01/03/2022"],
        ),
        en: t(
            "Add a person; with --joined she is a contributing member.",
            &["hunvon person add --code TV0001 --name \"Truong Thi Kieu Hoa\" --joined 01/03/2022"],
        ),
    },
    Entry {
        path: "person edit",
        vi: t(
            "Sửa thông tin một người: mỗi thay đổi được ghi vào nhật ký sửa; giá trị rỗng xóa thông tin đó.",
            &["hunvon person edit TV0001 --phone 0955347047"],
        ),
        en: t(
            "Edit a person: each change is kept in the audit log; an empty value clears that field.",
            &["hunvon person edit TV0001 --phone 0955347047"],
        ),
    },
    Entry {
        path: "import",
        vi: t(
            "Nhập từ tệp CSV: sai một dòng thì không nhập dòng nào, và mọi dòng sai được liệt kê.",
            &["hunvon import contributions gop.csv --dry-run"],
        ),
        en: t(
            "Import a CSV file: one bad row and nothing is imported; every bad row is listed.",
            &["hunvon import contributions contributions.csv --dry-run"],
        ),
    },
    Entry {
        path: "report",
        vi: t(
            "In một báo cáo ra màn hình hoặc ra tệp (--output).",
            &[
                "hunvon report balances --format csv --output so-du.csv",
                "hunvon report cashbook --method bank --from 01/01/2026",
            ],
        ),
        en: t(
            "Print a report, on the screen or into a file (--output).",
            &[
                "hunvon report balances --format csv --output balances.csv",
                "hunvon report cashbook --method bank --from 01/01/2026",
            ],
        ),
    },
    Entry {
        path: "export",
        vi: t("Xuất sổ thành tệp nhật ký cho hledger, ledger-cli.", &["hunvon export hledger --output so.journal"]),
        en: t(
            "Export the book as a journal for hledger and ledger-cli.",
            &["hunvon export hledger --output book.journal"],
        ),
    },
    Entry {
        path: "verify",
        vi: t(
            "Kiểm tra sổ: chuỗi băm, số dư, đẳng thức cân đối; có sai sót thì trả mã 1.",
            &["hunvon verify", "hunvon verify --show PT-2026-0001", "hunvon verify --anchor PT-2026-0183=5f74329c"],
        ),
        en: t(
            "Check the book: hash chain, balances, the accounting equation; exit 1 on any problem.",
            &["hunvon verify", "hunvon verify --show PT-2026-0001", "hunvon verify --anchor PT-2026-0183=5f74329c"],
        ),
    },
    Entry {
        path: "slip",
        vi: t(
            "Phiếu thu, phiếu chi (ba liên), phiếu kế toán của một chứng từ.",
            &["hunvon slip PC-2026-0003 --format pdf --output phieu.pdf"],
        ),
        en: t(
            "The receipt or payment slip (three copies), or the accounting slip, of a voucher.",
            &["hunvon slip PC-2026-0003 --format pdf --output slip.pdf"],
        ),
    },
    Entry {
        path: "backup",
        vi: t("Sao lưu sổ, kể cả khi đang dùng, vào một tệp mới.", &["hunvon backup sao-luu-2026-11.db"]),
        en: t("Back up the book, even while it is in use, into a new file.", &["hunvon backup backup-2026-11.db"]),
    },
    Entry {
        path: "pool",
        vi: t(
            "Tiêu đề giấy tờ của quỹ: đơn vị, địa chỉ, ngân hàng, người ký.",
            &[
                "hunvon pool set --org \"Chi hội Phụ nữ ấp Cây Gòn\" --treasurer \"Lê Thị Thu Hương\"",
                "hunvon pool show",
            ],
        ),
        en: t(
            "The pool's letterhead: organisation, address, bank, signers.",
            &["hunvon pool set --org \"Cay Gon women's union\" --treasurer \"Le Thi Thu Huong\"", "hunvon pool show"],
        ),
    },
    Entry {
        path: "pool set",
        vi: t(
            "Lưu tiêu đề mà mọi giấy tờ in ở đầu trang và bộ mẫu biểu chúng theo; thông tin không nêu giữ nguyên.",
            &[
                "hunvon pool set --org \"Chi hội Phụ nữ ấp Cây Gòn\" --treasurer \"Lê Thị Thu Hương\"",
                "hunvon pool set --forms TT133",
            ],
        ),
        en: t(
            "Save the letterhead every paper prints at its top and the form set they follow; what is not given stays as it is.",
            &[
                "hunvon pool set --org \"Cay Gon women's union\" --treasurer \"Le Thi Thu Huong\"",
                "hunvon pool set --forms TT133",
            ],
        ),
    },
    Entry {
        path: "pool show",
        vi: t("In tiêu đề giấy tờ của quỹ.", &["hunvon pool show"]),
        en: t("Print the pool's letterhead.", &["hunvon pool show"]),
    },
    Entry {
        path: "card",
        vi: t(
            "Ghi thẻ BHYT (hoặc BHXH) không do tổ mua: Nhà nước cấp, qua trường, qua nơi làm việc; không thu chi tiền.",
            &[
                "hunvon card --person TV0003 --to 31/12/2026 --source state",
                "hunvon card --cancel '#57' --reason \"ghi nhầm người\"",
            ],
        ),
        en: t(
            "Record a BHYT (or BHXH) card the pool did not buy: paid by the state, through school or an employer; no money moves.",
            &[
                "hunvon card --person TV0003 --to 31/12/2026 --source state",
                "hunvon card --cancel '#57' --reason \"wrong person\"",
            ],
        ),
    },
    Entry {
        path: "target",
        vi: t("Chỉ tiêu BHYT, BHXH của năm.", &["hunvon target set --year 2026 --bhyt 120 --bhxh 40"]),
        en: t("The year's BHYT and BHXH targets.", &["hunvon target set --year 2026 --bhyt 120 --bhxh 40"]),
    },
    Entry {
        path: "target set",
        vi: t(
            "Đặt chỉ tiêu năm (đặt lại thì thay chỉ tiêu cũ); ở sổ huyện, --pool là chi hội đã nhận sổ.",
            &["hunvon target set --year 2026 --bhyt 120 --bhxh 40 --new-bhxh 10"],
        ),
        en: t(
            "Set the year's targets (setting again replaces them); in a district book, --pool is a collected chapter.",
            &["hunvon target set --year 2026 --bhyt 120 --bhxh 40 --new-bhxh 10"],
        ),
    },
    Entry {
        path: "count",
        vi: t(
            "Kiểm kê quỹ tiền mặt: ghi biên bản (mẫu 08a-TT) với số đếm được và chênh lệch so với sổ.",
            &["hunvon count --date 30/11/2026 --notes 500000x4,200000x3 --counted-by \"Lê Thị Thu Hương\""],
        ),
        en: t(
            "Count the cash: record the count (form 08a-TT) and its difference from the book.",
            &["hunvon count --date 30/11/2026 --notes 500000x4,200000x3 --counted-by \"Le Thi Thu Huong\""],
        ),
    },
    Entry {
        path: "settle",
        vi: t(
            "Xử lý chênh lệch kiểm kê quỹ: người nộp bù tiền thiếu (phiếu thu) hoặc quỹ chung chịu (phiếu kế toán).",
            &["hunvon settle --count KK-2026-0001 --amount 50.000 --person TV0001 --date 05/12/2026"],
        ),
        en: t(
            "Settle a cash count's difference: someone pays the shortage in (receipt) or the common fund absorbs it.",
            &["hunvon settle --count KK-2026-0001 --amount 50.000 --fund common --date 05/12/2026"],
        ),
    },
    Entry {
        path: "close",
        vi: t(
            "Khóa sổ đến một ngày: từ đó không ghi được chứng từ nào đề ngày đến hết ngày ấy.",
            &["hunvon close --to 31/10/2026"],
        ),
        en: t(
            "Close the books to a day: no voucher dated up to that day can be written any more.",
            &["hunvon close --to 31/10/2026"],
        ),
    },
    Entry {
        path: "rates",
        vi: t(
            "Tham số quy định: lương cơ sở, chuẩn nghèo, tỷ lệ đóng, mức hỗ trợ.",
            &["hunvon rates list", "hunvon rates set base_salary 2530000 --from 2026-07-01"],
        ),
        en: t(
            "Rule parameters: base salary, poverty line, contribution rates, support levels.",
            &["hunvon rates list", "hunvon rates set base_salary 2530000 --from 2026-07-01"],
        ),
    },
    Entry {
        path: "rates list",
        vi: t("Liệt kê mọi mức, theo tên rồi theo ngày hiệu lực.", &["hunvon rates list"]),
        en: t("List every rate, by name and then by effective date.", &["hunvon rates list"]),
    },
    Entry {
        path: "rates set",
        vi: t(
            "Thêm một mức mới từ một ngày; các mức cũ giữ nguyên.",
            &["hunvon rates set base_salary 2530000 --from 2026-07-01"],
        ),
        en: t(
            "Add a rate from a date; older rows are kept.",
            &["hunvon rates set base_salary 2530000 --from 2026-07-01"],
        ),
    },
    Entry {
        path: "collect",
        vi: t(
            "Nhận sổ của một chi hội vào sổ của huyện: lần đầu nhận cả sổ, các lần sau chỉ phần mới; sổ đã bị viết lại hay cũ hơn bị từ chối.",
            &[
                "hunvon --db huyen.db collect E:\\TO3-2026-11.db",
                "hunvon --db huyen.db collect E:\\TO3-2026-11.age --identity huyen.key",
                "hunvon --db huyen.db collect to1-xa-hieu-tu.db --as TO1B",
                "hunvon --db huyen.db collect TO3.db --accept-rewrite --reason \"Khôi phục bản sao lưu 31/10\"",
            ],
        ),
        en: t(
            "Collect a chapter's book into the district's book: the whole book the first time, then only what is new; a rewritten or older book is refused.",
            &[
                "hunvon --db district.db collect E:\\TO3-2026-11.db",
                "hunvon --db district.db collect E:\\TO3-2026-11.age --identity district.key",
                "hunvon --db district.db collect to1-hieu-tu.db --as TO1B",
                "hunvon --db district.db collect TO3.db --accept-rewrite --reason \"Restored the backup of 31/10\"",
            ],
        ),
    },
    Entry {
        path: "handin",
        vi: t(
            "Nộp sổ cho Hội huyện: kiểm tra sổ rồi ghi một bản đã mã hóa, chỉ khóa của Hội huyện mở được.",
            &["hunvon handin --output E:\\TO3-2026-11.age"],
        ),
        en: t(
            "Hand the book in to the district: check it, then write a copy encrypted so only the district's key opens it.",
            &["hunvon handin --output E:\\TO3-2026-11.age"],
        ),
    },
    Entry {
        path: "key",
        vi: t(
            "Khóa của Hội huyện để mở sổ các chi hội nộp (tạo một lần, giữ hai bản).",
            &["hunvon key new --output huyen.key", "hunvon key show huyen.key"],
        ),
        en: t(
            "The district's key that opens the books chapters hand in (made once, kept in two copies).",
            &["hunvon key new --output district.key", "hunvon key show district.key"],
        ),
    },
    Entry {
        path: "key new",
        vi: t(
            "Tạo khóa mới vào một tệp mới và in khóa công khai age1… để các chi hội ghi.",
            &["hunvon key new --output huyen.key"],
        ),
        en: t(
            "Make a new key in a new file and print the public age1… key chapters set.",
            &["hunvon key new --output district.key"],
        ),
    },
    Entry {
        path: "key show",
        vi: t("In lại khóa công khai age1… của một tệp khóa.", &["hunvon key show huyen.key"]),
        en: t("Print the public age1… key of a key file again.", &["hunvon key show district.key"]),
    },
    Entry {
        path: "demo",
        vi: t(
            "Tạo một sổ mẫu (dữ liệu giả) để dùng thử hoặc đo tốc độ; hoặc các sổ chi hội của một huyện.",
            &[
                "hunvon demo --people 20000 --months 36 --pools 10 --db huyen.db",
                "hunvon demo --chapters 80 --people 200 --months 36 --out huyen",
            ],
        ),
        en: t(
            "Write a generated demo book, to try hunvon or to measure its speed; or a district's chapter books.",
            &[
                "hunvon demo --people 20000 --months 36 --pools 10 --db district.db",
                "hunvon demo --chapters 80 --people 200 --months 36 --out district",
            ],
        ),
    },
    Entry {
        path: "help",
        vi: t("In trợ giúp của một lệnh.", &["hunvon help report"]),
        en: t("Show the help of a command.", &["hunvon help report"]),
    },
];

/// The help of the command at `path`, or `None` for a command without texts (a test
/// refuses that).
pub fn text(path: &str, lang: Lang) -> Option<&'static CommandText> {
    COMMANDS.iter().chain(money::COMMANDS).find(|e| e.path == path).map(|e| lang.pick(&e.vi, &e.en))
}
