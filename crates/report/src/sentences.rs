//! The renderers' own sentences (the page numbers a text or PDF paper prints), in
//! Vietnamese and English side by side, written with hunvon-core's `words!` table as every
//! other area's are. (`words` beside it reads amounts in Vietnamese words.)

use hunvon_core::messages::i18n::Lang;

hunvon_core::words! {
    /// "Trang 3/12".
    page_of(n: usize, of: usize) = "Trang {n}/{of}", "Page {n}/{of}";
    /// The count under a book's last page; `rest` is the paper's own ending.
    book_pages(pages: usize, rest: &str) = "Sổ này có {pages} trang, đánh số từ trang 01 đến trang {pages:02}{rest}", "This book has {pages} pages, numbered from page 01 to page {pages:02}{rest}";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_sentence_has_both_languages_once() {
        hunvon_core::messages::sentences::check(&[super::ALL]);
    }
}
