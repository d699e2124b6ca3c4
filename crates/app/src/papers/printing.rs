//! The frame every paper shares (docs/design.md §6): the letterhead block (Đơn vị, Địa chỉ, the
//! form's number), the title and period, "Đơn vị tính: đồng", the signature places with
//! the names of the letterhead, and a footer on every page with the chain head in the
//! form an auditor can type back (`PT-2026-0183=<64 hex>`).

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::date::{format_formal_vi, format_vn};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Header, Signatures, Table};
use hunvon_store::letterhead::Letterhead;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::reports::Period;

/// Who signs a paper, by the places of its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signers {
    /// Tổng hợp: Người lập (Thủ quỹ), Kế toán, Tổ trưởng, Ban kiểm tra.
    Summary,
    /// Sổ quỹ, sổ tiền gửi: Người ghi sổ (Thủ quỹ), Kế toán, Tổ trưởng.
    Book,
    /// Lists (balances, journal, arrears, coverage, sponsors): Người lập, Kế toán, Tổ trưởng.
    List,
}

/// What is printed for a field left empty: a dotted blank to fill in by hand.
pub const BLANK: &str = "…………………………";

fn or_blank(s: &str) -> String {
    if s.trim().is_empty() { BLANK.to_string() } else { s.to_string() }
}

/// A month `YYYY-MM` as human papers print it: `12/2024`.
pub fn month_vn(ym: &str) -> String {
    match ym.split_once('-') {
        Some((y, m)) if y.len() == 4 && m.len() == 2 => format!("{m}/{y}"),
        _ => ym.to_string(),
    }
}

impl App {
    /// The period as a heading line: "Từ ngày 01/10/2026 đến ngày 31/10/2026".
    pub fn period_line(&self, period: Period) -> String {
        let to = period.to.unwrap_or(self.clock.today);
        match period.from {
            Some(f) => words::from_day_to_day(self.lang, format_vn(f), format_vn(to)),
            None => words::up_to_day(self.lang, format_vn(to)),
        }
    }

    /// The letterhead block: organisation (the pool's name until one is set) and address
    /// on the left, the form's number on the right.
    pub fn letterhead_block(&self, pool: &Pool, letterhead: &Letterhead, form: Option<&str>) -> Header {
        let lang = self.lang;
        let org = if letterhead.org.trim().is_empty() { pool.name.clone() } else { letterhead.org.clone() };
        let mut right = Vec::new();
        if let Some(form) = form {
            right.push(format!("{} {form}", words::form(lang)));
            // Every form carries its legal basis under its number.
            right.push(self.form_set(letterhead).basis(lang));
        }
        Header {
            left: vec![
                format!("{}: {org}", words::organisation(lang)),
                format!("{}: {}", words::address(lang), or_blank(&letterhead.address)),
            ],
            right,
        }
    }

    /// The footer of every page of a pool's paper: the pool, the day printed and the
    /// chain head (`REF=HASH`, all 64 hex characters).
    pub fn footer_line(&self, pool: &Pool) -> Result<String> {
        let mut head = self.store.head(pool.id)?.anchor();
        // The rates the paper's figures were priced by, when `rates set` changed any
        // (SPEC §9): the file chain's head beside the pool's.
        if let Some(rates) = self.store.file_head()? {
            head = format!("{head} · {}: {rates}", words::rates(self.lang));
        }
        Ok(words::paper_footer(self.lang, &pool.code, &pool.name, format_vn(self.clock.today), head))
    }

    /// A paper for `pool` over `period`: footer, letterhead, title, the period (and any
    /// further `lines`), "Đơn vị tính: đồng". The caller adds its content and then
    /// [`App::sign`].
    pub fn paper_frame(
        &self,
        pool: &Pool,
        title: &str,
        form: Option<&str>,
        period: Option<Period>,
        lines: &[String],
    ) -> Result<Document> {
        let lang = self.lang;
        let letterhead = self.store.letterhead(pool.id)?;
        let mut doc = Document::new(lang);
        doc.push(Block::Footer(self.footer_line(pool)?));
        doc.push(Block::Letterhead(self.letterhead_block(pool, &letterhead, form)));
        doc.push(Block::Title(title.to_string()));
        for l in lines {
            doc.push(Block::Subtitle(l.clone()));
        }
        if let Some(p) = period {
            doc.push(Block::Subtitle(self.period_line(p)));
        }
        if let Some(note) = self.closed_note(pool, period.and_then(|p| p.to))? {
            doc.push(Block::Subtitle(note));
        }
        doc.push(Block::Unit(words::unit_ng(lang).into()));
        Ok(doc)
    }

