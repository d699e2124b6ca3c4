//! Person and household fields: the name, role and balance of the code typed, and the
//! list of people (or households) a name completes to, best first.

use crate::tui::words;
use hunvon_app::App;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;

use super::Field;

impl Field {
    pub(super) fn check_person(&mut self, app: &App, v: &str, complete: bool) -> Result<Option<String>> {
        let lang = app.lang;
        if let Some(p) = app.person_line(v)? {
            self.completions.clear();
            let left = match p.left_on {
                Some(d) => format!(" · {} {}", words::left_the_group(lang), hunvon_core::domain::date::format_vn(d)),
                None => String::new(),
            };
            // Who she is to the pool, before Enter writes anything for her.
            let role = if p.left_on.is_none() { format!(" · {}", role_word(&p, lang)) } else { String::new() };
            return Ok(Some(format!("{}{role} · {} {}{left}", p.full_name, words::balance_lower(lang), p.balance)));
        }
        if complete {
            self.completions = app
                .complete_person(v, 5)?
                .into_iter()
                .map(|p| {
                    let words = format!("{} {} · {} · {}", p.code, p.full_name, role_word(&p, lang), p.balance);
                    (p.code, words)
                })
                .collect();
        }
        if self.completions.is_empty() {
            if let Some(code) = hunvon_core::domain::text::parse_code(v) {
                return Err(Error::UnknownPerson(code));
            }
            self.error = Some(words::nobody_found_by(lang, v));
            return Ok(None);
        }
        Ok(Some(words::pick_enter_takes_it(lang).into()))
    }

    pub(super) fn check_household(&mut self, app: &App, v: &str, complete: bool) -> Result<Option<String>> {
        let lang = app.lang;
        if let Some(h) = app.household_line(v)? {
            self.completions.clear();
            return Ok(Some(format!("{} · {} {}", h.name, h.people, words::people_lower(lang))));
        }
        if complete {
            self.completions = app
                .complete_household(v, 5)?
                .into_iter()
                .map(|h| (h.code.clone(), format!("{} {}", h.code, h.name)))
                .collect();
        }
        match hunvon_core::domain::text::parse_code(v) {
            Some(_) if self.completions.is_empty() => Ok(Some(words::new_household_made_when_saved(lang).into())),
            _ if !self.completions.is_empty() => Ok(Some(words::pick_enter_takes_it(lang).into())),
            _ => Err(Error::BadValue {
                field: self.label.clone(),
                value: v.into(),
                expected: hunvon_core::messages::error::Expected::Code,
            }),
        }
    }
}

/// What a person is to the pool, as lists and person fields say it.
pub fn role_word(p: &hunvon_app::views::PersonLine, lang: Lang) -> &'static str {
    match (p.joined, p.left_on) {
        (_, Some(_)) => words::left_short(lang),
        (Some(_), None) => words::member_lower(lang),
        (None, None) => words::relative(lang),
    }
}
