//! Households and persons, and the audit log of every edit made to them.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, records};
use crate::fault::Result;
use crate::stored_date::stored_date;
use hunvon_core::domain::ident::Gender;
use hunvon_core::ledger::Account;
use hunvon_core::messages::error::{Error, Unique};

/// A person as stored: her row's id, its columns ([`PersonFields`], the one description of
/// a person's fields, read through `Deref`: `person.code`), and the codes her household
/// and sponsor ids point at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub fields: PersonFields,
    pub household_code: Option<String>,
    pub sponsor_code: Option<String>,
}

impl std::ops::Deref for Person {
    type Target = PersonFields;

    fn deref(&self) -> &PersonFields {
        &self.fields
    }
}

impl Person {
    /// A member contributes (has `joined`); others are beneficiaries.
    pub fn is_member(&self) -> bool {
        self.joined.is_some()
    }

    /// A member who has not left by `date`: she pays for herself by default.
    pub fn is_member_on(&self, date: NaiveDate) -> bool {
        self.joined.is_some() && self.left_on.is_none_or(|l| l >= date)
    }
}

/// A household as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Household {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub address: String,
}

/// One change from the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditLine {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub at: String,
    pub by: String,
}

/// The fields of a person: what is written (insert or replace) and what a stored
/// [`Person`] holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFields {
    pub code: String,
    pub full_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub cccd: Option<String>,
    pub bhxh_code: Option<String>,
    pub household_id: Option<i64>,
    pub category: String,
    pub phone: Option<String>,
    pub joined: Option<NaiveDate>,
    pub sponsor_id: Option<i64>,
    /// The day she left the group (no dues after that month, no longer a default payer).
    pub left_on: Option<NaiveDate>,
}

const PERSON_COLUMNS: &str = "p.id, p.code, p.full_name, p.date_of_birth, p.gender, p.cccd, p.bhxh_code, \
     p.household_id, h.code, p.category, p.phone, p.joined, p.sponsor_id, s.code";

/// `p.left_on`, or NULL on a book older than that column (opened read-only, so not
/// migrated: it is read all the same).
pub(crate) fn left_on_column(conn: &Connection) -> Result<&'static str> {
    let has: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('persons') WHERE name = 'left_on')")?
        .query_row([], |r| r.get(0))?;
    Ok(if has { "p.left_on" } else { "NULL" })
}

/// The person columns, `left_on` last.
fn person_columns(conn: &Connection) -> Result<String> {
    Ok(format!("{PERSON_COLUMNS}, {}", left_on_column(conn)?))
}
const PERSON_FROM: &str = "persons p LEFT JOIN households h ON h.id = p.household_id \
     LEFT JOIN persons s ON s.id = p.sponsor_id";

pub(crate) fn person_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        fields: PersonFields {
            code: r.get(1)?,
            full_name: r.get(2)?,
            date_of_birth: stored_date(r, 3)?,
            gender: r.code(4)?,
            cccd: r.get(5)?,
            bhxh_code: r.get(6)?,
            household_id: r.get(7)?,
            category: r.get(9)?,
            phone: r.get(10)?,
            joined: stored_date(r, 11)?,
            sponsor_id: r.get(12)?,
            left_on: stored_date(r, 14)?,
        },
        household_code: r.get(8)?,
        sponsor_code: r.get(13)?,
    })
}

/// The person with this code in the pool (usable inside a transaction).
pub fn person_by_code(conn: crate::Conn<'_>, pool_id: i64, code: &str) -> Result<Option<Person>> {
    let conn = conn.0;
    let sql = format!("SELECT {} FROM {PERSON_FROM} WHERE p.pool_id = ?1 AND p.code = ?2", person_columns(conn)?);
    Ok(conn.prepare_cached(&sql)?.query_row(params![pool_id, code], person_row).optional()?)
}

/// The household with this code in the pool.
pub fn household_by_code(conn: crate::Conn<'_>, pool_id: i64, code: &str) -> Result<Option<Household>> {
    let conn = conn.0;
    Ok(conn
        .prepare_cached("SELECT id, code, name, address FROM households WHERE pool_id = ?1 AND code = ?2")?
        .query_row(params![pool_id, code], |r| {
            Ok(Household { id: r.get(0)?, code: r.get(1)?, name: r.get(2)?, address: r.get(3)? })
        })
        .optional()?)
}

