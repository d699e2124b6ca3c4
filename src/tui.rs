//! The terminal UI a treasurer works in all day (docs/huong-dan-thu-quy.md): six screens, forms that check
//! as you type, lists paged from SQL, read-only mode for auditors. It calls the same
//! `app` use cases as the command line.

pub mod form;
pub mod keys;
pub mod state;
pub mod view;

use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::error::{Error, Result};

use state::Tui;

/// Refuses, in one sentence, to start the TUI without a terminal on both stdin and
/// stdout (a script, a cron job, a pipe): drawing there would fail — ratatui's `init`
/// panics — or, through `/dev/tty`, take over a terminal the output does not go to.
pub fn ensure_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() { Ok(()) } else { Err(Error::NoTerminal) }
}

/// Runs the TUI until the person quits. The terminal is restored on every exit, a panic
/// included (ratatui installs the hook).
pub fn run(app: App) -> Result<()> {
    ensure_terminal()?;
    let mut terminal = ratatui::try_init().map_err(|_| {
        ratatui::restore();
        Error::NoTerminal
    })?;
    let mut tui = Tui::new(app);
    let result = event_loop(&mut terminal, &mut tui);
    if tui.mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, tui: &mut Tui) -> Result<()> {
    let io = |e: std::io::Error| Error::os(std::path::Path::new("terminal"), &e);
    let mut mouse = false;
    while !tui.quit {
        terminal.draw(|f| view::render(tui, f)).map_err(io)?;
        if event::poll(Duration::from_millis(500)).map_err(io)? {
            match event::read().map_err(io)? {
                // Only presses: Windows also reports releases and repeats.
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if let Some(action) = tui.action_for(key) {
                        tui.update(action);
                    }
                }
                Event::Paste(text) => {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        tui.update(state::Action::Type(c));
                    }
                }
                _ => {}
            }
        } else {
            tui.tick();
        }
        if tui.mouse != mouse {
            mouse = tui.mouse;
            let _ = if mouse {
                execute!(std::io::stdout(), EnableMouseCapture)
            } else {
                execute!(std::io::stdout(), DisableMouseCapture)
            };
        }
    }
    Ok(())
}
