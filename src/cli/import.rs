//! `import`: a CSV file of people, contributions or openings, all or nothing.

use std::process::ExitCode;

use hunvon_app::output::console::{errln, outln};
use hunvon_app::people::import::ImportMode;
use hunvon_app::{App, ImportKind};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

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
        match (lang, dry_run) {
            (Lang::Vi, true) => outln!("Kiểm tra xong: {} người hợp lệ; chưa ghi gì (--dry-run).", s.rows),
            (Lang::En, true) => outln!("Checked: {} persons valid; nothing written (--dry-run).", s.rows),
            (Lang::Vi, false) => outln!("Đã nhập {} người.", s.rows),
            (Lang::En, false) => outln!("Imported {} persons.", s.rows),
        }
        return Ok(ExitCode::SUCCESS);
    }
    match (lang, dry_run) {
        (Lang::Vi, true) => {
            outln!("Kiểm tra xong: {} dòng hợp lệ, tổng {}; chưa ghi gì (--dry-run).", s.rows, s.total)
        }
        (Lang::En, true) => outln!("Checked: {} rows valid, total {}; nothing written (--dry-run).", s.rows, s.total),
        (Lang::Vi, false) => outln!("Đã nhập {} dòng{range}, tổng {}.", s.rows, s.total),
        (Lang::En, false) => outln!("Imported {} rows{range}, total {}.", s.rows, s.total),
    }
    Ok(ExitCode::SUCCESS)
}
