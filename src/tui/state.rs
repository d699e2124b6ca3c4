//! The TUI's state and how actions change it (the Elm shape: keys → `Action` →
//! `update` → `render`). It calls the same `app` use cases as the command line and never
//! touches SQL itself.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::App;
use crate::app::coverage::CoverageRow;
use crate::app::insurance::{BhxhRequest, BhytRequest};
use crate::app::people::PersonInput;
use crate::date::format_vn;
use crate::ledger::identity::Identity;
use crate::report::Format;
use crate::store::pages::{CashRow, PersonRow};

use super::form::{Field, FieldKind, Form, FormKind};

/// The six screens, by number key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Members,
    CashBook,
    Insurance,
    Reports,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 6] =
        [Screen::Dashboard, Screen::Members, Screen::CashBook, Screen::Insurance, Screen::Reports, Screen::Settings];

    pub fn title(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Screen::Dashboard => lang.pick("Tổng quan", "Overview"),
            Screen::Members => lang.pick("Thành viên", "Members"),
            Screen::CashBook => lang.pick("Sổ quỹ", "Cash book"),
            Screen::Insurance => lang.pick("Bảo hiểm", "Insurance"),
            Screen::Reports => lang.pick("Báo cáo", "Reports"),
            Screen::Settings => lang.pick("Cài đặt", "Settings"),
        }
    }

    fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// What is drawn over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Filter,
    Form(Box<Form>, Vec<String>),
    /// A question, and the form it is about.
    Confirm(String, Confirming),
    Detail,
}

/// What a yes/no question decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirming {
    /// Dropping a half-filled form: yes drops it, no goes back to it.
    Drop(Box<Form>, Vec<String>),
    /// Submitting a form that cannot be undone quietly (a reversal).
    Submit(Box<Form>),
}

/// Everything a key can ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Goto(Screen),
    NextScreen,
    PrevScreen,
    Up,
    Down,
    PageUp,
    PageDown,
    Help,
    Filter,
    Add,
    Edit,
    Contribute,
    Buy,
    BuyBhxh,
    Reverse,
    Dues,
    Open,
    Back,
    Type(char),
    Backspace,
    Delete,
    Left,
    Right,
    NextField,
    PrevField,
    Submit,
    Yes,
    No,
    ToggleMouse,
    CycleFormat,
}

/// Rows shown on one page of a list.
pub const PAGE: usize = 200;

/// The dashboard's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    pub identity: Identity,
    pub people: i64,
    pub counts: crate::app::coverage::CoverageCounts,
    pub arrears: crate::money::Dong,
    pub last: Vec<CashRow>,
}

pub struct Tui {
    pub app: App,
    pub screen: Screen,
    pub overlay: Overlay,
    pub status: String,
    pub quit: bool,
    pub mouse: bool,
    pub filter: String,
    pub overview: Overview,
    pub people: Vec<PersonRow>,
    pub people_total: i64,
    pub person_sel: usize,
    pub cash: Vec<CashRow>,
    pub cash_sel: usize,
    pub cover: Vec<CoverageRow>,
    pub cover_sel: usize,
    pub report: usize,
    pub format: Format,
    pub data_version: i64,
}

pub const REPORTS: [&str; 7] = ["summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors"];

impl Tui {
    pub fn new(app: App) -> Tui {
        let mut t = Tui {
            app,
            screen: Screen::Dashboard,
            overlay: Overlay::None,
            status: String::new(),
            quit: false,
            mouse: false,
            filter: String::new(),
            overview: Overview::default(),
            people: Vec::new(),
            people_total: 0,
            person_sel: 0,
            cash: Vec::new(),
            cash_sel: 0,
            cover: Vec::new(),
            cover_sel: 0,
            report: 0,
            format: Format::Pdf,
            data_version: 0,
        };
        if t.app.pool().is_err() && t.app.pools().is_empty() && !t.read_only() {
            t.open_form(FormKind::CreatePool);
        }
        t.refresh();
        t
    }

    pub fn read_only(&self) -> bool {
        self.app.store.read_only
    }

    pub fn lang(&self) -> crate::i18n::Lang {
        self.app.lang
    }

    pub fn today(&self) -> NaiveDate {
        self.app.clock.today
    }

