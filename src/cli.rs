//! The command line (docs/design.md §6): arguments in, one use case called, its outcome printed.
//!
//! `args` holds the clap types, `help` their texts in the chosen language; each command
//! group has its own module that calls `app` and prints what came of it. Nothing here
//! reaches the store: every request goes through `app`.

mod admin;
mod args;
mod collect;
mod handin;
mod help;
mod import;
mod insurance;
mod moves;
mod outreach;
mod papers;
mod people;
mod reports;
mod words;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::{Cli, Command};

use args::{BookCommand, PoolCmd, RatesCmd};
use hunvon_app::output::console::errln;
use hunvon_app::{Access, App, Clock};
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_core::messages::i18n::Lang;

/// The book's default place: `$HUNVON_DB`, else the platform data folder.
pub fn default_db() -> PathBuf {
    directories::ProjectDirs::from("vn", "hunvon", "hunvon")
        .map(|d| d.data_dir().join("hunvon.db"))
        .unwrap_or_else(|| PathBuf::from("hunvon.db"))
}

/// Runs the command line; returns the process's exit code.
pub fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let cli = match help::parse(argv) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let lang = match cli.lang.as_deref().map(Lang::from_code) {
        None => Lang::Vi,
        Some(Some(l)) => l,
        Some(None) => {
            let value = cli.lang.clone().unwrap_or_default();
            let e = Error::BadValue { field: "--lang".into(), value, expected: Expected::Lang };
            errln!("{}", e.text(Lang::Vi));
            return ExitCode::from(1);
        }
    };
    let writes = cli.command.as_ref().is_some_and(writes);
    let db = cli.db.clone().unwrap_or_else(default_db);
    match run(cli, lang) {
        Ok(code) => hunvon_app::output::console::settle(code, writes, lang),
        Err(e) => {
            errln!("{}", e.at_book(&db).text(lang));
            ExitCode::from(1)
        }
    }
}

/// Whether a command changes the book or writes a new file: once it has, a failure to
/// print its result must not turn into exit 1.
fn writes(command: &Command) -> bool {
    use BookCommand::{Export, Import, Pool, Quote, Rates, Report, Slip, Verify};
    match command {
        Command::Demo(_) | Command::Key { .. } => true,
        Command::Book(Quote { .. } | Report(_) | Export(_) | Verify(_) | Slip(_)) => false,
        Command::Book(Rates { action: RatesCmd::List } | Pool { action: PoolCmd::Show }) => false,
        Command::Book(Import(i)) => !i.dry_run,
        Command::Book(_) => true,
    }
}

/// Calls the command's module; without a command, opens the TUI.
fn run(cli: Cli, lang: Lang) -> Result<ExitCode> {
    match &cli.command {
        None => run_tui(&cli, lang),
        Some(Command::Demo(d)) => admin::demo(cli.db.as_deref(), d, lang),
        Some(Command::Key { action }) => handin::key(action, lang),
        Some(Command::Book(BookCommand::Collect(c))) => collect::run(&cli, c, lang),
        Some(Command::Book(command)) => {
            let mut app = open(&cli, lang)?;
            make_private(&cli, lang);
            run_on_book(&mut app, command, cli.pool.as_deref())
        }
    }
}

/// One command on the open book.
fn run_on_book(app: &mut App, command: &BookCommand, pool: Option<&str>) -> Result<ExitCode> {
    let lang = app.lang;
    match command {
        BookCommand::Init { name } => admin::init(app, pool, name),
        BookCommand::Household { action } => people::household(app, action),
        BookCommand::Person { action } => people::person(app, action),
        BookCommand::Dues { action } => admin::dues(app, action),
        BookCommand::Contribute(c) => moves::contribute(app, c),
        BookCommand::Receive(f) => moves::common_fund(app, f, true),
        BookCommand::Pay(f) => moves::common_fund(app, f, false),
        BookCommand::Opening(o) => moves::opening(app, o),
        BookCommand::Transfer(t) => moves::transfer(app, t),
        BookCommand::Withdraw(w) => moves::withdraw(app, w),
        BookCommand::Reverse(r) => moves::reverse(app, r),
        BookCommand::Quote { scheme } => insurance::run(app, scheme, false),
        BookCommand::Buy { scheme } => insurance::run(app, scheme, true),
        BookCommand::Import(i) => import::run(app, i),
        BookCommand::Report(r) => reports::report(app, r),
        BookCommand::Export(e) => reports::export(app, e),
        BookCommand::Slip(s) => reports::slip(app, s),
        BookCommand::Verify(v) => admin::verify(app, v),
        BookCommand::Backup { file } => admin::backup(app, file),
        BookCommand::Handin(h) => handin::handin(app, h),
        BookCommand::Pool { action } => papers::pool(app, action, lang),
        BookCommand::Count(c) => papers::count(app, c, lang),
        BookCommand::Settle(s) => moves::settle(app, s),
        BookCommand::Close(c) => papers::close(app, c, lang),
        BookCommand::Rates { action } => admin::rates(app, action),
        BookCommand::Card(c) => outreach::card(app, c),
        BookCommand::Target { action } => outreach::target(app, action),
        // Run before a book is opened (`run`): it may make the district's book.
        BookCommand::Collect(_) => Ok(ExitCode::SUCCESS),
    }
}

/// The TUI on the book, or with `--demo` on a fresh demo book in a temporary folder
/// (the user's book is never touched), removed with everything in it on return.
fn run_tui(cli: &Cli, lang: Lang) -> Result<ExitCode> {
    // Before anything is opened or generated: without a terminal there is no TUI.
    crate::tui::ensure_terminal()?;
    if cli.demo {
        let dir = tempfile::Builder::new()
            .prefix("hunvon-demo-")
            .tempdir()
            .map_err(|e| Error::os(&std::env::temp_dir(), &e))?;
        let path = dir.path().join("hunvon-demo.db");
        let clock = Clock::from_env()?;
        hunvon_app::demo::generate(&path, &hunvon_app::demo::DemoOptions::default(), clock.clone())?;
        let app = App::open(&path, cli.read_only, None, lang, clock)?;
        crate::tui::run(app)?;
        return Ok(ExitCode::SUCCESS);
    }
    let app = open(cli, lang)?;
    make_private(cli, lang);
    crate::tui::run(app)?;
    Ok(ExitCode::SUCCESS)
}

fn open(cli: &Cli, lang: Lang) -> Result<App> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    // Only `init` and the TUI's first run make a book; any other command on a mistyped
    // path is refused instead of leaving an empty book there.
    let access = match &cli.command {
        _ if cli.read_only => Access::ReadOnly,
        // `collect` into a path with no book makes the district's book.
        None | Some(Command::Book(BookCommand::Init { .. } | BookCommand::Collect(_))) => Access::Create,
        Some(_) => Access::Write,
    };
    App::open_as(&path, access, cli.pool.as_deref(), lang, Clock::from_env()?)
}

/// Makes a book found readable by others private again (it holds CCCD numbers) once it
/// has opened as a book (another program's file is never touched) and before a command
/// writes to it; `--read-only` changes nothing, not even the mode.
fn make_private(cli: &Cli, lang: Lang) {
    if !cli.read_only
        && let Some(t) = hunvon_app::output::outfile::tighten_book(&cli.db.clone().unwrap_or_else(default_db))
    {
        errln!("{}", t.text(lang));
    }
}
