//! Values that parse but are nonsense, refused (docs/design.md §10 "Bounds", "CSV",
//! "Privacy"). Everything through the real binary on a real book, except the TUI
//! form field, checked in-process with the same clock.

use crate::common::{Book, path_str};

/// A book with a member A1 of household H1, joined in 2024.
fn book() -> Book {
    crate::common::book().household("H1", "Hộ Lê Thị Thu").joined("2024-01-01").person("A1", "Lê Thị Thu").done()
}

fn vouchers(book: &Book) -> i64 {
    book.sqlite().query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap()
}

fn contribute<'a>(date: &'a str, note: &'a str) -> Vec<&'a str> {
    vec!["contribute", "--person", "A1", "--amount", "100000", "--date", date, "--note", note]
}

/// Stderr carries no raw escape, bidi or zero-width character.
fn clean(stderr: &str) -> bool {
    !stderr.chars().any(|c| {
        c.is_control() && c != '\n' || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
    })
}

#[test]
fn point_11_dates_cards_and_months_have_bounds() {
    let book = book();
    for early in ["0001-01-01", "1899-12-31", "31/12/1999"] {
        let err = book.refused(&contribute(early, ""));
        assert!(err.contains("--date") && err.contains("01/01/2000"), "{early}: {err}");
    }
    book.ok(&contribute("01/01/2000", ""));
    let err = book.refused(&["person", "add", "--code", "B1", "--name", "Bà Cụ", "--dob", "31/12/1899"]);
    assert!(err.contains("--dob") && err.contains("01/01/1900"), "{err}");
    book.ok(&["person", "add", "--code", "B1", "--name", "Bà Cụ", "--dob", "01/01/1900"]);
    let err = book.refused(&["person", "edit", "B1", "--dob", "0001-01-01"]);
    assert!(err.contains("--dob"), "{err}");

    // A card runs forwards, twelve months at most.
    let quote = |from: &str, to: &str| {
        vec!["quote", "bhyt", "--person", "A1", "--months", "12", "--card-from", from, "--card-to", to]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let run = |args: Vec<String>| book.refused(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let err = run(quote("2026-12-01", "2026-11-30"));
    assert!(err.contains("--card-to") && err.contains("30/11/2026") && err.contains("01/12/2026"), "{err}");
    let err = run(quote("2026-12-01", "2027-12-02"));
    assert!(err.contains("12") && err.contains("02/12/2027"), "{err}");
    let err = run(quote("1899-12-31", "1900-12-30"));
    assert!(err.contains("--card-from") && err.contains("01/01/2000"), "{err}");
    book.ok(&quote("2026-12-01", "2027-11-30").iter().map(String::as_str).collect::<Vec<_>>());

    // BHXH months: from 2008-01 to twelve months after today (24/11/2026).
    let bhxh = |month: &str| {
        let args = ["quote", "bhxh", "--person", "A1", "--months", "1", "--income", "1500000", "--from-month", month];
        book.refused(&args)
    };
    for month in ["2007-12", "0001-01", "2027-12"] {
        let err = bhxh(month);
        assert!(err.contains("--from-month") && err.contains("2008-01") && err.contains("2027-11"), "{month}: {err}");
    }

    // CSV rows go through the same checks, naming the column.
    let csv = book.write("gop.csv", "date,person_code,amount\n1999-12-31,A1,1000\n2026-01-05,A1,1000\n");
    let err = book.refused(&["import", "contributions", path_str(&csv)]);
    assert!(err.contains("Dòng 2") && err.contains("date") && err.contains("01/01/2000"), "{err}");
    let csv = book.write("nguoi.csv", "code,full_name,date_of_birth\nC1,Cụ Ông,1899-12-31\n");
    let err = book.refused(&["import", "people", path_str(&csv)]);
    assert!(err.contains("Dòng 2") && err.contains("date_of_birth") && err.contains("01/01/1900"), "{err}");
    assert_eq!(vouchers(&book), 1);

    // And the TUI's date fields.
    use hunvon::tui::form::{Field, FieldKey, Kind};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let clock = hunvon_app::Clock::fixed(today);
    let app = hunvon_app::App::open(&book.db, true, None, hunvon_core::messages::i18n::Lang::Vi, clock).unwrap();
    let mut field = Field::new(FieldKey::Date, "Ngày", Kind::Date, "31/12/1999");
    field.check(&app, false);
    assert!(field.error.as_deref().is_some_and(|e| e.contains("01/01/2000")), "{:?}", field.error);
}

#[test]
fn point_12_hidden_characters_and_long_text_are_refused_and_never_echoed_raw() {
    let book = book();
    let cases: [(&[&str], &str); 8] = [
        (&["person", "add", "--code", "X1", "--name", "Lê\u{1b}[31m Thu"], "--name"),
        (&["person", "add", "--code", "X1", "--name", "Lê\tThu"], "--name"),
        (&["person", "edit", "A1", "--name", "\u{202e}uhT êL"], "--name"),
        (&["household", "add", "--code", "H2", "--name", "Hộ B", "--address", "Ấp 3\u{7f}"], "--address"),
        (&["contribute", "--person", "A1", "--amount", "1000", "--note", "góp\u{200b}"], "--note"),
        (&["contribute", "--person", "A1", "--amount", "1000", "--note", "góp\u{85}"], "--note"),
        (&["receive", "--fund", "common", "--amount", "1000", "--note", "lãi\u{2066}"], "--note"),
        (&["contribute", "--person", "A1", "--amount", "1000", "--note", "\u{feff}góp"], "--note"),
    ];
    for (args, field) in cases {
        let err = book.refused(args);
        assert!(err.contains(field) && clean(&err), "{args:?}: {err:?}");
    }
    let err = book.refused(&["person", "add", "--code", "X1", "--name", "Lê\u{1b}[31m Thu"]);
    assert!(err.contains("\\u{1b}"), "shown escaped: {err}");

    // Lengths: names 100, notes and reasons 500, addresses 200.
    let long = |n: usize| "ư".repeat(n);
    let (n100, n101, n200, n201, n500, n501) = (long(100), long(101), long(200), long(201), long(500), long(501));
    let err = book.refused(&["person", "add", "--code", "X1", "--name", &n101]);
    assert!(err.contains("--name") && err.contains("101") && err.contains("100"), "{err}");
    book.ok(&["person", "add", "--code", "X1", "--name", &n100]);
    let err = book.refused(&["household", "add", "--code", "H2", "--name", "B", "--address", &n201]);
    assert!(err.contains("--address") && err.contains("200"), "{err}");
    book.ok(&["household", "add", "--code", "H2", "--name", "B", "--address", &n200]);
    let err = book.refused(&contribute("2026-01-05", &n501));
    assert!(err.contains("--note") && err.contains("500"), "{err}");
    let v = book.voucher(&contribute("2026-01-05", &n500));
    let err = book.refused(&["reverse", &v, "--reason", &n501]);
    assert!(err.contains("--reason") && err.contains("500"), "{err}");
    let err = book.refused(&["reverse", &v, "--reason", "nhầm\u{1b}]0;x\u{7}"]);
    assert!(err.contains("--reason") && clean(&err), "{err:?}");

    // Values echoed by other refusals are escaped too.
    for args in [
        &["slip", "PT-2026-0001\u{1b}[2J"][..],
        &["contribute", "--person", "A1", "--amount", "1\u{1b}[2J"],
        &["contribute", "--person", "A1", "--amount", "1000", "--date", "\u{9b}31m"],
        &["report", "bal\u{1b}ances"],
    ] {
        let err = book.refused(args);
        assert!(clean(&err) && err.contains("\\u{"), "{args:?}: {err:?}");
    }

    // CSV cells: the column is named, nothing imported.
    let csv = book.write("gop.csv", "date,person_code,amount,note\n2026-01-05,A1,1000,\"a\u{1b}[2J\"\n");
    let err = book.refused(&["import", "contributions", path_str(&csv)]);
    assert!(err.contains("Dòng 2") && err.contains("note") && clean(&err), "{err:?}");
    assert_eq!(vouchers(&book), 1);

    // A name stored before these checks (written here behind hunvon's back) prints escaped.
    book.sqlite()
        .execute("UPDATE persons SET full_name = 'Lê' || char(27) || '[2J Thu' WHERE code = 'A1'", [])
        .unwrap();
    for args in [&["report", "balances"][..], &["contribute", "--person", "A1", "--amount", "1000"]] {
        let out = book.ok(args);
        assert!(clean(&out) && out.contains("Lê\\u{1b}[2J Thu"), "{args:?}: {out:?}");
    }
}

#[test]
fn point_13_csv_headers_and_files_imported_twice() {
    let mut book = book();
    let twice = book.write("twice.csv", "date,person_code,amount,amount\n2026-01-05,A1,1000,2000\n");
    let err = book.refused(&["import", "contributions", path_str(&twice)]);
    assert!(err.contains("amount") && err.contains("date,person_code,amount,method,note"), "{err}");
    let twice = book.write("people.csv", "code,full_name,Full_Name\nP1,Bà Ba,Bà Bốn\n");
    let err = book.refused(&["import", "people", path_str(&twice)]);
    assert!(err.contains("Full_Name") && err.contains("code,full_name,date_of_birth"), "{err}");
    assert_eq!(vouchers(&book), 0);

    // An Excel STT column is ignored, and said.
    let excel = book.write("excel.csv", "STT,date,person_code,amount\n1,2026-01-05,A1,1000\n2,2026-01-06,A1,2000\n");
    book.today = "2026-11-20".into();
    let out = book.cmd().args(["import", "contributions", path_str(&excel)]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains("STT"), "{err}");
    assert_eq!(vouchers(&book), 2);

    // The same bytes again, days later: refused, naming the day; --dry-run too.
    book.today = "2026-11-24".into();
    for args in [
        &["import", "contributions", path_str(&excel)][..],
        &["import", "contributions", path_str(&excel), "--dry-run"],
    ] {
        let err = book.refused(args);
        assert!(err.contains("20/11/2026") && err.contains("--again"), "{err}");
    }
    let copy = book.path("excel-copy.csv");
    std::fs::copy(&excel, &copy).unwrap();
    let err = book.refused(&["--lang", "en", "import", "contributions", path_str(&copy)]);
    assert!(err.contains("20/11/2026") && err.contains("--again"), "a copy under another name: {err}");
    assert_eq!(vouchers(&book), 2);
    book.ok(&["import", "contributions", path_str(&excel), "--again"]);
    assert_eq!(vouchers(&book), 4);
    let recorded: Vec<(String, String, i64)> = book
        .sqlite()
        .prepare("SELECT kind, imported_on, rows FROM imports ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        recorded,
        vec![("contributions".into(), "2026-11-20".into(), 2), ("contributions".into(), "2026-11-24".into(), 2)]
    );
    // Another pool of the file has not imported it.
    book.ok(&["init", "--pool", "TO2", "--name", "Tổ hai"]);
    book.ok(&["--pool", "TO2", "person", "add", "--code", "A1", "--name", "Lê Thị Thu", "--joined", "2024-01-01"]);
    book.ok(&["--pool", "TO2", "import", "contributions", path_str(&excel)]);
}

#[test]
fn point_14_report_periods() {
    let book = book();
    book.ok(&contribute("2026-03-02", ""));
    let err = book.refused(&["report", "balances", "--from", "2026-03-05", "--to", "2026-03-01"]);
    assert!(err.contains("05/03/2026") && err.contains("01/03/2026"), "{err}");
    let err = book.refused(&["report", "coverage", "--from", "2026-03-05", "--as-of", "2026-03-01"]);
    assert!(err.contains("--from") && err.contains("01/03/2026"), "{err}");

    // Money reports asked past today run to today, and say so.
    for report in ["balances", "journal", "cashbook", "summary", "arrears"] {
        let out = book.cmd().args(["report", report, "--to", "2027-01-31", "--format", "json"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.contains("31/01/2027") && err.contains("24/11/2026"), "{report}: {err}");
    }
    let out = book.cmd().args(["report", "balances", "--as-of", "2027-01-31", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["to"], "2026-11-24");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of"));

    // Coverage ahead is a forecast, and the paper says so.
    book.ok(&["buy", "bhyt", "--person", "A1", "--months", "3", "--date", "2026-11-01"]);
    let ahead = book.ok(&["report", "coverage", "--as-of", "2027-06-01"]);
    assert!(ahead.contains("Dự kiến —") && ahead.contains("01/06/2027"), "{ahead}");
    let ahead = book.ok(&["--lang", "en", "report", "coverage", "--as-of", "2027-06-01"]);
    assert!(ahead.contains("Forecast —"), "{ahead}");
    let v: serde_json::Value =
        serde_json::from_str(&book.ok(&["report", "coverage", "--as-of", "2027-06-01", "--format", "json"])).unwrap();
    assert_eq!(v["forecast"], true);
    assert_eq!(v["rows"][0]["bhyt_status"], "lapsed");
    let now = book.ok(&["report", "coverage"]);
    assert!(!now.contains("Dự kiến"), "{now}");

    // `--year` is the plan's year: any other report refuses it rather than print
    // another period than the one asked for, and writes no file.
    let out = book.dir.path().join("tong-hop-2025.pdf");
    for report in ["summary", "balances", "cashbook", "coverage", "arrears"] {
        let err = book.refused(&["report", report, "--year", "2025", "--format", "pdf", "--output", path_str(&out)]);
        assert!(err.contains("--year") && err.contains("targets") && err.contains("--from"), "{report}: {err}");
        assert!(!out.exists(), "{report}");
    }
    book.ok(&["report", "targets", "--year", "2025"]);
}

#[test]
fn point_16_bhxh_codes_are_masked_like_cccd() {
    let book = book();
    book.ok(&["person", "edit", "A1", "--bhxh-code", "8494664290"]);
    let err = book.refused(&["person", "add", "--code", "B1", "--name", "B", "--bhxh-code", "8494664290"]);
    assert!(err.contains("849*****90") && !err.contains("8494664290"), "{err}");
    let err = book.refused(&["person", "add", "--code", "B1", "--name", "B", "--bhxh-code", "84946642901"]);
    assert!(err.contains("849******01") && !err.contains("84946642901"), "{err}");
    let csv = book.write("people.csv", "code,full_name,bhxh_code\nB1,Bà Ba,8494664290\nB2,Bà Bốn,849466429x\n");
    let err = book.refused(&["import", "people", path_str(&csv)]);
    assert!(err.contains("849*****90") && !err.contains("8494664290") && !err.contains("849466429x"), "{err}");
}
