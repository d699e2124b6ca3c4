//! Every parser a user feeds, fuzzed with property tests: amounts, dates, CCCD, mã số
//! BHXH, codes, months, and whole CSV files (wrong column counts, BOM, CRLF, NFD text,
//! invalid UTF-8, formula injection, a 10 MB field). Nothing may panic; every refusal
//! names the field and the value; a refused import writes nothing.
//!
//! CI runs proptest's default case count; a full local run sets PROPTEST_CASES (for
//! example 200000, which makes over a million cases across these properties).

use chrono::NaiveDate;
use hunvon_app::people::PersonInput;
use hunvon_app::people::import::ImportKind;
use hunvon_app::{App, Clock};
use hunvon_core::domain::input;
use hunvon_core::messages::error::Error;
use hunvon_core::messages::i18n::Lang;
use proptest::prelude::*;

use crate::common::props;

fn app_in(dir: &tempfile::TempDir) -> App {
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut app = App::open(&dir.path().join("f.db"), false, None, Lang::Vi, clock).unwrap();
    app.init_pool("TO1", "Tổ thử").unwrap();
    for code in ["TV0001", "TV0002"] {
        app.add_person(&PersonInput {
            code: code.into(),
            full_name: Some("Lê Thị Hường".into()),
            ..Default::default()
        })
        .unwrap();
    }
    app
}

fn vouchers(app: &App) -> i64 {
    count(app, "transactions")
}

/// Rows of a table, counted behind the program's back.
fn count(app: &App, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(app.book_path()).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// A refusal's sentence names the field, in both languages, and never panics.
fn names_field(e: &Error, field: &str) -> bool {
    e.text(Lang::Vi).contains(field) && e.text(Lang::En).contains(field)
}

proptest! {
    #![proptest_config(props::config(ProptestConfig::default().cases, "fuzz_inputs.txt"))]

    #[test]
    fn amounts(s in "\\PC{0,20}|[0-9 .,đ₫-]{0,16}") {
        match input::amount("--amount", &s) {
            Ok(d) => {
                prop_assert!(d.0 > 0);
                prop_assert_eq!(input::amount("--amount", &d.to_string()).unwrap(), d);
            }
            Err(e) => prop_assert!(names_field(&e, "--amount")),
        }
    }

    #[test]
    fn dates(s in "\\PC{0,12}|[0-9/-]{6,10}") {
        match input::date("--date", &s) {
            Ok(d) => prop_assert_eq!(input::date("--date", &hunvon_core::domain::date::format_vn(d)).unwrap(), d),
            Err(e) => prop_assert!(names_field(&e, "--date") && e.text(Lang::Vi).contains(&s.chars().take(40).collect::<String>())),
        }
    }

    #[test]
    fn identity_numbers(s in "\\PC{0,14}|[0-9]{9,13}") {
        let digits = |n: usize| s.trim().len() == n && s.trim().chars().all(|c| c.is_ascii_digit());
        match input::cccd("--cccd", &s) {
            Ok(v) => prop_assert!(digits(12) && v.len() == 12),
            Err(e) => {
                prop_assert!(!digits(12) && names_field(&e, "--cccd"));
                // The number itself stays out of the message.
                if s.trim().len() >= 6 && s.trim().chars().all(|c| c.is_ascii_digit()) { prop_assert!(!e.text(Lang::Vi).contains(s.trim())); }
            }
        }
        match input::bhxh_code("--bhxh-code", &s) {
            Ok(_) => prop_assert!(digits(10)),
            Err(e) => prop_assert!(!digits(10) && names_field(&e, "--bhxh-code")),
        }
    }

    #[test]
    fn codes_months_categories(s in "\\PC{0,24}") {
        if let Err(e) = input::code("--code", &s) { prop_assert!(names_field(&e, "--code")); }
        if let Err(e) = input::months("--months", &s, &[3, 6, 12]) { prop_assert!(names_field(&e, "--months")); }
        if let Err(e) = input::category("--category", &s) { prop_assert!(names_field(&e, "--category")); }
        if let Err(e) = input::year_month("--from-month", &s) { prop_assert!(names_field(&e, "--from-month")); }
        let _ = input::gender("--gender", &s);
    }

    /// Names, notes and addresses: what is kept has no hidden character and fits its
    /// length; what is refused names the field, and its sentence shows nothing raw.
    #[test]
    fn texts(s in "\\PC{0,6}[\\x00-\\x1F\\x7F\\x{80}-\\x{9F}\\x{200B}-\\x{200D}\\x{2060}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{FEFF}]?\\PC{0,6}|\\PC{95,105}|[ư ]{195,205}") {
        let hidden = |t: &str| t.chars().any(hunvon_core::domain::text::is_hidden);
        for (field, max, result) in [
            ("--name", 100, input::name("--name", &s)),
            ("--note", 500, input::note("--note", &s)),
            ("--address", 200, input::address("--address", &s)),
        ] {
            match result {
                Ok(v) => prop_assert!(!hidden(&v) && v.chars().count() <= max && !hidden(&s)),
                Err(e) => prop_assert!(names_field(&e, field) && !hidden(&e.text(Lang::Vi)) && !hidden(&e.text(Lang::En))),
            }
        }
    }

    /// A voucher date kept lies between 01/01/2000 and today.
    #[test]
    fn voucher_dates(days in -800_000i64..10_000) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let d = today + chrono::Duration::days(days);
        match input::voucher_date("--date", &hunvon_core::domain::date::format_iso(d), today) {
            Ok(kept) => prop_assert!(kept == d && input::FIRST_VOUCHER_DAY <= d && d <= today),
            Err(e) => prop_assert!((d < input::FIRST_VOUCHER_DAY || d > today) && names_field(&e, "--date")),
        }
    }
}

