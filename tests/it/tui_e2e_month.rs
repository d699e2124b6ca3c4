//! A treasurer's month by keys alone in a real terminal (tmux, the real binary), as
//! docs/huong-dan-thu-quy.md §2 walks it: adults born 1950–1990 in a household of six with a
//! sponsor, every person added from the household's card with the codes offered, dates typed
//! over the ones pre-filled, a contribution found by "hanh" with both a Hạnh and a Chanh in the
//! book, a relative's contribution asked once, a member who leaves paid back the balance
//! offered. Then `report balances --format csv` equals the passbooks and `verify` passes.

use std::process::Command;

use crate::common::tmux::{Tmux, bin, reported_balances};

const TODAY: &str = "2026-11-24";

/// One person of the household: her name, her sponsor (a relative) or the day she
/// joined (a member), her birth date, and whether she is a woman.
struct Someone {
    name: &'static str,
    sponsor: Option<&'static str>,
    joined: &'static str,
    born: &'static str,
    woman: bool,
}

const HOUSEHOLD: [Someone; 6] = [
    Someone { name: "Kim Văn Sơn", sponsor: None, joined: "01/11/2026", born: "12/03/1950", woman: false },
    Someone { name: "Kim Thị Chanh Thu", sponsor: Some("kim van son"), joined: "", born: "05/05/1990", woman: true },
    Someone { name: "Đỗ Thị Hạnh", sponsor: None, joined: "02/11/2026", born: "15/08/1985", woman: true },
    Someone { name: "Kim Văn Tài", sponsor: Some("TV0001"), joined: "", born: "20/10/1978", woman: false },
    Someone { name: "Kim Thị Mai", sponsor: None, joined: "03/11/2026", born: "02/02/1962", woman: true },
    Someone { name: "Kim Văn Út", sponsor: Some("TV0001"), joined: "", born: "09/09/1988", woman: false },
];

