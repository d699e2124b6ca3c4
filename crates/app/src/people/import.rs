//! CSV imports (examples/README.md): people, contributions, openings. All-or-nothing: every row is
//! checked, every bad row is listed with its line number (the header is line 1) and
//! reason, and on any bad row nothing is written. One SQLite transaction per import.
//! A header naming a column twice is refused; columns no field reads are named in a
//! warning; a file imported before into the pool (same bytes) is refused unless `again`.

use crate::words;
use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, NewTransaction, Series};
use hunvon_core::messages::error::{Error, Expected, Result, RowError};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::messages::warning::Warning;
use hunvon_store::Conn;
use hunvon_store::imports::{self, NewImport};
use hunvon_store::people::{self, PersonFields};

use crate::people::csv_table::{Table, cell, read_table};
use crate::people::{Naming, PersonInput, check_person};
use crate::{App, Clock};

/// Imports of more rows than this show progress (the command line draws a bar on stderr).
pub const SHOWN_FROM: u64 = 10_000;

/// What an import did (or, with `--dry-run`, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub rows: usize,
    /// The lowest and highest number written in each series, in the order the series
    /// first came (a file of cash and bank receipts writes PT and BC numbers).
    pub ranges: Vec<(String, String)>,
    pub total: Dong,
    pub warnings: Vec<(u64, Warning)>,
    pub dry_run: bool,
}

/// Which import: the command line and the TUI share it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    People,
    Contributions,
    Openings,
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [ImportKind::People, ImportKind::Contributions, ImportKind::Openings];

    /// The codes as typed after `hunvon import`, for a refusal.
    pub const CODES: &'static [&'static str] = &["people", "contributions", "openings"];

    /// The name stored in the `imports` table (and typed after `hunvon import`).
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Contributions => "contributions",
            ImportKind::Openings => "openings",
        }
    }

    /// What the file holds, as the treasurer calls it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ImportKind::People => words::people_list(lang),
            ImportKind::Contributions => words::contributions(lang),
            ImportKind::Openings => words::opening_balances(lang),
        }
    }

    /// Reads an import's code; `field` names where it was typed.
    pub fn parse(field: &str, value: &str) -> Result<ImportKind> {
        let code = value.trim().to_ascii_lowercase();
        ImportKind::ALL.into_iter().find(|k| k.code() == code).ok_or_else(|| Error::BadValue {
            field: field.into(),
            value: value.into(),
            expected: Expected::Format(ImportKind::CODES),
        })
    }

    /// The header SPEC §3 gives, in its order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ImportKind::People => &[
                "code",
                "full_name",
                "date_of_birth",
                "gender",
                "cccd",
                "bhxh_code",
                "household_code",
                "household_name",
                "category",
                "phone",
                "sponsor_code",
                "joined",
            ],
            ImportKind::Contributions => &["date", "person_code", "amount", "method", "note"],
            ImportKind::Openings => &["person_code", "amount", "date"],
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            ImportKind::People => &["code", "full_name"],
            ImportKind::Contributions => &["date", "person_code", "amount"],
            ImportKind::Openings => &["person_code", "amount", "date"],
        }
    }
}

/// How to import: `dry_run` checks and writes nothing; `again` imports a file whose
/// content was imported into the pool before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportMode {
    pub dry_run: bool,
    pub again: bool,
}

/// The `imports` row for this file, written in the import's own transaction.
fn import_record<'a>(
    pool_id: i64,
    clock: &'a Clock,
    kind: ImportKind,
    path: &'a Path,
    table: &'a Table,
    rows: usize,
) -> NewImport<'a> {
    NewImport {
        pool_id,
        kind: kind.code(),
        sha256: &table.sha256,
        file_name: path.file_name().and_then(|n| n.to_str()).unwrap_or_default(),
        rows,
        imported_on: clock.today,
        imported_at: &clock.now,
    }
}

impl App {
    /// Imports a CSV file; with `dry_run` checks everything and writes nothing.
    pub fn import(&mut self, kind: ImportKind, path: &Path, dry_run: bool) -> Result<ImportSummary> {
        self.import_with(kind, path, ImportMode { dry_run, again: false })
    }

    /// Imports a CSV file as `mode` says.
    pub fn import_with(&mut self, kind: ImportKind, path: &Path, mode: ImportMode) -> Result<ImportSummary> {
        self.import_showing(kind, path, mode, &mut |_, _| {})
    }

