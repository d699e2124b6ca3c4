//! `import`: a CSV file of people, contributions or openings, all or nothing.

use std::process::ExitCode;

use hunvon_app::output::console::{errln, outln};
use hunvon_app::people::import::ImportMode;
use hunvon_app::{App, ImportKind};
use hunvon_core::messages::error::Result;

use super::args::ImportArgs;
use super::words;

/// `hunvon import KIND FILE [--dry-run]`.
pub fn run(app: &mut App, args: &ImportArgs) -> Result<ExitCode> {
    let lang = app.lang;
    let kind = ImportKind::parse("IMPORT", &args.what)?;
    let dry_run = args.dry_run;
    let mut bar = hunvon_app::output::progress::Bar::new(words::rows_unit(lang));
    let s = app.import_showing(kind, &args.file, ImportMode { dry_run, again: args.again }, &mut |done, total| {
        bar.update(done, total);
    });
    bar.finish();
    let s = s?;
    for (line, w) in &s.warnings {
        errln!("{} {line}: {}", words::line_word(lang), w.text(lang));
    }
    let range = if s.ranges.is_empty() {
        String::new()
    } else {
        let each: Vec<String> = s.ranges.iter().map(|(a, b)| format!("{a} … {b}")).collect();
        format!(" ({})", each.join(", "))
    };
    if kind == ImportKind::People {
        let done = if dry_run { words::people_checked } else { words::people_imported };
        outln!("{}", done(lang, s.rows));
        return Ok(ExitCode::SUCCESS);
    }
    if dry_run {
        outln!("{}", words::rows_checked(lang, s.rows, s.total));
    } else {
        outln!("{}", words::rows_imported(lang, s.rows, range, s.total));
    }
    Ok(ExitCode::SUCCESS)
}
