//! docs/huyen-hoi.md "Nộp sổ đã mã hóa": the encrypted hand-in. The district makes its key
//! once, a chapter sets the public half and hands its book in encrypted, the district collects
//! it with its key — decrypted in memory, no plaintext file anywhere. A wrong key, no key, a
//! book that does not verify, and the file's bytes (no name, CCCD or SQLite header).

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::district::{bytes, chapter, district, json, row};
use crate::common::{Book, path_str};

const CCCD: &str = "084183543339";

/// `key new --output FILE` in `book`'s folder: the file and the public key it printed.
fn new_key(book: &Book, name: &str) -> (PathBuf, String) {
    let file = book.path(name);
    let out = book.ok(&["key", "new", "--output", path_str(&file)]);
    let public = out.lines().find(|l| l.starts_with("age1")).unwrap_or_else(|| panic!("no age1 line: {out}"));
    (file, public.to_string())
}

/// A chapter with a member whose CCCD and phone are in the book.
fn chapter_with_ids() -> Book {
    let c = chapter("TO3", None);
    c.ok(&[
        "person",
        "add",
        "--code",
        "TV0003",
        "--name",
        "Nguyễn Thị Bích Ngọc",
        "--cccd",
        CCCD,
        "--phone",
        "0912345678",
    ]);
    c
}

/// Every file under `dir`, by name.
fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_chapter_hands_in_encrypted_and_the_district_collects_it_with_its_key() {
    let d = district();
    let (key, public) = new_key(&d, "huyen.key");
    assert_eq!(d.ok(&["key", "show", path_str(&key)]).trim(), public, "key show prints the same public key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the secret key is private");
    }
    // Never over an existing key: losing it would lose every hand-in made to it.
    let before = std::fs::read(&key).unwrap();
    d.refused(&["key", "new", "--output", path_str(&key)]);
    assert_eq!(std::fs::read(&key).unwrap(), before);

    let c = chapter_with_ids();
    c.ok(&["pool", "set", "--district-key", &public]);
    assert!(c.ok(&["pool", "show"]).contains(&public));
    c.ok(&["verify"]);
    let handed = c.path("TO3-2026-11.age");
    let out = c.ok(&["handin", "--output", path_str(&handed)]);
    assert!(out.contains("TO3") && out.contains(&public), "{out}");

    // Nothing readable but age's header: no SQLite header, name, CCCD or phone.
    let sealed = std::fs::read(&handed).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n-> X25519 "), "age's header");
    for clear in [&b"SQLite format 3"[..], "Nguyễn Thị Bích Ngọc".as_bytes(), CCCD.as_bytes(), b"0912345678", b"TV0003"]
    {
        assert!(!contains(&sealed, clear), "{} readable in the hand-in", String::from_utf8_lossy(clear));
    }

    let before = files(d.dir.path());
    let printed = d.ok(&["collect", path_str(&handed), "--identity", path_str(&key)]);
    assert!(printed.contains("TO3 (nhận lần đầu)"), "{printed}");
    // Only the district's book came into its folder: no decrypted copy was written.
    let after = files(d.dir.path());
    assert_eq!(after.difference(&before).cloned().collect::<Vec<_>>(), vec!["so.db".to_string()]);
    d.ok(&["verify"]);
    let chapter_head = json(&c, &["report", "summary", "--format", "json"])["head"].clone();
    assert_eq!(row(&json(&d, &["report", "district", "--format", "json"]), "TO3")["head"], chapter_head);

    // Next month: only what is new comes in.
    c.ok(&["contribute", "--person", "TV0003", "--amount", "100.000", "--date", "20/11/2026"]);
    let next = c.path("TO3-2026-12.age");
    c.ok(&["handin", "--output", path_str(&next)]);
    let printed = d.ok(&["collect", path_str(&next), "--identity", path_str(&key)]);
    assert!(printed.contains("TO3: 1 chứng từ"), "{printed}");
    d.ok(&["verify"]);
}

