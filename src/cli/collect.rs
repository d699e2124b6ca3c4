//! `hunvon collect FILE [--as CODE] [--accept-rewrite --reason TEXT]`: prints per pool
//! what came in; a progress bar on stderr while a large chapter is copied.

use std::path::Path;
use std::process::ExitCode;

use hunvon_app::district::collect::{CollectRequest, Intake};
use hunvon_app::output::console::outln;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

use super::Cli;
use super::args::CollectArgs;
use super::words;

/// `hunvon collect FILE [--as CODE] [--accept-rewrite --reason TEXT]`.
pub(super) fn run(cli: &Cli, c: &CollectArgs, lang: Lang) -> Result<ExitCode> {
    let db = cli.db.clone().unwrap_or_else(super::default_db);
    let existed = db.exists();
    let result = (|| {
        let mut app = super::open(cli, lang)?;
        super::make_private(cli, lang);
        let req =
            CollectRequest { alias: c.alias.clone(), accept_rewrite: c.reason.clone(), identity: c.identity.clone() };
        let mut bar = hunvon_app::output::progress::Bar::new(words::records_unit(lang));
        let intakes = app.collect(&c.file, &req, &mut |done, total| bar.update(done, total));
        bar.finish();
        intakes
    })();
    match result {
        Ok(intakes) => {
            for i in &intakes {
                print(i, lang);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if !existed {
                discard_empty(&db);
            }
            Err(e)
        }
    }
}

/// A district book this run made for a collection that was refused holds nothing: it is
/// removed, so a refusal leaves the folder as it was. Anything with a pool in it stays.
fn discard_empty(db: &Path) {
    hunvon_app::district::collect::discard_if_empty(db);
}

fn print(i: &Intake, lang: Lang) {
    let n = hunvon_core::domain::money::group_count;
    let range = match (&i.first, &i.last) {
        (Some(a), Some(b)) if a == b => format!(" ({a})"),
        (Some(a), Some(b)) => format!(" ({a} … {b})"),
        _ => String::new(),
    };
    if let Some(archived) = &i.archived_as {
        outln!("{}", words::earlier_copy_kept(lang, &i.code, archived));
    }
    if !i.first_time && i.vouchers + i.records == 0 {
        outln!("{}", words::nothing_new(lang, &i.code, &i.head));
    } else {
        let first = if i.first_time { words::first_collection(lang) } else { "" };
        outln!("{}", words::collected(lang, &i.code, first, n(i.vouchers), range, n(i.records), &i.head));
    }
}

/// `hunvon demo --chapters N --out DIR`: N chapter books, each built beside its name and
/// named once complete (never over an existing file).
pub(super) fn demo_chapters(
    dir: &Path,
    n: usize,
    opts: &hunvon_app::demo::DemoOptions,
    lang: Lang,
) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    std::fs::create_dir_all(dir).map_err(|e| hunvon_core::messages::error::Error::os(dir, &e))?;
    let clock = hunvon_app::Clock::from_env()?;
    let (mut people, mut vouchers) = (0usize, 0usize);
    for i in 0..n {
        let (path, o) = hunvon_app::demo::chapter(dir, opts, i, n);
        let target = hunvon_app::output::outfile::NewFile::create(&path, None)?;
        let s = hunvon_app::demo::generate(target.path(), &o, clock.clone())?;
        target.commit()?;
        people += s.people;
        vouchers += s.vouchers;
    }
    let (people, vouchers, took) = (lang.count(people), lang.count(vouchers), lang.seconds(started.elapsed()));
    outln!("{}", words::chapter_books_written(lang, n, dir.display(), people, vouchers, took));
    Ok(ExitCode::SUCCESS)
}
