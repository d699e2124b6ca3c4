//! The flags of the commands about people, papers and the book itself.

use super::{Flag, f};

/// Flags of `init`, `household`, `person`, `import`, `report`, `export`, `verify`, `slip`,
/// `backup`, `demo`, `rates`, `pool`, `count`, `close`, `collect`, `help`.
pub(super) const FLAGS: &[Flag] = &[
    f(&["card"], "person", ("Mã người có thẻ.", "The code of the person the card is for."), ("MÃ", "CODE")),
    f(
        &["card"],
        "from",
        ("Thẻ có giá trị từ ngày; mặc định hôm nay.", "The card is valid from; today if left out."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["card"],
        "to",
        ("Thẻ có giá trị đến ngày (tối đa 72 tháng).", "The card is valid to (72 months at most)."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["card"],
        "source",
        (
            "Nguồn: state (Nhà nước cấp), employer (nơi làm việc), school (trường học), other.",
            "Source: state, employer, school or other.",
        ),
        ("NGUỒN", "SOURCE"),
    ),
    f(&["card"], "scheme", ("bhyt (mặc định) hoặc bhxh.", "bhyt (the default) or bhxh."), ("LOẠI", "SCHEME")),
    f(&["card"], "card_no", ("Số thẻ (nếu có).", "The card's number, if any."), ("SỐ", "NUMBER")),
    f(
        &["card"],
        "cancel",
        ("Hủy thẻ ngoài quỹ đã ghi (#vị_trí).", "Cancel a card from elsewhere (#place)."),
        ("THAM_CHIẾU", "REF"),
    ),
    f(&["card"], "reason", ("Lý do hủy.", "Why it is cancelled."), ("LÝ_DO", "REASON")),
    f(&["target set"], "year", ("Năm của chỉ tiêu.", "The plan's year."), ("NĂM", "YEAR")),
    f(&["target set"], "bhyt", ("Số người có thẻ BHYT.", "People with BHYT."), ("SỐ", "NUMBER")),
    f(&["target set"], "bhxh", ("Số người tham gia BHXH.", "BHXH participants."), ("SỐ", "NUMBER")),
    f(
        &["target set"],
        "new_bhxh",
        ("Số người tham gia BHXH mới trong năm.", "New BHXH participants in the year."),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["report"],
        "year",
        ("Năm (báo cáo targets); mặc định năm nay.", "The year (report targets); this year if left out."),
        ("NĂM", "YEAR"),
    ),
    f(
        &["pool set"],
        "org",
        ("Đơn vị (tên tổ chức in trên giấy tờ).", "The organisation printed on the papers."),
        ("TÊN", "NAME"),
    ),
    f(&["pool set"], "address", ("Địa chỉ.", "Address."), ("ĐỊA_CHỈ", "ADDRESS")),
    f(&["pool set"], "bank", ("Ngân hàng nơi gửi tiền.", "The bank the pool saves with."), ("TÊN", "NAME")),
    f(&["pool set"], "account", ("Số tài khoản ngân hàng.", "The bank account number."), ("SỐ", "NUMBER")),
    f(&["pool set"], "treasurer", ("Thủ quỹ.", "The treasurer."), ("HỌ_TÊN", "NAME")),
    f(
        &["pool set"],
        "accountant",
        ("Kế toán (có thể để trống).", "The bookkeeper (may be empty)."),
        ("HỌ_TÊN", "NAME"),
    ),
    f(&["pool set"], "leader", ("Tổ trưởng.", "The group leader."), ("HỌ_TÊN", "NAME")),
    f(
        &["pool set"],
        "district_key",
        (
            "Khóa công khai của Hội huyện (age1…) để nộp sổ đã mã hóa (hunvon handin).",
            "The district's public key (age1…) to hand the book in encrypted (hunvon handin).",
        ),
        ("KHÓA", "KEY"),
    ),
    f(
        &["pool set"],
        "forms",
        (
            "Bộ mẫu biểu mọi giấy tờ theo (dòng \"Ban hành theo Thông tư số …\" và số hiệu sổ): TT99 (mặc định, \
             Thông tư 99/2025/TT-BTC), TT200 (Thông tư 200/2014/TT-BTC) hoặc TT133 (Thông tư 133/2016/TT-BTC, \
             sổ S04a-DNN/S05-DNN).",
            "The form set every paper follows (its \"Issued under Circular …\" line and book numbers): TT99 (the \
             default, Circular 99/2025/TT-BTC), TT200 (Circular 200/2014/TT-BTC) or TT133 (Circular \
             133/2016/TT-BTC, books S04a-DNN/S05-DNN).",
        ),
        ("BỘ_MẪU", "FORMS"),
    ),
    f(
        &["handin"],
        "output",
        ("Tệp sổ nộp đã mã hóa (ví dụ trên USB).", "The encrypted hand-in file (on a USB stick, say)."),
        ("TỆP", "FILE"),
    ),
    f(
        &["handin"],
        "to",
        (
            "Mã hóa thêm cho khóa age1… này (có thể nêu nhiều lần).",
            "Also encrypt to this age1… key (may be given more than once).",
        ),
        ("KHÓA", "KEY"),
    ),
    f(&["key new"], "output", ("Tệp khóa mới (chưa có).", "The new key file (must not exist)."), ("TỆP", "FILE")),
    f(&["key show"], "file", ("Tệp khóa do key new tạo.", "The key file key new wrote."), ("TỆP", "FILE")),
    f(&["count"], "date", ("Ngày kiểm kê; mặc định hôm nay.", "The day counted; today if left out."), ("NGÀY", "DATE")),
    f(
        &["count"],
        "notes",
        ("Số tờ theo mệnh giá, như 500000x4,200000x3.", "Notes by denomination, such as 500000x4,200000x3."),
        ("TỜ", "NOTES"),
    ),
    f(&["count"], "total", ("Hoặc tổng số tiền đếm được.", "Or the total counted."), ("SỐ_TIỀN", "AMOUNT")),
    f(&["count"], "counted_by", ("Người kiểm kê.", "Who counted."), ("HỌ_TÊN", "NAME")),
    f(
        &["count"],
        "reason",
        ("Lý do thừa, thiếu (nếu có).", "The reason for a difference, if any."),
        ("LÝ_DO", "REASON"),
    ),
    f(
        &["count"],
        "time",
        (
            "Giờ kiểm kê, như 09:30; mặc định giờ ghi.",
            "The hour counted, such as 09:30; the time of entry if left out.",
        ),
        ("GIỜ", "TIME"),
    ),
    f(
        &["settle"],
        "count",
        ("Số bảng kiểm kê quỹ, như KK-2026-0001.", "The cash count's number, such as KK-2026-0001."),
        ("SỐ", "NUMBER"),
    ),
    f(&["settle"], "amount", ("Số tiền xử lý.", "The amount settled."), ("SỐ_TIỀN", "AMOUNT")),
    f(
        &["settle"],
        "person",
        ("Người nộp bù tiền thiếu (hoặc nhận lại tiền thừa).", "Who pays the shortage in (or takes the surplus)."),
        ("MÃ", "CODE"),
    ),
    f(
        &["settle"],
        "fund",
        ("common: quỹ chung chịu (hoặc nhận) chênh lệch.", "common: the common fund absorbs (or keeps) it."),
        ("QUỸ", "FUND"),
    ),
    f(&["settle"], "date", ("Ngày xử lý; mặc định hôm nay.", "The day settled; today if left out."), ("NGÀY", "DATE")),
    f(&["close"], "to", ("Khóa đến hết ngày này.", "Close up to the end of this day."), ("NGÀY", "DATE")),
    f(
        &["count", "close", "settle", "card"],
        "format",
        ("Dạng: text (mặc định) hoặc json.", "Format: text (the default) or json."),
        ("DẠNG", "FORMAT"),
    ),
    f(
        &["person add", "person edit"],
        "left",
        ("Ngày rời tổ (khi sửa: người đã rời tổ).", "The day she left the group (on edit: she has left)."),
        ("NGÀY", "DATE"),
    ),
    f(
        &["import"],
        "again",
        (
            "Nhập cả khi tệp này đã được nhập vào quỹ trước đây.",
            "Import even though this file was imported into the pool before.",
        ),
        ("", ""),
    ),
    f(&["rates set"], "from", ("Áp dụng từ ngày này.", "In force from this date."), ("NGÀY", "DATE")),
    f(
        &[""],
        "demo",
        (
            "Mở giao diện trên một sổ mẫu tạm, xóa đi khi thoát.",
            "Open the interface on a temporary demo book, deleted on exit.",
        ),
        ("", ""),
    ),
    f(&["init"], "name", ("Tên quỹ.", "The pool's name."), ("TÊN", "NAME")),
    f(&["household add"], "name", ("Tên hộ.", "The household's name."), ("TÊN", "NAME")),
    f(&["person add", "person edit"], "name", ("Họ và tên.", "Full name."), ("HỌ_TÊN", "NAME")),
    f(
        &["rates set"],
        "name",
        ("Tên tham số, như rates list in ra.", "The rate's name, as rates list prints it."),
        ("TÊN", "NAME"),
    ),
    f(
        &["household add"],
        "code",
        ("Mã hộ: 1–20 ký tự A–Z, 0–9, _ hoặc -.", "Household code: 1 to 20 characters A-Z, 0-9, _ or -."),
        ("MÃ", "CODE"),
    ),
    f(
        &["person add"],
        "code",
        ("Mã người: 1–20 ký tự A–Z, 0–9, _ hoặc -.", "Person code: 1 to 20 characters A-Z, 0-9, _ or -."),
        ("MÃ", "CODE"),
    ),
    f(&["person edit"], "code", ("Mã người cần sửa.", "The code of the person to edit."), ("MÃ", "CODE")),
    f(
        &["household add"],
        "address",
        ("Địa chỉ (có thể bỏ trống).", "Address (may be left out)."),
        ("ĐỊA_CHỈ", "ADDRESS"),
    ),
    f(&["person add", "person edit"], "dob", ("Ngày sinh.", "Date of birth."), ("NGÀY", "DATE")),
    f(
        &["person add", "person edit"],
        "gender",
        ("Giới tính: nam hoặc nữ.", "Sex: male or female (nam, nu)."),
        ("GIỚI_TÍNH", "SEX"),
    ),
    f(
        &["person add", "person edit"],
        "cccd",
        ("Số căn cước công dân (CCCD), 12 chữ số.", "Citizen ID number (CCCD), 12 digits."),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["person add", "person edit"],
        "bhxh_code",
        ("Mã số BHXH, 10 chữ số.", "Social insurance number (BHXH), 10 digits."),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["person add", "person edit"],
        "household",
        ("Mã hộ của người này (hộ đã có).", "The code of this person's household (one already added)."),
        ("MÃ", "CODE"),
    ),
    f(
        &["person add", "person edit"],
        "category",
        (
            "Đối tượng: poor, near_poor, ethnic_minority, student, agri_household hoặc other.",
            "Category: poor, near_poor, ethnic_minority, student, agri_household or other.",
        ),
        ("ĐỐI_TƯỢNG", "CATEGORY"),
    ),
    f(&["person add", "person edit"], "phone", ("Số điện thoại.", "Phone number."), ("SỐ", "NUMBER")),
    f(
        &["person add", "person edit"],
        "joined",
        (
            "Ngày vào tổ; có ngày này là thành viên góp tiền.",
            "The day she joined; with it the person is a contributing member.",
        ),
        ("NGÀY", "DATE"),
    ),
    f(
        &["person add", "person edit"],
        "sponsor",
        (
            "Mã người bảo trợ (thành viên trả tiền thẻ cho người này).",
            "The sponsor's code (the member who pays for this person's cover).",
        ),
        ("MÃ", "CODE"),
    ),
    f(&["report"], "from", ("Từ ngày.", "From this date."), ("NGÀY", "DATE")),
    f(
        &["report"],
        "method",
        (
            "Sổ nào: cash (sổ quỹ tiền mặt, mặc định) hoặc bank (sổ tiền gửi); chỉ cho cashbook.",
            "Which book: cash (the default) or bank; cashbook only.",
        ),
        ("SỔ", "BOOK"),
    ),
    f(
        &["report"],
        "format",
        ("Dạng: text (mặc định), csv, json, html hoặc pdf.", "Format: text (the default), csv, json, html or pdf."),
        ("DẠNG", "FORMAT"),
    ),
    f(
        &["slip"],
        "format",
        ("Dạng: text (mặc định) hoặc pdf.", "Format: text (the default) or pdf."),
        ("DẠNG", "FORMAT"),
    ),
    f(&["report"], "to", ("Đến ngày; mặc định hôm nay.", "Up to this date; today if left out."), ("NGÀY", "DATE")),
    f(&["slip"], "voucher", ("Số chứng từ.", "The voucher number."), ("SỐ_CT", "VOUCHER")),
    f(
        &["demo"],
        "months",
        ("Số tháng sổ sách (mặc định 30).", "Months of records (30 if left out)."),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["import"],
        "what",
        (
            "Loại: people, contributions hoặc openings (xem bên dưới).",
            "Kind: people, contributions or openings (see below).",
        ),
        ("LOẠI", "KIND"),
    ),
    f(
        &["report"],
        "what",
        ("Báo cáo nào (xem danh sách bên dưới).", "Which report (see the list below)."),
        ("BÁO_CÁO", "REPORT"),
    ),
    f(&["export"], "what", ("Định dạng: chỉ có hledger.", "Format: only hledger."), ("ĐỊNH_DẠNG", "FORMAT")),
    f(
        &["import"],
        "file",
        ("Tệp CSV, dòng đầu là tên các cột.", "The CSV file; its first line names the columns."),
        ("TỆP", "FILE"),
    ),
    f(
        &["backup"],
        "file",
        (
            "Tệp sao lưu mới (không bao giờ ghi đè tệp đã có).",
            "The new backup file (an existing file is never overwritten).",
        ),
        ("TỆP", "FILE"),
    ),
    f(&["import"], "dry_run", ("Chỉ kiểm tra, không ghi gì.", "Check only; write nothing."), ("", "")),
    f(&["report"], "as_of", ("Tính đến ngày (như --to).", "As of this date (the same as --to)."), ("NGÀY", "DATE")),
    f(
        &["report", "export", "slip"],
        "output",
        (
            "Ghi ra tệp này thay vì màn hình (không bao giờ ghi lên sổ).",
            "Write into this file instead of the screen (never onto the book).",
        ),
        ("TỆP", "FILE"),
    ),
    f(
        &["report"],
        "redact",
        (
            "Che bớt mã số BHXH cả trong CSV và JSON (849*****90).",
            "Mask the social insurance numbers in CSV and JSON too (849*****90).",
        ),
        ("", ""),
    ),
    f(
        &["report", "slip"],
        "full_ids",
        (
            "In đủ mã số BHXH và CCCD trên giấy (mặc định che bớt: 849*****90).",
            "Print whole social insurance and ID numbers on paper (masked by default: 849*****90).",
        ),
        ("", ""),
    ),
    f(
        &["verify"],
        "show",
        (
            "In văn bản được băm của một bản ghi (số chứng từ hoặc #vị_trí), với mã băm trước và sau nó.",
            "Print the hashed text of one record (a voucher number or #place), with the hashes before and after it.",
        ),
        ("THAM_CHIẾU", "REF"),
    ),
    f(
        &["verify"],
        "anchor",
        (
            "Mốc in trên giấy đã ký: MÃ_BĂM hoặc THAM_CHIẾU=MÃ_BĂM; lặp lại được.",
            "An anchor from a signed paper: HASH or REF=HASH; may be given several times.",
        ),
        ("MỐC", "ANCHOR"),
    ),
    f(
        &["rates set"],
        "value",
        (
            "Giá trị thập phân (bhyt_ladder: các giá trị cách nhau bởi dấu phẩy).",
            "A decimal value (bhyt_ladder: values separated by commas).",
        ),
        ("GIÁ_TRỊ", "VALUE"),
    ),
    f(&["demo"], "people", ("Số người (mặc định 60).", "Number of people (60 if left out)."), ("SỐ", "NUMBER")),
    f(&["demo"], "pools", ("Số quỹ (mặc định 1).", "Number of pools (1 if left out)."), ("SỐ", "NUMBER")),
    f(
        &["demo"],
        "seed",
        (
            "Hạt giống ngẫu nhiên: cùng hạt giống cho ra cùng một sổ (mặc định 1).",
            "Random seed: the same seed gives the same book (1 if left out).",
        ),
        ("SỐ", "NUMBER"),
    ),
    f(&["help"], "command", ("Lệnh cần xem trợ giúp.", "The command to show help for."), ("LỆNH", "COMMAND")),
    f(
        &["demo"],
        "chapters",
        (
            "Số sổ chi hội, mỗi sổ một quỹ, ghi vào thư mục --out.",
            "How many chapter books, one pool each, written into the folder --out.",
        ),
        ("SỐ", "NUMBER"),
    ),
    f(
        &["demo"],
        "out",
        ("Thư mục ghi các sổ chi hội (to01.db, to02.db…).", "The folder the chapter books go to (to01.db, to02.db…)."),
        ("THƯ_MỤC", "FOLDER"),
    ),
    f(
        &["collect"],
        "file",
        (
            "Sổ của chi hội (chỉ đọc, kể cả trên USB khóa ghi).",
            "The chapter's book (only read, also from a write-protected USB stick).",
        ),
        ("TỆP", "FILE"),
    ),
    f(
        &["collect"],
        "alias",
        (
            "Mã hiển thị khác khi mã quỹ của chi hội đã có ở huyện (mã băm giữ mã của chi hội).",
            "Another display code when the chapter's pool code is taken here (its hashes keep the chapter's).",
        ),
        ("MÃ", "CODE"),
    ),
    f(
        &["collect"],
        "accept_rewrite",
        (
            "Nhận lại một sổ không còn nối tiếp bản đã nhận; bản cũ được giữ lại để đối chiếu.",
            "Take again a book that no longer continues the copy collected; the earlier copy is kept.",
        ),
        ("", ""),
    ),
    f(
        &["collect"],
        "reason",
        ("Lý do nhận lại (ghi vào sổ của huyện).", "Why it is taken again (kept in the district's book)."),
        ("LÝ_DO", "REASON"),
    ),
    f(
        &["collect"],
        "identity",
        (
            "Tệp khóa của Hội huyện, để nhận sổ nộp đã mã hóa (hunvon handin); giải mã trong bộ nhớ.",
            "The district's key file, to collect an encrypted hand-in (hunvon handin); decrypted in memory.",
        ),
        ("TỆP_KHÓA", "KEY_FILE"),
    ),
];
