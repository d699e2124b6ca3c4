//! Who is still to visit (`hunvon report outreach`, SPEC §10): every person of the pool
//! with no BHYT card in force on the day (never had one, lapsed, or ending within the
//! expiring window), and every member of working age with no BHXH; with her phone, her
//! household, who could sponsor her ("1+1") and what covering her would cost today.

use crate::fx::FxMap;
use crate::words;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::domain::ident::Gender;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, Result, mask_id};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::bhxh::{BhxhStatus, bhxh_quote};
use hunvon_core::rules::bhyt::{BhytStatus, LadderEntry, bhyt_quote, ladder_positions, takes_ladder};
use hunvon_core::rules::category::Category;
use hunvon_core::rules::error::RuleError;
use hunvon_report::document::{Block, Cell, Column, Document, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, safe_cell};
use hunvon_store::people::Person;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::{CsvRows, Frame, Paper};

/// Why a person is on the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    NoBhyt,
    BhytLapsed,
    BhytExpiring,
    NoBhxh,
}

impl Reason {
    /// The code in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Reason::NoBhyt => "no_bhyt",
            Reason::BhytLapsed => "bhyt_lapsed",
            Reason::BhytExpiring => "bhyt_expiring",
            Reason::NoBhxh => "no_bhxh",
        }
    }

    /// The reason in a few words, for a list on screen.
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoBhyt => words::no_bhyt(lang),
            Reason::BhytLapsed => words::bhyt_lapsed(lang),
            Reason::BhytExpiring => words::bhyt_ending(lang),
            Reason::NoBhxh => words::no_bhxh(lang),
        }
    }

    /// The reason in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoBhyt => words::never_had_bhyt(lang),
            Reason::BhytLapsed => words::bhyt_card_lapsed(lang),
            Reason::BhytExpiring => words::bhyt_ending_soon(lang),
            Reason::NoBhxh => words::working_age_no_bhxh(lang),
        }
    }
}

/// One line of the list: a person and one reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutreachRow {
    pub code: String,
    pub full_name: String,
    pub bhxh_code: Option<String>,
    pub phone: Option<String>,
    pub household: Option<String>,
    pub reason: Reason,
    pub bhyt_to: Option<NaiveDate>,
    pub sponsor: Option<String>,
    /// What covering her would cost today; `None` when the state pays the card (poor).
    pub price: Option<Dong>,
}

/// The retirement age of NĐ 135/2020 in months, by gender, for a day: men 60 years and
/// 3 months in 2021, three months more each year up to 62 (2028); women 55 years and
/// 4 months in 2021, four months more each year up to 60 (2035). **(chosen)** Without a
/// gender, the men's age (the list leaves no one out).
pub fn retirement_months(gender: Option<Gender>, on: NaiveDate) -> i64 {
    let years = i64::from(on.year() - 2020).max(0);
    match gender {
        Some(Gender::Female) => 55 * 12 + 4 * years.min(15),
        _ => 60 * 12 + 3 * years.min(8),
    }
}

/// Whether a person is of working age on a day: 15 years old, not yet at the retirement age.
pub fn working_age(dob: NaiveDate, gender: Option<Gender>, on: NaiveDate) -> bool {
    let mut months = i64::from(on.year() - dob.year()) * 12 + i64::from(on.month()) - i64::from(dob.month());
    if on.day() < dob.day() {
        months -= 1;
    }
    (15 * 12..retirement_months(gender, on)).contains(&months)
}

impl App {
    /// The list of one pool on `as_of`, by household then code.
    pub fn outreach_rows(&self, pool: &Pool, as_of: NaiveDate) -> Result<Vec<OutreachRow>> {
        let by_id = self.cover_by_person(pool.id, as_of)?;
        self.outreach_rows_from(as_of, &by_id, &self.store.persons(pool.id)?)
    }

