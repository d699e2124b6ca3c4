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
        let socket = format!("hunvon-e2e-{}-{}", std::process::id(), cmd.len());
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
