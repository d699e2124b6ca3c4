//! Adding or editing a person, every field the command line has: a member or a relative
//! brought in by a member ("1+1"), her household chosen from the list or made on the
//! spot, her category in words with what it means.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::people::PersonInput;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// A new person (`edit` false) or the person selected, every field the command line has.
pub struct Person {
    pub edit: bool,
}

type Record = hunvon_app::views::Person;

impl FormSpec for Person {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let code = if self.edit { Some(ctx.person.clone()?) } else { None };
        let p = code.as_deref().and_then(|c| ctx.app.person(c).ok());
        let mut fields = Vec::new();
        if p.is_none() {
            let next = ctx.app.next_person_code().unwrap_or_default();
            fields.push(
                Field::new(FieldKey::Code, words::person_code(ctx.lang), Kind::Code, &next)
                    .with_hint(words::next_free_code_hint(ctx.lang)),
            );
        }
        fields.extend(place_fields(ctx, p.as_ref()));
        fields.extend(identity_fields(ctx, p.as_ref()));
        if let Some(p) = &p {
            fields.push(
                Field::new(FieldKey::Left, words::left_on(ctx.lang), Kind::OptDate, &date(p.left_on))
                    .with_hint(words::left_on_hint(ctx.lang)),
            );
        }
        let (kind, title) = match &p {
            Some(p) => {
                let log = words::kept_in_the_audit_log(ctx.lang);
                (FormKind::EditPerson, format!("{} {} {log}", words::edit(ctx.lang), p.code))
            }
            None => (FormKind::AddPerson, words::add_a_person(ctx.lang).to_string()),
        };
        let mut form = Form::new(kind, &title, fields);
        form.subject = p.map(|p| p.fields.code).unwrap_or_default();
        Some(form)
    }

    /// Keeps "Vào tổ ngày" in step with the role: a relative has none, a new member today.
    /// Only a change of the role fills it again: a date the treasurer cleared stays cleared.
    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let today = hunvon_core::domain::date::format_vn(app.clock.today);
        let role = form.value(FieldKey::Role);
        let joined = form.value(FieldKey::Joined);
        let adding = !self.edit;
        let on_role = form.focus_is(FieldKey::Role);
        if let Some(f) = form.field_mut(FieldKey::Joined) {
            if role == "relative" && !joined.is_empty() {
                f.set("");
                f.error = None;
                f.note = None;
            } else if role == "member" && joined.is_empty() && adding && on_role {
                f.set(&today);
            }
        }
        form.hint_choice(FieldKey::Role, lang);
        form.hint_choice(FieldKey::Category, lang);
        // The category's rates as in force on the form's date ("Vào tổ ngày"), not today's.
        let on = hunvon_core::domain::date::parse_date(&form.value(FieldKey::Joined)).unwrap_or(app.clock.today);
        let category = form.value(FieldKey::Category);
        if let Some(f) = form.field_mut(FieldKey::Category)
            && let Some(h) = app.category_hint(&category, on)
        {
            f.hint = Some(h);
        }
        if role == "relative" && form.value(FieldKey::Sponsor).is_empty() {
            form.warnings.push(words::relative_without_sponsor_warning(lang).into());
        }
        let household = form.value(FieldKey::Household);
        let new_household = !household.is_empty() && app.household_line(&household).ok().flatten().is_none();
        if let Some(f) = form.field_mut(FieldKey::HouseholdName) {
            f.note = (new_household && f.value.trim().is_empty()).then(|| words::empty_uses_her_name(lang).to_string());
        }
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let household = form.value(FieldKey::Household);
        let new_household = !household.is_empty() && app.household_line(&household)?.is_none();
        let household_name = match form.value(FieldKey::HouseholdName) {
            n if n.is_empty() => form.value(FieldKey::Name),
            n => n,
        };
        let warnings = if self.edit {
            let code = form.subject.clone();
            if new_household {
                app.add_household(&household, &household_name, "")?;
            }
            let (p, n, w) = app.edit_person(&input(form, code.clone()))?;
            let status = format!("{} {} — {}: {n} {}", words::edited(lang), p.code, p.full_name, words::changes(lang));
            return Ok(Outcome::Done { status: with_warnings(status, &w, lang), select: Select::Person(code) });
        } else if new_household {
            let p = PersonInput { household: None, ..input(form, form.value(FieldKey::Code)) };
            app.add_person_in_new_household((&household, &household_name, ""), &p)?
        } else {
            app.add_person(&input(form, form.value(FieldKey::Code)))?
        };
        let (p, w) = warnings;
        let status = format!("{} {} — {}", words::added(lang), p.code, p.full_name);
        Ok(Outcome::Done { status: with_warnings(status, &w, lang), select: Select::Person(p.fields.code) })
    }
}

