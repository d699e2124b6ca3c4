//! The small forms: the monthly dues, a backup folder, the day the insurance lists look
//! at, and a report's period.

use crate::tui::words;
use std::path::PathBuf;

use crate::tui::form::{Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_core::domain::date::format_vn;
use hunvon_core::messages::error::{Error, Result};

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The monthly dues from a day on.
pub struct Dues;

impl FormSpec for Dues {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::Dues,
            words::set_the_monthly_dues(ctx.lang),
            vec![
                Field::new(FieldKey::Amount, words::amount_a_month(ctx.lang), Kind::Required, "")
                    .with_hint(words::dues_hint_zero_none(ctx.lang)),
                Field::new(FieldKey::From, words::from_date(ctx.lang), Kind::AnyDate, &ctx.today_text()),
            ],
        ))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let amount = form.value(FieldKey::Amount);
        if amount != "0" {
            hunvon_core::domain::input::amount(&format!("«{}»", form.label(FieldKey::Amount)), &amount)?;
        }
        app.set_dues(&amount, &form.value(FieldKey::From))?;
        let status = words::monthly_dues_set(app.lang).to_string();
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}

/// A checked copy of the book into a folder, or the hand-in for the district.
pub struct Backup;

impl FormSpec for Backup {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let folder = ctx.app.book_path().parent().map(|p| p.display().to_string()).unwrap_or_default();
        let mut fields = vec![
            Field::new(FieldKey::Folder, words::into_the_folder(ctx.lang), Kind::Folder, &folder)
                .with_hint(words::backup_folder_hint(ctx.lang)),
        ];
        if ctx.app.has_district_key() {
            fields.insert(
                0,
                Field::new(FieldKey::What, words::task(ctx.lang), Kind::Choice(words::BACKUP_KINDS), "copy"),
            );
        }
        Some(Form::new(FormKind::Backup, words::back_up_the_book(ctx.lang), fields))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let folder = PathBuf::from(form.value(FieldKey::Folder));
        if form.has(FieldKey::What) && form.value(FieldKey::What) == "handin" {
            let file = app.handin_into(&folder)?;
            let status = format!("{} {}", words::handed_in_to(app.lang), file.display());
            return Ok(Outcome::Done { status, select: Select::Keep });
        }
        let file = app.backup_into(&folder)?;
        let status = format!("{} {} ({})", words::backed_up_to(app.lang), file.display(), words::checked(app.lang));
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}

/// The day the insurance lists look at.
pub struct AsOf;

impl FormSpec for AsOf {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::AsOf,
            words::insurance_as_of(ctx.lang),
            vec![
                Field::new(FieldKey::Date, words::day(ctx.lang), Kind::AnyDate, &format_vn(ctx.as_of))
                    .with_hint(words::insurance_as_of_hint(ctx.lang)),
            ],
        ))
    }

    fn submit(&self, _app: &mut App, form: &mut Form) -> Result<Outcome> {
        let d = hunvon_core::domain::input::date(&form.label(FieldKey::Date), &form.value(FieldKey::Date))?;
        Ok(Outcome::Done { status: String::new(), select: Select::AsOf(d) })
    }
}

/// A report's period.
pub struct Period;

impl FormSpec for Period {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let (from, to) = ctx.period;
        Some(Form::new(
            FormKind::Period,
            words::report_period(ctx.lang),
            vec![
                Field::new(FieldKey::From, words::from_date(ctx.lang), Kind::AnyDate, &format_vn(from)),
                Field::new(FieldKey::To, words::to_date(ctx.lang), Kind::AnyDate, &format_vn(to)),
            ],
        ))
    }

    fn submit(&self, _app: &mut App, form: &mut Form) -> Result<Outcome> {
        let date = |key| hunvon_core::domain::input::date(&form.label(key), &form.value(key));
        let (from, to) = (date(FieldKey::From)?, date(FieldKey::To)?);
        if from > to {
            return Err(Error::BadValue {
                field: form.label(FieldKey::To),
                value: form.value(FieldKey::To),
                expected: hunvon_core::messages::error::Expected::Format(&["≥ từ ngày / ≥ from"]),
            });
        }
        Ok(Outcome::Done { status: String::new(), select: Select::Period(from, to) })
    }
}