    /// `import_with`, telling `progress` (rows written, rows in all) for a file of more
    /// than [`SHOWN_FROM`] rows.
    pub fn import_showing(
        &mut self,
        kind: ImportKind,
        path: &Path,
        mode: ImportMode,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportSummary> {
        if !mode.dry_run {
            self.store.ensure_writable()?;
        }
        let pool_id = self.pool()?.id;
        let mut table = read_table(path, kind.columns(), kind.required())?;
        let unreadable = std::mem::take(&mut table.unreadable);
        if !mode.again
            && let Some(past) = self.store.import_of(pool_id, &table.sha256)?
        {
            return Err(Error::AlreadyImported { file: path.display().to_string(), on: past.imported_on });
        }
        let total = table.rows.len() as u64;
        let mut tick = |done: usize| {
            if total > SHOWN_FROM && done.is_multiple_of(1000) {
                progress(done as u64, total);
            }
        };
        let mut summary = match kind {
            ImportKind::People => self.import_people(path, &table, mode.dry_run, unreadable, &mut tick),
            ImportKind::Contributions | ImportKind::Openings => {
                self.import_vouchers(kind, path, &table, mode.dry_run, unreadable, &mut tick)
            }
        }?;
        if !table.unknown.is_empty() {
            summary.warnings.insert(0, (1, Warning::UnknownColumns { columns: table.unknown.clone() }));
        }
        Ok(summary)
    }

    fn import_people(
        &mut self,
        path: &Path,
        table: &Table,
        dry_run: bool,
        unreadable: Vec<RowError>,
        tick: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary> {
        let pool_id = self.pool()?.id;
        let clock = self.clock.clone();
        let today = clock.today;
        let read_only = self.store.read_only;
        let mut summary = ImportSummary { dry_run, ..Default::default() };
        let mut bad = unreadable;
        // Rows are written as they are checked, inside one transaction that is rolled back
        // on any bad row or a dry run: so households named for the first time, sponsors
        // listed further down and duplicates within the file are all judged as the real
        // import would judge them. A read-only book cannot even open a write transaction,
        // so a dry run there uses a deferred one that never writes.
        let tx = if read_only { self.store.snapshot()? } else { self.store.write()? };
        let now = self.clock.stamp();
        let mut sponsors = Vec::new();
        for (i, (line, row)) in table.rows.iter().enumerate() {
            tick(i);
            match person_row(tx.conn(), pool_id, row, read_only, &now, today) {
                Ok((code, warnings, later)) => {
                    summary.rows += 1;
                    summary.warnings.extend(warnings.into_iter().map(|w| (*line, w)));
                    if let Some(s) = later {
                        sponsors.push((*line, code, s));
                    }
                }
                Err(error) => bad.push(RowError { line: *line, error }),
            }
        }
        for (line, code, sponsor) in sponsors {
            if let Err(error) = late_sponsor(tx.conn(), pool_id, &code, &sponsor, read_only, &now) {
                bad.push(RowError { line, error });
            }
        }
        if !bad.is_empty() {
            bad.sort_by_key(|r| r.line);
            return Err(Error::Import { rows: bad });
        }
        if !dry_run {
            imports::record_import(
                tx.conn(),
                &import_record(pool_id, &clock, ImportKind::People, path, table, summary.rows),
            )?;
            tx.commit()?;
        }
        Ok(summary)
    }

    fn import_vouchers(
        &mut self,
        kind: ImportKind,
        path: &Path,
        table: &Table,
        dry_run: bool,
        unreadable: Vec<RowError>,
        tick: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary> {
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let codes: HashMap<String, i64> =
            self.store.persons(pool_id)?.into_iter().map(|p| (p.code.clone(), p.id)).collect();
        let mut planned = Vec::with_capacity(table.rows.len());
        let mut bad = unreadable;
        for (line, row) in &table.rows {
            let result = voucher_row(kind, row, &codes, today);
            match result {
                Ok(t) => planned.push(t),
                Err(error) => bad.push(RowError { line: *line, error }),
            }
        }
        if !bad.is_empty() {
            bad.sort_by_key(|r| r.line);
            return Err(Error::Import { rows: bad });
        }
        let mut summary = ImportSummary { rows: planned.len(), dry_run, ..Default::default() };
        // The net sum of the file's amounts: an opening owed (negative) counts against.
        summary.total = planned
            .iter()
            .flat_map(|t| t.postings.iter())
            .filter(|(a, _)| matches!(a, hunvon_core::ledger::Account::Member(_)))
            .map(|(_, d)| -*d)
            .sum();
        if dry_run || planned.is_empty() {
            return Ok(summary);
        }
        let clock = self.clock.clone();
        let mut ap = self.store.appender(pool_id, &clock.now)?;
        for (i, t) in planned.iter().enumerate() {
            tick(i);
            let posted = ap.append(t)?;
            widen_range(&mut summary.ranges, posted.voucher);
        }
        imports::record_import(ap.conn(), &import_record(pool_id, &clock, kind, path, table, summary.rows))?;
        ap.commit()?;
        Ok(summary)
    }
}

/// One row of a people CSV, written on `conn` (only checked on a read-only book): the
/// household it names, made when new; the person, with her sponsor when the sponsor is
/// already in the book (or listed above), so her record in the chain is whole at once.
/// Returns her code, the warnings, and a sponsor listed further down, to set once every
/// row is in.
fn person_row(
    conn: Conn<'_>,
    pool_id: i64,
    row: &HashMap<String, String>,
    read_only: bool,
    now: &str,
    today: NaiveDate,
) -> Result<(String, Vec<Warning>, Option<String>)> {
    if let Some(hh) = cell(row, "household_code") {
        let hh_code = input::code("household_code", hh)?;
        if people::household_by_code(conn, pool_id, &hh_code)?.is_none() && !read_only {
            let name = match cell(row, "household_name") {
                Some(n) => input::name("household_name", n)?,
                None => hh_code.clone(),
            };
            people::insert_household(conn, pool_id, &hh_code, &name, "", now)?;
        }
    }
    let sponsor_now = cell(row, "sponsor_code").filter(|s| {
        input::code("sponsor_code", s)
            .ok()
            .and_then(|c| people::person_by_code(conn, pool_id, &c).ok().flatten())
            .is_some()
    });
    let p = PersonInput {
        code: cell(row, "code").unwrap_or_default().to_string(),
        full_name: Some(cell(row, "full_name").unwrap_or_default().to_string()),
        date_of_birth: cell(row, "date_of_birth").map(String::from),
        gender: cell(row, "gender").map(String::from),
        cccd: cell(row, "cccd").map(String::from),
        bhxh_code: cell(row, "bhxh_code").map(String::from),
        household: if read_only { None } else { cell(row, "household_code").map(String::from) },
        category: cell(row, "category").map(String::from),
        phone: cell(row, "phone").map(String::from),
        joined: cell(row, "joined").map(String::from),
        sponsor: if read_only { None } else { sponsor_now.map(String::from) },
        left: None,
    };
    let (fields, warnings) = check_person(conn, pool_id, PersonFields::default(), &p, Naming::Columns, today)?;
    if !read_only {
        people::insert_person(conn, pool_id, &fields, now)?;
    }
    let later = cell(row, "sponsor_code").filter(|_| sponsor_now.is_none() || read_only).map(String::from);
    Ok((fields.code, warnings, later))
}

/// Sets the sponsor a row named further down the file, once every row is in.
fn late_sponsor(conn: Conn<'_>, pool_id: i64, code: &str, sponsor: &str, read_only: bool, now: &str) -> Result<()> {
    let sponsor = input::code("sponsor_code", sponsor)?;
    let sp = people::person_by_code(conn, pool_id, &sponsor)?.ok_or(Error::UnknownPerson(sponsor))?;
    if !read_only && let Some(person) = people::person_by_code(conn, pool_id, code)? {
        people::set_sponsor(conn, pool_id, person.id, sp.id, now)?;
    }
    Ok(())
}

/// One row of an openings or contributions CSV as the voucher it will be.
fn voucher_row(
    kind: ImportKind,
    row: &HashMap<String, String>,
    codes: &HashMap<String, i64>,
    today: NaiveDate,
) -> Result<NewTransaction> {
    let code = input::code("person_code", cell(row, "person_code").unwrap_or_default())?;
    let person_id = *codes.get(&code).ok_or_else(|| Error::UnknownPerson(code.clone()))?;
    let date = input::voucher_date("date", cell(row, "date").unwrap_or_default(), today)?;
    let member = Account::Member(code);
    let mut t = match kind {
        ImportKind::Openings => {
            let a = input::signed_amount("amount", cell(row, "amount").unwrap_or_default())?;
            NewTransaction::simple(Series::Pk, Kind::Opening, date, vec![(Account::FundOpening, a), (member, -a)])
        }
        _ => {
            let a = input::amount("amount", cell(row, "amount").unwrap_or_default())?;
            let method = input::optional(cell(row, "method"), |s| input::method("method", s))?.unwrap_or_default();
            let mut t = NewTransaction::simple(
                Series::moving(true, method),
                Kind::Contribution,
                date,
                vec![(method.account(), a), (member, -a)],
            );
            t.method = Some(method);
            t.note = input::note("note", cell(row, "note").unwrap_or_default())?;
            t
        }
    };
    t.person_id = Some(person_id);
    Ok(t)
}

/// Widens the range of numbers written in the voucher's series. Rows may span years: a
/// range is the lowest and highest number written, not the first and last row.
fn widen_range(ranges: &mut Vec<(String, String)>, v: String) {
    let order = |v: &String| {
        let mut parts = v.rsplitn(2, '-');
        let seq = parts.next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
        (parts.next().unwrap_or_default().to_string(), seq)
    };
    let series = v.get(..2).unwrap_or_default().to_string();
    match ranges.iter_mut().find(|(f, _)| f.starts_with(&series)) {
        Some((first, last)) => {
            if order(&v) < order(first) {
                *first = v.clone();
            }
            if order(&v) > order(last) {
                *last = v;
            }
        }
        None => ranges.push((v.clone(), v)),
    }
}
