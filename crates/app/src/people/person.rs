//! Households and persons: adding, editing (kept in the audit log), looking up.

use hunvon_core::domain::input;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::warning::Warning;
use hunvon_core::rules::Category;
use hunvon_store::Conn;
use hunvon_store::people::{self, Household, Person, PersonFields};

use crate::App;

/// How fields are named in refusals: flags on the command line, columns in a CSV file,
/// labels in a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    Flags,
    Columns,
}

impl Naming {
    /// The name of a field as the person sees it.
    pub fn of(self, flag: &str, column: &str) -> String {
        match self {
            Naming::Flags => format!("--{flag}"),
            Naming::Columns => column.to_string(),
        }
    }
}

/// A person as typed: every field raw text; `None` means "not given" (unchanged on
/// edit), an empty string means "not known" (cleared on edit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonInput {
    pub code: String,
    pub full_name: Option<String>,
    pub date_of_birth: Option<String>,
    pub gender: Option<String>,
    pub cccd: Option<String>,
    pub bhxh_code: Option<String>,
    pub household: Option<String>,
    pub category: Option<String>,
    pub phone: Option<String>,
    pub joined: Option<String>,
    pub sponsor: Option<String>,
    /// `--left D`: the day she leaves the group (edit only).
    pub left: Option<String>,
}

/// Checks a person's fields against the rules of docs/quy-dinh.md §5, starting from `base`
/// (an existing person for an edit, empty for a new one). Returns the fields to store
/// and warnings; refers to the database only to resolve household and sponsor codes.
pub fn check_person(
    conn: Conn<'_>,
    pool_id: i64,
    base: PersonFields,
    p: &PersonInput,
    naming: Naming,
    today: chrono::NaiveDate,
) -> Result<(PersonFields, Vec<Warning>)> {
    let mut f = base;
    read_plain_fields(&mut f, p, naming, today)?;
    read_links(conn, pool_id, &mut f, p, naming)?;
    let warnings = person_warnings(conn, pool_id, &f)?;
    Ok((f, warnings))
}

/// The fields typed as they stand (no look-up in the book): each checked by its own rule,
/// and a member's leaving day after her joining day.
fn read_plain_fields(f: &mut PersonFields, p: &PersonInput, naming: Naming, today: chrono::NaiveDate) -> Result<()> {
    f.code = input::code(&naming.of("code", "code"), &p.code)?;
    if let Some(n) = &p.full_name {
        f.full_name = input::name(&naming.of("name", "full_name"), n)?;
    }
    if f.full_name.is_empty() {
        return Err(Error::Empty { field: naming.of("name", "full_name") });
    }
    if let Some(v) = &p.date_of_birth {
        let field = naming.of("dob", "date_of_birth");
        f.date_of_birth = input::optional(Some(v), |s| input::birth_date(&field, s, today))?;
    }
    if let Some(v) = &p.gender {
        f.gender = input::optional(Some(v), |s| input::gender(&naming.of("gender", "gender"), s))?;
    }
    if let Some(v) = &p.cccd {
        f.cccd = input::optional(Some(v), |s| input::cccd(&naming.of("cccd", "cccd"), s))?;
    }
    if let Some(v) = &p.bhxh_code {
        f.bhxh_code = input::optional(Some(v), |s| input::bhxh_code(&naming.of("bhxh-code", "bhxh_code"), s))?;
    }
    if let Some(v) = &p.category {
        f.category = input::optional(Some(v), |s| input::category(&naming.of("category", "category"), s))?
            .unwrap_or_default()
            .code()
            .to_string();
    }
    if f.category.is_empty() {
        f.category = Category::default().code().to_string();
    }
    if let Some(v) = &p.phone {
        f.phone = input::optional(Some(v), |s| input::phone(&naming.of("phone", "phone"), s))?;
    }
    if let Some(v) = &p.joined {
        let field = naming.of("joined", "joined");
        f.joined = input::optional(Some(v), |s| input::voucher_date(&field, s, today))?;
    }
    if let Some(v) = &p.left {
        let field = naming.of("left", "left");
        f.left_on = input::optional(Some(v), |s| input::voucher_date(&field, s, today))?;
    }
    if let (Some(left), Some(joined)) = (f.left_on, f.joined)
        && left < joined
    {
        return Err(Error::LeftBeforeJoined { field: naming.of("left", "left"), left, joined });
    }
    if f.left_on.is_some() && f.joined.is_none() {
        return Err(Error::LeftNotMember { person: f.code.clone() });
    }
    Ok(())
}

/// The household and sponsor typed, found by code in the pool.
fn read_links(conn: Conn<'_>, pool_id: i64, f: &mut PersonFields, p: &PersonInput, naming: Naming) -> Result<()> {
    if let Some(v) = &p.household {
        f.household_id = match input::optional(Some(v), |s| input::code(&naming.of("household", "household_code"), s))?
        {
            Some(code) => {
                Some(people::household_by_code(conn, pool_id, &code)?.ok_or(Error::UnknownHousehold(code))?.id)
            }
            None => None,
        };
    }
    if let Some(v) = &p.sponsor {
        f.sponsor_id = match input::optional(Some(v), |s| input::code(&naming.of("sponsor", "sponsor_code"), s))? {
            Some(code) if code == f.code => {
                return Err(Error::BadValue {
                    field: naming.of("sponsor", "sponsor_code"),
                    value: code,
                    expected: hunvon_core::messages::error::Expected::Payer,
                });
            }
            Some(code) => Some(people::person_by_code(conn, pool_id, &code)?.ok_or(Error::UnknownPerson(code))?.id),
            None => None,
        };
    }
    Ok(())
}

