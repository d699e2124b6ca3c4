//! The TUI in a real terminal: a private tmux server, keys sent with send-keys, the screen
//! read with capture-pane, the real binary. Needs tmux (scripts/test installs it).

use std::process::Command;

use crate::common::tmux::{Tmux, bin, line_with, reported_balances};

#[test]
fn demo_filter_shows_only_nguyen() {
    let t = Tmux::start(&format!("{} --demo", bin()), &[("HUNVON_TODAY", "2026-11-24")]);
    t.wait_for("Tổng quan");
    t.keys(&["2", "/"]);
    t.text("nguyen");
    t.keys(&["Enter"]);
    // The status bar shows the kept filter once Enter has closed the filter line.
    let s = t.wait_for("TO1 · /nguyen");
    let rows: Vec<&str> = s.lines().filter(|l| l.starts_with("│TV")).collect();
    assert!(!rows.is_empty(), "{s}");
    assert!(rows.iter().all(|l| l.contains("Nguyễn")), "only Nguyễn rows:\n{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn a_contribution_typed_in_vietnamese_lands_in_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db");
    let db = db.to_str().unwrap();
    let out = Command::new(bin())
        .env("HUNVON_TODAY", "2026-11-24")
        .args(["demo", "--people", "30", "--months", "12", "--db", db])
        .output()
        .unwrap();
    assert!(out.status.success());
    let t = Tmux::start(&format!("{} --db {db}", bin()), &[("HUNVON_TODAY", "2026-11-24")]);
    t.wait_for("Tổng quan");
    t.keys(&["3", "c"]);
    t.wait_for("Thu tiền góp");
    t.text("TV00001");
    t.keys(&["Tab"]);
    t.text("1.263.600");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.text("Góp tiền mua thẻ cho mẹ Hường");
    t.wait_for("1.263.600 đ");
    t.keys(&["Enter"]);
    // The status line shows the voucher the write made.
    let s = t.wait_for("Thu 1.263.600 đ");
    let status = s.lines().find(|l| l.contains("Thu 1.263.600 đ")).unwrap();
    let voucher = status.split_whitespace().find(|w| w.starts_with("PT-2026-")).unwrap().to_string();
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
    let journal = Command::new(bin())
        .env("HUNVON_TODAY", "2026-11-24")
        .args(["--db", db, "report", "journal", "--format", "csv"])
        .output()
        .unwrap();
    let journal = String::from_utf8(journal.stdout).unwrap();
    assert!(
        journal.contains(&format!("{voucher},2026-11-24,contribution,Góp tiền mua thẻ cho mẹ Hường,,cash,1263600")),
        "{voucher}\n{journal}"
    );
}

