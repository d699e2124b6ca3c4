//! Shared test helpers: a book in a temporary folder, driven through the real binary.
#![allow(dead_code)]

pub mod district;
pub mod forgery;
pub mod keys;
pub mod long_text;
pub mod props;
pub mod tmux;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The day the tests live on, unless a test moves it.
pub const TODAY: &str = "2026-11-24";

/// A book file in its own temporary folder.
pub struct Book {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub today: String,
}

impl Book {
    /// An empty book (no pool yet).
    pub fn empty() -> Book {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("so.db");
        Book { dir, db, today: TODAY.to_string() }
    }

    /// The book main's binary wrote at schema step 7 (tests/data/step7_book.sql: pool TO1,
    /// eight chain records), in a fresh file: what a treasurer's older book looks like.
    #[allow(dead_code)]
    pub fn at_step7() -> Book {
        let b = Book::empty();
        let db = b.sqlite();
        db.execute_batch(include_str!("../../data/step7_book.sql")).expect("step 7 book");
        drop(db);
        b
    }

    /// A book with one pool, TO1.
    pub fn new() -> Book {
        let b = Book::empty();
        b.ok(&["init", "--pool", "TO1", "--name", "Tổ hùn vốn ấp Cây Gòn"]);
        b
    }

    /// The binary, pointed at this book, with today fixed.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("hunvon").expect("binary");
        c.env("HUNVON_DB", &self.db).env("HUNVON_TODAY", &self.today).env_remove("HUNVON_USER");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run hunvon")
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "hunvon {args:?} failed ({:?}):\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs and expects exit 1; returns stderr.
    pub fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "hunvon {args:?} should exit 1:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("utf-8 stderr")
    }

    /// The voucher number a write printed (the first word of its line).
    pub fn voucher(&self, args: &[&str]) -> String {
        self.ok(args).split_whitespace().next().expect("voucher").to_string()
    }

    /// A file in the book's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// `report balances --format csv` as (code → balance).
    pub fn balances(&self) -> std::collections::BTreeMap<String, i64> {
        let csv = self.ok(&["report", "balances", "--format", "csv"]);
        let mut out = std::collections::BTreeMap::new();
        for line in csv.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            out.insert(cells[0].to_string(), cells[cells.len() - 1].parse().expect("integer balance"));
        }
        out
    }

    /// Opens the book directly with SQLite (for checks behind the program's back).
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open sqlite")
    }
}

/// A book with pool TO1, built further through the real binary: households, people,
/// contributions, as most tests start.
pub fn book() -> Builder {
    Builder { book: Book::new(), household: None, joined: None }
}

/// Household H1 of Lê Thị Thu Hương (TV0001) and Thạch Thị Sà Phol (TV0002), both
/// joined on `joined`.
pub fn two_members(joined: &str) -> Builder {
    book()
        .household("H1", "Hộ Lê Thị Thu Hương")
        .joined(joined)
        .person("TV0001", "Lê Thị Thu Hương")
        .person("TV0002", "Thạch Thị Sà Phol")
}

/// See [`book`]. People added after `household` belong to it; after `joined`, joined then.
pub struct Builder {
    book: Book,
    household: Option<String>,
    joined: Option<String>,
}

impl Builder {
    pub fn household(mut self, code: &str, name: &str) -> Builder {
        self.book.ok(&["household", "add", "--code", code, "--name", name]);
        self.household = Some(code.to_string());
        self
    }

    pub fn joined(mut self, date: &str) -> Builder {
        self.joined = Some(date.to_string());
        self
    }

    pub fn person(self, code: &str, name: &str) -> Builder {
        let mut args = vec!["person", "add", "--code", code, "--name", name];
        if let Some(h) = &self.household {
            args.extend(["--household", h]);
        }
        if let Some(d) = &self.joined {
            args.extend(["--joined", d]);
        }
        self.book.ok(&args);
        self
    }

    /// A contribution on `date`, or on the book's today when `None`.
    pub fn contribute(self, person: &str, amount: &str, date: Option<&str>) -> Builder {
        let mut args = vec!["contribute", "--person", person, "--amount", amount];
        if let Some(d) = date {
            args.extend(["--date", d]);
        }
        self.book.ok(&args);
        self
    }

    pub fn opening(self, cash: &str, date: &str) -> Builder {
        self.book.ok(&["opening", "--cash", cash, "--date", date]);
        self
    }

    pub fn done(self) -> Book {
        self.book
    }
}

/// A file of the tests' own data folder.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
