//! Outreach (docs/huong-dan-thu-quy.md §4, docs/huyen-hoi.md "Việc của huyện"): cards from
//! elsewhere, targets, who to visit and the agent's list, on the example chapter (examples/,
//! the README's walkthrough to January 2025) and on a district of three collected chapters.
//! Figures are counted by hand from examples/people.csv.

use crate::common::district::{chapter, collect, district, json};
use crate::common::{Book, path_str};

/// The example chapter as the README's walkthrough leaves it (abridged), on 31/01/2025,
/// with the state cards of the poor household H07 and the year's plan (examples/README.md).
fn example() -> Book {
    let mut b = Book::empty();
    b.today = "2025-01-31".into();
    let ex = |f: &str| format!("{}/examples/{f}", env!("CARGO_MANIFEST_DIR"));
    b.ok(&["init", "--pool", "BT1", "--name", "Tổ hùn vốn ấp Bưng Tróp"]);
    b.ok(&["import", "people", &ex("people.csv")]);
    b.ok(&["opening", "--cash", "1.200.000", "--date", "31/12/2022"]);
    b.ok(&["opening", "--bank", "2.500.000", "--date", "31/12/2022"]);
    b.ok(&["import", "openings", &ex("openings.csv")]);
    b.ok(&["import", "contributions", &ex("contributions.csv")]);
    let six = "TV0011,TV0012,TV0013,TV0014,TV0015,TV0016";
    b.ok(&["buy", "bhyt", "--person", six, "--months", "12", "--date", "15/01/2025", "--payer", "TV0011"]);
    b.ok(&["buy", "bhxh", "--person", "TV0019", "--months", "6", "--income", "1.500.000", "--date", "20/01/2025"]);
    for p in ["TV0019", "TV0020", "TV0021"] {
        b.ok(&["card", "--person", p, "--from", "01/01/2025", "--to", "31/12/2025", "--source", "state"]);
    }
    b.ok(&["target", "set", "--year", "2025", "--bhyt", "25", "--bhxh", "8", "--new-bhxh", "3"]);
    b
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn targets_on_the_example_chapter_match_a_hand_count() {
    let b = example();
    let csv = b.ok(&["report", "targets", "--format", "csv"]);
    let rows = csv_rows(&csv);
    assert_eq!(
        rows[0].join(","),
        "pool,year,as_of,members,members_covered,members_share,bhyt_target,bhyt_covered,bhyt_share,bhxh_target,\
         bhxh_participants,bhxh_share,new_bhxh_target,new_bhxh,one_plus_one"
    );
    // 12 members; in force on 31/01: the three state cards of H07 (the six bought for H05
    // start in February), one of them a member (TV0019); TV0019's BHXH from 01/2025, her
    // first; the twelve members who each sponsor someone.
    assert_eq!(rows[1].join(","), "BT1,2025,2025-01-31,12,1,0.0833,25,3,0.12,8,1,0.125,3,1,12");
    assert_eq!(rows.len(), 2, "one pool, no total row in CSV");
    for format in ["text", "json", "html", "pdf"] {
        let out = b.cmd().args(["report", "targets", "--format", format]).output().unwrap();
        assert!(out.status.success() && !out.stdout.is_empty(), "{format}");
    }
    let text = b.ok(&["report", "targets"]);
    assert!(text.contains("12,00 %") && text.contains("Người có thẻ BHYT"), "{text}");
    assert!(text.lines().any(|l| l.contains("BHYT") && l.contains('█') && l.ends_with("3/25 · 12,00 %")), "{text}");
    // The summary's PDF draws the plan and the months too (the text is left as it was).
    let pdf = b.cmd().args(["report", "summary", "--format", "pdf"]).output().unwrap().stdout;
    let plain = b.cmd().args(["--lang", "en", "report", "summary", "--format", "pdf"]).output().unwrap().stdout;
    assert!(pdf.starts_with(b"%PDF") && plain.starts_with(b"%PDF"));
    assert!(!b.ok(&["report", "summary"]).contains('█'));
    // A year already past is counted on its last day.
    let json = json(&b, &["report", "targets", "--year", "2024", "--format", "json"]);
    assert_eq!(json["as_of"], "2024-12-31");
}

#[test]
fn outreach_lists_who_has_no_card_and_working_age_members_without_bhxh() {
    let b = example();
    let rows = csv_rows(&b.ok(&["report", "outreach", "--format", "csv"]));
    assert_eq!(rows[0][..7].join(","), "code,full_name,phone,household,reason,sponsor,price");
    let with = |reason: &str| rows.iter().filter(|r| r[4] == reason).map(|r| r[0].clone()).collect::<Vec<_>>();
    // 30 people − the six of H05 (cards bought, waiting) − the three of H07 (state cards).
    assert_eq!(with("no_bhyt").len(), 21);
    assert!(with("no_bhyt").iter().all(|c| !["TV0019", "TV0020", "TV0021", "TV0011"].contains(&c.as_str())));
    // Members of working age without BHXH: women under 56 years 8 months in 2025 —
    // not TV0011 (born 1962) nor TV0025 (1966), not TV0019 (she pays).
    assert_eq!(
        with("no_bhxh"),
        ["TV0001", "TV0004", "TV0006", "TV0009", "TV0017", "TV0022", "TV0024", "TV0027", "TV0029"]
    );
    let tv0004 = rows.iter().find(|r| r[0] == "TV0004" && r[4] == "no_bhyt").unwrap();
    assert_eq!(tv0004[6], "1263600", "first of her household: 12 months at 100 %");
    let tv0005 = rows.iter().find(|r| r[0] == "TV0005").unwrap();
    assert_eq!(tv0005[5], "TV0004", "her sponsor");
    // The meeting's paper masks the mã số; CSV keeps it.
    let text = b.ok(&["report", "outreach"]);
    assert!(!text.contains("9466866630") && text.contains("946*****30"), "{text}");
    assert!(rows.iter().any(|r| r[8] == "9466866630"));
    for format in ["json", "html", "pdf"] {
        assert!(b.cmd().args(["report", "outreach", "--format", format]).output().unwrap().status.success());
    }
}

#[test]
fn handover_totals_equal_the_summary_and_ids_are_in_full() {
    let b = example();
    let rows =
        csv_rows(&b.ok(&["report", "handover", "--from", "01/01/2025", "--to", "31/01/2025", "--format", "csv"]));
    for key in ["voucher", "code", "full_name", "dob", "cccd", "bhxh_code", "scheme", "months", "amount"] {
        assert!(rows[0].contains(&key.to_string()), "{key}");
    }
    let sum = |scheme: &str| {
        rows.iter().skip(1).filter(|r| r[8] == scheme).map(|r| r[10].parse::<i64>().unwrap()).sum::<i64>()
    };
    assert_eq!(sum("bhyt"), 5_307_120);
    assert_eq!(sum("bhxh"), 1_386_000);
    let summary = b.ok(&["report", "summary", "--from", "01/01/2025", "--to", "31/01/2025"]);
    assert!(summary.contains("5.307.120") && summary.contains("1.386.000"), "{summary}");
    let text = b.ok(&["report", "handover", "--from", "01/01/2025", "--to", "31/01/2025"]);
    assert!(text.contains("094175811529") && text.contains("9402508238"), "full ids: {text}");
    assert!(text.contains("Đại lý thu") && text.contains("Cộng tác viên thu"));
    assert!(text.contains("5.307.120") && text.contains("1.386.000"));
    let refused = b.refused(&["report", "handover", "--from", "01/01/2025"]);
    assert!(refused.contains("--to"), "{refused}");
}

#[test]
fn a_card_from_elsewhere_counts_as_cover_warns_a_purchase_and_dates_its_renewal() {
    let b = example();
    let cov = b.ok(&["report", "coverage", "--format", "csv"]);
    assert!(cov.lines().next().unwrap().ends_with(",bhyt_source"));
    assert!(cov.lines().any(|l| l.starts_with("TV0020,") && l.contains(",covered,") && l.ends_with(",state")), "{cov}");
    assert!(b.ok(&["report", "coverage"]).contains("Nhà nước cấp"));
    // A pupil's card through school until the end of February; a purchase now warns and the
    // bought card follows it.
    let card =
        b.ok(&["card", "--person", "TV0003", "--from", "01/03/2024", "--to", "28/02/2025", "--source", "school"]);
    let reference = card.split_whitespace().next().unwrap().to_string();
    let out =
        b.run(&["buy", "bhyt", "--person", "TV0003", "--months", "12", "--date", "31/01/2025", "--payer", "TV0001"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("qua trường"), "{}", String::from_utf8_lossy(&out.stderr));
    let cov = b.ok(&["report", "coverage", "--format", "csv"]);
    assert!(cov.lines().any(|l| l.starts_with("TV0003,") && l.contains("2024-03-01,2026-02-28")), "{cov}");
    // Cancelled once; not twice; verify holds.
    b.ok(&["card", "--cancel", &reference, "--reason", "ghi nhầm"]);
    assert!(b.refused(&["card", "--cancel", &reference, "--reason", "lần nữa"]).contains("đã được hủy"));
    assert!(
        b.refused(&["card", "--person", "TV0022", "--to", "01/02/2031", "--source", "school"]).contains("72 tháng")
    );
    assert!(b.refused(&["card", "--person", "TV0022", "--to", "01/02/2026", "--source", "bank"]).contains("--source"));
    b.ok(&["verify"]);
}

#[test]
fn a_district_of_three_chapters_adds_its_targets_up() {
    let d = district();
    let mut files = Vec::new();
    for (i, code) in ["CH1", "CH2", "CH3"].iter().enumerate() {
        let c = chapter(code, None);
        let n = (i + 1).to_string();
        c.ok(&["target", "set", "--year", "2026", "--bhyt", &n, "--bhxh", "1"]);
        c.ok(&["card", "--person", "TV0002", "--to", "31/12/2026", "--source", "state", "--from", "01/01/2026"]);
        if i == 0 {
            c.ok(&["card", "--person", "TV0001", "--to", "31/12/2026", "--source", "employer", "--from", "01/01/2026"]);
        }
        files.push(c);
    }
    for c in &files {
        collect(&d, &c.db);
    }
    // The district's own target for CH2 overrides the chapter's; the chapter's copy stays.
    d.ok(&["--pool", "CH2", "target", "set", "--year", "2026", "--bhyt", "10", "--bhxh", "4"]);
    let report = json(&d, &["--pool", "all", "report", "targets", "--format", "json"]);
    let pools = report["pools"].as_array().unwrap();
    assert_eq!(pools.len(), 3);
    assert_eq!(pools[1]["bhyt_target"], 10);
    assert_eq!(pools[1]["set_by_district"], true);
    for key in ["members", "members_covered", "bhyt_target", "bhyt_covered", "bhxh_target", "bhxh_participants"] {
        let sum: i64 = pools.iter().map(|p| p[key].as_i64().unwrap()).sum();
        assert_eq!(report["district"][key].as_i64().unwrap(), sum, "{key}");
    }
    assert_eq!(report["district"]["bhyt_covered"], 4, "three state cards and none bought");
    assert_eq!(report["district"]["bhyt_target"], 14);
    let csv = d.ok(&["--pool", "all", "report", "targets", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 4, "a row per chapter, no total: {csv}");
    let text = d.ok(&["--pool", "all", "report", "targets"]);
    assert!(text.contains("Cộng"), "{text}");
    // The pictures: one bar per chapter, for BHYT and for BHXH.
    let bars: Vec<&str> = text.lines().filter(|l| l.contains('█') || l.contains("···")).collect();
    assert_eq!(bars.len(), 6, "{text}");
    assert!(bars[1].trim_start().starts_with("CH2") && bars[1].contains("1/10 · 10,00 %"), "{bars:?}");
    // The cards came with the collection; the district verifies.
    let district_report = json(&d, &["--pool", "all", "report", "district", "--format", "json"]);
    assert!(district_report.to_string().contains("CH1"));
    d.ok(&["verify"]);
    // A second collection after more cards copies only what is new.
    files[0].ok(&["card", "--person", "TV0001", "--to", "30/06/2027", "--source", "other", "--from", "01/01/2027"]);
    collect(&d, &files[0].db);
    d.ok(&["verify"]);
    let _ = path_str(&files[0].db);
}

#[test]
fn verify_names_a_card_or_target_changed_behind_hunvons_back() {
    let b = example();
    let card =
        b.ok(&["card", "--person", "TV0003", "--to", "31/12/2025", "--source", "school", "--from", "01/01/2025"]);
    let reference = card.split_whitespace().next().unwrap().to_string();
    let db = b.sqlite();
    db.execute_batch(
        "DROP TRIGGER outside_cards_no_update; UPDATE outside_cards SET card_to = '2030-12-31' WHERE card_to = '2025-12-31' AND source = 'school';
         DROP TRIGGER targets_no_update; UPDATE targets SET bhyt = 3;",
    )
    .unwrap();
    drop(db);
    let out = b.run(&["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains(&format!("Thẻ ngoài quỹ {reference}")), "{said}");
    assert!(said.contains("Chỉ tiêu #") && said.contains("2025"), "{said}");
}
