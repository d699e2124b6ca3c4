//! Typing into the TUI model from a test: `<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`,
//! `<Down>`, `<Up>`, `<Left>`, `<Right>`, `<PgDn>`, `<Home>`, `<End>`, `<Bksp>` are keys,
//! `<C-u>` is Ctrl-U; every other character is typed.

use hunvon::tui::state::Tui;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn press(t: &mut Tui, code: KeyCode) {
    t.press(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn keys(t: &mut Tui, script: &str) {
    let mut chars = script.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            press(t, KeyCode::Char(c));
            continue;
        }
        let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
        if let Some(c) = name.strip_prefix("C-").and_then(|c| c.chars().next()) {
            t.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            continue;
        }
        let code = match name.as_str() {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Down" => KeyCode::Down,
            "Up" => KeyCode::Up,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Bksp" => KeyCode::Backspace,
            other => panic!("unknown key <{other}>"),
        };
        press(t, code);
    }
}