/// One CSV cell of a hostile file.
fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"TV0001".to_vec()),
        Just(b"TV9999".to_vec()),
        Just(b"2026-01-05".to_vec()),
        Just(b"31/02/2024".to_vec()),
        Just(b"200.000".to_vec()),
        Just(b"\"200000,5\"".to_vec()),
        Just(b"-5000".to_vec()),
        Just(b"cash".to_vec()),
        Just("Nguye\u{302}\u{303}n".as_bytes().to_vec()),
        Just(b"=cmd|' /C calc'!A0".to_vec()),
        Just(vec![0xff, 0xfe, b'a']),
        "[a-z0-9 ]{0,8}".prop_map(String::into_bytes),
    ]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    let row = proptest::collection::vec(cell(), 0..8);
    (any::<bool>(), any::<bool>(), proptest::collection::vec(row, 0..12)).prop_map(|(bom, crlf, rows)| {
        let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        out.extend_from_slice(b"date,person_code,amount,method,note");
        out.extend_from_slice(eol);
        for r in rows {
            out.extend_from_slice(&r.join(&b","[..]));
            out.extend_from_slice(eol);
        }
        out
    })
}

proptest! {
    #![proptest_config(props::config(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(64, |n: u32| (n / 50).max(64)), "fuzz_inputs.txt"))]

    /// A hostile contributions file: the import either writes every row or none, and
    /// every refusal names a line.
    #[test]
    fn csv_imports_are_all_or_nothing(bytes in file()) {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(&dir);
        let path = dir.path().join("x.csv");
        std::fs::write(&path, &bytes).unwrap();
        let before = vouchers(&app);
        match app.import(ImportKind::Contributions, &path, false) {
            Ok(s) => prop_assert_eq!(vouchers(&app), before + s.rows as i64),
            Err(Error::Import { rows }) => {
                prop_assert!(!rows.is_empty());
                prop_assert_eq!(vouchers(&app), before);
                let text = Error::Import { rows }.text(Lang::Vi);
                prop_assert!(text.contains("Dòng"));
            }
            Err(other) => prop_assert!(false, "unexpected {}", other.text(Lang::En)),
        }
        // People files too: no panic, nothing half-written.
        let people = dir.path().join("p.csv");
        let mut p = b"code,full_name,cccd,phone\n".to_vec();
        p.extend_from_slice(&bytes);
        std::fs::write(&people, &p).unwrap();
        let persons = count(&app, "persons");
        if app.import(ImportKind::People, &people, false).is_err() {
            let after = count(&app, "persons");
            prop_assert_eq!(after, persons);
        }
    }
}

#[test]
fn a_ten_megabyte_field_is_a_clear_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(&dir);
    let path = dir.path().join("big.csv");
    let big = "x".repeat(10 * 1024 * 1024);
    std::fs::write(&path, format!("date,person_code,amount,method,note\n2026-01-05,TV0001,{big},cash,a\n")).unwrap();
    let err = app.import(ImportKind::Contributions, &path, false).unwrap_err();
    let text = err.text(Lang::Vi);
    assert!(
        text.contains("Dòng 2") && text.contains("amount") && text.len() < 1000,
        "{}",
        text.chars().take(300).collect::<String>()
    );
    assert_eq!(vouchers(&app), 0);
}

#[test]
fn formulas_are_neutralised_in_csv_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(&dir);
    app.add_person(&PersonInput {
        code: "X1".into(),
        full_name: Some("=cmd|' /C calc'!A0".into()),
        ..Default::default()
    })
    .unwrap();
    app.contribute("X1", "1000", "2026-01-05", None, "@SUM(A1:A9)").unwrap();
    let period = app.period(None, None, None).unwrap();
    let balances = String::from_utf8(app.report_balances(period, hunvon_report::Format::Csv).unwrap()).unwrap();
    assert!(balances.contains("X1,'=cmd|' /C calc'!A0,0,1000,0,1000"), "{balances}");
    let journal = String::from_utf8(app.report_journal(period, hunvon_report::Format::Csv).unwrap()).unwrap();
    assert!(journal.contains("'@SUM(A1:A9)") && !journal.contains(",@SUM"), "{journal}");
}
