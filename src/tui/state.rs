//! The TUI's model: the screen shown, the layers open on top of it (forms, popups,
//! questions), each screen's data, and the slow figures. `update` (in update.rs) changes
//! it; the drawing code only reads it.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use hunvon_app::App;
use hunvon_app::views::{Overview, Watch};
use hunvon_core::messages::i18n::Lang;

use super::action::Action;
use super::forms::FormKind;
use super::keys::{self, Place};
use super::popups::Layer;
use super::screens::{
    Screen, book::BookScreen, insurance::InsuranceScreen, people::PeopleScreen, reports::ReportsScreen,
    settings::SettingsScreen,
};
use super::worker::Worker;

pub struct Tui {
    pub app: App,
    pub screen: Screen,
    /// What is open on top of the screen, the topmost last. Esc closes the topmost.
    pub layers: Vec<Layer>,
    pub status: String,
    pub quit: bool,
    /// Whether this session wrote to the book (the automatic backup on closing).
    pub wrote: bool,
    pub overview: Overview,
    /// On a book of several pools opened without `--pool` (a district's): one row per
    /// chapter, as `report district` prints them.
    pub district: Option<hunvon_app::district::DistrictView>,
    pub people: PeopleScreen,
    pub book: BookScreen,
    pub insurance: InsuranceScreen,
    pub reports: ReportsScreen,
    pub settings: SettingsScreen,
    /// Cover and dues figures; `None` while the first computation runs.
    pub watch: Option<Watch>,
    /// The day the insurance screen looks at.
    pub as_of: NaiveDate,
    /// Where papers, slips and CSV lists are written.
    pub papers: std::path::PathBuf,
    generation: u64,
    worker: Option<Worker>,
    /// Whether the slow figures should be computed in the background.
    background: bool,
    data_version: i64,
}

impl Tui {
    /// A TUI whose slow figures are computed in place (tests, benchmarks of one step).
    pub fn new(app: App) -> Tui {
        let mut t = Tui::blank(app);
        t.start();
        t
    }

    /// A TUI whose slow figures are computed on a second connection in the background,
    /// so the first frame does not wait for them.
    pub fn with_worker(app: App) -> Tui {
        let mut t = Tui::blank(app);
        t.background = true;
        t.pool_created();
        t.start();
        t
    }

    fn blank(app: App) -> Tui {
        let today = app.clock.today;
        Tui {
            screen: Screen::Dashboard,
            layers: Vec::new(),
            status: String::new(),
            quit: false,
            wrote: false,
            overview: Overview::default(),
            district: None,
            people: PeopleScreen::default(),
            book: BookScreen::new(today),
            insurance: InsuranceScreen::default(),
            reports: ReportsScreen::new(today),
            settings: SettingsScreen::default(),
            watch: None,
            as_of: today,
            papers: app.papers_dir(),
            generation: 0,
            worker: None,
            background: false,
            data_version: 0,
            app,
        }
    }

    /// Starts the background worker once the book has a pool (after the first run too).
    pub fn pool_created(&mut self) {
        if self.background
            && self.worker.is_none()
            && self.app.pool().is_ok()
            && let Ok(view) = self.app.reopen_read_only()
        {
            self.worker = Some(Worker::start(view));
        }
    }

    fn start(&mut self) {
        if self.app.pool().is_err() && self.app.pools().is_empty() && !self.read_only() {
            self.open_form(FormKind::CreatePool);
        }
        self.refresh();
    }

    /// Read-only book, or a chapter's pool collected into a district book: every key
    /// that writes is hidden either way.
    pub fn read_only(&self) -> bool {
        self.app.is_read_only() || self.app.pool_is_collected()
    }

    pub fn lang(&self) -> Lang {
        self.app.lang
    }

    pub fn today(&self) -> NaiveDate {
        self.app.clock.today
    }

    /// Re-reads what the screens show, keeping every selection on the same person or
    /// voucher, and asks for the slow figures again.
    pub fn refresh(&mut self) {
        self.data_version = self.app.data_version();
        let _ = self.app.refresh_pools();
        if self.app.pool().is_err() {
            self.district =
                if self.app.pools().len() > 1 { self.app.district_view(self.app.clock.today).ok() } else { None };
            return;
        }
        let (people, book, settings) = (&mut self.people, &mut self.book, &mut self.settings);
        let overview = self.app.overview_beside(|app| {
            people.reload(app);
            book.reload(app);
            settings.reload(app);
        });
        if let Ok(o) = overview {
            self.overview = o;
        }
        self.ask_watch();
    }

