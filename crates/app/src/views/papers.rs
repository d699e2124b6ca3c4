//! The papers the treasurer prints at month end, by their Vietnamese names, rendered for
//! a preview on screen and written into a folder she can find — never over an older
//! file: a name already taken gets `-2`, `-3`, ….

use crate::words;
use std::path::{Path, PathBuf};

use hunvon_core::ledger::Method;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;

use super::super::{App, ReportKind, ReportRequest};
use crate::papers::reports::Period;

/// One paper of the month's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Summary,
    CashBook,
    BankBook,
    Balances,
    Coverage,
    Arrears,
    Journal,
    Sponsors,
    /// Biên bản kiểm kê quỹ (08a-TT), one for each count of the period.
    Counts,
}

impl Paper {
    pub const ALL: [Paper; 9] = [
        Paper::Summary,
        Paper::CashBook,
        Paper::BankBook,
        Paper::Balances,
        Paper::Coverage,
        Paper::Arrears,
        Paper::Journal,
        Paper::Sponsors,
        Paper::Counts,
    ];

    /// The paper's name as the treasurer knows it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Paper::Summary => words::summary(lang),
            Paper::CashBook => words::cash_book_title(lang),
            Paper::BankBook => words::bank_book_title(lang),
            Paper::Balances => words::member_balances_title(lang),
            Paper::Coverage => words::insurance_cover_title(lang),
            Paper::Arrears => words::dues_in_arrears_title(lang),
            Paper::Journal => words::journal_title(lang),
            Paper::Sponsors => words::n_1_1_sponsors(lang),
            Paper::Counts => words::cash_counts(lang),
        }
    }

    /// The report this paper is, and which cash book for the two books.
    pub fn report(self) -> (ReportKind, Method) {
        match self {
            Paper::Summary => (ReportKind::Summary, Method::Cash),
            Paper::CashBook => (ReportKind::Cashbook, Method::Cash),
            Paper::BankBook => (ReportKind::Cashbook, Method::Bank),
            Paper::Balances => (ReportKind::Balances, Method::Cash),
            Paper::Coverage => (ReportKind::Coverage, Method::Cash),
            Paper::Arrears => (ReportKind::Arrears, Method::Cash),
            Paper::Journal => (ReportKind::Journal, Method::Cash),
            Paper::Sponsors => (ReportKind::Sponsors, Method::Cash),
            Paper::Counts => (ReportKind::Counts, Method::Cash),
        }
    }

    /// The start of the file name (ASCII, so it travels on any USB stick).
    pub fn file_stem(self, lang: Lang) -> &'static str {
        match self {
            Paper::Summary => words::summary_file(lang),
            Paper::CashBook => words::cash_book_file(lang),
            Paper::BankBook => words::bank_book_file(lang),
            Paper::Balances => words::balances(lang),
            Paper::Coverage => words::coverage(lang),
            Paper::Arrears => words::arrears(lang),
            Paper::Journal => words::journal_file(lang),
            Paper::Sponsors => words::sponsors_file(lang),
            Paper::Counts => words::cash_counts_file(lang),
        }
    }
}

/// A format's name on screen and its file extension.
pub fn format_label(f: Format, lang: Lang) -> &'static str {
    match f {
        Format::Pdf => "PDF",
        Format::Html => words::html_opens_in_a_browser(lang),
        Format::Csv => words::csv_opens_in_excel(lang),
        Format::Json => "JSON",
        Format::Text => words::plain_text(lang),
    }
}

/// Where papers go: `HUNVON_REPORTS_DIR` when set, else `hunvon` in the user's Documents
/// folder when that folder exists (the desktop's own, else `~/Documents`; Windows and Linux
/// alike), else the book's own folder — always named in full, even for a relative `--db`,
/// so "Ghi vào:" says where to look.
pub fn papers_dir(book: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("HUNVON_REPORTS_DIR").filter(|d| !d.is_empty()) {
        return std::path::absolute(&dir).unwrap_or_else(|_| PathBuf::from(dir));
    }
    let dirs = directories::UserDirs::new();
    let docs = dirs
        .as_ref()
        .and_then(|u| u.document_dir().map(Path::to_path_buf))
        .filter(|d| d.is_dir())
        .or_else(|| dirs.as_ref().map(|u| u.home_dir().join("Documents")).filter(|d| d.is_dir()));
    match docs {
        Some(docs) => docs.join("hunvon"),
        None => {
            let book = std::path::absolute(book).unwrap_or_else(|_| book.to_path_buf());
            book.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    }
}

/// `name.ext` in `dir`, or `name-2.ext`, `name-3.ext`… when taken.
pub fn free_name(dir: &Path, name: &str, ext: &str) -> PathBuf {
    let mut file = dir.join(format!("{name}.{ext}"));
    let mut n = 2;
    while file.exists() {
        file = dir.join(format!("{name}-{n}.{ext}"));
        n += 1;
    }
    file
}

impl App {
    /// Renders one paper for the period.
    pub fn paper(&self, paper: Paper, period: Period, format: Format) -> Result<Vec<u8>> {
        let (kind, method) = paper.report();
        self.report(kind, &ReportRequest { period, format, method, ..ReportRequest::default() })
    }

    /// Writes a paper into `dir` under a name that is not taken; returns it.
    pub fn write_paper(
        &self,
        dir: &Path,
        paper: Paper,
        period: Period,
        label: &str,
        format: Format,
    ) -> Result<PathBuf> {
        let mut bytes = self.paper(paper, period, format)?;
        // Written for people from the TUI: headers and values in words (SPEC §8).
        if format == Format::Csv {
            bytes = super::people_csv::for_people(&bytes, self.lang)?;
        }
        let name = format!("{}-{label}", paper.file_stem(self.lang));
        self.write_file(dir, &name, format.extension(), &bytes, format == Format::Csv)
    }

    /// Writes bytes into `dir` (created if needed) under a free name.
    pub fn write_file(&self, dir: &Path, name: &str, ext: &str, bytes: &[u8], bom: bool) -> Result<PathBuf> {
        std::fs::create_dir_all(dir).map_err(|e| Error::os(dir, &e))?;
        let file = free_name(dir, name, ext);
        crate::output::sink::emit(bytes, Some(&file), &self.store.path, bom)?;
        Ok(file)
    }

    /// Writes a voucher's slip as PDF into `dir`.
    pub fn write_slip(&self, dir: &Path, voucher: &str) -> Result<PathBuf> {
        let bytes = self.slip(voucher, Format::Pdf)?;
        let name = format!("{}-{}", words::slip(self.lang), voucher.trim().to_ascii_uppercase());
        self.write_file(dir, &name, "pdf", &bytes, false)
    }

    /// Where this book's papers go by default (see [`papers_dir`]).
    pub fn papers_dir(&self) -> PathBuf {
        papers_dir(&self.store.path)
    }
}
