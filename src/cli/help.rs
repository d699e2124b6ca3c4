//! Parsing the command line, with `--help` and clap's own refusals in the chosen
//! language. The language must be known before parsing, so `--lang`/`HUNVON_LANG` are
//! read from the raw arguments first; then the clap command built from `args` gets
//! every text from the tables in `help/` in that language only.

mod commands;
mod flags;
mod refusals;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::args::Cli;
use super::words;
use hunvon_app::output::console::errln;
use hunvon_app::{ImportKind, ReportKind};
use hunvon_core::messages::i18n::Lang;

/// Parses `argv`. Help and `--version` are printed here (exit 0), and so are usage
/// errors (exit 2), each in the chosen language.
pub fn parse(mut argv: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = chosen_lang(&argv);
    help_command_to_flag(&mut argv);
    let mut cmd = command(lang);
    let refused = |e: clap::Error| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Our own help, already in the chosen language; clap prints it and says where.
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            errln!("{}", refusals::text(&e, lang));
            ExitCode::from(2)
        }
    };
    let matches = cmd.try_get_matches_from_mut(argv).map_err(refused)?;
    Cli::from_arg_matches(&matches).map_err(refused)
}

/// The language asked for by `--lang X`, `--lang=X` or `HUNVON_LANG` (in that order),
/// Vietnamese when none or a code hunvon does not know (which `main` then refuses).
pub fn chosen_lang(argv: &[OsString]) -> Lang {
    let mut asked = None;
    let mut args = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        } else if a == "--lang" {
            asked = args.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    let asked = asked.or_else(|| std::env::var("HUNVON_LANG").ok());
    asked.as_deref().and_then(Lang::from_code).unwrap_or_default()
}

/// `hunvon help report` is `hunvon report --help`: one help, in one language.
fn help_command_to_flag(argv: &mut Vec<OsString>) {
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].to_string_lossy();
        if matches!(a.as_ref(), "--db" | "--pool" | "--lang") {
            i += 2;
            continue;
        }
        if a.starts_with('-') {
            i += 1;
            continue;
        }
        if a == "help" {
            argv.remove(i);
            argv.push("--help".into());
        }
        return;
    }
}

/// The whole command tree with its texts in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let help_cmd = clap::Command::new("help").arg(Arg::new("command").num_args(0..).action(ArgAction::Append));
    let cmd = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version))
        .subcommand(help_cmd);
    let mut cmd = localize(cmd, "", lang);
    cmd.build();
    if lang == Lang::Vi {
        usage_in_vietnamese(&mut cmd);
    }
    cmd
}

/// Sets the texts of one command and, recursively, of its flags and subcommands.
fn localize(cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let mut cmd = cmd
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help))
        .help_template(words::help_template(lang))
        .subcommand_help_heading(words::commands_heading(lang))
        .subcommand_value_name(words::command_value(lang));
    if let Some(t) = commands::text(path, lang) {
        cmd = cmd.about(t.about).long_about(None).after_help(after_help(path, t, lang));
    }
    cmd = cmd.mut_args(|a| {
        let positional = a.is_positional();
        // Defaults and environment variables are said in the text, in the chosen language.
        let takes_value = a.get_action().takes_values();
        let has_env = a.get_env().is_some();
        let global = a.is_global_set();
        let a = a.hide_default_value(takes_value).hide_env(has_env).help_heading(match (positional, global) {
            (true, _) => words::arguments_heading(lang),
            (false, true) => words::global_options_heading(lang),
            (false, false) => words::options_heading(lang),
        });
        match flags::text(path, a.get_id().as_str(), lang) {
            Some(f) if f.value.is_empty() => a.help(f.help),
            Some(f) => a.help(f.help).value_name(f.value),
            None => a,
        }
    });
    cmd.mut_subcommands(|sub| {
        let sub_path = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
        localize(sub, &sub_path, lang)
    })
}

/// The examples, and for `report` and `import` the kinds they take with their names.
fn after_help(path: &str, t: &commands::CommandText, lang: Lang) -> String {
    let mut out = String::new();
    let list = |title: &str, rows: Vec<(&str, &str)>| {
        let rows: Vec<String> = rows.iter().map(|(code, name)| format!("  {code:<14}{name}")).collect();
        format!("{title}\n{}\n\n", rows.join("\n"))
    };
    match path {
        "report" => out.push_str(&list(
            words::reports_title(lang),
            ReportKind::ALL.iter().map(|k| (k.code(), k.name(lang))).collect(),
        )),
        "import" => out.push_str(&list(
            words::kinds_of_file_title(lang),
            ImportKind::ALL.iter().map(|k| (k.code(), k.name(lang))).collect(),
        )),
        _ => {}
    }
    out.push_str(words::examples_title(lang));
    for e in t.examples {
        out.push_str("\n  ");
        out.push_str(e);
    }
    if path.is_empty() {
        out.push_str(words::without_a_command(lang));
    }
    out
}

/// clap writes `[OPTIONS]` into every usage line; in Vietnamese help it is `[TÙY_CHỌN]`.
fn usage_in_vietnamese(cmd: &mut clap::Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim().replace("[OPTIONS]", "[TÙY_CHỌN]");
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        usage_in_vietnamese(sub);
    }
}

#[cfg(test)]
mod tests;
