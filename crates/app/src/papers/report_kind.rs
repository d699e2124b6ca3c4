//! Which paper: the seven reports as one enum, shared by the command line and the TUI,
//! so a report's code, its name in each language and the builder it runs are written
//! once.

use crate::words;
use hunvon_core::ledger::Method;
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;

use crate::App;
use crate::papers::reports::Period;

/// One of the reports `hunvon report` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    Summary,
    Cashbook,
    Balances,
    Coverage,
    Arrears,
    Journal,
    Sponsors,
    Counts,
    /// One row per pool of the file (a district's chapters), with totals.
    District,
    /// The year against its plan (SPEC §10).
    Targets,
    /// Who is still to visit (SPEC §10).
    Outreach,
    /// The collection agent's list of the period's purchases (SPEC §10).
    Handover,
}

/// Everything a report is asked with besides its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportRequest {
    pub period: Period,
    pub format: Format,
    /// Which cash book (`cashbook` only): cash or bank.
    pub method: Method,
    /// Masks the mã số BHXH and CCCD in every format, machine ones too (`coverage` only).
    pub redact: bool,
    /// Shows them whole in text, HTML and PDF, which mask them by default (SPEC §9).
    pub full_ids: bool,
    /// The plan's year (`targets` only).
    pub year: Option<i32>,
}

impl ReportRequest {
    /// Whether the paper masks mã số BHXH and CCCD: human formats do unless `--full-ids`
    /// (a list left on a table or sent by chat shows no whole number); CSV and JSON keep
    /// them for the programs that read them, unless `--redact`.
    pub fn masks_ids(&self) -> bool {
        self.redact || (!matches!(self.format, Format::Csv | Format::Json) && !self.full_ids)
    }
}

impl ReportKind {
    /// Every report, in the order the help and the TUI list them.
    pub const ALL: [ReportKind; 12] = [
        ReportKind::Summary,
        ReportKind::Cashbook,
        ReportKind::Balances,
        ReportKind::Coverage,
        ReportKind::Arrears,
        ReportKind::Journal,
        ReportKind::Sponsors,
        ReportKind::Counts,
        ReportKind::District,
        ReportKind::Targets,
        ReportKind::Outreach,
        ReportKind::Handover,
    ];

    /// The codes as typed after `hunvon report`, for a refusal.
    pub const CODES: &'static [&'static str] = &[
        "summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors", "counts", "district",
        "targets", "outreach", "handover",
    ];

    /// The code typed on the command line (`hunvon report balances`).
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::Summary => "summary",
            ReportKind::Cashbook => "cashbook",
            ReportKind::Balances => "balances",
            ReportKind::Coverage => "coverage",
            ReportKind::Arrears => "arrears",
            ReportKind::Journal => "journal",
            ReportKind::Sponsors => "sponsors",
            ReportKind::Counts => "counts",
            ReportKind::District => "district",
            ReportKind::Targets => "targets",
            ReportKind::Outreach => "outreach",
            ReportKind::Handover => "handover",
        }
    }

    /// The report's name as the treasurer calls it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ReportKind::Summary => words::summary_of_receipts_and_payments(lang),
            ReportKind::Cashbook => words::cash_book_and_bank_book(lang),
            ReportKind::Balances => words::balance_of_each_member(lang),
            ReportKind::Coverage => words::insurance_cover_in_force(lang),
            ReportKind::Arrears => words::members_behind_on_dues(lang),
            ReportKind::Journal => words::journal_of_vouchers(lang),
            ReportKind::Sponsors => words::sponsors_and_those_they_cover(lang),
            ReportKind::Counts => words::cash_counts_form_08a_tt(lang),
            ReportKind::District => words::every_chapter_one_row_each(lang),
            ReportKind::Targets => words::the_year_against_its_plan(lang),
            ReportKind::Outreach => words::who_to_win_over(lang),
            ReportKind::Handover => words::the_collection_agent_s_handover(lang),
        }
    }

    /// Reads a report's code; `field` names where it was typed.
    pub fn parse(field: &str, value: &str) -> Result<ReportKind> {
        let code = value.trim().to_ascii_lowercase();
        ReportKind::ALL.into_iter().find(|k| k.code() == code).ok_or_else(|| Error::BadValue {
            field: field.into(),
            value: value.into(),
            expected: Expected::Format(ReportKind::CODES),
        })
    }

    /// Whether the report counts money: a book holds no vouchers after today, so its
    /// period ends today at the latest. Coverage looks ahead (a forecast); sponsors list
    /// cover too; cash counts are records, not vouchers.
    pub fn counts_money(self) -> bool {
        match self {
            ReportKind::Summary
            | ReportKind::Cashbook
            | ReportKind::Balances
            | ReportKind::Arrears
            | ReportKind::Journal
            | ReportKind::District
            | ReportKind::Handover => true,
            ReportKind::Coverage
            | ReportKind::Sponsors
            | ReportKind::Counts
            | ReportKind::Targets
            | ReportKind::Outreach => false,
        }
    }

    /// Whether this report in this format streams row by row (or page by page) to its
    /// output instead of being built in memory: the journal as CSV, the longest report,
    /// and the cash book as text or PDF (a year of a large pool is fourteen thousand pages).
    pub fn streams(self, format: Format) -> bool {
        match self {
            ReportKind::Journal => format == Format::Csv,
            ReportKind::Cashbook => matches!(format, Format::Text | Format::Pdf),
            _ => false,
        }
    }
}

impl App {
    /// Builds a report in memory, in its format.
    pub fn report(&self, kind: ReportKind, r: &ReportRequest) -> Result<Vec<u8>> {
        let (period, format) = (r.period, r.format);
        match kind {
            ReportKind::Summary => self.report_summary(period, format),
            ReportKind::Cashbook => self.report_cashbook(period, r.method, format),
            ReportKind::Balances => self.report_balances(period, format),
            ReportKind::Coverage => self.report_coverage(period.to.unwrap_or(self.clock.today), format, r.masks_ids()),
            ReportKind::Arrears => self.report_arrears(period, format),
            ReportKind::Journal => self.report_journal(period, format),
            ReportKind::Sponsors => self.report_sponsors(period, format),
            ReportKind::Counts => self.report_counts(period, format),
            ReportKind::District => self.report_district(period, format),
            ReportKind::Targets => {
                let (year, as_of) = self.targets_day(r.year, period.to);
                self.report_targets(year, as_of, format)
            }
            ReportKind::Outreach => self.report_outreach(period.to.unwrap_or(self.clock.today), format),
            ReportKind::Handover => self.report_handover(period, format),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_kinds() {
        let codes: Vec<&str> = ReportKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, ReportKind::CODES);
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse("REPORT", &k.code().to_uppercase()).ok(), Some(k));
        }
        assert!(ReportKind::parse("REPORT", "ledger").is_err());
    }
}