    /// Re-reads what the screens show (after a write, or when another process wrote).
    pub fn refresh(&mut self) {
        self.data_version = self.app.store.data_version().unwrap_or(0);
        let _ = self.app.refresh_pools();
        let Ok(pool) = self.app.pool().cloned() else { return };
        if let Ok(balances) = self.app.store.account_balances(pool.id) {
            self.overview.identity = Identity::from_balances(balances.iter().map(|(a, d)| (a, *d)));
        }
        self.overview.people = self.app.store.person_count(pool.id, "").unwrap_or(0);
        self.overview.counts = self.app.coverage_counts(self.today()).unwrap_or_default();
        self.overview.arrears =
            self.app.arrears_rows(&pool, self.today()).map(|r| r.iter().map(|a| a.owed).sum()).unwrap_or_default();
        let far = (NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(), i64::MAX);
        self.overview.last = self.app.store.cash_page(pool.id, "cash", far, 8).unwrap_or_default();
        let folded = crate::text::fold(&self.filter);
        self.people = self.app.store.person_page(pool.id, &folded, "", PAGE).unwrap_or_default();
        self.people_total = self.app.store.person_count(pool.id, &folded).unwrap_or(0);
        self.person_sel = self.person_sel.min(self.people.len().saturating_sub(1));
        self.cash = self.app.store.cash_page(pool.id, "cash", far, PAGE).unwrap_or_default();
        self.cash_sel = self.cash_sel.min(self.cash.len().saturating_sub(1));
        let mut cover = self.app.coverage_rows(self.today()).unwrap_or_default();
        if !self.filter.is_empty() {
            cover.retain(|r| crate::text::matches(&r.full_name, &self.filter));
        }
        self.cover = cover;
        self.cover_sel = self.cover_sel.min(self.cover.len().saturating_sub(1));
    }

    /// Loads the next page of people when the selection reaches the end of the window.
    fn more_people(&mut self) {
        let Ok(pool) = self.app.pool().cloned() else { return };
        let folded = crate::text::fold(&self.filter);
        if let Some(last) = self.people.last().map(|p| p.code.clone())
            && let Ok(more) = self.app.store.person_page(pool.id, &folded, &last, PAGE)
        {
            self.people.extend(more);
        }
    }

    fn more_cash(&mut self) {
        let Ok(pool) = self.app.pool().cloned() else { return };
        if let Some(last) = self.cash.last().map(|c| (c.date, c.id))
            && let Ok(more) = self.app.store.cash_page(pool.id, "cash", last, PAGE)
        {
            self.cash.extend(more);
        }
    }

    /// Polls SQLite's data_version: another process committed → refresh.
    pub fn tick(&mut self) {
        if let Ok(v) = self.app.store.data_version()
            && v != self.data_version
        {
            self.refresh();
        }
    }

