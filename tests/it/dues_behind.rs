//! Dues behind (docs/design.md §3): dues of each month from the later of the dues' start and
//! the day she joined, to the as-of month, less only what she contributed in that span; one
//! figure in `report arrears`, the summary and the TUI's list; and a sentence when no dues were
//! set.

use crate::common::Book;
use chrono::NaiveDate;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

/// Six members who joined in 2024 and saved 500.000 đ each before the dues began on
/// 01/01/2025; in January 2025 none of them paid. A seventh joined in February 2025 and
/// paid 50.000 đ before joining (savings, not dues) and 100.000 đ in March.
fn book() -> Book {
    let b = Book::new();
    b.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Văn Tư"]);
    for i in 1..=6 {
        let code = format!("TV{i}");
        b.ok(&[
            "person",
            "add",
            "--code",
            &code,
            "--name",
            "Lê Thị Năm",
            "--joined",
            "2024-03-01",
            "--household",
            "H1",
        ]);
        b.ok(&["contribute", "--person", &code, "--amount", "500.000", "--date", "2024-06-10"]);
    }
    b.ok(&["person", "add", "--code", "TV7", "--name", "Trần Thị Bảy", "--joined", "2025-02-15", "--household", "H1"]);
    b.ok(&["contribute", "--person", "TV7", "--amount", "50.000", "--date", "2025-01-20"]);
    b.ok(&["contribute", "--person", "TV7", "--amount", "100.000", "--date", "2025-03-05"]);
    b.ok(&["dues", "set", "--amount", "100.000", "--from", "2025-01-01"]);
    b
}

#[test]
fn contributions_before_the_dues_began_are_not_dues_paid() {
    let b = book();
    let a = json(&b, &["report", "arrears", "--as-of", "2025-01-31"]);
    let dues = a["dues"].as_array().unwrap();
    assert_eq!(dues.len(), 6, "six members paid nothing in January 2025: {a:#}");
    for r in dues {
        assert_eq!((r["owed"].as_i64(), r["months"].as_i64()), (Some(100_000), Some(1)), "{r}");
        assert_eq!(r["paid"].as_i64(), Some(0), "2024's savings are not January's dues: {r}");
    }
    // March: three months each for the six; TV7 owes February and March less March's 100.000 đ.
    let a = json(&b, &["report", "arrears", "--as-of", "2025-03-31"]);
    let owed = |code: &str| a["dues"].as_array().unwrap().iter().find(|r| r["code"] == code).map(|r| r["owed"].clone());
    assert_eq!(owed("TV1"), Some(serde_json::json!(300_000)));
    assert_eq!(owed("TV7"), Some(serde_json::json!(100_000)), "{a:#}");
}

/// With no voucher dated before the dues began, only a member who joined in a later month
/// can have saved before her span (`moved_before_span` then looks at those alone): TV2
/// joined in March 2025 and put 50.000 đ by in February, which is not March's dues.
#[test]
fn savings_before_a_later_join_are_not_dues_when_nothing_predates_the_dues() {
    let b = Book::new();
    b.ok(&["dues", "set", "--amount", "100.000", "--from", "2025-01-01"]);
    b.ok(&["person", "add", "--code", "TV1", "--name", "Lê Thị Năm", "--joined", "2025-01-01"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "100.000", "--date", "2025-01-10"]);
    b.ok(&["person", "add", "--code", "TV2", "--name", "Trần Thị Hạnh", "--joined", "2025-03-15"]);
    b.ok(&["contribute", "--person", "TV2", "--amount", "50.000", "--date", "2025-02-10"]);
    b.ok(&["contribute", "--person", "TV2", "--amount", "100.000", "--date", "2025-03-20"]);
    let a = json(&b, &["report", "arrears", "--as-of", "2025-04-30"]);
    let owed = |code: &str| a["dues"].as_array().unwrap().iter().find(|r| r["code"] == code).map(|r| r["owed"].clone());
    assert_eq!(owed("TV2"), Some(serde_json::json!(100_000)), "March and April less March's 100.000 đ: {a:#}");
    assert_eq!(owed("TV1"), Some(serde_json::json!(300_000)), "{a:#}");
    let app =
        App::open(&b.db, true, None, Lang::Vi, Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())).unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 4, 30).unwrap();
    assert_eq!(serde_json::json!(app.watch(day).unwrap().dues_total.0), a["total_dues"]);
}

#[test]
fn summary_arrears_report_and_tui_give_one_figure() {
    let b = book();
    for (from, to) in [("2025-01-01", "2025-01-31"), ("2025-02-01", "2025-03-31"), ("2025-01-01", "2026-11-24")] {
        let summary = json(&b, &["report", "summary", "--from", from, "--to", to]);
        let arrears = json(&b, &["report", "arrears", "--as-of", to]);
        assert_eq!(summary["arrears"], arrears["total_dues"], "{from}…{to}");
        let day = NaiveDate::parse_from_str(to, "%Y-%m-%d").unwrap();
        let app = App::open(&b.db, true, None, Lang::Vi, Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()))
            .unwrap();
        assert_eq!(serde_json::json!(app.watch(day).unwrap().dues_total.0), arrears["total_dues"], "TUI as of {to}");
    }
    assert!(json(&b, &["report", "arrears", "--as-of", "2025-01-31"])["total_dues"].as_i64() == Some(600_000));
}

#[test]
fn arrears_without_dues_say_so() {
    let b = Book::new();
    b.ok(&["person", "add", "--code", "TV1", "--name", "Lê Văn Tư", "--joined", "2026-01-01"]);
    let text = b.ok(&["report", "arrears"]);
    assert!(text.contains("Chưa đặt mức đóng (hunvon dues set)"), "{text}");
    let text = b.ok(&["--lang", "en", "report", "arrears"]);
    assert!(text.contains("No dues set yet (hunvon dues set)"), "{text}");
}
