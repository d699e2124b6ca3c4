//! The terminal UI a treasurer works in all day (SPEC §4), in the Elm shape: keys are
//! translated into actions (keys.rs, one table), `update` changes the model (state.rs,
//! update.rs) and asks `app` for fresh read models, and drawing (view.rs, screens/,
//! popups/) only reads the model. The TUI never speaks SQL: it reads through `app`'s
//! read models and writes through the same use cases as the command line.

pub mod action;
pub mod form;
pub mod forms;
pub mod keys;
pub mod list;
pub mod popups;
pub mod screens;
pub mod state;
pub mod update;
pub mod view;
pub mod widgets;
pub mod words;
pub mod worker;

use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use hunvon_app::App;
use hunvon_core::messages::error::{Error, Result};

use state::Tui;

/// Refuses, in one sentence, to start the TUI without a terminal on both stdin and
/// stdout (a script, a cron job, a pipe): drawing there would fail — ratatui's `init`
/// panics — or, through `/dev/tty`, take over a terminal the output does not go to.
pub fn ensure_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() { Ok(()) } else { Err(Error::NoTerminal) }
}

/// Runs the TUI until the treasurer quits. The terminal is restored on every exit, a
/// panic included (ratatui installs the hook). After a session that wrote to the book,
/// a dated, checked copy goes into `sao-luu/` beside it, and one line says where.
pub fn run(app: App) -> Result<()> {
    ensure_terminal()?;
    let mut terminal = ratatui::try_init().map_err(|_| {
        ratatui::restore();
        Error::NoTerminal
    })?;
    let mut tui = Tui::with_worker(app);
    let result = event_loop(&mut terminal, &mut tui);
    ratatui::restore();
    if tui.wrote {
        let lang = tui.lang();
        match tui.app.daily_backup() {
            Ok(path) => hunvon_app::output::console::outln!("{} {}", words::backed_up_checked_to(lang), path.display()),
            Err(e) => hunvon_app::output::console::errln!("{} {}", words::automatic_backup_failed(lang), e.text(lang)),
        }
    }
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, tui: &mut Tui) -> Result<()> {
    let io = |e: std::io::Error| Error::os(std::path::Path::new("terminal"), &e);
    while !tui.quit {
        terminal.draw(|f| view::render(tui, f)).map_err(io)?;
        tui.frame_drawn();
        // Short polls while slow figures are on their way, so they show as they arrive.
        let wait = if tui.computing() { 50 } else { 500 };
        if event::poll(Duration::from_millis(wait)).map_err(io)? {
            match event::read().map_err(io)? {
                // Only presses: Windows also reports releases and repeats.
                Event::Key(key) if key.kind == KeyEventKind::Press => tui.press(key),
                Event::Paste(text) => {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        tui.update(action::Action::Type(c));
                    }
                }
                _ => {}
            }
        } else {
            tui.tick();
        }
    }
    Ok(())
}
