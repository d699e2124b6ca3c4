//! clap's own refusals (a missing flag, an unknown one, an unknown command) as one
//! sentence in the chosen language, built from the error's kind and context rather than
//! from clap's English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use hunvon_core::messages::i18n::Lang;

use crate::cli::words;

/// The refusal's sentence, the usage line and where to read more.
pub fn text(e: &clap::Error, lang: Lang) -> String {
    let usage = usage(e);
    let mut out = sentence(e, lang);
    if let Some(u) = &usage {
        let path: Vec<&str> = u.split_whitespace().take_while(|w| !w.starts_with(['[', '<', '-'])).collect();
        out.push_str(&format!("\n\n{} {u}", words::usage_title(lang)));
        out.push_str(&format!("\n{} {} --help", words::for_more_title(lang), path.join(" ")));
    }
    out
}

fn sentence(e: &clap::Error, lang: Lang) -> String {
    let one = |k| e.get(k).map(shown).unwrap_or_default();
    let suggestion = |k| {
        let words = match e.get(k)? {
            ContextValue::String(s) => vec![s.clone()],
            ContextValue::Strings(v) => v.clone(),
            _ => return None,
        };
        let (last, rest) = words.split_last()?;
        let or = words::or_word(lang);
        let s = if rest.is_empty() { last.clone() } else { format!("{} {or} {last}", rest.join(", ")) };
        Some(words::did_you_mean(lang, s))
    };
    match e.kind() {
        ErrorKind::MissingRequiredArgument => words::missing(lang, one(ContextKind::InvalidArg)),
        ErrorKind::UnknownArgument => {
            let hint = suggestion(ContextKind::SuggestedArg).unwrap_or_default();
            words::no_such_flag(lang, one(ContextKind::InvalidArg), hint)
        }
        ErrorKind::InvalidSubcommand => {
            let hint = suggestion(ContextKind::SuggestedSubcommand).unwrap_or_default();
            words::no_such_command(lang, one(ContextKind::InvalidSubcommand), hint)
        }
        ErrorKind::MissingSubcommand => {
            words::needs_a_command(lang, one(ContextKind::InvalidSubcommand), one(ContextKind::ValidSubcommand))
        }
        ErrorKind::ArgumentConflict => {
            let (arg, prior) = (one(ContextKind::InvalidArg), one(ContextKind::PriorArg));
            if arg == prior || prior.is_empty() {
                words::given_twice(lang, arg)
            } else {
                words::conflicts(lang, arg, prior)
            }
        }
        ErrorKind::InvalidValue | ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            words::needs_a_value(lang, one(ContextKind::InvalidArg))
        }
        ErrorKind::TooManyValues => {
            words::extra_value(lang, one(ContextKind::InvalidValue), one(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidUtf8 => words::not_utf8(lang).to_string(),
        _ => words::not_valid(lang).to_string(),
    }
}

/// The usage line clap computed (our own, with its title stripped).
fn usage(e: &clap::Error) -> Option<String> {
    let u = shown(e.get(ContextKind::Usage)?);
    let u = u.trim();
    let u = u.strip_prefix("Usage:").unwrap_or(u).trim();
    (!u.is_empty()).then(|| u.to_string())
}

/// A context value as plain text.
fn shown(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        ContextValue::Number(n) => n.to_string(),
        _ => String::new(),
    }
}