#[test]
fn a_month_with_a_household_of_six_a_search_by_hanh_and_a_member_who_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db").to_str().unwrap().to_string();
    let papers = dir.path().join("giay-to").to_str().unwrap().to_string();
    let env = [("HUNVON_TODAY", TODAY), ("HUNVON_REPORTS_DIR", papers.as_str())];
    let t = Tmux::start(&format!("{} --db {db}", bin()), &env);
    // First run: the pool, its cash and dues; then the tour of the keys.
    t.first_run("Tổ hùn vốn ấp Ô Trao", "3.000.000", "100.000");

    // The household, its code taken as offered.
    t.keys(&["2", "h", "a"]);
    t.wait_for("Thêm hộ");
    // The next free code offered.
    t.wait_line("Mã hộ", "H01");
    t.keys(&["Tab"]);
    t.text("Hộ Kim Văn Sơn");
    t.keys(&["Enter"]);
    t.wait_for("Đã thêm hộ H01");
    // Its card offers to add a person to it; six people added from there.
    t.keys(&["Enter"]);
    t.wait_for("a thêm người vào hộ");
    for (i, p) in HOUSEHOLD.iter().enumerate() {
        let code = format!("TV{:04}", i + 1);
        t.keys(&["a"]);
        t.wait_for("Thêm người");
        t.wait_line("Mã người", &code);
        // The household filled in.
        t.wait_line("Hộ  ", "H01  Hộ Kim Văn Sơn ·");
        t.keys(&["Tab"]);
        t.text(p.name);
        t.keys(&["Tab"]);
        match p.sponsor {
            Some(sponsor) => {
                t.keys(&["Right", "Tab", "Tab"]);
                t.text(sponsor);
                if sponsor.starts_with("kim") {
                    // Found by name: the list shows who and what she is; Enter takes her.
                    t.wait_for("TV0001 Kim Văn Sơn · thành viên");
                    t.keys(&["Enter"]);
                }
            }
            None => {
                // "Vào tổ ngày" pre-filled with today: the date typed replaces it.
                t.keys(&["Tab"]);
                t.text(p.joined);
                t.keys(&["Tab"]);
            }
        }
        t.keys(&["Tab", "Tab", "Tab", "Tab"]);
        t.text(p.born);
        t.keys(&["Tab", "Right"]);
        if !p.woman {
            t.keys(&["Right"]);
        }
        t.wait_for(if p.woman { "‹ nữ ›" } else { "‹ nam ›" });
        t.keys(&["Enter"]);
        t.wait_for(&format!("Đã thêm {code}"));
    }
    let card = t.wait_for("TV0006    Kim Văn Út");
    assert_eq!(card.lines().filter(|l| l.contains("người thân TV0001")).count(), 3, "one sponsor for three:\n{card}");
    t.esc();

    // A contribution found by "hanh": Hạnh, a member, above Chanh, a relative.
    t.keys(&["3", "c"]);
    t.wait_for("Người góp");
    t.text("hanh");
    let s = t.wait_for("TV0002 Kim Thị Chanh Thu · người thân");
    let hanh = s.lines().position(|l| l.contains("TV0003 Đỗ Thị Hạnh · thành viên")).expect("Hạnh listed");
    let chanh = s.lines().position(|l| l.contains("TV0002 Kim Thị Chanh Thu")).unwrap();
    assert!(hanh < chanh, "the whole word first:\n{s}");
    t.keys(&["Enter"]);
    // Her code, name and role show before the voucher is written.
    t.wait_for("TV0003  Đỗ Thị Hạnh · thành viên · số dư 0 đ");
    t.keys(&["Tab"]);
    t.text("300.000");
    t.keys(&["Tab"]);
    t.text("20/11/2026");
    t.keys(&["Enter"]);
    t.wait_for("PT-2026-0001  Thu 300.000 đ");
    t.contribute("TV0001", "500.000", "PT-2026-0002  Thu 500.000 đ");
    t.keys(&["c"]);
    t.wait_for("Người góp");
    t.text("kim thi mai");
    t.wait_for("TV0005 Kim Thị Mai · thành viên");
    t.keys(&["Enter", "Tab"]);
    t.text("400.000");
    t.keys(&["Tab"]);
    t.text("21/11/2026");
    t.keys(&["Enter"]);
    t.wait_for("PT-2026-0003  Thu 400.000 đ");
    // Chanh's own contribution: she is a relative, so it is asked once.
    t.keys(&["c"]);
    t.wait_for("Người góp");
    t.text("chanh");
    t.wait_for("TV0002 Kim Thị Chanh Thu · người thân");
    t.keys(&["Enter", "Tab"]);
    t.text("100.000");
    t.keys(&["Enter"]);
    t.wait_for("Bà Kim Thị Chanh Thu (TV0002) không phải thành viên — vẫn ghi?");
    t.keys(&["c"]);
    t.wait_for("PT-2026-0004  Thu 100.000 đ");

    // Kim Thị Mai leaves on the day and is paid back the balance offered.
    t.keys(&["2", "/"]);
    t.text("TV0005");
    t.keys(&["Enter", "e"]);
    t.wait_for("Sửa TV0005");
    t.keys(&["Down"; 12]);
    t.text("24/11/2026");
    t.keys(&["Enter"]);
    t.wait_for("Đã sửa TV0005");
    t.keys(&["w"]);
    t.wait_for("Trả lại tiền góp");
    // Her balance offered.
    t.wait_line("Số tiền", "400.000");
    t.keys(&["Enter"]);
    t.wait_for("PC-2026-0001");

    // The passbooks the TUI shows.
    let shown: std::collections::BTreeMap<String, i64> = (1..=6)
        .map(|n| format!("TV{n:04}"))
        .map(|code| {
            let balance = t.passbook_balance(&code);
            (code, balance)
        })
        .collect();
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
    let expected: Vec<i64> = vec![500_000, 100_000, 300_000, 0, 0, 0];
    assert_eq!(shown.values().copied().collect::<Vec<_>>(), expected, "{shown:?}");

    let cli = |args: &[&str]| {
        Command::new(bin()).env("HUNVON_TODAY", TODAY).arg("--db").arg(&db).args(args).output().unwrap()
    };
    assert_eq!(reported_balances(&db, TODAY), shown, "report balances equals the passbooks");
    let verify = cli(&["verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
    // What was typed is what the book holds: births, the days joined and left, sponsors.
    let conn = rusqlite::Connection::open(&db).unwrap();
    type Stored = (String, String, Option<String>, Option<String>, Option<String>);
    let rows: Vec<Stored> = conn
        .prepare(
            "SELECT p.code, p.date_of_birth, p.joined, s.code, p.left_on FROM persons p \
             LEFT JOIN persons s ON s.id = p.sponsor_id ORDER BY p.code",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let iso = |d: &str| d.split('/').rev().collect::<Vec<_>>().join("-");
    for (row, p) in rows.iter().zip(&HOUSEHOLD) {
        assert_eq!(row.1, iso(p.born), "{row:?}");
        assert_eq!(row.2, (!p.joined.is_empty()).then(|| iso(p.joined)), "{row:?}");
        assert_eq!(row.3.is_some(), p.sponsor.is_some(), "{row:?}");
    }
    assert_eq!(rows[4].4.as_deref(), Some("2026-11-24"));
}
