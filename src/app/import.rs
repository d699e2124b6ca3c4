//! CSV imports (SPEC §3): people, contributions, openings. All-or-nothing: every row is
//! checked, every bad row is listed with its line number (the header is line 1) and
//! reason, and on any bad row nothing is written. One SQLite transaction per import.
//! A header naming a column twice is refused; columns no field reads are named in a
//! warning; a file imported before into the pool (same bytes) is refused unless `again`.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result, RowError};
use crate::input;
use crate::ledger::{Account, Kind, NewTransaction, Series};
use crate::money::Dong;
use crate::store::imports::{self, NewImport};
use crate::store::people::{self, PersonFields};
use crate::warning::Warning;

use super::people::{Naming, PersonInput, check_person};
use super::{App, Clock};

/// What an import did (or, with `--dry-run`, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub rows: usize,
    pub first_voucher: Option<String>,
    pub last_voucher: Option<String>,
    pub total: Dong,
    pub warnings: Vec<(u64, Warning)>,
    pub dry_run: bool,
}

/// Which import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    People,
    Contributions,
    Openings,
}

impl ImportKind {
    /// The name stored in the `imports` table (and typed after `hunvon import`).
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Contributions => "contributions",
            ImportKind::Openings => "openings",
        }
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

/// A CSV file read into rows of named cells, each with its line number.
struct Table {
    rows: Vec<(u64, HashMap<String, String>)>,
    /// Header names no field reads, as written in the file.
    unknown: Vec<String>,
    /// Hex SHA-256 of the file's bytes.
    sha256: String,
}

/// Reads and checks the header: every required column present, none twice.
fn header_of(raw: &csv::ByteRecord, kind: ImportKind) -> Result<(Vec<String>, Vec<String>)> {
    let original: Vec<String> = raw.iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
    let header: Vec<String> = original.iter().map(|h| h.to_ascii_lowercase()).collect();
    let refuse = |error| Error::Import { rows: vec![RowError { line: 1, error }] };
    for (i, h) in header.iter().enumerate() {
        // Empty names (a spreadsheet's trailing commas) are not columns, so never twins.
        if !h.is_empty() && header[..i].contains(h) {
            let expected = kind.columns().join(",");
            return Err(refuse(Error::DuplicateColumn { column: original[i].clone(), expected }));
        }
    }
    for column in kind.required() {
        if !header.iter().any(|h| h == column) {
            return Err(refuse(Error::MissingColumn((*column).into())));
        }
    }
    let unknown = header
        .iter()
        .zip(&original)
        .filter(|(h, _)| !kind.columns().contains(&h.as_str()))
        .map(|(_, o)| o.clone())
        .collect();
    Ok((header, unknown))
}

fn read_table(path: &Path, kind: ImportKind) -> Result<Table> {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).map_err(|e| Error::os(path, &e))?;
    let sha256 = crate::ledger::canonical::hex(&Sha256::digest(&bytes));
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    // Line numbers are counted here from byte offsets: the csv crate's own line count
    // drifts on CRLF files, and a treasurer must find the line her editor shows.
    let mut lines = LineCounter { body, offset: 0, line: 1 };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let (header, unknown) = header_of(reader.byte_headers().map_err(|e| Error::Csv(e.to_string()))?, kind)?;
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for record in reader.byte_records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                bad.push(RowError { line, error: Error::Csv(e.to_string()) });
                continue;
            }
        };
        let line = record.position().map(|p| lines.at(p.byte())).unwrap_or(0);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line at the end of a spreadsheet export
        }
        if record.len() != header.len() {
            bad.push(RowError {
                line,
                error: Error::Csv(format!("{} / {} cột (columns)", record.len(), header.len())),
            });
            continue;
        }
        let mut cells = HashMap::new();
        let mut utf8_ok = true;
        for (name, value) in header.iter().zip(record.iter()) {
            match std::str::from_utf8(value) {
                Ok(v) => {
                    cells.insert(name.clone(), v.to_string());
                }
                Err(_) => {
                    bad.push(RowError { line, error: Error::Csv(format!("{name}: không phải UTF-8 (not UTF-8)")) });
                    utf8_ok = false;
                    break;
                }
            }
        }
        if utf8_ok {
            rows.push((line, cells));
        }
    }
    if !bad.is_empty() {
        return Err(Error::Import { rows: bad });
    }
    Ok(Table { rows, unknown, sha256 })
}

