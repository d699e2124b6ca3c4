//! docs/design.md §9: the PDF renderer measures a text once, so a very long one (an old
//! book's 96 KB note, typed before notes were capped) renders in time linear in its length;
//! wrapped inside its column, it is cut with "…" where a page ends, never drawn past it.

use crate::common::long_text::{long_doc, text_of_96_kb};

#[test]
fn a_96_kb_text_renders() {
    // How long it takes is measured in benches/papers.rs (`a_96_kb_text_as_pdf`).
    let pdf = hunvon_report::pdf::render(&long_doc(&text_of_96_kb())).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // Each of the long texts is cut where a page ends: a handful of pages, not hundreds.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let info = std::process::Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((2..40).contains(&pages), "{pages} pages");
}
