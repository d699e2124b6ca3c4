//! `household` and `person`: who is in the pool.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::output::console::{errln, outln};
use hunvon_app::people::PersonInput;
use hunvon_core::messages::error::{Error, Result};

use super::args::{HouseholdCmd, PersonArgs, PersonCmd};
use super::words;

/// `hunvon household add`.
pub fn household(app: &mut App, action: &HouseholdCmd) -> Result<ExitCode> {
    let HouseholdCmd::Add { code, name, address } = action;
    let h = app.add_household(code, name, address)?;
    outln!("{}", words::household_added(app.lang, &h.code, &h.name));
    Ok(ExitCode::SUCCESS)
}

/// `hunvon person add|edit`.
pub fn person(app: &mut App, action: &PersonCmd) -> Result<ExitCode> {
    let lang = app.lang;
    match action {
        PersonCmd::Add { code, fields } => {
            if fields.name.is_none() {
                return Err(Error::Empty { field: "--name".into() });
            }
            let (p, warnings) = app.add_person(&person_input(code, fields))?;
            warnings.iter().for_each(|w| errln!("{}", w.text(lang)));
            outln!("{}", words::person_added(lang, &p.code, &p.full_name));
        }
        PersonCmd::Edit { code, fields } => {
            let (p, changed, warnings) = app.edit_person(&person_input(code, fields))?;
            warnings.iter().for_each(|w| errln!("{}", w.text(lang)));
            outln!("{}", words::person_edited(lang, &p.code, &p.full_name, changed));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn person_input(code: &str, f: &PersonArgs) -> PersonInput {
    PersonInput {
        code: code.to_string(),
        full_name: f.name.clone(),
        date_of_birth: f.dob.clone(),
        gender: f.gender.clone(),
        cccd: f.cccd.clone(),
        bhxh_code: f.bhxh_code.clone(),
        household: f.household.clone(),
        category: f.category.clone(),
        phone: f.phone.clone(),
        joined: f.joined.clone(),
        sponsor: f.sponsor.clone(),
        left: f.left.clone(),
    }
}
