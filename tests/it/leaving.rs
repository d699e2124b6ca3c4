//! A member leaves (`person edit --left D`) and is paid back what the pool holds for her
//! (`withdraw`): no dues after the month she left, no longer the default payer for the
//! people she sponsors, refused beyond her balance unless `--allow-debt`.

use crate::common::Book;

#[test]
fn a_member_leaves_and_is_paid_back() {
    let b = Book::new();
    b.ok(&["dues", "set", "--amount", "100.000", "--from", "2026-01-01"]);
    b.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Văn Tư"]);
    b.ok(&["person", "add", "--code", "TV1", "--name", "Lê Văn Tư", "--joined", "2026-01-01", "--household", "H1"]);
    b.ok(&["person", "add", "--code", "TV2", "--name", "Lê Thị Năm", "--household", "H1", "--sponsor", "TV1"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "600.000", "--date", "2026-06-30"]);
    // Ten months of dues by the end of October, six paid: four behind.
    let arrears = b.ok(&["report", "arrears", "--as-of", "2026-10-31", "--format", "csv"]);
    assert!(arrears.contains("dues,TV1,Lê Văn Tư,2026-01-01,4,400000"), "{arrears}");
    b.ok(&["person", "edit", "TV1", "--left", "2026-06-30"]);
    let arrears = b.ok(&["report", "arrears", "--as-of", "2026-10-31", "--format", "csv"]);
    assert!(!arrears.contains("dues,TV1"), "no dues after the month she left:\n{arrears}");
    // Her relative needs a payer now.
    let refused = b.refused(&["buy", "bhyt", "--person", "TV2", "--months", "12", "--date", "2026-11-24"]);
    assert!(refused.contains("--payer"), "{refused}");
    // Paid back: not beyond what the pool holds, unless she may owe.
    let refused = b.refused(&["withdraw", "--person", "TV1", "--amount", "600.001"]);
    assert!(refused.contains("600.000 đ") && refused.contains("--allow-debt"), "{refused}");
    let line = b.ok(&["withdraw", "--person", "TV1", "--amount", "600.000"]);
    assert!(line.starts_with("PC-2026-0001") && line.contains("Trả lại tiền góp"), "{line}");
    assert_eq!(b.balances()["TV1"], 0);
    let journal = b.ok(&["report", "journal", "--format", "csv"]);
    assert!(journal.contains("PC-2026-0001,2026-11-24,withdrawal,"), "{journal}");
    b.ok(&["verify"]);
    // Leaving before joining, or without having joined, is refused.
    assert!(b.refused(&["person", "edit", "TV1", "--left", "2025-12-31"]).contains("--left"));
    assert!(b.refused(&["person", "edit", "TV2", "--left", "2026-06-30"]).contains("TV2"));
}
