//! `--help` and clap's refusals speak one language: Vietnamese by default, English with
//! `--lang en` or `HUNVON_LANG=en` (docs/design.md §1).

use assert_cmd::Command;

fn hunvon() -> Command {
    let mut c = Command::cargo_bin("hunvon").expect("binary");
    c.env_remove("HUNVON_LANG").env_remove("HUNVON_DB");
    c
}

/// Runs and returns (exit code, stdout, stderr).
fn run(args: &[&str], env_lang: Option<&str>) -> (i32, String, String) {
    let mut c = hunvon();
    if let Some(l) = env_lang {
        c.env("HUNVON_LANG", l);
    }
    let out = c.args(args).output().expect("run hunvon");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

/// The help of `path` (English when `en`), which must succeed.
fn help(path: &[&str], en: bool) -> String {
    let mut args: Vec<&str> = if en { vec!["--lang", "en"] } else { vec![] };
    args.extend_from_slice(path);
    args.push("--help");
    let (code, out, err) = run(&args, None);
    assert_eq!(code, 0, "hunvon {args:?} failed: {err}");
    out
}

/// Every command path, found by reading the command lists of the English help.
fn all_paths() -> Vec<Vec<String>> {
    let mut paths = vec![vec![]];
    let mut i = 0;
    while i < paths.len() {
        let path: Vec<&str> = paths[i].iter().map(String::as_str).collect();
        let text = help(&path, true);
        let subs: Vec<String> = text
            .lines()
            .skip_while(|l| *l != "Commands:")
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            // A long description wraps onto a line indented further.
            .filter(|l| !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next().map(String::from))
            .filter(|name| name != "help")
            .collect();
        for s in subs {
            let mut p = paths[i].clone();
            p.push(s);
            paths.push(p);
        }
        i += 1;
    }
    paths
}

fn vietnamese_letters(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphabetic() && !c.is_ascii()).collect()
}

/// Words of clap's English or of an English sentence, none of them a command or a flag.
const ENGLISH: &[&str] = &[
    " the ",
    " of ",
    " and ",
    " or ",
    "Print",
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Example",
    "default",
    "possible values",
    "[env",
    "[OPTIONS]",
    "<COMMAND>",
    "required",
];

#[test]
fn every_help_in_english_has_no_vietnamese_letter() {
    let paths = all_paths();
    assert!(paths.len() > 30, "found only {} commands", paths.len());
    for p in &paths {
        let path: Vec<&str> = p.iter().map(String::as_str).collect();
        let text = help(&path, true);
        assert!(text.contains("Usage: hunvon"), "{path:?}:\n{text}");
        assert!(text.contains("Examples:\n  hunvon"), "{path:?} has no example:\n{text}");
        assert_eq!(vietnamese_letters(&text), Vec::<char>::new(), "hunvon --lang en {path:?} --help:\n{text}");
    }
}

#[test]
fn every_help_in_vietnamese_has_no_english_sentence() {
    for p in &all_paths() {
        let path: Vec<&str> = p.iter().map(String::as_str).collect();
        let text = help(&path, false);
        assert!(text.contains("Cách dùng: hunvon"), "{path:?}:\n{text}");
        assert!(text.contains("Ví dụ:\n  hunvon"), "{path:?} has no example:\n{text}");
        for word in ENGLISH {
            assert!(!text.contains(word), "hunvon {path:?} --help has {word:?}:\n{text}");
        }
    }
}

#[test]
fn every_flag_has_a_line_of_help() {
    for p in &all_paths() {
        let path: Vec<&str> = p.iter().map(String::as_str).collect();
        for en in [false, true] {
            let text = help(&path, en);
            for line in text.lines().filter(|l| l.trim_start().starts_with('-')) {
                let described = line.split("  ").filter(|part| !part.trim().is_empty()).count() >= 2;
                assert!(described, "{path:?}: flag without a description: {line:?}");
            }
        }
    }
}

#[test]
fn report_help_lists_the_seven_reports_by_name() {
    let vi = help(&["report"], false);
    let en = help(&["report"], true);
    for code in ["summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors"] {
        assert!(vi.lines().any(|l| l.trim_start().starts_with(code)), "{code} missing:\n{vi}");
        assert!(en.lines().any(|l| l.trim_start().starts_with(code)), "{code} missing:\n{en}");
    }
    assert!(vi.contains("Tổng hợp thu chi") && vi.contains("Nhật ký chứng từ"), "{vi}");
    assert!(en.contains("Summary of receipts and payments") && en.contains("Journal of vouchers"), "{en}");
}

#[test]
fn the_language_comes_from_the_flag_the_environment_or_the_default() {
    let vi = help(&[], false);
    assert_eq!(run(&["--lang=vi", "--help"], Some("en")).1, vi, "--lang wins over HUNVON_LANG");
    let (code, en, _) = run(&["--help"], Some("en"));
    assert_eq!(code, 0);
    assert_eq!(en, help(&[], true), "HUNVON_LANG=en alone gives the English help");
    assert_eq!(run(&["help", "report"], None).1, help(&["report"], false), "`help report` is `report --help`");
}

#[test]
fn usage_errors_are_in_the_chosen_language_and_exit_2() {
    let (code, out, err) = run(&["contribute", "--person", "TV0001"], None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("Thiếu --amount"), "{err}");
    assert!(err.contains("Cách dùng: hunvon contribute") && err.contains("hunvon contribute --help"), "{err}");
    assert!(!ENGLISH.iter().any(|w| err.contains(w)), "{err}");

    let (code, _, err) = run(&["--lang", "en", "contribute", "--person", "TV0001"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("Missing --amount"), "{err}");
    assert_eq!(vietnamese_letters(&err), Vec::<char>::new(), "{err}");

    let (code, _, err) = run(&["contribute", "--persn", "TV0001"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("Lệnh này không có --persn. Có phải ý bạn là --person?"), "{err}");
    let (code, _, err) = run(&["contribute", "--persn", "TV0001"], Some("en"));
    assert_eq!(code, 2);
    assert!(err.starts_with("This command has no --persn. Did you mean --person?"), "{err}");

    let (code, _, err) = run(&["contribut"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("Không có lệnh contribut. Có phải ý bạn là "), "{err}");
    assert!(err.contains(" hoặc contribute?") || err.contains("là contribute?"), "{err}");
    let (code, _, err) = run(&["--lang", "en", "opening", "--cash", "1", "--bank", "2"], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("--cash <AMOUNT> cannot be used with --bank <AMOUNT>."), "{err}");
}