/// Turns byte offsets (increasing) into 1-based line numbers without rescanning.
struct LineCounter<'a> {
    body: &'a [u8],
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the record starting at `byte`. On CRLF files the csv crate reports a
    /// record as starting at the `\n` of the previous line's end, so that byte is
    /// counted too.
    fn at(&mut self, byte: u64) -> u64 {
        let target = usize::try_from(byte).unwrap_or(usize::MAX).saturating_add(1).min(self.body.len());
        if target > self.offset {
            self.line += self.body[self.offset..target].iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
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

fn cell<'a>(row: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    row.get(name).map(String::as_str).map(str::trim).filter(|s| !s.is_empty())
}

impl App {
    /// Imports a CSV file; with `dry_run` checks everything and writes nothing.
    pub fn import(&mut self, kind: ImportKind, path: &Path, dry_run: bool) -> Result<ImportSummary> {
        self.import_with(kind, path, ImportMode { dry_run, again: false })
    }

    /// Imports a CSV file as `mode` says.
    pub fn import_with(&mut self, kind: ImportKind, path: &Path, mode: ImportMode) -> Result<ImportSummary> {
        if !mode.dry_run {
            self.store.ensure_writable()?;
        }
        let pool_id = self.pool()?.id;
        let table = read_table(path, kind)?;
        if !mode.again
            && let Some(past) = imports::import_of(&self.store.conn, pool_id, &table.sha256)?
        {
            return Err(Error::AlreadyImported { file: path.display().to_string(), on: past.imported_on });
        }
        let mut summary = match kind {
            ImportKind::People => self.import_people(path, &table, mode.dry_run),
            ImportKind::Contributions | ImportKind::Openings => self.import_vouchers(kind, path, &table, mode.dry_run),
        }?;
        if !table.unknown.is_empty() {
            summary.warnings.insert(0, (1, Warning::UnknownColumns { columns: table.unknown.clone() }));
        }
        Ok(summary)
    }

    fn import_people(&mut self, path: &Path, table: &Table, dry_run: bool) -> Result<ImportSummary> {
        let pool_id = self.pool()?.id;
        let clock = self.clock.clone();
        let today = clock.today;
        let read_only = self.store.read_only;
        let mut summary = ImportSummary { dry_run, ..Default::default() };
        let mut bad = Vec::new();
        // Rows are written as they are checked, inside one transaction that is rolled back
        // on any bad row or a dry run: so households named for the first time, sponsors
        // listed further down and duplicates within the file are all judged as the real
        // import would judge them. A read-only book cannot even open a write transaction,
        // so a dry run there uses a deferred one that never writes.
        let tx = if read_only {
            self.store.conn.unchecked_transaction()?
        } else {
            self.store.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?
        };
        let mut sponsors = Vec::new();
        for (line, row) in &table.rows {
            let code = cell(row, "code").unwrap_or_default().to_string();
            let result = (|| -> Result<()> {
                if let Some(hh) = cell(row, "household_code") {
                    let hh_code = input::code("household_code", hh)?;
                    if people::household_by_code(&tx, pool_id, &hh_code)?.is_none() && !read_only {
                        let name = match cell(row, "household_name") {
                            Some(n) => input::name("household_name", n)?,
                            None => hh_code.clone(),
                        };
                        people::insert_household(&tx, pool_id, &hh_code, &name, "")?;
                    }
                }
                let p = PersonInput {
                    code: code.clone(),
                    full_name: Some(cell(row, "full_name").unwrap_or_default().to_string()),
                    date_of_birth: cell(row, "date_of_birth").map(String::from),
                    gender: cell(row, "gender").map(String::from),
                    cccd: cell(row, "cccd").map(String::from),
                    bhxh_code: cell(row, "bhxh_code").map(String::from),
                    household: if read_only { None } else { cell(row, "household_code").map(String::from) },
                    category: cell(row, "category").map(String::from),
                    phone: cell(row, "phone").map(String::from),
                    joined: cell(row, "joined").map(String::from),
                    sponsor: None,
                };
                let (fields, warnings) =
                    check_person(&tx, pool_id, PersonFields::default(), &p, Naming::Columns, today)?;
                if !read_only {
                    people::insert_person(&tx, pool_id, &fields)?;
                }
                summary.warnings.extend(warnings.into_iter().map(|w| (*line, w)));
                if let Some(s) = cell(row, "sponsor_code") {
                    sponsors.push((*line, fields.code.clone(), s.to_string()));
                }
                Ok(())
            })();
            match result {
                Ok(()) => summary.rows += 1,
                Err(error) => bad.push(RowError { line: *line, error }),
            }
        }
        for (line, code, sponsor) in sponsors {
            let result = (|| -> Result<()> {
                let sponsor = input::code("sponsor_code", &sponsor)?;
                let sp = people::person_by_code(&tx, pool_id, &sponsor)?.ok_or(Error::UnknownPerson(sponsor))?;
                if !read_only {
                    tx.execute(
                        "UPDATE persons SET sponsor_id = ?1 WHERE pool_id = ?2 AND code = ?3",
                        rusqlite::params![sp.id, pool_id, code],
                    )?;
                }
                Ok(())
            })();
            if let Err(error) = result {
                bad.push(RowError { line, error });
            }
        }
        if !bad.is_empty() {
            bad.sort_by_key(|r| r.line);
            return Err(Error::Import { rows: bad });
        }
        if !dry_run {
            imports::record_import(
                &tx,
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
    ) -> Result<ImportSummary> {
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let codes: HashMap<String, i64> =
            self.store.persons(pool_id)?.into_iter().map(|p| (p.code.clone(), p.id)).collect();
        let mut planned = Vec::with_capacity(table.rows.len());
        let mut bad = Vec::new();
        for (line, row) in &table.rows {
            let result = (|| -> Result<NewTransaction> {
                let code = input::code("person_code", cell(row, "person_code").unwrap_or_default())?;
                let person_id = *codes.get(&code).ok_or_else(|| Error::UnknownPerson(code.clone()))?;
                let date = input::voucher_date("date", cell(row, "date").unwrap_or_default(), today)?;
                let member = Account::Member(code);
                let mut t = match kind {
                    ImportKind::Openings => {
                        let a = input::signed_amount("amount", cell(row, "amount").unwrap_or_default())?;
                        NewTransaction::simple(
                            Series::Pk,
                            Kind::Opening,
                            date,
                            vec![(Account::FundOpening, a), (member, -a)],
                        )
                    }
                    _ => {
                        let a = input::amount("amount", cell(row, "amount").unwrap_or_default())?;
                        let method =
                            input::optional(cell(row, "method"), |s| input::method("method", s))?.unwrap_or_default();
                        let mut t = NewTransaction::simple(
                            Series::Pt,
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
            })();
            match result {
                Ok(t) => planned.push(t),
                Err(error) => bad.push(RowError { line: *line, error }),
            }
        }
        if !bad.is_empty() {
            return Err(Error::Import { rows: bad });
        }
        let mut summary = ImportSummary { rows: planned.len(), dry_run, ..Default::default() };
        summary.total = planned.iter().map(NewTransaction::total).sum();
        if dry_run || planned.is_empty() {
            return Ok(summary);
        }
        let clock = self.clock.clone();
        let mut ap = self.store.appender(pool_id, &clock.now)?;
        for t in &planned {
            let posted = ap.append(t)?;
            summary.first_voucher.get_or_insert_with(|| posted.voucher.clone());
            summary.last_voucher = Some(posted.voucher);
        }
        imports::record_import(ap.conn(), &import_record(pool_id, &clock, kind, path, table, summary.rows))?;
        ap.commit()?;
        Ok(summary)
    }
}
