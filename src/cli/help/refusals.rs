//! clap's own refusals (a missing flag, an unknown one, an unknown command) as one
//! sentence in the chosen language, built from the error's kind and context rather than
//! from clap's English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use hunvon_core::messages::i18n::Lang;

/// The refusal's sentence, the usage line and where to read more.
pub fn text(e: &clap::Error, lang: Lang) -> String {
    let usage = usage(e);
    let mut out = sentence(e, lang);
    if let Some(u) = &usage {
        let path: Vec<&str> = u.split_whitespace().take_while(|w| !w.starts_with(['[', '<', '-'])).collect();
        out.push_str(&format!("\n\n{} {u}", lang.pick("Cách dùng:", "Usage:")));
        out.push_str(&format!("\n{} {} --help", lang.pick("Xem thêm:", "For more:"), path.join(" ")));
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
        let or = lang.pick("hoặc", "or");
        let s = if rest.is_empty() { last.clone() } else { format!("{} {or} {last}", rest.join(", ")) };
        Some(match lang {
            Lang::Vi => format!(" Có phải ý bạn là {s}?"),
            Lang::En => format!(" Did you mean {s}?"),
        })
    };
    match (e.kind(), lang) {
        (ErrorKind::MissingRequiredArgument, Lang::Vi) => format!("Thiếu {}.", one(ContextKind::InvalidArg)),
        (ErrorKind::MissingRequiredArgument, Lang::En) => format!("Missing {}.", one(ContextKind::InvalidArg)),
        (ErrorKind::UnknownArgument, _) => {
            let arg = one(ContextKind::InvalidArg);
            let hint = suggestion(ContextKind::SuggestedArg).unwrap_or_default();
            lang.pick(format!("Lệnh này không có {arg}.{hint}"), format!("This command has no {arg}.{hint}"))
        }
        (ErrorKind::InvalidSubcommand, _) => {
            let sub = one(ContextKind::InvalidSubcommand);
            let hint = suggestion(ContextKind::SuggestedSubcommand).unwrap_or_default();
            lang.pick(format!("Không có lệnh {sub}.{hint}"), format!("There is no command {sub}.{hint}"))
        }
        (ErrorKind::MissingSubcommand, _) => {
            let (sub, valid) = (one(ContextKind::InvalidSubcommand), one(ContextKind::ValidSubcommand));
            lang.pick(format!("{sub} cần thêm một lệnh: {valid}."), format!("{sub} needs one more command: {valid}."))
        }
        (ErrorKind::ArgumentConflict, _) => {
            let (arg, prior) = (one(ContextKind::InvalidArg), one(ContextKind::PriorArg));
            if arg == prior || prior.is_empty() {
                lang.pick(format!("{arg} chỉ được dùng một lần."), format!("{arg} can be given only once."))
            } else {
                lang.pick(format!("{arg} không dùng cùng {prior} được."), format!("{arg} cannot be used with {prior}."))
            }
        }
        (
            ErrorKind::InvalidValue | ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues,
            _,
        ) => {
            let arg = one(ContextKind::InvalidArg);
            lang.pick(format!("Thiếu giá trị sau {arg}."), format!("{arg} needs a value."))
        }
        (ErrorKind::TooManyValues, _) => {
            let (arg, value) = (one(ContextKind::InvalidArg), one(ContextKind::InvalidValue));
            lang.pick(
                format!("Thừa giá trị '{value}' sau {arg}."),
                format!("Unexpected extra value '{value}' after {arg}."),
            )
        }
        (ErrorKind::InvalidUtf8, _) => {
            lang.pick("Một đối số không phải văn bản UTF-8.".into(), "An argument is not UTF-8 text.".into())
        }
        _ => lang.pick("Dòng lệnh không hợp lệ.".into(), "The command line is not valid.".into()),
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
