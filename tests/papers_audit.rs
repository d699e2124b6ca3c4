//! Issue "Vouchers as Vietnamese cash practice has them", the papers an auditor signs:
//! openings in "Đầu kỳ" on every range, the journal's vouchers kept whole on a page,
//! the district's cash books and summary, the district table adding up, the forms'
//! legal-basis line and headers, the base salary's source.

mod common;

use common::Book;

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

/// `report balances --format csv` rows as (code → [opening, paid_in, paid_out, balance]).
fn balance_rows(book: &Book, range: &[&str]) -> std::collections::BTreeMap<String, [i64; 4]> {
    let mut args = vec!["report", "balances", "--format", "csv"];
    args.extend(range);
    let csv = book.ok(&args);
    csv.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let n = |i: usize| cells[i].parse::<i64>().expect("integer");
            (cells[0].to_string(), [n(2), n(3), n(4), n(5)])
        })
        .collect()
}

#[test]
fn openings_stand_in_the_opening_column_on_every_range() {
    let book = Book::new();
    for code in ["TV0001", "TV0004"] {
        book.ok(&["person", "add", "--code", code, "--name", "Thạch Thị Sa Ren", "--joined", "2023-01-01"]);
    }
    book.ok(&["opening", "--cash", "150.000", "--date", "2022-12-31"]);
    book.ok(&["opening", "--person", "TV0001", "--amount", "450.000", "--date", "2022-12-31"]);
    book.ok(&["opening", "--person", "TV0004", "--amount", "-300.000", "--date", "2022-12-31"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "150.000", "--date", "2023-01-05"]);
    book.ok(&["contribute", "--person", "TV0004", "--amount", "100.000", "--date", "2023-02-05"]);
    let whole = [450_000, 150_000, 0, 600_000];
    let owed = [-300_000, 100_000, 0, -200_000];
    // No range, a range from before the openings, a range ending before today.
    for range in [&[][..], &["--from", "2022-01-01"][..], &["--from", "2022-12-01", "--to", "2023-06-30"][..]] {
        let rows = balance_rows(&book, range);
        assert_eq!(rows["TV0001"], whole, "{range:?}");
        assert_eq!(rows["TV0004"], owed, "{range:?}");
    }
    // The opening day alone: nothing paid in or out, only the openings.
    let rows = balance_rows(&book, &["--to", "2022-12-31"]);
    assert_eq!(rows["TV0001"], [450_000, 0, 0, 450_000]);
    assert_eq!(rows["TV0004"], [-300_000, 0, 0, -300_000]);
    let text = book.ok(&["report", "balances"]);
    let line = text.lines().find(|l| l.contains("TV0001")).expect("TV0001's line");
    assert!(line.contains("450.000") && line.contains("150.000") && line.contains("600.000"), "{line}");
    let total = json(&book, &["report", "balances"]);
    assert_eq!(total["total"]["opening"], 150_000);
    assert_eq!(total["total"]["paid_in"], 250_000);
    assert_eq!(total["total"]["paid_out"], 0);
}
