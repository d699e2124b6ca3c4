//! A row the book holds that this build cannot read (an account, kind or series it does
//! not know) is refused in one sentence naming it — never read as some default account,
//! which would put money on the wrong line of a report.

use crate::common::Book;

#[test]
fn an_unknown_account_is_refused_by_name_not_read_as_another() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Trần Thị Bé", "--joined", "01/01/2026"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "200.000", "--date", "05/01/2026"]);
    assert!(book.ok(&["report", "journal", "--format", "csv"]).contains("200000"));

    // Changed behind hunvon's back: the cash account gets a name no hunvon knows.
    book.sqlite().execute("UPDATE accounts SET name = 'két:sắt' WHERE name = 'cash'", []).unwrap();
    for report in ["journal", "cashbook"] {
        let err = book.refused(&["report", report, "--format", "csv"]);
        assert!(err.contains("tài khoản 'két:sắt'") && err.trim().lines().count() == 1, "{report}: {err}");
        let err = book.refused(&["--lang", "en", "report", report, "--format", "csv"]);
        assert!(err.contains("account 'két:sắt' is unknown"), "{report}: {err}");
    }
    let err = book.refused(&["reverse", "PT-2026-0001", "--reason", "thử"]);
    assert!(err.contains("két:sắt"), "{err}");
}