#[test]
fn a_wrong_key_is_one_sentence_and_the_district_is_unchanged() {
    let d = district();
    let (_, public) = new_key(&d, "huyen.key");
    let (other, other_public) = new_key(&d, "khac.key");
    let first = chapter("TO1", None);
    d.ok(&["collect", path_str(&first.db)]);
    let c = chapter_with_ids();
    c.ok(&["pool", "set", "--district-key", &public]);
    let handed = c.path("TO3.age");
    c.ok(&["handin", "--output", path_str(&handed)]);
    let held = bytes(&d);
    let said = d.refused(&["collect", path_str(&handed), "--identity", path_str(&other)]);
    assert_eq!(said.trim().lines().count(), 1, "one sentence: {said}");
    assert!(said.contains("không mở được") && said.contains(&other_public), "{said}");
    assert_eq!(bytes(&d), held, "nothing changed");
    // Without --identity the file is named as an encrypted hand-in; a plain book with one is not.
    assert!(d.refused(&["collect", path_str(&handed)]).contains("--identity"));
    let said = d.refused(&["collect", path_str(&first.db), "--identity", path_str(&other)]);
    assert!(said.contains("không phải sổ nộp đã mã hóa"), "{said}");
    let said = d.refused(&["collect", path_str(&handed), "--identity", path_str(&first.db)]);
    assert!(said.contains("không phải tệp khóa"), "{said}");
    assert_eq!(bytes(&d), held);
}

#[test]
fn no_key_refuses_and_to_adds_keys() {
    let d = district();
    let (key, public) = new_key(&d, "huyen.key");
    let (second, second_public) = new_key(&d, "tinh.key");
    let c = chapter("TO1", None);
    let handed = c.path("TO1.age");
    let said = c.refused(&["handin", "--output", path_str(&handed)]);
    assert!(said.contains("--district-key"), "{said}");
    assert!(!handed.exists(), "nothing written");
    let said = c.refused(&["pool", "set", "--district-key", "age1khongphaikhoa"]);
    assert!(said.contains("--district-key") && said.contains("age1"), "{said}");
    let said = c.refused(&["handin", "--output", path_str(&handed), "--to", "AGE-SECRET-KEY-1XYZ"]);
    assert!(said.contains("--to"), "{said}");
    // --to alone is enough; with the pool's key set, --to adds to it: both keys open it.
    c.ok(&["handin", "--output", path_str(&handed), "--to", &second_public]);
    c.ok(&["pool", "set", "--district-key", &public]);
    let both = c.path("TO1-both.age");
    c.ok(&["handin", "--output", path_str(&both), "--to", &second_public]);
    for k in [&key, &second] {
        let other = district();
        assert!(other.ok(&["collect", path_str(&both), "--identity", path_str(k)]).contains("TO1"));
    }
    let tinh = district();
    assert!(tinh.ok(&["collect", path_str(&handed), "--identity", path_str(&second)]).contains("TO1"));
}

#[test]
fn a_book_that_does_not_verify_is_not_handed_in() {
    let d = district();
    let (_, public) = new_key(&d, "huyen.key");
    let c = chapter_with_ids();
    c.ok(&["pool", "set", "--district-key", &public]);
    c.sqlite().execute_batch("UPDATE persons SET phone = '0987654321' WHERE code = 'TV0003';").unwrap();
    c.refused(&["verify"]);
    let handed = c.path("TO3.age");
    let said = c.refused(&["handin", "--output", path_str(&handed)]);
    assert!(said.contains("không qua được kiểm tra"), "{said}");
    assert!(!handed.exists(), "nothing written");
}

#[test]
fn the_tui_backup_screen_offers_the_hand_in_once_a_district_key_is_set() {
    use hunvon_app::{App, Clock};
    use hunvon_core::messages::i18n::Lang;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let tui_on = |book: &Book| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        hunvon::tui::state::Tui::new(App::open(&book.db, false, None, Lang::Vi, Clock::fixed(today)).unwrap())
    };
    let screen = |t: &hunvon::tui::state::Tui| {
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        term.draw(|f| hunvon::tui::view::render(t, f)).unwrap();
        term.backend().to_string()
    };
    let c = chapter("TO1", None);
    let mut t = tui_on(&c);
    common::keys::keys(&mut t, "6s");
    assert!(!screen(&t).contains("Nộp sổ cho Hội huyện"), "no key, no hand-in:\n{}", screen(&t));

    let d = district();
    let (key, public) = new_key(&d, "huyen.key");
    c.ok(&["pool", "set", "--district-key", &public]);
    let mut t = tui_on(&c);
    common::keys::keys(&mut t, "6s ");
    assert!(screen(&t).contains("Nộp sổ cho Hội huyện"), "{}", screen(&t));
    common::keys::keys(&mut t, "<Enter>");
    assert!(t.status.contains("Đã nộp sổ"), "{}", t.status);
    let sealed = c.path("so-2026-11-24.age");
    assert!(std::fs::read(&sealed).unwrap().starts_with(b"age-encryption.org/v1"));
    assert!(d.ok(&["collect", path_str(&sealed), "--identity", path_str(&key)]).contains("TO1 (nhận lần đầu)"));
}