    /// Turns a key press into an action, given what is open.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        match &self.overlay {
            Overlay::Help | Overlay::Detail => Some(Action::Back),
            Overlay::Confirm(..) => match key.code {
                KeyCode::Char('y' | 'c' | 'Y' | 'C') | KeyCode::Enter => Some(Action::Yes),
                _ => Some(Action::No),
            },
            Overlay::Filter | Overlay::Form(..) => match key.code {
                KeyCode::Esc => Some(Action::Back),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
                KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Delete => Some(Action::Delete),
                KeyCode::Left => Some(Action::Left),
                KeyCode::Right => Some(Action::Right),
                KeyCode::Char(c) => Some(Action::Type(c)),
                _ => None,
            },
            Overlay::None => {
                let writes = !self.read_only();
                match key.code {
                    KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
                    KeyCode::Char(c @ '1'..='6') => {
                        Screen::ALL.get(usize::from(c as u8 - b'1')).map(|s| Action::Goto(*s))
                    }
                    KeyCode::Tab => Some(Action::NextScreen),
                    KeyCode::BackTab => Some(Action::PrevScreen),
                    KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
                    KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
                    KeyCode::PageUp => Some(Action::PageUp),
                    KeyCode::PageDown => Some(Action::PageDown),
                    KeyCode::Char('?') | KeyCode::F(1) => Some(Action::Help),
                    KeyCode::Char('/') => Some(Action::Filter),
                    KeyCode::Char('m') => Some(Action::ToggleMouse),
                    KeyCode::Enter => Some(Action::Open),
                    KeyCode::Left if self.screen == Screen::Reports => Some(Action::Up),
                    KeyCode::Right if self.screen == Screen::Reports => Some(Action::Down),
                    KeyCode::Char('f') if self.screen == Screen::Reports => Some(Action::CycleFormat),
                    KeyCode::Char('a') if writes && self.screen == Screen::Members => Some(Action::Add),
                    KeyCode::Char('e') if writes && self.screen == Screen::Members => Some(Action::Edit),
                    KeyCode::Char('c') if writes => Some(Action::Contribute),
                    KeyCode::Char('b') if writes && self.screen == Screen::Insurance => Some(Action::Buy),
                    KeyCode::Char('x') if writes && self.screen == Screen::Insurance => Some(Action::BuyBhxh),
                    KeyCode::Char('r') if writes && self.screen == Screen::CashBook => Some(Action::Reverse),
                    KeyCode::Char('d') if writes && self.screen == Screen::Settings => Some(Action::Dues),
                    _ => None,
                }
            }
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit && !matches!(self.overlay, Overlay::Form(..) | Overlay::Filter) {
            self.quit = true;
            return;
        }
        match &self.overlay {
            Overlay::Help | Overlay::Detail => self.overlay = Overlay::None,
            Overlay::Confirm(_, about) => {
                let about = about.clone();
                self.overlay = Overlay::None;
                match (about, action == Action::Yes) {
                    (Confirming::Drop(..), true) => {}
                    (Confirming::Drop(form, initial), false) => self.overlay = Overlay::Form(form, initial),
                    (Confirming::Submit(form), true) => self.submit(*form),
                    (Confirming::Submit(form), false) => {
                        let initial = form.fields.iter().map(|_| String::new()).collect();
                        self.overlay = Overlay::Form(form, initial);
                    }
                }
            }
            Overlay::Filter => self.filter_key(action),
            Overlay::Form(..) => self.form_key(action),
            Overlay::None => self.normal(action),
        }
    }

    fn normal(&mut self, action: Action) {
        let i = self.screen.index();
        match action {
            Action::Goto(s) => self.screen = s,
            Action::NextScreen => self.screen = Screen::ALL[(i + 1) % 6],
            Action::PrevScreen => self.screen = Screen::ALL[(i + 5) % 6],
            Action::Up => self.move_sel(-1),
            Action::Down => self.move_sel(1),
            Action::PageUp => self.move_sel(-20),
            Action::PageDown => self.move_sel(20),
            Action::Help => self.overlay = Overlay::Help,
            Action::Filter if matches!(self.screen, Screen::Members | Screen::Insurance) => {
                self.overlay = Overlay::Filter
            }
            Action::ToggleMouse => self.mouse = !self.mouse,
            Action::Add => self.open_form(FormKind::AddPerson),
            Action::Edit if !self.people.is_empty() => self.open_form(FormKind::EditPerson),
            Action::Contribute => self.open_form(FormKind::Contribute),
            Action::Buy => self.open_form(FormKind::BuyBhyt),
            Action::BuyBhxh => self.open_form(FormKind::BuyBhxh),
            Action::Reverse => self.open_form(FormKind::Reverse),
            Action::Dues => self.open_form(FormKind::Dues),
            Action::CycleFormat => {
                self.format = match self.format {
                    Format::Pdf => Format::Html,
                    Format::Html => Format::Csv,
                    Format::Csv => Format::Text,
                    _ => Format::Pdf,
                }
            }
            Action::Open if self.screen == Screen::Members && !self.people.is_empty() => self.overlay = Overlay::Detail,
            Action::Open if self.screen == Screen::Reports => self.write_report(),
            _ => {}
        }
    }

    fn move_sel(&mut self, by: isize) {
        let step = |sel: &mut usize, len: usize| {
            let next = (*sel as isize + by).clamp(0, len.saturating_sub(1) as isize);
            *sel = next as usize;
        };
        match self.screen {
            Screen::Members => {
                step(&mut self.person_sel, self.people.len());
                if self.person_sel + 1 >= self.people.len() {
                    self.more_people();
                }
            }
            Screen::CashBook => {
                step(&mut self.cash_sel, self.cash.len());
                if self.cash_sel + 1 >= self.cash.len() {
                    self.more_cash();
                }
            }
            Screen::Insurance => step(&mut self.cover_sel, self.cover.len()),
            Screen::Reports => {
                let mut r = self.report;
                step(&mut r, REPORTS.len());
                self.report = r;
            }
            _ => {}
        }
    }

    fn filter_key(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.filter.push(c),
            Action::Backspace => {
                self.filter.pop();
            }
            Action::Submit => self.overlay = Overlay::None,
            Action::Back => {
                self.filter.clear();
                self.overlay = Overlay::None;
            }
            _ => return,
        }
        self.person_sel = 0;
        self.cover_sel = 0;
        self.refresh();
    }

    /// Opens a form, prefilled from the selection where that helps.
    pub fn open_form(&mut self, kind: FormKind) {
        let lang = self.lang();
        let today = crate::date::format_vn(self.today());
        let person = match self.screen {
            Screen::Members => self.people.get(self.person_sel).map(|p| p.code.clone()),
            Screen::Insurance => self.cover.get(self.cover_sel).map(|r| r.code.clone()),
            _ => None,
        }
        .unwrap_or_default();
        let (title, fields) = match kind {
            FormKind::CreatePool => (
                lang.pick("Đặt tên quỹ (lần đầu dùng hunvon)", "Name the pool (first run)"),
                vec![
                    Field::new(lang.pick("Mã quỹ", "Pool code"), "--pool", FieldKind::Code, "TO1"),
                    Field::new(lang.pick("Tên quỹ", "Pool name"), "--name", FieldKind::Required, ""),
                    Field::new(lang.pick("Tiền mặt đầu kỳ", "Opening cash"), "--cash", FieldKind::Money, ""),
                    Field::new(lang.pick("Mức đóng hằng tháng", "Monthly dues"), "--amount", FieldKind::Money, ""),
                ],
            ),
            FormKind::AddPerson => (
                lang.pick("Thêm người", "Add a person"),
                vec![
                    Field::new(lang.pick("Mã", "Code"), "--code", FieldKind::Code, ""),
                    Field::new(lang.pick("Họ tên", "Full name"), "--name", FieldKind::Required, ""),
                    Field::new(lang.pick("Mã hộ", "Household"), "--household", FieldKind::Code, ""),
                    Field::new(
                        lang.pick("Vào tổ ngày (thành viên)", "Joined (member)"),
                        "--joined",
                        FieldKind::Date,
                        &today,
                    ),
                ],
            ),
            FormKind::EditPerson => {
                let p = self.app.person(&person).ok().unwrap_or_default();
                let date = |d: Option<NaiveDate>| d.map(crate::date::format_vn).unwrap_or_default();
                (
                    lang.pick("Sửa thông tin người (ghi vào nhật ký sửa)", "Edit a person (kept in the audit log)"),
                    vec![
                        Field::new(lang.pick("Mã", "Code"), "CODE", FieldKind::Code, &p.code),
                        Field::new(lang.pick("Họ tên", "Full name"), "--name", FieldKind::Required, &p.full_name),
                        Field::new(
                            lang.pick("Mã hộ", "Household"),
                            "--household",
                            FieldKind::Code,
                            &p.household_code.clone().unwrap_or_default(),
                        ),
                        Field::new(lang.pick("Đối tượng", "Category"), "--category", FieldKind::Text, &p.category),
                        Field::new(
                            lang.pick("Điện thoại", "Phone"),
                            "--phone",
                            FieldKind::Text,
                            &p.phone.clone().unwrap_or_default(),
                        ),
                        Field::new(lang.pick("Vào tổ ngày", "Joined"), "--joined", FieldKind::Date, &date(p.joined)),
                    ],
                )
            }
            FormKind::Contribute => (
                lang.pick("Thu tiền góp", "Contribution"),
                vec![
                    Field::new(lang.pick("Mã người", "Person"), "--person", FieldKind::Code, &person),
                    Field::new(lang.pick("Số tiền", "Amount"), "--amount", FieldKind::Money, ""),
                    Field::new(lang.pick("Ngày", "Date"), "--date", FieldKind::Date, &today),
                    Field::new(lang.pick("Tiền mặt/ngân hàng", "Cash/bank"), "--method", FieldKind::Method, "cash"),
                    Field::new(lang.pick("Ghi chú", "Note"), "--note", FieldKind::Text, ""),
                ],
            ),
            FormKind::BuyBhyt => (
                lang.pick("Mua thẻ BHYT cho hộ", "Buy BHYT for a household"),
                vec![
                    Field::new(
                        lang.pick("Mã người (cách nhau dấu phẩy)", "Persons (comma separated)"),
                        "--person",
                        FieldKind::Text,
                        &person,
                    ),
                    Field::new(
                        lang.pick("Số tháng (3, 6, 12)", "Months (3, 6, 12)"),
                        "--months",
                        FieldKind::Months,
                        "12",
                    ),
                    Field::new(lang.pick("Ngày đóng", "Paid on"), "--date", FieldKind::Date, &today),
                    Field::new(lang.pick("Số biên lai", "Receipt no."), "--receipt", FieldKind::Text, ""),
                ],
            ),
            FormKind::BuyBhxh => (
                lang.pick("Đóng BHXH tự nguyện", "Pay voluntary BHXH"),
                vec![
                    Field::new(lang.pick("Mã người", "Person"), "--person", FieldKind::Code, &person),
                    Field::new(
                        lang.pick("Số tháng (1, 3, 6, 12)", "Months (1, 3, 6, 12)"),
                        "--months",
                        FieldKind::Months,
                        "1",
                    ),
                    Field::new(
                        lang.pick("Thu nhập chọn đóng", "Chosen income"),
                        "--income",
                        FieldKind::Money,
                        "1.500.000",
                    ),
                    Field::new(lang.pick("Ngày đóng", "Paid on"), "--date", FieldKind::Date, &today),
                    Field::new(lang.pick("Số biên lai", "Receipt no."), "--receipt", FieldKind::Text, ""),
                ],
            ),
            FormKind::Reverse => {
                let voucher = self.cash.get(self.cash_sel).map(|c| c.voucher.clone()).unwrap_or_default();
                (
                    lang.pick("Hủy chứng từ", "Reverse a voucher"),
                    vec![
                        Field::new(lang.pick("Số chứng từ", "Voucher"), "VOUCHER", FieldKind::Required, &voucher),
                        Field::new(lang.pick("Lý do", "Reason"), "--reason", FieldKind::Required, ""),
                        Field::new(lang.pick("Ngày", "Date"), "--date", FieldKind::Date, &today),
                    ],
                )
            }
            FormKind::Dues => (
                lang.pick("Mức đóng hằng tháng", "Monthly dues"),
                vec![
                    Field::new(lang.pick("Số tiền mỗi tháng", "Amount a month"), "--amount", FieldKind::Money, ""),
                    Field::new(lang.pick("Từ ngày", "From"), "--from", FieldKind::Date, &today),
                ],
            ),
        };
        let initial: Vec<String> = fields.iter().map(|f| f.value.clone()).collect();
        // The cursor waits in the first empty field; a purchase starts at its persons, which
        // the treasurer usually extends to the whole household.
        let focus = if matches!(kind, FormKind::BuyBhyt | FormKind::BuyBhxh) {
            0
        } else {
            fields.iter().position(|f| f.value.is_empty()).unwrap_or(0)
        };
        let mut form = Form { kind, title: title.into(), fields, focus, message: None, live: Vec::new() };
        self.live(&mut form);
        self.overlay = Overlay::Form(Box::new(form), initial);
    }

    fn form_key(&mut self, action: Action) {
        let Overlay::Form(form, initial) = &mut self.overlay else { return };
        let mut form = (**form).clone();
        let initial = initial.clone();
        match action {
            Action::Type(c) => form.focused().insert(c),
            Action::Backspace => form.focused().backspace(),
            Action::Delete => form.focused().delete(),
            Action::Left => form.focused().left(),
            Action::Right => form.focused().right(),
            Action::NextField => form.focus = (form.focus + 1) % form.fields.len(),
            Action::PrevField => form.focus = (form.focus + form.fields.len() - 1) % form.fields.len(),
            Action::Back => {
                if form.touched(&initial) {
                    let ask = self.lang().pick(
                        "Bỏ phiếu đang nhập dở? (c = có, phím khác = không)",
                        "Drop this half-filled form? (y = yes, any other key = no)",
                    );
                    self.overlay = Overlay::Confirm(ask.into(), Confirming::Drop(Box::new(form), initial));
                } else {
                    self.overlay = Overlay::None;
                }
                return;
            }
            Action::Submit => {
                if form.kind == FormKind::Reverse {
                    let ask = match self.lang() {
                        crate::i18n::Lang::Vi => format!(
                            "Hủy chứng từ {} với lý do \"{}\"? (c = có)",
                            form.value("VOUCHER"),
                            form.value("--reason")
                        ),
                        crate::i18n::Lang::En => format!(
                            "Reverse {} because \"{}\"? (y = yes)",
                            form.value("VOUCHER"),
                            form.value("--reason")
                        ),
                    };
                    self.overlay = Overlay::Confirm(ask, Confirming::Submit(Box::new(form)));
                } else {
                    self.submit(form);
                }
                return;
            }
            _ => {}
        }
        self.live(&mut form);
        self.overlay = Overlay::Form(Box::new(form), initial);
    }

    /// Validates as you type: every field's error, and the live figure (grouped amount,
    /// BHYT quote with ladder positions).
    fn live(&self, form: &mut Form) {
        let (lang, today) = (self.lang(), self.today());
        form.live.clear();
        for f in form.fields.iter_mut() {
            if let Some(shown) = f.check(lang, today)
                && f.kind == FieldKind::Money
            {
                form.live.push(format!("{}: {shown}", f.label));
            }
        }
        if form.kind == FormKind::BuyBhxh && !form.value("--person").is_empty() {
            let req = BhxhRequest {
                person: form.value("--person"),
                months: form.value("--months"),
                income: form.value("--income"),
                date: form.value("--date"),
                ..Default::default()
            };
            match self.app.quote_bhxh(&req) {
                Ok(q) => {
                    for p in &q.persons {
                        if let (Some(f), Some(to)) = (p.from_month, p.to_month) {
                            form.live.push(format!(
                                "{} {} · {}/{} · {f}–{to} · {} {}",
                                p.code,
                                p.full_name,
                                p.monthly,
                                lang.pick("tháng", "month"),
                                p.supported_months.unwrap_or(0),
                                lang.pick("tháng được hỗ trợ", "supported months")
                            ));
                        }
                    }
                    form.live.push(format!("{} {}", lang.pick("Tổng:", "Total:"), q.total));
                }
                Err(e) => form.live.push(e.text(lang)),
            }
        }
        if form.kind == FormKind::BuyBhyt && !form.value("--person").is_empty() {
            let req = BhytRequest {
                persons: form.value("--person"),
                months: form.value("--months"),
                date: form.value("--date"),
                ..Default::default()
            };
            match self.app.quote_bhyt(&req) {
                Ok(q) => {
                    for p in &q.persons {
                        let pos = p.position.map_or_else(
                            || lang.pick("không tính bậc", "no ladder").to_string(),
                            |n| format!("{} {n}", lang.pick("người thứ", "person")),
                        );
                        let dates = match (p.card_from, p.card_to) {
                            (Some(f), Some(t)) => format!("{}–{}", format_vn(f), format_vn(t)),
                            _ => String::new(),
                        };
                        form.live.push(format!("{} {} · {pos} · {} · {dates}", p.code, p.full_name, p.amount));
                    }
                    form.live.push(format!("{} {}", lang.pick("Tổng:", "Total:"), q.total));
                }
                Err(e) => form.live.push(e.text(lang)),
            }
        }
    }

    /// Calls the use case behind a form; shows the voucher it made or the refusal.
    fn submit(&mut self, mut form: Form) {
        let lang = self.lang();
        let result: crate::error::Result<String> = match form.kind {
            FormKind::CreatePool => self.app.init_pool(&form.value("--pool"), &form.value("--name")).and_then(|p| {
                // The guided first run: the pool, its dues, the cash it already has.
                let date = crate::date::format_iso(self.app.clock.today);
                let dues = form.value("--amount");
                if !dues.is_empty() {
                    self.app.set_dues(&dues, &date)?;
                }
                let cash = form.value("--cash");
                if cash.is_empty() {
                    return Ok(format!("{} {}", lang.pick("Đã tạo quỹ", "Created pool"), p.code));
                }
                self.app.opening(&crate::app::moves::OpeningOf::Cash(cash), &date).map(|w| w.line)
            }),
            FormKind::AddPerson => self
                .app
                .add_person(&PersonInput {
                    code: form.value("--code"),
                    full_name: Some(form.value("--name")),
                    household: Some(form.value("--household")),
                    joined: Some(form.value("--joined")),
                    ..Default::default()
                })
                .map(|(p, _)| format!("{} {} — {}", lang.pick("Đã thêm", "Added"), p.code, p.full_name)),
            FormKind::EditPerson => self
                .app
                .edit_person(&PersonInput {
                    code: form.value("CODE"),
                    full_name: Some(form.value("--name")),
                    household: Some(form.value("--household")),
                    category: Some(form.value("--category")),
                    phone: Some(form.value("--phone")),
                    joined: Some(form.value("--joined")),
                    ..Default::default()
                })
                .map(|(p, n, _)| {
                    format!("{} {} — {n} {}", lang.pick("Đã sửa", "Edited"), p.code, lang.pick("thay đổi", "changes"))
                }),
            FormKind::Contribute => self
                .app
                .contribute(
                    &form.value("--person"),
                    &form.value("--amount"),
                    &form.value("--date"),
                    Some(&form.value("--method")),
                    &form.value("--note"),
                )
                .map(|w| w.line),
            FormKind::BuyBhyt => self
                .app
                .buy_bhyt(&BhytRequest {
                    persons: form.value("--person"),
                    months: form.value("--months"),
                    date: form.value("--date"),
                    receipt: Some(form.value("--receipt")),
                    ..Default::default()
                })
                .map(|(w, _)| w.line),
            FormKind::BuyBhxh => self
                .app
                .buy_bhxh(&BhxhRequest {
                    person: form.value("--person"),
                    months: form.value("--months"),
                    income: form.value("--income"),
                    date: form.value("--date"),
                    receipt: Some(form.value("--receipt")),
                    ..Default::default()
                })
                .map(|(w, _)| w.line),
            FormKind::Reverse => {
                self.app.reverse(&form.value("VOUCHER"), &form.value("--reason"), &form.value("--date")).map(|w| w.line)
            }
            FormKind::Dues => self
                .app
                .set_dues(&form.value("--amount"), &form.value("--from"))
                .map(|()| lang.pick("Đã đặt mức đóng hằng tháng.", "Monthly dues set.").to_string()),
        };
        match result {
            Ok(line) => {
                self.status = line;
                // After the first-run setup, a one-screen tour of the keys.
                self.overlay = if form.kind == FormKind::CreatePool { Overlay::Help } else { Overlay::None };
                self.refresh();
            }
            Err(e) => {
                form.message = Some(e.text(lang));
                let initial = form.fields.iter().map(|_| String::new()).collect();
                self.overlay = Overlay::Form(Box::new(form), initial);
            }
        }
    }

    /// Writes the chosen report next to the book and says where.
    fn write_report(&mut self) {
        let lang = self.lang();
        let what = REPORTS[self.report];
        let ext = match self.format {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Text => "txt",
        };
        let dir = self.app.store.path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let file = dir.join(format!("{what}-{}.{ext}", crate::date::format_iso(self.today())));
        let period = self.app.period(None, None, None);
        let bytes = period.and_then(|p| match what {
            "summary" => self.app.report_summary(p, self.format),
            "cashbook" => self.app.report_cashbook(p, crate::ledger::Method::Cash, self.format),
            "balances" => self.app.report_balances(p, self.format),
            "coverage" => self.app.report_coverage(self.app.clock.today, self.format, false),
            "arrears" => self.app.report_arrears(p, self.format),
            "journal" => self.app.report_journal(p, self.format),
            _ => self.app.report_sponsors(p, self.format),
        });
        self.status = match bytes
            .and_then(|b| crate::report::emit(&b, Some(&file), &self.app.store.path, self.format == Format::Csv))
        {
            Ok(()) => format!("{} {}", lang.pick("Đã ghi", "Written to"), file.display()),
            Err(e) => e.text(lang),
        };
    }
}