/// A whole month from an empty book, keys only, in a real terminal: first run; a
/// household of four (two members, two relatives sponsored by one member);
/// contributions; BHYT for the household paid by the sponsor; BHXH for one member; a
/// transfer to the bank; a mistaken contribution reversed (the right one, the highlight
/// staying on it); the month's cash book previewed and written. Then the command line's
/// balances equal the passbooks the TUI showed, and `verify` passes.
#[test]
fn a_whole_month_from_an_empty_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db");
    let db = db.to_str().unwrap().to_string();
    let papers = dir.path().join("giay-to");
    let papers_s = papers.to_str().unwrap().to_string();
    let env = [("HUNVON_TODAY", "2026-11-24"), ("HUNVON_REPORTS_DIR", papers_s.as_str())];
    let t = Tmux::start(&format!("{} --db {db}", bin()), &env);
    // First run: the pool, its cash and dues; then the tour of the keys.
    t.first_run("Tổ hùn vốn ấp Ô Trao", "3.000.000", "100.000");
    // The household and its four people.
    t.keys(&["2", "h", "a"]);
    t.wait_for("Thêm hộ");
    t.text("H1");
    t.keys(&["Tab"]);
    t.text("Hộ Thạch Văn Sang");
    t.keys(&["Enter"]);
    t.wait_for("Đã thêm hộ H1");
    t.keys(&["h"]);
    let person = |code: &str, name: &str, relative: bool, sponsor: &str| {
        t.keys(&["a"]);
        t.wait_for("Thêm người");
        t.text(code);
        t.keys(&["Tab"]);
        t.text(name);
        t.keys(&["Tab"]);
        if relative {
            t.keys(&["Right"]);
        }
        t.keys(&["Tab", "Tab"]);
        t.text(sponsor);
        t.keys(&["Tab"]);
        t.text("H1");
        t.keys(&["Enter"]);
        t.wait_for(&format!("Đã thêm {code}"));
    };
    person("TV1", "Thạch Văn Sang", false, "");
    person("TV2", "Thạch Thị Sà Phol", false, "");
    person("TV3", "Thạch Thị Mỹ", true, "TV1");
    person("TV4", "Thạch Văn Bé", true, "TV1");
    // Contributions, one member found by her name without accents.
    t.keys(&["3", "c"]);
    t.wait_for("Thu tiền góp");
    t.text("thach thi sa");
    t.wait_for("TV2 Thạch Thị Sà Phol");
    t.keys(&["Enter", "Tab"]);
    t.text("1.500.000");
    t.keys(&["Enter"]);
    t.wait_for("PT-2026-0001  Thu 1.500.000 đ");
    t.contribute("TV1", "3.000.000", "PT-2026-0002  Thu 3.000.000 đ");
    // BHYT for the household from the sponsor's line, the sponsor paying for everyone.
    t.keys(&["2", "Home", "b"]);
    let form = t.wait_for("Tổng:");
    assert!(form.contains("TV1,TV2,TV3,TV4"), "everyone proposed in order:\n{form}");
    assert!(line_with(&form, "TV3 Thạch Thị Mỹ").contains("người thứ 3"), "{form}");
    // TV2 is a member and would pay for herself: her own payer line changed to TV1.
    t.keys(&["Tab", "Tab", "Tab", "Tab", "End", "BSpace", "BSpace", "BSpace"]);
    t.text("TV1");
    t.keys(&["Enter"]);
    t.wait_for("PC-2026-0001  Chi");
    // BHXH for the second member, three months.
    t.keys(&["2", "Home", "j", "x"]);
    t.wait_for("Đóng BHXH tự nguyện");
    t.keys(&["Tab", "Right"]);
    t.wait_for("3 tháng");
    t.keys(&["Enter"]);
    t.wait_for("PC-2026-0002  Chi");
    // Cash to the bank.
    t.keys(&["3", "t", "Tab"]);
    t.text("1.000.000");
    t.keys(&["Enter"]);
    // Cash leaving the safe for the bank is a phiếu chi (docs/quy-dinh.md §6).
    t.wait_for("PC-2026-0003  Chi 1.000.000 đ");
    // A mistaken contribution, reversed after another key moved the list around.
    t.contribute("TV2", "300.000", "PT-2026-0003  Thu 300.000 đ");
    t.keys(&["Home", "End", "r"]);
    t.wait_for("Hủy chứng từ PT-2026-0003");
    t.text("Ghi nhầm: bà Sà Phol góp cho tháng sau");
    t.keys(&["Enter"]);
    let ask = t.wait_for("Ghi chứng từ hủy?");
    assert!(ask.contains("300.000 đ") && ask.contains("TV2 Thạch Thị Sà Phol"), "{ask}");
    t.keys(&["c"]);
    let s = t.wait_for("Hủy PT-2026-0003");
    // The correction is a PK, in the Thu column as a negative figure (docs/quy-dinh.md §6).
    let row = line_with(&s, "Hủy PT-2026-0003");
    assert!(row.contains("PK-2026-0002") && row.contains("−300.000 đ"), "{row}");
    // The highlight is still on the voucher reversed, now marked as such.
    t.wait_styled("the reversed voucher stays highlighted", |styled| {
        styled
            .lines()
            .any(|l| l.contains("PT-2026-0003") && l.contains("đã hủy bởi PK-2026-0002") && l.contains("\u{1b}[7m"))
    });
    // The passbooks the TUI shows.
    let shown: std::collections::BTreeMap<String, i64> =
        ["TV1", "TV2", "TV3", "TV4"].into_iter().map(|code| (code.to_string(), t.passbook_balance(code))).collect();
    // The month's cash book, previewed, then written.
    t.keys(&["5", "j", "Enter"]);
    t.wait_for("SỔ QUỸ TIỀN MẶT");
    t.keys(&["w"]);
    let s = t.wait_for("Đã ghi");
    assert!(s.contains("so-quy-tien-mat-2026-11"), "{s}");
    t.esc();
    // Month end in Cài đặt: a cash count by its total, its bảng kiểm kê written; a close.
    t.keys(&["6", "c"]);
    t.wait_for("Kiểm kê quỹ tiền mặt");
    t.keys(&["Tab"; 10]);
    t.text("1.000.000");
    let s = t.wait_for("Chênh lệch:");
    assert!(s.contains("Số dư theo sổ quỹ cuối ngày 24/11/2026"), "{s}");
    t.keys(&["Enter"]);
    t.wait_for("BẢNG KIỂM KÊ QUỸ");
    t.keys(&["w"]);
    t.wait_for("kiem-ke-quy-2026-11-24");
    t.esc();
    t.keys(&["K"]);
    t.wait_for("Khóa sổ đến hết ngày");
    t.keys(&["Enter"]);
    t.wait_for("không thể hoàn tác");
    t.keys(&["c"]);
    t.wait_for("Đã khóa sổ đến 31/10/2026");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
    let written: Vec<_> = std::fs::read_dir(&papers).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(written.iter().any(|n| n.to_string_lossy().starts_with("so-quy-tien-mat-2026-11")), "{written:?}");
    // The automatic backup of a day with writes, beside the book.
    assert!(dir.path().join("sao-luu/so-2026-11-24.db").exists());
    let cli = |args: &[&str]| {
        Command::new(bin()).env("HUNVON_TODAY", "2026-11-24").arg("--db").arg(&db).args(args).output().unwrap()
    };
    assert_eq!(reported_balances(&db, "2026-11-24"), shown, "report balances equals the passbooks");
    let counts = String::from_utf8(cli(&["report", "counts", "--format", "csv"]).stdout).unwrap();
    assert_eq!(counts.lines().count(), 2, "one count: {counts}");
    assert!(counts.contains(",1000000,"), "{counts}");
    let late = cli(&["contribute", "--person", "TV1", "--amount", "100.000", "--date", "2026-10-30"]);
    assert_eq!(late.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&late.stderr).contains("Sổ đã khóa đến ngày 31/10/2026"));
    let verify = cli(&["verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}

/// "Ghi vào:" on Báo cáo names a whole folder: `~/Documents/hunvon` when Documents exists,
/// else the book's own folder in full, even when the book was opened as a relative `--db`.
#[test]
fn papers_go_to_documents_or_the_books_folder_named_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .current_dir(dir.path())
        .env("HUNVON_TODAY", "2026-11-24")
        .args(["--db", "so.db", "init", "--pool", "TO1", "--name", "Tổ Cây Gòn"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let with_docs = tempfile::tempdir().unwrap();
    std::fs::create_dir(with_docs.path().join("Documents")).unwrap();
    let without = tempfile::tempdir().unwrap();
    for (home, expected) in [
        (with_docs.path(), with_docs.path().join("Documents").join("hunvon")),
        (without.path(), dir.path().to_path_buf()),
    ] {
        let cmd = format!(
            "sh -c 'cd \"{}\" && exec env -u HUNVON_REPORTS_DIR -u XDG_CONFIG_HOME HOME=\"{}\" {} --db so.db'",
            dir.path().display(),
            home.display(),
            bin()
        );
        let t = Tmux::start(&cmd, &[("HUNVON_TODAY", "2026-11-24")]);
        t.wait_for("Tổng quan");
        t.keys(&["5"]);
        let s = t.wait_for("Ghi vào:");
        let shown: String = s.lines().skip_while(|l| !l.contains("Ghi vào:")).take(3).collect::<Vec<_>>().join("");
        let shown: String = shown.chars().filter(|c| *c != '│' && *c != ' ').collect();
        let expected: String = format!("Ghivào:{}", expected.display()).chars().filter(|c| *c != ' ').collect();
        assert!(shown.starts_with(&expected), "{expected} in:\n{s}");
        t.keys(&["q"]);
        assert_eq!(t.exit_status(), "0");
    }
}