    /// The page that closes a district paper (`--pool all`): its title and period, and
    /// each pool's chain head; the caller adds the totals.
    pub fn district_paper<'p>(
        &self,
        title: &str,
        period: Period,
        pools: impl Iterator<Item = &'p Pool>,
    ) -> Result<Document> {
        let lang = self.lang;
        let pools: Vec<&Pool> = pools.collect();
        let mut doc = Document::new(lang);
        doc.push(Block::Footer(words::district_pools_printed(lang, pools.len(), format_vn(self.clock.today))));
        doc.push(Block::Letterhead(Header {
            left: vec![format!("{}: {}", words::organisation(lang), words::the_district(lang))],
            right: Vec::new(),
        }));
        doc.push(Block::Title(title.to_string()));
        doc.push(Block::Subtitle(self.period_line(period)));
        doc.push(Block::Unit(words::unit_ng(lang).into()));
        let mut heads = Table::new(vec![Column::left(words::pool(lang), 8), Column::wrap(words::chain_head(lang), 10)]);
        for p in &pools {
            heads.row(vec![Cell::text(p.code.clone()), Cell::text(self.store.head(p.id)?.anchor())]);
        }
        doc.push(Block::Heading(words::each_pool_s_seal(lang).into()));
        doc.push(Block::Table(heads));
        doc.push(Block::Heading(words::totals(lang).into()));
        Ok(doc)
    }

    /// The place and date above the signatures: "…………, ngày 24 tháng 11 năm 2026".
    pub fn place_date(&self, date: NaiveDate) -> String {
        self.place_date_at("", date)
    }

    /// The same with the place taken from the letterhead's address ("Tiểu Cần, ngày …").
    pub fn place_date_of(&self, letterhead: &Letterhead, date: NaiveDate) -> String {
        self.place_date_at(&crate::papers::form_set::place_of(&letterhead.address).unwrap_or_default(), date)
    }

    fn place_date_at(&self, place: &str, date: NaiveDate) -> String {
        let place = if place.is_empty() { "…………" } else { place };
        format!("{place}, {}", formal_date(date, self.lang))
    }

    /// The circular the papers' forms follow: the letterhead's choice (`pool set
    /// --forms`), Thông tư 99/2025/TT-BTC until one is made.
    pub fn form_set(&self, letterhead: &Letterhead) -> crate::papers::form_set::FormSet {
        crate::papers::form_set::FormSet::stored(&letterhead.forms)
    }

    /// The signature places of a paper, with the names of the pool's letterhead.
    pub fn signatures(&self, pool: &Pool, who: Signers) -> Result<Signatures> {
        let lang = self.lang;
        let l = self.store.letterhead(pool.id)?;
        let treasurer_role = match who {
            Signers::Book => words::bookkeeper_treasurer(lang),
            _ => words::prepared_by_treasurer(lang),
        };
        let mut roles = vec![
            (treasurer_role.to_string(), l.treasurer.clone()),
            (words::accountant(lang).to_string(), l.accountant.clone()),
            (words::group_leader(lang).to_string(), l.leader.clone()),
        ];
        if who == Signers::Summary {
            roles.push((words::control_board(lang).to_string(), String::new()));
        }
        Ok(Signatures { place_date: self.place_date_of(&l, self.clock.today), roles, note: sign_note(lang).into() })
    }

    /// The signature places of a district paper (`--pool all`): the district keeps no
    /// letterhead, so the names are left to fill in by hand.
    pub fn sign_district(&self, doc: &mut Document) {
        let lang = self.lang;
        let roles = [words::prepared_by(lang), words::accountant(lang), words::chair_of_the_union(lang)];
        doc.push(Block::Signatures(Signatures {
            place_date: self.place_date(self.clock.today),
            roles: roles.iter().map(|r| (r.to_string(), String::new())).collect(),
            note: sign_note(lang).into(),
        }));
    }

    /// Adds the signature places at the end of a paper.
    pub fn sign(&self, doc: &mut Document, pool: &Pool, who: Signers) -> Result<()> {
        doc.push(Block::Signatures(self.signatures(pool, who)?));
        Ok(())
    }
}

/// "(Ký, họ tên)".
pub fn sign_note(lang: Lang) -> &'static str {
    words::signature_full_name(lang)
}

/// A date as a paper writes it beside a place or a time: "ngày 05 tháng 10 năm 2026" in
/// Vietnamese, 05/10/2026 in English (a format, not a sentence: the language chooses it).
pub fn formal_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format_formal_vi(date),
        Lang::En => format_vn(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_as_printed() {
        assert_eq!(month_vn("2024-12"), "12/2024");
        assert_eq!(month_vn("odd"), "odd");
    }
}