/// Inserts a household and its record in the pool's chain.
pub fn insert_household(
    conn: crate::Conn<'_>,
    pool_id: i64,
    code: &str,
    name: &str,
    address: &str,
    entered_at: &str,
) -> Result<i64> {
    let conn = conn.0;
    if household_by_code(crate::Conn(conn), pool_id, code)?.is_some() {
        return Err(Error::Duplicate { what: Unique::Household, value: code.to_string() }.into());
    }
    conn.prepare_cached("INSERT INTO households (pool_id, code, name, address) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![pool_id, code, name, address])?;
    let id = conn.last_insert_rowid();
    records::record_household(crate::Conn(conn), pool_id, id, entered_at)?;
    Ok(id)
}

/// Rewrites a household's name and address and logs each change in the audit log.
pub fn update_household(
    conn: crate::Conn<'_>,
    pool_id: i64,
    before: &Household,
    after: &Household,
    now: &str,
    by: &str,
) -> Result<usize> {
    let conn = conn.0;
    let mut changed = 0;
    for (field, old, new) in [("name", &before.name, &after.name), ("address", &before.address, &after.address)] {
        if old == new {
            continue;
        }
        changed += 1;
        conn.prepare_cached(
            "INSERT INTO audit_log (pool_id, entity, entity_code, field, old_value, new_value, changed_at, changed_by) \
             VALUES (?1, 'household', ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![pool_id, before.code, field, old, new, now, by])?;
    }
    if changed > 0 {
        conn.prepare_cached("UPDATE households SET name = ?2, address = ?3 WHERE id = ?1")?.execute(params![
            before.id,
            after.name,
            after.address
        ])?;
        // Every edit is a record of the chain, like the add.
        records::record_household(crate::Conn(conn), pool_id, before.id, now)?;
    }
    Ok(changed)
}

/// Refuses a CCCD or mã số BHXH that another person of the pool already has.
pub fn check_unique_ids(conn: crate::Conn<'_>, pool_id: i64, fields: &PersonFields, except: Option<i64>) -> Result<()> {
    let conn = conn.0;
    let except = except.unwrap_or(-1);
    for (column, value, what) in
        [("cccd", &fields.cccd, Unique::Cccd), ("bhxh_code", &fields.bhxh_code, Unique::BhxhCode)]
    {
        if let Some(v) = value {
            let sql =
                format!("SELECT EXISTS (SELECT 1 FROM persons WHERE pool_id = ?1 AND {column} = ?2 AND id <> ?3)");
            let taken: bool = conn.prepare_cached(&sql)?.query_row(params![pool_id, v, except], |r| r.get(0))?;
            if taken {
                return Err(Error::Duplicate { what, value: v.clone() }.into());
            }
        }
    }
    Ok(())
}

/// Pools other than this one that hold the same CCCD or mã số BHXH (a person who moved
/// between chapters): a warning, not a refusal.
pub fn ids_in_other_pools(conn: crate::Conn<'_>, pool_id: i64, fields: &PersonFields) -> Result<Vec<String>> {
    let conn = conn.0;
    let mut found = Vec::new();
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT pl.code FROM persons p JOIN pools pl ON pl.id = p.pool_id \
         WHERE p.pool_id <> ?1 AND ((?2 IS NOT NULL AND p.cccd = ?2) OR (?3 IS NOT NULL AND p.bhxh_code = ?3))",
    )?;
    let rows = st.query_map(params![pool_id, fields.cccd, fields.bhxh_code], |r| r.get::<_, String>(0))?;
    for r in rows {
        found.push(r?);
    }
    Ok(found)
}

/// Inserts a person, her member account (any person may pay into her account) and her
/// record in the pool's chain.
pub fn insert_person(conn: crate::Conn<'_>, pool_id: i64, f: &PersonFields, entered_at: &str) -> Result<i64> {
    let conn = conn.0;
    if person_by_code(crate::Conn(conn), pool_id, &f.code)?.is_some() {
        return Err(Error::Duplicate { what: Unique::Person, value: f.code.clone() }.into());
    }
    check_unique_ids(crate::Conn(conn), pool_id, f, None)?;
    let folded = hunvon_core::domain::text::fold(&f.full_name);
    conn.prepare_cached(
        "INSERT INTO persons (pool_id, code, full_name, name_folded, date_of_birth, gender, cccd, bhxh_code, \
         household_id, category, phone, joined, sponsor_id, left_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        pool_id,
        f.code,
        f.full_name,
        folded,
        f.date_of_birth,
        f.gender.map(Gender::code),
        f.cccd,
        f.bhxh_code,
        f.household_id,
        f.category,
        f.phone,
        f.joined,
        f.sponsor_id,
        f.left_on
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO accounts (pool_id, name, person_id) VALUES (?1, ?2, ?3)")?.execute(params![
        pool_id,
        Account::Member(f.code.clone()).name(),
        id
    ])?;
    records::record_person(crate::Conn(conn), pool_id, id, entered_at)?;
    Ok(id)
}

