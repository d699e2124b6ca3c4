//! CSV imports (examples/README.md): people, contributions, openings. All-or-nothing: every row is
//! checked, every bad row is listed with its line number (the header is line 1) and
//! reason, and on any bad row nothing is written. One SQLite transaction per import.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result, RowError};
use crate::input;
use crate::ledger::{Account, Kind, NewTransaction, Series};
use crate::money::Dong;
use crate::store::people::{self, PersonFields};
use crate::warning::Warning;

use super::App;
use super::people::{Naming, PersonInput, check_person};

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

/// A CSV file read into rows of named cells, each with its line number.
struct Table {
    rows: Vec<(u64, HashMap<String, String>)>,
}

fn read_table(path: &Path, required: &[&str]) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| Error::os(path, &e))?;
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    // Line numbers are counted here from byte offsets: the csv crate's own line count
    // drifts on CRLF files, and a treasurer must find the line her editor shows.
    let mut lines = LineCounter { body, offset: 0, line: 1 };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header = reader
        .byte_headers()
        .map_err(|e| Error::Csv(e.to_string()))?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    for column in required {
        if !header.iter().any(|h| h == column) {
            return Err(Error::Import {
                rows: vec![RowError { line: 1, error: Error::MissingColumn((*column).into()) }],
            });
        }
    }
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
    Ok(Table { rows })
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

fn cell<'a>(row: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    row.get(name).map(String::as_str).map(str::trim).filter(|s| !s.is_empty())
}

impl App {
    /// Imports a CSV file; with `dry_run` checks everything and writes nothing.
    pub fn import(&mut self, kind: ImportKind, path: &Path, dry_run: bool) -> Result<ImportSummary> {
        if !dry_run {
            self.store.ensure_writable()?;
        }
        self.pool()?;
        match kind {
            ImportKind::People => self.import_people(path, dry_run),
            ImportKind::Contributions | ImportKind::Openings => self.import_vouchers(kind, path, dry_run),
        }
    }

    fn import_people(&mut self, path: &Path, dry_run: bool) -> Result<ImportSummary> {
        let table = read_table(path, &["code", "full_name"])?;
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
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
            tx.commit()?;
        }
        Ok(summary)
    }

    fn import_vouchers(&mut self, kind: ImportKind, path: &Path, dry_run: bool) -> Result<ImportSummary> {
        let required: &[&str] = match kind {
            ImportKind::Openings => &["person_code", "amount", "date"],
            _ => &["date", "person_code", "amount"],
        };
        let table = read_table(path, required)?;
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
                        t.note = input::note(cell(row, "note").unwrap_or_default());
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
        let now = self.clock.now.clone();
        let mut ap = self.store.appender(pool_id, &now)?;
        for t in &planned {
            let posted = ap.append(t)?;
            summary.first_voucher.get_or_insert_with(|| posted.voucher.clone());
            summary.last_voucher = Some(posted.voucher);
        }
        ap.commit()?;
        Ok(summary)
    }
}