fn input(form: &Form, code: String) -> PersonInput {
    let joined = if form.value(FieldKey::Role) == "relative" { String::new() } else { form.value(FieldKey::Joined) };
    PersonInput {
        code,
        full_name: Some(form.value(FieldKey::Name)),
        date_of_birth: Some(form.value(FieldKey::Dob)),
        gender: Some(form.value(FieldKey::Gender)),
        cccd: Some(form.value(FieldKey::Cccd)),
        bhxh_code: Some(form.value(FieldKey::BhxhCode)),
        household: Some(form.value(FieldKey::Household)),
        category: Some(form.value(FieldKey::Category)),
        phone: Some(form.value(FieldKey::Phone)),
        joined: Some(joined),
        sponsor: Some(form.value(FieldKey::Sponsor)),
        left: (form.kind == FormKind::EditPerson).then(|| form.value(FieldKey::Left)),
    }
}

fn with_warnings(
    mut s: String,
    w: &[hunvon_core::messages::warning::Warning],
    lang: hunvon_core::messages::i18n::Lang,
) -> String {
    for w in w {
        s.push_str("  ⚠ ");
        s.push_str(&w.text(lang));
    }
    s
}

/// A date as the fields show it, empty when there is none.
fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(hunvon_core::domain::date::format_vn).unwrap_or_default()
}

/// Her place in the pool: name, member or relative, since when, her sponsor, her
/// household (chosen or made), her category.
fn place_fields(ctx: &Ctx<'_>, p: Option<&Record>) -> Vec<Field> {
    let role = if p.is_some_and(|p| p.joined.is_none()) { "relative" } else { "member" };
    let joined = match p {
        Some(p) => date(p.joined),
        None => ctx.today_text(),
    };
    // Added from a household's card: that household.
    let household = match p {
        Some(p) => p.household_code.clone().unwrap_or_default(),
        None => ctx.household.clone().unwrap_or_default(),
    };
    vec![
        Field::new(FieldKey::Name, words::full_name(ctx.lang), Kind::Name, p.map_or("", |p| &p.full_name)),
        Field::new(FieldKey::Role, words::is_a(ctx.lang), Kind::Choice(words::ROLES), role),
        Field::new(FieldKey::Joined, words::joined(ctx.lang), Kind::OptDate, &joined)
            .with_hint(words::dues_from_this_month(ctx.lang)),
        Field::new(
            FieldKey::Sponsor,
            words::sponsor_1_plus_1(ctx.lang),
            Kind::OptPerson,
            p.and_then(|p| p.sponsor_code.as_deref()).unwrap_or_default(),
        )
        .with_hint(words::sponsor_hint(ctx.lang)),
        Field::new(FieldKey::Household, words::household(ctx.lang), Kind::Household, &household)
            .with_hint(words::household_lookup_hint(ctx.lang)),
        Field::new(FieldKey::HouseholdName, words::new_household_name(ctx.lang), Kind::Text, ""),
        Field::new(
            FieldKey::Category,
            words::category(ctx.lang),
            Kind::Choice(words::CATEGORIES),
            p.map_or("other", |p| &p.category),
        ),
    ]
}

/// Her papers: birth, gender, CCCD, BHXH number, phone.
fn identity_fields(ctx: &Ctx<'_>, p: Option<&Record>) -> Vec<Field> {
    let text = |f: fn(&Record) -> Option<&String>| p.and_then(f).cloned().unwrap_or_default();
    let gender = p.and_then(|p| p.gender).map(|g| g.label_vi()).unwrap_or_default();
    vec![
        Field::new(
            FieldKey::Dob,
            words::date_of_birth(ctx.lang),
            Kind::BirthDate,
            &date(p.and_then(|p| p.date_of_birth)),
        ),
        Field::new(FieldKey::Gender, words::gender(ctx.lang), Kind::Choice(words::GENDERS), gender),
        Field::new(FieldKey::Cccd, "CCCD", Kind::Cccd, &text(|p| p.cccd.as_ref())),
        Field::new(FieldKey::BhxhCode, words::bhxh_number(ctx.lang), Kind::BhxhCode, &text(|p| p.bhxh_code.as_ref())),
        Field::new(FieldKey::Phone, words::phone(ctx.lang), Kind::Phone, &text(|p| p.phone.as_ref())),
    ]
}
