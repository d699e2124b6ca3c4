//! A person's edit history, from her records in the pool's chain (SPEC §2: every add and
//! edit is a `person` record holding all her fields): when, and what changed from the
//! record before, in words. Times in the machine's local time; CCCD masked, as in every
//! message.

use crate::words;
use serde_json::Value;

use hunvon_core::domain::date::{format_vn, local_time, parse_date};
use hunvon_core::messages::error::{Result, mask_id};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::messages::sentences::keyed;

use super::super::App;

/// A field's value in words: dates dd/mm/yyyy, the CCCD masked, "(trống)" for none.
fn shown(field: &str, v: Option<&Value>, lang: Lang) -> String {
    let text = v.and_then(Value::as_str).unwrap_or_default();
    if text.is_empty() {
        return words::empty(lang).to_string();
    }
    match field {
        "cccd" => mask_id(text),
        "date_of_birth" | "joined" | "left_on" => parse_date(text).map_or_else(|| text.to_string(), format_vn),
        "category" => match (hunvon_core::rules::Category::from_code(text), lang) {
            (Some(c), Lang::Vi) => c.label_vi().to_string(),
            _ => text.replace('_', " "),
        },
        _ => text.to_string(),
    }
}

impl App {
    /// One line per change, oldest first: the add, then each edit's changed fields.
    pub fn person_history(&self, code: &str) -> Result<Vec<String>> {
        let lang = self.lang;
        let records = self.store.person_records(self.pool()?.id, code)?;
        let mut out = Vec::new();
        let mut before: Option<Value> = None;
        for (body, at) in records {
            let Ok(now) = serde_json::from_str::<Value>(&body) else { continue };
            let when = local_time(&at);
            match &before {
                None => {
                    let name = shown("full_name", now.get("full_name"), lang);
                    out.push(format!("{when} · {} {name}", words::added_to_the_book(lang)));
                }
                Some(b) => {
                    let changes: Vec<String> = words::PERSON_FIELDS
                        .iter()
                        .filter(|(f, _, _)| b.get(*f) != now.get(*f))
                        .map(|(f, _, _)| {
                            let label = keyed(words::PERSON_FIELDS, f, lang).unwrap_or_default();
                            format!("{label}: {} → {}", shown(f, b.get(*f), lang), shown(f, now.get(*f), lang))
                        })
                        .collect();
                    if changes.is_empty() {
                        out.push(format!("{when} · {}", words::recorded_again_nothing_changed(lang)));
                    }
                    for c in changes {
                        out.push(format!("{when} · {c}"));
                    }
                }
            }
            before = Some(now);
        }
        if out.is_empty() {
            out.push(words::no_record_of_this_person(lang).into());
        }
        Ok(out)
    }
}