    /// Asks for the cover and dues figures as of `self.as_of`.
    pub fn ask_watch(&mut self) {
        self.generation += 1;
        match &self.worker {
            Some(w) => w.ask(self.generation, self.as_of),
            None => {
                if let Ok(w) = self.app.watch(self.as_of) {
                    self.set_watch(w);
                }
            }
        }
    }

    fn set_watch(&mut self, w: Watch) {
        // The figures they replace are freed on another thread: on a province's pool,
        // a few hundred thousand strings the next key need not wait for.
        if let Some(old) = self.watch.replace(w) {
            hunvon_app::let_go(old);
        }
        self.insurance.refilter(self.watch.as_ref());
    }

    /// Between keys: takes in finished figures, and refreshes when another program
    /// wrote to the book.
    pub fn tick(&mut self) {
        if let Some((generation, result)) = self.worker.as_ref().and_then(Worker::poll) {
            match result {
                _ if generation != self.generation => hunvon_app::let_go(result),
                Ok(w) => self.set_watch(w),
                Err(e) => self.status = e.text(self.lang()),
            }
        }
        if self.app.data_version() != self.data_version {
            self.refresh();
        }
    }

    /// Waits until the slow figures asked for last have arrived (tests, benchmarks).
    pub fn settle(&mut self) {
        while let Some((generation, result)) = self.worker.as_ref().and_then(Worker::wait) {
            if generation == self.generation {
                if let Ok(w) = result {
                    self.set_watch(w);
                }
                break;
            }
        }
    }

    /// A frame is on the screen (the first one lets the background figures start).
    pub fn frame_drawn(&mut self) {
        if let Some(w) = &mut self.worker {
            w.frame_drawn();
        }
    }

    /// Makes dropping this TUI wait for its background computation (benchmarks).
    pub fn join_on_drop(&mut self) {
        if let Some(w) = &mut self.worker {
            w.join_on_drop = true;
        }
    }

    /// Whether the slow figures are still being computed.
    pub fn computing(&self) -> bool {
        self.watch.as_ref().is_none_or(|w| w.as_of != self.as_of)
    }

    /// Where keys are read now: the topmost popup, or the screen.
    pub fn place(&self) -> Place {
        match self.layers.last() {
            Some(l) if l.place().is_some() => l.place().unwrap_or(Place::Dashboard),
            _ => match self.screen {
                Screen::Dashboard => Place::Dashboard,
                Screen::Members if self.people.households => Place::Households,
                Screen::Members => Place::People,
                Screen::CashBook => Place::Book,
                Screen::Insurance => Place::Insurance,
                Screen::Reports => Place::Reports,
                Screen::Settings => Place::Settings,
            },
        }
    }

    /// Turns a key press into an action, given what is open.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let typing = matches!(self.layers.last(), Some(Layer::Form(_) | Layer::Filter | Layer::Confirm(_)));
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(if typing || !self.layers.is_empty() { Action::Back } else { Action::Quit });
        }
        if key.code == KeyCode::Esc {
            return Some(Action::Back);
        }
        match self.layers.last() {
            Some(Layer::Confirm(_)) => Some(match key.code {
                KeyCode::Char('y' | 'c' | 'Y' | 'C') | KeyCode::Enter => Action::Yes,
                _ => Action::No,
            }),
            Some(Layer::Form(_) | Layer::Filter) => {
                if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('u') {
                    return Some(Action::ClearField);
                }
                // Other Ctrl and Alt combinations never type letters.
                if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
                    return None;
                }
                Some(match key.code {
                    KeyCode::Enter => Action::Submit,
                    KeyCode::Tab => Action::NextField,
                    KeyCode::BackTab => Action::PrevField,
                    KeyCode::Down => Action::Down,
                    KeyCode::Up => Action::Up,
                    KeyCode::Backspace => Action::Backspace,
                    KeyCode::Delete => Action::Delete,
                    KeyCode::Left => Action::Left,
                    KeyCode::Right => Action::Right,
                    KeyCode::Home => Action::Home,
                    KeyCode::End => Action::End,
                    KeyCode::Char(c) => Action::Type(c),
                    _ => return None,
                })
            }
            _ => keys::action_for(key, self.place(), self.read_only()),
        }
    }

    /// A key press: its action, applied.
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(a) = self.action_for(key) {
            self.update(a);
        }
    }
}
