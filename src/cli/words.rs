//! Every sentence the command line prints of its own (the rest come from hunvon-app's and
//! hunvon-core's messages; each command's help text and examples are in help/), in
//! Vietnamese and English side by side, written with hunvon-app's `words!` table as the
//! TUI's and the papers' are.

use std::fmt::Display;

use hunvon_core::messages::i18n::Lang;

hunvon_app::words! {
    organisation = "Đơn vị", "Organisation";
    address = "Địa chỉ", "Address";
    bank = "Ngân hàng", "Bank";
    account_number = "Số tài khoản", "Account number";
    treasurer = "Thủ quỹ", "Treasurer";
    bookkeeper = "Kế toán", "Bookkeeper";
    group_leader = "Tổ trưởng", "Group leader";
    district_key = "Khóa Hội huyện", "District key";
    form_set = "Bộ mẫu biểu", "Form set";
    dues_set = "Đã đặt mức đóng hằng tháng.", "Monthly dues set.";
    rate_added = "Đã thêm mức mới (các mức cũ giữ nguyên).", "Rate added (older rows are kept).";
    records_unit = "bản ghi", "records";
    months_unit = "tháng", "months";
    rows_unit = "dòng", "rows";
    pool_word = "Quỹ", "Pool";
    line_word = "Dòng", "Line";
    rates_head = "Biểu phí (chuỗi của tệp): đầu chuỗi ", "Rates (the file's chain): head ";

    // admin.rs
    pool_created(code: impl Display, name: impl Display) = "Đã tạo quỹ {code} — {name}.", "Created pool {code} — {name}.";
    backed_up_to(file: impl Display) = "Đã sao lưu vào {file}.", "Backed up to {file}.";
    book_intact(code: impl Display, vouchers: impl Display, records: impl Display, head: impl Display) = "Quỹ {code}: sổ nguyên vẹn — {vouchers} chứng từ và {records} bản ghi khác, chuỗi băm đúng, đầu chuỗi {head}", "Pool {code}: the book is intact — {vouchers} vouchers and {records} other records, hash chain correct, head {head}";
    chain_matches(code: impl Display, vouchers: impl Display, records: impl Display, head: impl Display) = "Quỹ {code}: {vouchers} chứng từ và {records} bản ghi khác khớp chuỗi băm, đầu chuỗi {head}", "Pool {code}: {vouchers} vouchers and {records} other records match the hash chain, head {head}";
    all_anchors_in_chain(anchors: impl Display) = "Cả {anchors} mốc đều có trong chuỗi băm.", "All {anchors} anchors are in the hash chain.";
    demo_written(path: impl Display, people: impl Display, vouchers: impl Display, took: impl Display) = "Đã tạo sổ mẫu {path}: {people} người, {vouchers} chứng từ ({took}).", "Wrote demo book {path}: {people} people, {vouchers} vouchers ({took}).";

    // collect.rs
    earlier_copy_kept(code: impl Display, archived: impl Display) = "{code}: bản đã nhận trước được giữ lại, chỉ để xem, với mã {archived}.", "{code}: the copy collected earlier is kept, read-only, as {archived}.";
    nothing_new(code: impl Display, head: impl Display) = "{code}: không có gì mới; đầu chuỗi vẫn là {head}", "{code}: nothing new; the head is still {head}";
    collected(code: impl Display, first: impl Display, vouchers: impl Display, range: impl Display, records: impl Display, head: impl Display) = "{code}{first}: {vouchers} chứng từ{range} và {records} bản ghi khác; đầu chuỗi mới {head}", "{code}{first}: {vouchers} vouchers{range} and {records} other records; new head {head}";
    first_collection = " (nhận lần đầu)", " (first collection)";
    chapter_books_written(n: impl Display, dir: impl Display, people: impl Display, vouchers: impl Display, took: impl Display) = "Đã tạo {n} sổ chi hội trong {dir}: {people} người, {vouchers} chứng từ ({took}).", "Wrote {n} chapter books in {dir}: {people} people, {vouchers} vouchers ({took}).";

    // handin.rs
    district_key_written(file: impl Display) = "Đã tạo khóa của Hội huyện trong {file} (giữ hai bản, không gửi qua mạng).", "Wrote the district's key to {file} (keep two copies; never send it).";
    district_public_key = "Khóa công khai để các chi hội ghi bằng `hunvon pool set --district-key`:", "The public key chapters set with `hunvon pool set --district-key`:";
    handin_written(file: impl Display, bytes: impl Display) = "Đã ghi sổ nộp Hội huyện, đã mã hóa, vào {file} ({bytes} byte).", "Wrote the book for the district, encrypted, to {file} ({bytes} bytes).";
    handin_pool(code: impl Display, vouchers: impl Display, head: impl Display) = "  Quỹ {code}: {vouchers} chứng từ, đầu chuỗi {head}", "  Pool {code}: {vouchers} vouchers, head {head}";
    opens_with_key(key: impl Display) = "  Mở được bằng khóa {key}", "  Opens with the key {key}";

    // import.rs
    people_checked(rows: impl Display) = "Kiểm tra xong: {rows} người hợp lệ; chưa ghi gì (--dry-run).", "Checked: {rows} persons valid; nothing written (--dry-run).";
    people_imported(rows: impl Display) = "Đã nhập {rows} người.", "Imported {rows} persons.";
    rows_checked(rows: impl Display, total: impl Display) = "Kiểm tra xong: {rows} dòng hợp lệ, tổng {total}; chưa ghi gì (--dry-run).", "Checked: {rows} rows valid, total {total}; nothing written (--dry-run).";
    rows_imported(rows: impl Display, range: impl Display, total: impl Display) = "Đã nhập {rows} dòng{range}, tổng {total}.", "Imported {rows} rows{range}, total {total}.";

    // outreach.rs
    // The card line names seven values, each a placeholder of the sentence.
    #[allow(clippy::too_many_arguments)]
    outside_card_written(reference: impl Display, scheme: impl Display, source: impl Display, person: impl Display, name: impl Display, from: impl Display, to: impl Display) = "{reference}  Thẻ {scheme} {source} của {person} — {name}: từ {from} đến {to} (không thu chi tiền).", "{reference}  {scheme} card {source} for {person} — {name}: from {from} to {to} (no money moves).";
    outside_card_cancelled(reference: impl Display, pos: impl Display, person: impl Display, name: impl Display) = "{reference}  Đã hủy thẻ ngoài quỹ #{pos} của {person} — {name}.", "{reference}  Cancelled the card from elsewhere #{pos} of {person} — {name}.";
    target_set(reference: impl Display, year: impl Display, pool: impl Display, bhyt: impl Display, bhxh: impl Display) = "{reference}  Chỉ tiêu năm {year} của quỹ {pool}: BHYT {bhyt} người, BHXH {bhxh} người.", "{reference}  Target for {year} of pool {pool}: BHYT {bhyt} people, BHXH {bhxh} people.";

    // papers.rs
    letterhead_saved(code: impl Display) = "Đã lưu tiêu đề giấy tờ của quỹ {code}:", "Saved the letterhead of pool {code}:";
    cash_counted(label: impl Display, date: impl Display, reference: impl Display, book: impl Display, counted: impl Display, difference: impl Display) = "{label}  Bảng kiểm kê quỹ ngày {date} ({reference}): theo sổ {book}, đếm được {counted} — {difference}.", "{label}  Cash count of {date} ({reference}): book {book}, counted {counted} — {difference}.";
    books_closed(reference: impl Display, to: impl Display, cash: impl Display, bank: impl Display, head: impl Display) = "{reference}  Đã khóa sổ đến {to}: tiền mặt {cash}, tiền gửi {bank}; mã băm {head}.", "{reference}  Books closed to {to}: cash {cash}, bank {bank}; hash {head}.";

    // people.rs
    household_added(code: impl Display, name: impl Display) = "Đã thêm hộ {code} — {name}.", "Added household {code} — {name}.";
    person_added(code: impl Display, name: impl Display) = "Đã thêm {code} — {name}.", "Added {code} — {name}.";
    person_edited(code: impl Display, name: impl Display, changed: impl Display) = "Đã sửa {code} — {name}: {changed} thông tin thay đổi (ghi vào nhật ký sửa).", "Edited {code} — {name}: {changed} fields changed (kept in the audit log).";

    // help.rs: the frame clap draws every command's help in.
    help_template = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}", "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}";
    commands_heading = "Lệnh", "Commands";
    command_value = "LỆNH", "COMMAND";
    arguments_heading = "Đối số", "Arguments";
    global_options_heading = "Tùy chọn chung", "Global options";
    options_heading = "Tùy chọn", "Options";
    reports_title = "Báo cáo:", "Reports:";
    kinds_of_file_title = "Loại tệp:", "Kinds of file:";
    examples_title = "Ví dụ:", "Examples:";
    without_a_command = "\n\nKhông có lệnh nào thì mở giao diện toàn màn hình; hunvon --demo mở trên một sổ mẫu tạm.", "\n\nWithout a command, the full-screen interface opens; hunvon --demo opens it on a temporary demo book.";

    // help/refusals.rs: clap's refusals, built from the error's kind and context.
    usage_title = "Cách dùng:", "Usage:";
    for_more_title = "Xem thêm:", "For more:";
    or_word = "hoặc", "or";
    did_you_mean(s: impl Display) = " Có phải ý bạn là {s}?", " Did you mean {s}?";
    missing(arg: impl Display) = "Thiếu {arg}.", "Missing {arg}.";
    no_such_flag(arg: impl Display, hint: impl Display) = "Lệnh này không có {arg}.{hint}", "This command has no {arg}.{hint}";
    no_such_command(sub: impl Display, hint: impl Display) = "Không có lệnh {sub}.{hint}", "There is no command {sub}.{hint}";
    needs_a_command(sub: impl Display, valid: impl Display) = "{sub} cần thêm một lệnh: {valid}.", "{sub} needs one more command: {valid}.";
    given_twice(arg: impl Display) = "{arg} chỉ được dùng một lần.", "{arg} can be given only once.";
    conflicts(arg: impl Display, prior: impl Display) = "{arg} không dùng cùng {prior} được.", "{arg} cannot be used with {prior}.";
    needs_a_value(arg: impl Display) = "Thiếu giá trị sau {arg}.", "{arg} needs a value.";
    extra_value(value: impl Display, arg: impl Display) = "Thừa giá trị '{value}' sau {arg}.", "Unexpected extra value '{value}' after {arg}.";
    not_utf8 = "Một đối số không phải văn bản UTF-8.", "An argument is not UTF-8 text.";
    not_valid = "Dòng lệnh không hợp lệ.", "The command line is not valid.";
}

#[cfg(test)]
mod tests {
    /// Both languages, no Vietnamese in the English, the same placeholders on both sides,
    /// no sentence written twice (`hunvon_core::messages::sentences::check`).
    #[test]
    fn every_sentence_has_both_languages_once() {
        hunvon_core::messages::sentences::check(&[super::ALL]);
    }
}