/// Rewrites a person's fields, logs each change (old and new value) in the audit log and
/// appends her new record to the pool's chain. The code is never changed (it is the key
/// the chain knows her by). CCCD and phone values are logged as changed without their
/// digits (privacy).
pub fn update_person(
    conn: crate::Conn<'_>,
    pool_id: i64,
    before: &Person,
    f: &PersonFields,
    now: &str,
    by: &str,
) -> Result<usize> {
    let conn = conn.0;
    check_unique_ids(crate::Conn(conn), pool_id, f, Some(before.id))?;
    let show = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let old_hh = before.household_id.map(|i| i.to_string());
    let new_hh = f.household_id.map(|i| i.to_string());
    let old_sp = before.sponsor_id.map(|i| i.to_string());
    let new_sp = f.sponsor_id.map(|i| i.to_string());
    let changes: Vec<(&str, Option<String>, Option<String>)> = vec![
        ("full_name", Some(before.full_name.clone()), Some(f.full_name.clone())),
        ("date_of_birth", show(before.date_of_birth), show(f.date_of_birth)),
        ("gender", before.gender.map(|g| g.code().to_string()), f.gender.map(|g| g.code().to_string())),
        ("cccd", before.cccd.clone(), f.cccd.clone()),
        ("bhxh_code", before.bhxh_code.clone(), f.bhxh_code.clone()),
        ("household_id", old_hh, new_hh),
        ("category", Some(before.category.clone()), Some(f.category.clone())),
        ("phone", before.phone.clone(), f.phone.clone()),
        ("joined", show(before.joined), show(f.joined)),
        ("sponsor_id", old_sp, new_sp),
        ("left_on", show(before.left_on), show(f.left_on)),
    ];
    let mut changed = 0;
    for (field, old, new) in changes {
        if old == new {
            continue;
        }
        changed += 1;
        let private = matches!(field, "cccd" | "phone");
        let mask = |v: Option<String>| if private { v.map(|_| "***".to_string()) } else { v };
        conn.prepare_cached(
            "INSERT INTO audit_log (pool_id, entity, entity_code, field, old_value, new_value, changed_at, changed_by) \
             VALUES (?1, 'person', ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![pool_id, before.code, field, mask(old), mask(new), now, by])?;
    }
    if changed > 0 {
        conn.prepare_cached(
            "UPDATE persons SET full_name = ?2, name_folded = ?3, date_of_birth = ?4, gender = ?5, cccd = ?6, \
             bhxh_code = ?7, household_id = ?8, category = ?9, phone = ?10, joined = ?11, sponsor_id = ?12, \
             left_on = ?13 WHERE id = ?1",
        )?
        .execute(params![
            before.id,
            f.full_name,
            hunvon_core::domain::text::fold(&f.full_name),
            f.date_of_birth,
            f.gender.map(Gender::code),
            f.cccd,
            f.bhxh_code,
            f.household_id,
            f.category,
            f.phone,
            f.joined,
            f.sponsor_id,
            f.left_on
        ])?;
        records::record_person(crate::Conn(conn), pool_id, before.id, now)?;
    }
    Ok(changed)
}

/// One row of the audit log, as `verify` compares it with the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub entity: String,
    pub code: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub changed_at: String,
}