    /// `outreach_rows` from each person's cover on `as_of` and the pool's persons (by
    /// code), already read.
    pub(crate) fn outreach_rows_from(
        &self,
        as_of: NaiveDate,
        by_id: &crate::papers::cover_tally::CoverByPerson,
        persons: &[Person],
    ) -> Result<Vec<OutreachRow>> {
        let rates = self.store.rate_table()?;
        let code_of: FxMap<i64, &str> = persons.iter().map(|p| (p.id, p.code.as_str())).collect();
        // The lowest-code member of each household (persons come by code).
        let mut first_member: FxMap<i64, Vec<&Person>> = FxMap::default();
        for p in persons.iter().filter(|p| p.is_member_on(as_of)) {
            if let Some(h) = p.household_id {
                first_member.entry(h).or_default().push(p);
            }
        }
        let mut ladders: HashMap<i64, Vec<LadderEntry>> = HashMap::new();
        let (mut bhyt_prices, mut bhxh_prices) = (HashMap::new(), HashMap::new());
        let mut out = Vec::new();
        for p in persons.iter().filter(|p| p.left_on.is_none_or(|l| l > as_of)) {
            let c = by_id.get(&p.id).copied().unwrap_or_default();
            let sponsor = p.sponsor_id.and_then(|s| code_of.get(&s).map(|c| c.to_string())).or_else(|| {
                let h = p.household_id?;
                first_member.get(&h)?.iter().find(|m| m.id != p.id).map(|m| m.code.clone())
            });
            let category = Category::from_code(&p.category).unwrap_or(Category::Other);
            let row = |reason: Reason, price: Option<Dong>| OutreachRow {
                code: p.code.clone(),
                full_name: p.full_name.clone(),
                bhxh_code: p.bhxh_code.clone(),
                phone: p.phone.clone(),
                household: p.household_code.clone(),
                reason,
                bhyt_to: c.bhyt_to,
                sponsor: sponsor.clone(),
                price,
            };
            let bhyt_reason = match c.bhyt {
                BhytStatus::None => Some(Reason::NoBhyt),
                BhytStatus::Lapsed => Some(Reason::BhytLapsed),
                BhytStatus::Expiring => Some(Reason::BhytExpiring),
                BhytStatus::Covered | BhytStatus::Waiting => None,
            };
            if let Some(reason) = bhyt_reason {
                let price = if category == Category::Poor {
                    None
                } else {
                    let position = match (takes_ladder(category), p.household_id) {
                        (false, _) => None,
                        (true, None) => Some(1),
                        (true, Some(h)) => {
                            let prior = match ladders.entry(h) {
                                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                                    self.store
                                        .ladder(h, as_of.year())?
                                        .into_iter()
                                        .map(|(person, reversed)| LadderEntry { person, reversed })
                                        .collect(),
                                ),
                            };
                            ladder_positions(prior, &[p.id]).first().copied()
                        }
                    };
                    Some(priced(&mut bhyt_prices, (category, position), || {
                        Ok(bhyt_quote(&rates, category, position, 12, as_of)?.amount)
                    })?)
                };
                out.push(row(reason, price));
            }
            let of_age = p.date_of_birth.is_some_and(|d| working_age(d, p.gender, as_of));
            if p.is_member_on(as_of) && of_age && c.bhxh != BhxhStatus::Current {
                let price = priced(&mut bhxh_prices, category, || {
                    let lowest = Dong(rates.integer("rural_poverty_line", as_of)?);
                    Ok(bhxh_quote(&rates, category, lowest, 12, as_of, 0)?.amount)
                })?;
                out.push(row(Reason::NoBhxh, Some(price)));
            }
        }
        out.sort_by(|a, b| a.household.is_none().cmp(&b.household.is_none()).then(a.household.cmp(&b.household)));
        Ok(out)
    }

    /// `hunvon report outreach` in every format; text, HTML and PDF mask the mã số BHXH.
    pub fn report_outreach(&self, as_of: NaiveDate, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&OutreachPaper { as_of }, format)
    }
}

/// `quote` for `key`, asked once: a year's cover costs the same for everyone of one
/// category (and ladder step) on the day, and a province's list has tens of thousands.
fn priced<K: std::hash::Hash + Eq>(
    prices: &mut HashMap<K, Dong>,
    key: K,
    quote: impl FnOnce() -> std::result::Result<Dong, RuleError>,
) -> Result<Dong> {
    if let Some(&d) = prices.get(&key) {
        return Ok(d);
    }
    let d = quote().map_err(Error::Rule)?;
    prices.insert(key, d);
    Ok(d)
}

/// `report outreach` as a paper: who is still to visit on `as_of`.
pub struct OutreachPaper {
    pub as_of: NaiveDate,
}

impl Paper for OutreachPaper {
    type Section = Vec<OutreachRow>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<OutreachRow>> {
        app.outreach_rows(pool, self.as_of)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &CSV_KEYS
    }

    fn csv(&self, _: &App, _: &Pool, rows: &Vec<OutreachRow>, out: &mut CsvRows) -> Result<()> {
        for r in rows {
            out.row([
                r.code.clone(),
                safe_cell(&r.full_name),
                safe_cell(r.phone.as_deref().unwrap_or_default()),
                r.household.clone().unwrap_or_default(),
                r.reason.code().to_string(),
                r.sponsor.clone().unwrap_or_default(),
                r.price.map(|d| d.0.to_string()).unwrap_or_default(),
                r.bhyt_to.map(format_iso).unwrap_or_default(),
                r.bhxh_code.clone().unwrap_or_default(),
            ])?;
        }
        Ok(())
    }

