//! Every command and every flag has its texts in both languages.

use super::*;

/// Every (path, command) of the tree, the program itself first.
fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    out.push((path.to_string(), cmd.clone()));
    for sub in cmd.get_subcommands() {
        let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
        walk(sub, &p, out);
    }
}

#[test]
fn every_command_and_flag_has_texts_in_both_languages() {
    let mut all = Vec::new();
    walk(&command(Lang::Vi), "", &mut all);
    assert!(all.len() > 30, "the tree has {} commands", all.len());
    for (path, cmd) in &all {
        for lang in [Lang::Vi, Lang::En] {
            let t = commands::text(path, lang).unwrap_or_else(|| panic!("no text for command '{path}'"));
            assert!(!t.about.is_empty() && !t.examples.is_empty(), "command '{path}' lacks an about or an example");
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let f = flags::text(path, id, lang).unwrap_or_else(|| panic!("no text for {id} of '{path}'"));
                assert!(!f.help.is_empty(), "{id} of '{path}' has an empty help");
                let takes_value = arg.get_action().takes_values();
                assert_eq!(takes_value, !f.value.is_empty(), "{id} of '{path}': value name and action disagree");
            }
        }
    }
}

#[test]
fn the_language_is_read_before_parsing() {
    let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
    assert_eq!(chosen_lang(&args(&["hunvon", "--lang", "en", "report", "--help"])), Lang::En);
    assert_eq!(chosen_lang(&args(&["hunvon", "report", "--lang=en"])), Lang::En);
    assert_eq!(chosen_lang(&args(&["hunvon", "report", "--", "--lang=en"])), Lang::Vi);
}

#[test]
fn help_as_a_command_is_help_as_a_flag() {
    let mut argv: Vec<OsString> = ["hunvon", "--lang", "en", "help", "report"].iter().map(OsString::from).collect();
    help_command_to_flag(&mut argv);
    assert_eq!(argv, ["hunvon", "--lang", "en", "report", "--help"].map(OsString::from));
}
