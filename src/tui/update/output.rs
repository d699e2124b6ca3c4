//! What the TUI writes or shows besides the book: a paper previewed and written, the
//! insurance lists as CSV, the result of checking the book.

use crate::tui::popups::Layer;
use crate::tui::popups::message::Message;
use crate::tui::popups::preview::PreviewView;
use crate::tui::screens::insurance::View;
use crate::tui::state::Tui;
use crate::tui::words;
use hunvon_app::papers::reports::Period;
use hunvon_app::views::Paper;
use hunvon_report::Format;

impl Tui {
    pub(super) fn preview(&mut self) {
        let s = &self.reports;
        let period = Period { from: Some(s.from), to: Some(s.to) };
        let (text, label) = s.period_text();
        self.preview_paper(s.paper(), period, text, label);
    }

    /// The biên bản of the counts of one day, just recorded, ready to be written.
    pub(super) fn preview_counts(&mut self, day: chrono::NaiveDate) {
        let period = Period { from: Some(day), to: Some(day) };
        self.preview_paper(
            Paper::Counts,
            period,
            hunvon_core::domain::date::format_vn(day),
            hunvon_core::domain::date::format_iso(day),
        );
    }

    fn preview_paper(&mut self, paper: Paper, period: Period, text: String, label: String) {
        let lang = self.lang();
        match self.app.paper(paper, period, Format::Text) {
            Ok(bytes) => {
                let lines = String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect();
                let title = format!("{} — {text} · {}", paper.label(lang), words::writes_file_keys(lang));
                let view = PreviewView { paper, period, label, title, lines, scroll: 0, left: 0 };
                self.layers.push(Layer::Preview(Box::new(view)));
            }
            Err(e) => self.status = e.text(lang),
        }
    }

    pub(super) fn write_paper(&mut self) {
        let lang = self.lang();
        let s = &self.reports;
        let (paper, period, label) = match self.layers.last() {
            Some(Layer::Preview(p)) => (p.paper, p.period, p.label.clone()),
            _ => (s.paper(), Period { from: Some(s.from), to: Some(s.to) }, s.period_text().1),
        };
        self.status = match self.app.write_paper(&self.papers, paper, period, &label, s.format) {
            Ok(path) => format!("{} {}", words::written_to(lang), path.display()),
            Err(e) => e.text(lang),
        };
    }

    /// Writes the insurance list shown (with phones) as CSV for calls or SMS.
    pub(super) fn export_list(&mut self) {
        let lang = self.lang();
        let Some(w) = self.watch.as_ref() else { return };
        let day = hunvon_core::domain::date::format_iso(self.as_of);
        let rows = &self.insurance.rows;
        let (name, bytes) = match self.insurance.view {
            View::Dues => {
                let rows: Vec<_> = rows.iter().map(|i| &w.dues[*i]).collect();
                (words::dues_behind_file(lang), hunvon_app::views::watch::dues_csv(&rows, lang))
            }
            View::NoCard => {
                let rows: Vec<_> = rows.iter().map(|i| &w.no_card[*i]).collect();
                (words::no_bhyt_card_file(lang), hunvon_app::views::watch::no_card_csv(&rows, lang))
            }
            View::Outreach => {
                let rows: Vec<_> = self.insurance.rows.iter().map(|i| &w.outreach[*i].row).collect();
                (words::outreach_file(lang), hunvon_app::papers::outreach::outreach_csv(&rows, lang))
            }
            _ => {
                let rows: Vec<_> = rows.iter().map(|i| &w.cover[*i]).collect();
                (words::bhyt_cards_file(lang), hunvon_app::views::watch::cards_csv(&rows, lang))
            }
        };
        let name = format!("{name}-{day}");
        self.status = match bytes.and_then(|b| self.app.write_file(&self.papers, &name, "csv", &b, true)) {
            Ok(path) => format!("{} {}", words::list_written_to(lang), path.display()),
            Err(e) => e.text(lang),
        };
    }

    /// Checks the book (the hash chain, balances, numbering) and shows the result.
    pub(super) fn verify(&mut self) {
        let lang = self.lang();
        let lines = match self.app.verify(&[]) {
            Ok(report) => {
                let mut out = Vec::new();
                let whole = report.problems.is_empty();
                for c in &report.pools {
                    if c.problems.is_empty() && whole {
                        let n = hunvon_core::domain::money::group_count;
                        out.push(words::pool_book_intact(lang, &c.pool.code, n(c.vouchers), n(c.records)));
                    }
                    out.extend(c.problems.iter().map(|p| format!("✗ {}", p.text(lang))));
                    out.push(c.identity.line(lang));
                    out.push(format!("{}: {}", words::chain_head(lang), c.head.anchor()));
                    out.extend(c.warnings.iter().take(20).map(|w| w.text(lang)));
                    if c.warnings.len() > 20 {
                        out.push(format!("… {} {}", c.warnings.len() - 20, words::more_warnings(lang)));
                    }
                }
                out.extend(report.problems.iter().map(|p| format!("✗ {}", p.text(lang))));
                out.extend(report.warnings.iter().map(|w| w.text(lang)));
                out
            }
            Err(e) => vec![e.text(lang)],
        };
        self.layers.push(Layer::Message(Box::new(Message::new(words::book_check(lang).into(), lines))));
    }
}
