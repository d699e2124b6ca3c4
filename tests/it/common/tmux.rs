//! The TUI in a real terminal: a private tmux server, keys sent with send-keys, the screen
//! read with capture-pane, the real binary. Needs tmux (scripts/test installs it).

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// The shell writes the program's exit status here when it quits (tmux 3.3 does not
    /// always fill in #{pane_dead_status}).
    status_file: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    pub fn start(cmd: &str, env: &[(&str, &str)]) -> Tmux {
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

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
        }
    }

    pub fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", s]);
    }

    pub fn wait_for(&self, needle: &str) -> String {
        until(&format!("{needle:?} shows"), || self.screen(), |s| s.contains(needle))
    }

    /// Waits until one line of the screen holds both texts (a field's label and its value).
    pub fn wait_line(&self, label: &str, value: &str) -> String {
        until(
            &format!("a line with {label:?} and {value:?}"),
            || self.screen(),
            |s| s.lines().any(|l| l.contains(label) && l.contains(value)),
        )
    }

    /// The program's exit status, once it has quit.
    pub fn exit_status(&self) -> String {
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
pub fn bin() -> String {
    std::env::var("HUNVON_E2E_BIN").unwrap_or_else(|_| assert_cmd::cargo::cargo_bin("hunvon").display().to_string())
}

/// Reads `screen` until `ready` holds, for up to 15 s (the failure names `what` and shows
/// the last screen).
fn until(what: &str, screen: impl Fn() -> String, ready: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let s = screen();
        if ready(&s) {
            return s;
        }
        assert!(start.elapsed() < Duration::from_secs(15), "timed out waiting until {what}:\n{s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Each person's balance by code as `report balances --format csv` gives it for the book
/// `db` on `today` (the figures the passbooks must equal).
pub fn reported_balances(db: &str, today: &str) -> std::collections::BTreeMap<String, i64> {
    let out = Command::new(bin())
        .env("HUNVON_TODAY", today)
        .args(["--db", db, "report", "balances", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    csv.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0].to_string(), cells[cells.len() - 1].parse::<i64>().unwrap())
        })
        .collect()
}

/// The line of `screen` that holds `needle`.
pub fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen.lines().find(|l| l.contains(needle)).unwrap_or_default()
}

impl Tmux {
    /// The first-run screen of a new book answered by keys (the pool's name, its cash and
    /// its monthly dues), then the tour of the keys it opens closed with Esc.
    #[allow(dead_code)]
    pub fn first_run(&self, name: &str, cash: &str, dues: &str) {
        self.wait_for("Lần đầu dùng hunvon");
        self.keys(&["Tab"]);
        self.text(name);
        self.keys(&["Tab"]);
        self.text(cash);
        self.keys(&["Tab"]);
        self.text(dues);
        self.keys(&["Enter"]);
        self.wait_for("Phím (Esc đóng)");
        self.esc();
    }

    /// Esc on its own (an Esc followed at once by a key reads as Alt+key).
    pub fn esc(&self) {
        std::thread::sleep(Duration::from_millis(150));
        self.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(250));
    }

    /// Waits until the styled screen satisfies `ready` (named `what` in the failure).
    pub fn wait_styled(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        until(what, || self.screen_styled(), ready)
    }

    /// A contribution typed on Thu chi (key c): the member's code, the amount, Enter;
    /// returns the screen once the voucher's line `written` shows.
    pub fn contribute(&self, code: &str, amount: &str, written: &str) -> String {
        self.keys(&["c"]);
        self.wait_for("Người góp");
        self.text(code);
        self.keys(&["Tab"]);
        self.text(amount);
        self.keys(&["Enter"]);
        self.wait_for(written)
    }

    /// The balance a person's passbook shows, in đồng: found on Người by her code, her
    /// passbook opened, read, and both closed again.
    pub fn passbook_balance(&self, code: &str) -> i64 {
        self.keys(&["2", "/"]);
        self.text(code);
        self.keys(&["Enter", "Enter"]);
        let s = self.wait_for(&format!("Sổ của {code}"));
        let balance =
            line_with(&s, "Số dư:").split("Số dư:").nth(1).unwrap().split('đ').next().unwrap().trim().replace('.', "");
        self.esc();
        self.esc();
        balance.parse().unwrap()
    }

    /// The screen with its colours and attributes (the highlighted row is reversed).
    pub fn screen_styled(&self) -> String {
        self.run(&["capture-pane", "-e", "-p", "-t", "e2e"])
    }
}