    fn json(&self, _: &App, pool: &Pool, rows: &mut Vec<OutreachRow>) -> Result<serde_json::Value> {
        Ok(json!({"pool": pool.code, "as_of": format_iso(self.as_of), "rows": rows.iter().map(|r| json!({
            "code": r.code, "full_name": r.full_name, "phone": r.phone, "household": r.household,
            "reason": r.reason.code(), "sponsor": r.sponsor, "price": r.price.map(|d| d.0),
            "bhyt_to": r.bhyt_to.map(format_iso), "bhxh_code": r.bhxh_code,
        })).collect::<Vec<_>>()}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let lang = app.lang;
        let title = words::who_is_still_to_visit(lang);
        let day = words::state_as_of(lang, format_vn(self.as_of));
        Ok(Frame { title, lines: vec![day], ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, rows: &mut Vec<OutreachRow>, doc: &mut Document) -> Result<()> {
        let lang = app.lang;
        let mut t = Table::new(vec![
            Column::left(words::code(lang), 8),
            Column::wrap(words::name(lang), 14),
            Column::left(words::m_s_bhxh(lang), 10),
            Column::left(words::phone(lang), 10),
            Column::left(words::household(lang), 6),
            Column::wrap(words::reason(lang), 14),
            Column::left(words::sponsor(lang), 8),
            Column::money(words::n_12_months(lang), 10, true),
        ]);
        for r in rows.iter() {
            let reason = match (r.reason, r.bhyt_to) {
                (Reason::BhytLapsed | Reason::BhytExpiring, Some(to)) => {
                    format!("{} ({})", r.reason.label(lang), format_vn(to))
                }
                _ => r.reason.label(lang).to_string(),
            };
            t.row(vec![
                Cell::text(r.code.clone()),
                Cell::text(r.full_name.clone()),
                Cell::text(r.bhxh_code.as_deref().map(mask_id).unwrap_or_default()),
                Cell::text(r.phone.clone().unwrap_or_default()),
                Cell::text(r.household.clone().unwrap_or_default()),
                Cell::text(reason),
                Cell::text(r.sponsor.clone().unwrap_or_default()),
                r.price.map(|p| Cell::money(p.0)).unwrap_or_else(|| Cell::text(words::state_pays(lang))),
            ]);
        }
        let mut sum = t.labelled(words::total(lang), &[None; 8]);
        sum[7] = Cell::money(rows.iter().filter_map(|r| r.price).map(|p| p.0).sum());
        t.totals.push(sum);
        doc.push(Block::Table(t));
        Ok(())
    }
}

/// The list for chat-app messages: the CSV keys, or their Vietnamese names when the
/// treasurer writes it from the TUI in Vietnamese (it goes to people, not programs).
pub fn outreach_csv(rows: &[&OutreachRow], lang: Lang) -> Result<Vec<u8>> {
    let mut w = csv_writer();
    let e = Error::Csv;
    let header: [&str; 9] = match lang {
        Lang::Vi => {
            ["Mã", "Họ tên", "Điện thoại", "Hộ", "Lý do", "Người vận động", "Số tiền 12 tháng", "Thẻ đến", "Mã số BHXH"]
        }
        Lang::En => CSV_KEYS,
    };
    w.write_record(header).map_err(e)?;
    for r in rows {
        let reason = match lang {
            Lang::Vi => r.reason.label(lang).to_string(),
            Lang::En => r.reason.code().to_string(),
        };
        w.write_record([
            r.code.clone(),
            safe_cell(&r.full_name),
            safe_cell(r.phone.as_deref().unwrap_or_default()),
            r.household.clone().unwrap_or_default(),
            reason,
            r.sponsor.clone().unwrap_or_default(),
            r.price.map(|d| d.0.to_string()).unwrap_or_default(),
            r.bhyt_to.map(format_iso).unwrap_or_default(),
            r.bhxh_code.clone().unwrap_or_default(),
        ])
        .map_err(e)?;
    }
    csv_bytes(w)
}

/// The CSV header of `report outreach` (SPEC §10 names the first seven).
pub const CSV_KEYS: [&str; 9] =
    ["code", "full_name", "phone", "household", "reason", "sponsor", "price", "bhyt_to", "bhxh_code"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_age_follows_the_retirement_ladder() {
        let d = |s: &str| hunvon_core::domain::input::date("d", s).unwrap();
        // 2026: men 61 years 6 months, women 57 years.
        assert_eq!(retirement_months(Some(Gender::Male), d("2026-06-01")), 61 * 12 + 6);
        assert_eq!(retirement_months(Some(Gender::Female), d("2026-06-01")), 57 * 12);
        assert_eq!(retirement_months(Some(Gender::Female), d("2040-01-01")), 60 * 12);
        assert_eq!(retirement_months(None, d("2030-01-01")), 62 * 12);
        assert!(working_age(d("1970-01-01"), Some(Gender::Female), d("2026-06-01")));
        assert!(!working_age(d("1969-05-01"), Some(Gender::Female), d("2026-06-01")));
        assert!(working_age(d("1965-01-01"), Some(Gender::Male), d("2026-06-01")));
        assert!(!working_age(d("2011-06-02"), Some(Gender::Female), d("2026-06-01")), "not yet 15");
        assert!(working_age(d("2011-06-01"), Some(Gender::Female), d("2026-06-01")));
    }
}
