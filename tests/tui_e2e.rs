//! The TUI in a real terminal: a private tmux server, keys sent with send-keys, the screen
//! read with capture-pane, the real binary. Needs tmux (scripts/test installs it).

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// The shell writes the program's exit status here when it quits (tmux 3.3 does not
    /// always fill in #{pane_dead_status}).
    status_file: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    fn start(cmd: &str, env: &[(&str, &str)]) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()),
            "tmux is needed (apt-get install tmux)"
        );
        // One server per test: tests run in parallel in one process.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("hunvon-e2e-{}-{n}", std::process::id());
        let dir = tempfile::tempdir().unwrap();
        let t = Tmux { socket, status_file: dir.path().join("status"), _dir: dir };
        t.run(&["-u", "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30"]);
        t.run(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        let exports: String = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
        let status = t.status_file.display().to_string();
        t.run(&["respawn-pane", "-k", "-t", "e2e", &format!("env LANG=C.UTF-8 {exports}{cmd}; echo $? > '{status}'")]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
        }
    }

    fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", s]);
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "timed out waiting for {needle:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The program's exit status, once it has quit.
    fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(status) = std::fs::read_to_string(&self.status_file)
                && !status.trim().is_empty()
            {
                return status.trim().to_string();
            }
            assert!(start.elapsed() < Duration::from_secs(15), "the program did not quit:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// The binary under test: `HUNVON_E2E_BIN` (CI points it at the release build), else
/// the one cargo built for the tests.
fn bin() -> String {
    std::env::var("HUNVON_E2E_BIN").unwrap_or_else(|_| assert_cmd::cargo::cargo_bin("hunvon").display().to_string())
}

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

/// The line of `screen` that holds `needle`.
fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen.lines().find(|l| l.contains(needle)).unwrap_or_default()
}

impl Tmux {
    /// Esc on its own (an Esc followed at once by a key reads as Alt+key).
    fn esc(&self) {
        std::thread::sleep(Duration::from_millis(150));
        self.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(250));
    }

    /// The screen with its colours and attributes (the highlighted row is reversed).
    fn screen_styled(&self) -> String {
        self.run(&["capture-pane", "-e", "-p", "-t", "e2e"])
    }
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
    t.wait_for("Lần đầu dùng hunvon");
    t.keys(&["Tab"]);
    t.text("Tổ hùn vốn ấp Ô Trao");
    t.keys(&["Tab"]);
    t.text("3.000.000");
    t.keys(&["Tab"]);
    t.text("100.000");
    t.keys(&["Enter"]);
    t.wait_for("Phím (Esc đóng)");
    t.esc();
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
    t.keys(&["c"]);
    t.wait_for("Người góp");
    t.text("TV1");
    t.keys(&["Tab"]);
    t.text("3.000.000");
    t.keys(&["Enter"]);
    t.wait_for("PT-2026-0002  Thu 3.000.000 đ");
    // BHYT for the household from the sponsor's line, the sponsor paying for everyone.
    t.keys(&["2", "Home", "b"]);
    let form = t.wait_for("Tổng:");
    assert!(form.contains("TV1,TV2,TV3,TV4"), "everyone proposed in order:\n{form}");
    assert!(line_with(&form, "TV3 Thạch Thị Mỹ").contains("người thứ 3"), "{form}");
    t.keys(&["Tab", "Tab", "Tab"]);
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
    // Cash leaving the safe for the bank is a phiếu chi (SPEC §8).
    t.wait_for("PC-2026-0003  Chi 1.000.000 đ");
    // A mistaken contribution, reversed after another key moved the list around.
    t.keys(&["c"]);
    t.wait_for("Người góp");
    t.text("TV2");
    t.keys(&["Tab"]);
    t.text("300.000");
    t.keys(&["Enter"]);
    let s = t.wait_for("PT-2026-0003  Thu 300.000 đ");
    assert!(s.contains("PT-2026-0003"), "{s}");
    t.keys(&["Home", "End", "r"]);
    t.wait_for("Hủy chứng từ PT-2026-0003");
    t.text("Ghi nhầm: bà Sà Phol góp cho tháng sau");
    t.keys(&["Enter"]);
    let ask = t.wait_for("Ghi chứng từ hủy?");
    assert!(ask.contains("300.000 đ") && ask.contains("TV2 Thạch Thị Sà Phol"), "{ask}");
    t.keys(&["c"]);
    let s = t.wait_for("Hủy PT-2026-0003");
    // The correction is a PK, in the Thu column as a negative figure (SPEC §8).
    let row = line_with(&s, "Hủy PT-2026-0003");
    assert!(row.contains("PK-2026-0002") && row.contains("−300.000 đ"), "{row}");
    // The highlight is still on the voucher reversed, now marked as such.
    std::thread::sleep(Duration::from_millis(300));
    let styled = t.screen_styled();
    let row = styled
        .lines()
        .find(|l| l.contains("PT-2026-0003") && l.contains("đã hủy bởi PK-2026-0002"))
        .unwrap_or_default();
    assert!(row.contains("\u{1b}[7m"), "the reversed voucher stays highlighted:\n{styled}");
    // The passbooks the TUI shows.
    let mut shown = std::collections::BTreeMap::new();
    for code in ["TV1", "TV2", "TV3", "TV4"] {
        t.keys(&["2", "/"]);
        t.text(code);
        t.keys(&["Enter", "Enter"]);
        let s = t.wait_for(&format!("Sổ của {code}"));
        let balance =
            line_with(&s, "Số dư:").split("Số dư:").nth(1).unwrap().split('đ').next().unwrap().trim().replace('.', "");
        shown.insert(code.to_string(), balance.parse::<i64>().unwrap());
        t.esc();
        t.esc();
    }
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
    let csv = String::from_utf8(cli(&["report", "balances", "--format", "csv"]).stdout).unwrap();
    let mut reported = std::collections::BTreeMap::new();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        reported.insert(cells[0].to_string(), cells[cells.len() - 1].parse::<i64>().unwrap());
    }
    assert_eq!(reported, shown, "report balances equals the passbooks");
    let counts = String::from_utf8(cli(&["report", "counts", "--format", "csv"]).stdout).unwrap();
    assert_eq!(counts.lines().count(), 2, "one count: {counts}");
    assert!(counts.contains(",1000000,"), "{counts}");
    let late = cli(&["contribute", "--person", "TV1", "--amount", "100.000", "--date", "2026-10-30"]);
    assert_eq!(late.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&late.stderr).contains("Sổ đã khóa đến ngày 31/10/2026"));
    let verify = cli(&["verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}