impl Store {
    /// Every audit log row of a pool, in order.
    pub fn audit_rows(&self, pool_id: i64) -> Result<Vec<AuditRow>> {
        let mut st = self.conn.prepare(
            "SELECT entity, entity_code, field, old_value, new_value, changed_at FROM audit_log \
             WHERE pool_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([pool_id], |r| {
            Ok(AuditRow {
                entity: r.get(0)?,
                code: r.get(1)?,
                field: r.get(2)?,
                old_value: r.get(3)?,
                new_value: r.get(4)?,
                changed_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A pool's code and the chapter's code it keeps when collected (`None` on a book
    /// from before the district step, and on an own pool).
    pub fn pool_codes(&self, pool_id: i64) -> Result<(String, Option<String>)> {
        let sql = if super::district::has_origins(&self.conn)? {
            "SELECT code, origin_code FROM pools WHERE id = ?1"
        } else {
            "SELECT code, NULL FROM pools WHERE id = ?1"
        };
        Ok(self.conn.query_row(sql, [pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    /// The person with this code in the pool.
    pub fn person(&self, pool_id: i64, code: &str) -> Result<Option<Person>> {
        person_by_code(crate::Conn(&self.conn), pool_id, code)
    }

    /// The person with this id.
    pub fn person_by_id(&self, id: i64) -> Result<Option<Person>> {
        let sql = format!("SELECT {} FROM {PERSON_FROM} WHERE p.id = ?1", person_columns(&self.conn)?);
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], person_row).optional()?)
    }

    /// Every person of the pool, by code (small pools, CSV exports; lists page instead).
    pub fn persons(&self, pool_id: i64) -> Result<Vec<Person>> {
        let sql =
            format!("SELECT {} FROM {PERSON_FROM} WHERE p.pool_id = ?1 ORDER BY p.code", person_columns(&self.conn)?);
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([pool_id], person_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Persons of one household, by id (the order they were entered).
    pub fn household_members(&self, household_id: i64) -> Result<Vec<Person>> {
        let sql = format!(
            "SELECT {} FROM {PERSON_FROM} WHERE p.household_id = ?1 ORDER BY p.id",
            person_columns(&self.conn)?
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([household_id], person_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The household with this code.
    pub fn household(&self, pool_id: i64, code: &str) -> Result<Option<Household>> {
        household_by_code(crate::Conn(&self.conn), pool_id, code)
    }

    /// The household with this id.
    pub fn household_by_id(&self, id: i64) -> Result<Option<Household>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, code, name, address FROM households WHERE id = ?1")?
            .query_row([id], |r| Ok(Household { id: r.get(0)?, code: r.get(1)?, name: r.get(2)?, address: r.get(3)? }))
            .optional()?)
    }

    /// Audit log lines for one person, oldest first.
    pub fn audit_for(&self, pool_id: i64, code: &str) -> Result<Vec<AuditLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT field, old_value, new_value, changed_at, changed_by FROM audit_log \
             WHERE pool_id = ?1 AND entity = 'person' AND entity_code = ?2 ORDER BY id",
        )?;
        let rows = st.query_map(params![pool_id, code], |r| {
            Ok(AuditLine { field: r.get(0)?, old: r.get(1)?, new: r.get(2)?, at: r.get(3)?, by: r.get(4)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Sets the sponsor of a person entered earlier in the same import (her sponsor was
/// listed further down) and records her again.
pub fn set_sponsor(
    conn: crate::Conn<'_>,
    pool_id: i64,
    person_id: i64,
    sponsor_id: i64,
    entered_at: &str,
) -> Result<()> {
    let conn = conn.0;
    conn.prepare_cached("UPDATE persons SET sponsor_id = ?1 WHERE id = ?2")?.execute(params![sponsor_id, person_id])?;
    records::record_person(crate::Conn(conn), pool_id, person_id, entered_at)?;
    Ok(())
}
