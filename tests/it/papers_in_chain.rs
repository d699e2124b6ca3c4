//! Letterheads, cash counts and closes are chain records and rows of their own tables; the
//! papers and every write read the rows. A row changed, added or deleted with sqlite3 behind
//! hunvon's back (a close deleted would reopen a closed month) is named by `verify`.

use crate::common::Book;

/// A pool with a letterhead set twice, a contribution, two counts and a close.
fn chapter() -> Book {
    let book = Book::new();
    book.ok(&["pool", "set", "--org", "Chi hội Phụ nữ ấp Cây Gòn", "--treasurer", "Lê Thị Thu Hương"]);
    book.ok(&[
        "pool",
        "set",
        "--bank",
        "Agribank Trà Vinh",
        "--account",
        "7306205123456",
        "--leader",
        "Thạch Thị Sà Phol",
    ]);
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Nguyễn Thị Ngọc Bích"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "350.000", "--date", "2026-01-05"]);
    book.ok(&["count", "--date", "2026-01-31", "--notes", "200000x1,100000x1", "--reason", "Thiếu một tờ 50.000 đ"]);
    book.ok(&["close", "--to", "2026-01-31"]);
    book.ok(&["count", "--date", "2026-02-01", "--total", "350.000"]);
    book.ok(&["verify"]);
    book
}

#[test]
fn counts_closes_and_letterheads_changed_behind_hunvons_back_are_named() {
    let book = chapter();
    let bytes = std::fs::read(&book.db).unwrap();
    // Guards first dropped, then put back exactly as hunvon made them, so only the
    // comparison with the chain can see the change.
    let unguarded = |table: &str, what: &str, sql: &str| {
        let trigger = format!("{table}_no_{what}");
        let definition: String = book
            .sqlite()
            .query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [&trigger], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{trigger}: {e}"));
        format!("DROP TRIGGER {trigger}; {sql}; {definition};")
    };
    let cases = [
        (
            unguarded(
                "cash_counts",
                "update",
                "UPDATE cash_counts SET counted = 350000 WHERE counted_on = '2026-01-31'",
            ),
            "Bảng kiểm kê quỹ #",
            "số tiền kiểm đếm",
        ),
        (
            unguarded("cash_counts", "delete", "DELETE FROM cash_counts WHERE counted_on = '2026-02-01'"),
            "ngày 01/02/2026",
            "có trong chuỗi băm nhưng đã bị xóa",
        ),
        (
            "INSERT INTO cash_counts (pool_id, chain_pos, counted_on, book_balance, counted, notes, entered_at) \
             VALUES (1, 999, '2026-03-01', 0, 0, '[]', '2026-03-01T00:00:00Z')"
                .to_string(),
            "Bảng kiểm kê quỹ #999 ngày 01/03/2026",
            "không có bản ghi",
        ),
        // Deleting the close would let vouchers be written into January again.
        (unguarded("closes", "delete", "DELETE FROM closes"), "Khóa sổ #", "đến 31/01/2026"),
        (unguarded("closes", "update", "UPDATE closes SET cash = 0"), "Khóa sổ #", "tiền mặt khác với bản ghi"),
        (
            unguarded("letterheads", "update", "UPDATE letterheads SET treasurer = 'Người Khác'"),
            "Tiêu đề giấy tờ của quỹ",
            "thủ quỹ khác với bản ghi",
        ),
        // The form set changes the legal-basis line and book numbers every paper prints.
        (
            unguarded("letterheads", "update", "UPDATE letterheads SET forms = 'TT133'"),
            "Tiêu đề giấy tờ của quỹ",
            "bộ mẫu biểu khác với bản ghi",
        ),
        (
            "INSERT INTO letterheads (pool_id, org, set_at) VALUES (1, 'Đơn vị giả', '2026-03-01T00:00:00Z')"
                .to_string(),
            "Tiêu đề giấy tờ của quỹ",
            "không có bản ghi",
        ),
    ];
    for (sql, who, what) in cases {
        std::fs::write(&book.db, &bytes).unwrap();
        book.sqlite().execute_batch(&sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let err = book.refused(&["verify"]);
        assert!(err.contains(who) && err.contains(what), "{sql}: expected {who} … {what} in: {err}");
    }
    let err = book.refused(&["--lang", "en", "verify"]);
    assert!(err.contains("The pool's letterhead") && err.contains("no record in the hash chain"), "{err}");
}