/// What is kept with a warning: a CCCD that disagrees with the birth date or sex, an
/// identity number already in another pool of the file.
fn person_warnings(conn: Conn<'_>, pool_id: i64, f: &PersonFields) -> Result<Vec<Warning>> {
    let mut warnings = Vec::new();
    if let Some(c) = &f.cccd
        && let Some(mismatch) = hunvon_core::domain::ident::cccd_mismatch(c, f.date_of_birth, f.gender)
    {
        warnings.push(Warning::Cccd { person: f.code.clone(), mismatch });
    }
    let elsewhere = people::ids_in_other_pools(conn, pool_id, f)?;
    if !elsewhere.is_empty() {
        warnings.push(Warning::IdInOtherPool { person: f.code.clone(), pools: elsewhere });
    }
    Ok(warnings)
}

impl App {
    /// Adds a household (`hunvon household add`).
    pub fn add_household(&mut self, code: &str, name: &str, address: &str) -> Result<Household> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let code = input::code("--code", code)?;
        let name = input::name("--name", name)?;
        let address = input::address("--address", address)?;
        let tx = self.store.write()?;
        let now = self.clock.stamp();
        let id = people::insert_household(tx.conn(), pool_id, &code, &name, &address, &now)?;
        tx.commit()?;
        Ok(Household { id, code, name, address })
    }

    /// Adds a person (`hunvon person add`), with her member account.
    pub fn add_person(&mut self, p: &PersonInput) -> Result<(Person, Vec<Warning>)> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let tx = self.store.write()?;
        let now = self.clock.stamp();
        let (fields, warnings) = check_person(tx.conn(), pool_id, PersonFields::default(), p, Naming::Flags, today)?;
        people::insert_person(tx.conn(), pool_id, &fields, &now)?;
        let person =
            people::person_by_code(tx.conn(), pool_id, &fields.code)?.ok_or(Error::UnknownPerson(fields.code))?;
        tx.commit()?;
        Ok((person, warnings))
    }

    /// Changes a person's fields (`hunvon person edit`); each change goes to the audit log.
    /// Returns the person as now stored, how many fields changed, and warnings.
    pub fn edit_person(&mut self, p: &PersonInput) -> Result<(Person, usize, Vec<Warning>)> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let user = self.user();
        let code = input::code("CODE", &p.code)?;
        let tx = self.store.write()?;
        let now = self.clock.stamp();
        let before =
            people::person_by_code(tx.conn(), pool_id, &code)?.ok_or_else(|| Error::UnknownPerson(code.clone()))?;
        let base = before.fields.clone();
        let (fields, warnings) = check_person(tx.conn(), pool_id, base, p, Naming::Flags, today)?;
        let changed = people::update_person(tx.conn(), pool_id, &before, &fields, &now, &user)?;
        let after = people::person_by_code(tx.conn(), pool_id, &code)?.ok_or(Error::UnknownPerson(code))?;
        tx.commit()?;
        Ok((after, changed, warnings))
    }

    /// Changes a household's name and address (`hunvon household edit`); each change goes
    /// to the audit log. The code never changes. Returns how many fields changed.
    pub fn edit_household(&mut self, code: &str, name: Option<&str>, address: Option<&str>) -> Result<usize> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let user = self.user();
        let code = input::code("--code", code)?;
        let name = name.map(|n| input::name("--name", n)).transpose()?;
        let address = address.map(|a| input::address("--address", a)).transpose()?;
        let tx = self.store.write()?;
        let now = self.clock.stamp();
        let before = people::household_by_code(tx.conn(), pool_id, &code)?
            .ok_or_else(|| Error::UnknownHousehold(code.clone()))?;
        let after = Household {
            name: name.unwrap_or_else(|| before.name.clone()),
            address: address.unwrap_or_else(|| before.address.clone()),
            ..before.clone()
        };
        let changed = people::update_household(tx.conn(), pool_id, &before, &after, &now, &user)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Adds a household and a person living in it in one write: the TUI's "new household"
    /// choice in the person form. Either both are written or neither.
    pub fn add_person_in_new_household(
        &mut self,
        household: (&str, &str, &str),
        p: &PersonInput,
    ) -> Result<(Person, Vec<Warning>)> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let today = self.clock.today;
        let (code, name, address) = household;
        let code = input::code("--household", code)?;
        let name = input::name("--household-name", name)?;
        let address = input::address("--address", address)?;
        let tx = self.store.write()?;
        let now = self.clock.stamp();
        people::insert_household(tx.conn(), pool_id, &code, &name, &address, &now)?;
        let p = PersonInput { household: Some(code), ..p.clone() };
        let (fields, warnings) = check_person(tx.conn(), pool_id, PersonFields::default(), &p, Naming::Flags, today)?;
        people::insert_person(tx.conn(), pool_id, &fields, &now)?;
        let person =
            people::person_by_code(tx.conn(), pool_id, &fields.code)?.ok_or(Error::UnknownPerson(fields.code))?;
        tx.commit()?;
        Ok((person, warnings))
    }

    /// The person with this code in the chosen pool, or a refusal naming the code.
    pub fn person(&self, code: &str) -> Result<Person> {
        let code = input::code("--person", code)?;
        self.store.person(self.pool()?.id, &code)?.ok_or(Error::UnknownPerson(code))
    }
}
