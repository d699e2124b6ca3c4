//! How actions change the model: the screen's own actions, then whatever layer is on
//! top (a form, a question, the filter line, a popup). Every read goes through `app`.

use crate::app::views::{YearMonth, month_bounds};
use crate::ledger::Method;
use crate::report::Format;

use super::action::Action;
use super::forms::{self, Ctx, FormKind, Outcome, Select};
use super::popups::Layer;
use super::popups::confirm::{Confirm, OnYes};
use super::popups::help::Help;
use super::popups::household::HouseholdView;
use super::popups::message::Message;
use super::popups::passbook::PassbookView;
use super::popups::preview::PreviewView;
use super::popups::voucher::VoucherView;
use super::screens::Screen;
use super::screens::insurance::View;
use super::state::Tui;

/// Rows a page key moves.
const PAGE_ROWS: isize = 20;

impl Tui {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Back {
            self.back();
            return;
        }
        match self.layers.last() {
            None => self.on_screen(action),
            Some(Layer::Filter) => self.on_filter(action),
            Some(Layer::Form(_)) => self.on_form(action),
            Some(Layer::Confirm(_)) => self.on_confirm(action),
            Some(_) => self.on_popup(action),
        }
    }

    /// Esc: closes what is open, clears a kept filter; never quits.
    fn back(&mut self) {
        match self.layers.last() {
            None => {
                if !self.list_filter().is_empty() {
                    self.set_filter(String::new());
                } else {
                    self.status = self.lang().pick("Nhấn q để thoát.", "Press q to quit.").into();
                }
            }
            Some(Layer::Filter) => {
                self.layers.pop();
                self.set_filter(String::new());
            }
            Some(Layer::Form(form)) if form.touched() => {
                let lang = self.lang();
                self.layers.push(Layer::Confirm(Box::new(Confirm {
                    title: form.title.clone(),
                    lines: vec![
                        lang.pick(
                            "Bỏ phiếu đang nhập dở? Enter hoặc c = bỏ, phím khác = nhập tiếp.",
                            "Drop this half-filled form? Enter or y = drop, any other key = go on.",
                        )
                        .into(),
                    ],
                    yes: OnYes::DropForm,
                })));
            }
            Some(_) => {
                self.layers.pop();
            }
        }
    }

    fn list_filter(&self) -> String {
        match self.screen {
            Screen::Members => self.people.filter().to_string(),
            Screen::Insurance => self.insurance.filter.clone(),
            _ => String::new(),
        }
    }

    fn set_filter(&mut self, text: String) {
        match self.screen {
            Screen::Members => {
                *self.people.filter_mut() = text;
                self.people.refilter(&self.app);
            }
            Screen::Insurance => {
                self.insurance.filter = text;
                self.insurance.picker.sel = 0;
                self.insurance.refilter(self.watch.as_ref());
            }
            _ => {}
        }
    }

    fn on_filter(&mut self, action: Action) {
        let mut text = self.list_filter();
        match action {
            Action::Type(c) => text.push(c),
            Action::Backspace => {
                text.pop();
            }
            Action::Submit => {
                self.layers.pop();
                return;
            }
            _ => return,
        }
        self.set_filter(text);
    }

    fn move_list(&mut self, delta: isize, ends: Option<bool>) {
        match self.screen {
            Screen::Members => match ends {
                Some(end) => self.people.ends(&self.app, end),
                None => self.people.move_by(&self.app, delta),
            },
            Screen::CashBook => match ends {
                Some(end) => self.book.to_end(&self.app, end),
                None => self.book.move_by(&self.app, delta),
            },
            Screen::Insurance => {
                let len = self.insurance.rows.len();
                let d = ends.map_or(delta, |end| if end { isize::MAX / 2 } else { -(isize::MAX / 2) });
                self.insurance.picker.move_by(d, len);
            }
            Screen::Reports => {
                let d = ends.map_or(delta, |end| if end { 100 } else { -100 });
                self.reports.picker.move_by(d, crate::app::views::Paper::ALL.len());
            }
            Screen::Settings => {
                let len = self.settings.lines(self.lang(), self.settings.width.get().max(20)).len();
                let d = ends.map_or(delta, |end| if end { isize::MAX / 2 } else { -(isize::MAX / 2) });
                self.settings.picker.move_by(d, len);
            }
            Screen::Dashboard => {}
        }
    }

    fn on_screen(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Goto(s) => self.screen = s,
            Action::NextScreen => self.screen = self.screen.next(),
            Action::PrevScreen => self.screen = self.screen.prev(),
            Action::Up => self.move_list(-1, None),
            Action::Down => self.move_list(1, None),
            Action::PageUp => self.move_list(-PAGE_ROWS, None),
            Action::PageDown => self.move_list(PAGE_ROWS, None),
            Action::Home => self.move_list(0, Some(false)),
            Action::End => self.move_list(0, Some(true)),
            Action::Help => self.layers.push(Layer::Help(Help { place: self.place(), scroll: 0 })),
            Action::Filter => self.layers.push(Layer::Filter),
            Action::Open => self.open_selected(),
            Action::New(kind) => self.open_form(kind),
            Action::SwitchBook => {
                let other = if self.book.method == Method::Cash { Method::Bank } else { Method::Cash };
                self.book.switch(&self.app, other, self.book.month);
            }
            Action::PrevPeriod | Action::NextPeriod => {
                let by = if action == Action::NextPeriod { 1 } else { -1 };
                if self.screen == Screen::CashBook {
                    let month = self.book.month.plus(by);
                    if month_bounds(month).0 <= self.today() {
                        self.book.switch(&self.app, self.book.method, month);
                    }
                } else {
                    let today = self.today();
                    self.reports.step(by, today);
                }
            }
            Action::ToggleHouseholds => self.people.households = !self.people.households,
            Action::NextView => {
                self.insurance.view = self.insurance.view.next();
                self.insurance.picker.sel = 0;
                self.insurance.refilter(self.watch.as_ref());
            }
            Action::ExportCsv => self.export_list(),
            Action::CycleFormat => self.reports.cycle_format(),
            Action::Write => self.write_paper(),
            Action::Verify => self.verify(),
            _ => {}
        }
    }

    /// Enter on a list: the passbook, the household, the voucher, the preview.
    fn open_selected(&mut self) {
        match self.place() {
            super::keys::Place::People => {
                if let Some(code) = self.people.people.selected().map(|p| p.code.clone()) {
                    self.open_passbook(&code);
                }
            }
            super::keys::Place::Insurance => {
                if let Some(code) = self.insurance.selected_code(self.watch.as_ref()) {
                    self.open_passbook(&code);
                }
            }
            super::keys::Place::Households => {
                if let Some(code) = self.people.homes.selected().map(|h| h.code.clone()) {
                    match self.app.household_with_people(&code) {
                        Ok((household, people)) => self.layers.push(Layer::Household(Box::new(HouseholdView {
                            household,
                            people,
                            picker: Default::default(),
                        }))),
                        Err(e) => self.status = e.text(self.lang()),
                    }
                }
            }
            super::keys::Place::Book => {
                if let Some(v) = self.book.window.selected().map(|r| r.voucher.clone()) {
                    self.open_voucher(&v);
                }
            }
            super::keys::Place::Reports => self.preview(),
            _ => {}
        }
    }

    fn open_passbook(&mut self, code: &str) {
        match self.app.passbook(code) {
            Ok(b) => self.layers.push(Layer::Passbook(Box::new(PassbookView::new(b)))),
            Err(e) => self.status = e.text(self.lang()),
        }
    }

    fn open_voucher(&mut self, voucher: &str) {
        match self.app.voucher_detail(voucher) {
            Ok(detail) => self.layers.push(Layer::Voucher(Box::new(VoucherView { detail, scroll: 0 }))),
            Err(e) => self.status = e.text(self.lang()),
        }
    }

    fn on_popup(&mut self, action: Action) {
        let lang = self.lang();
        let Some(top) = self.layers.last_mut() else { return };
        let step = match action {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::PageUp => Some(-PAGE_ROWS),
            Action::PageDown => Some(PAGE_ROWS),
            Action::Home => Some(-(isize::MAX / 2)),
            Action::End => Some(isize::MAX / 2),
            _ => None,
        };
        let scroll = |s: &mut usize, by: isize| *s = (*s as isize).saturating_add(by).clamp(0, 100_000) as usize;
        match (top, action) {
            (Layer::Help(h), _) if step.is_some() => scroll(&mut h.scroll, step.unwrap_or(0)),
            (Layer::Message(m), _) if step.is_some() => scroll(&mut m.scroll, step.unwrap_or(0)),
            (Layer::Voucher(v), _) if step.is_some() => scroll(&mut v.scroll, step.unwrap_or(0)),
            (Layer::Preview(p), _) if step.is_some() => scroll(&mut p.scroll, step.unwrap_or(0)),
            (Layer::Preview(p), Action::PrevPeriod) => p.left = p.left.saturating_sub(10),
            (Layer::Preview(p), Action::NextPeriod) => p.left += 10,
            (Layer::Passbook(p), _) if step.is_some() => {
                let len = p.book.lines.len();
                p.picker.move_by(step.unwrap_or(0), len);
            }
            (Layer::Household(h), _) if step.is_some() => {
                let len = h.people.len();
                h.picker.move_by(step.unwrap_or(0), len);
            }
            (Layer::Passbook(p), Action::Open) => {
                if let Some(v) = p.selected_voucher() {
                    self.open_voucher(&v);
                }
            }
            (Layer::Household(h), Action::Open) => {
                if let Some(code) = h.selected_code() {
                    self.open_passbook(&code);
                }
            }
            (Layer::Voucher(v), Action::Slip) => {
                let voucher = v.detail.voucher.clone();
                self.status = match self.app.write_slip(&self.papers, &voucher) {
                    Ok(path) => format!("{} {}", lang.pick("Đã ghi phiếu vào", "Slip written to"), path.display()),
                    Err(e) => e.text(lang),
                };
            }
            (Layer::Preview(_), Action::Write) => self.write_paper(),
            (_, Action::New(kind)) => self.open_form(kind),
            (_, Action::Help) => {
                let place = self.place();
                self.layers.push(Layer::Help(Help { place, scroll: 0 }));
            }
            _ => {}
        }
    }

    /// The context a form opens in: the person, household or voucher selected.
    fn context(&self) -> Ctx<'_> {
        let mut person = None;
        let mut household = None;
        let mut voucher = None;
        match self.layers.last() {
            Some(Layer::Passbook(p)) => {
                person = Some(p.book.person.code.clone());
                voucher = p.selected_voucher();
            }
            Some(Layer::Voucher(v)) => voucher = Some(v.detail.voucher.clone()),
            Some(Layer::Household(h)) => {
                person = h.selected_code();
                household = Some(h.household.code.clone());
            }
            _ => match self.screen {
                Screen::Members if self.people.households => {
                    household = self.people.homes.selected().map(|h| h.code.clone());
                }
                Screen::Members => person = self.people.people.selected().map(|p| p.code.clone()),
                Screen::Insurance => person = self.insurance.selected_code(self.watch.as_ref()),
                Screen::CashBook => voucher = self.book.window.selected().map(|r| r.voucher.clone()),
                _ => {}
            },
        }
        Ctx {
            app: &self.app,
            lang: self.lang(),
            today: self.today(),
            person,
            household,
            voucher,
            as_of: self.as_of,
            period: (self.reports.from, self.reports.to),
        }
    }

    /// Opens a form from where the treasurer stands.
    pub fn open_form(&mut self, kind: FormKind) {
        let lang = self.lang();
        if kind.writes() && self.read_only() {
            self.status = crate::error::Error::ReadOnly.text(lang);
            return;
        }
        let form = forms::open(kind, &self.context());
        match form {
            Some(f) => self.layers.push(Layer::Form(Box::new(f))),
            None => {
                self.status =
                    lang.pick("Hãy chọn một dòng trong danh sách trước.", "Select a row of the list first.").into()
            }
        }
    }

    fn on_form(&mut self, action: Action) {
        let app = &self.app;
        let lang = app.lang;
        let Some(Layer::Form(form)) = self.layers.last_mut() else { return };
        let choice = !form.focused().choices().is_empty();
        let completing = form.focused().completing();
        let count = form.fields.len();
        match action {
            Action::Type(' ') if choice => form.focused().cycle(1),
            Action::Type(_) if choice => {}
            Action::Type(c) => form.focused().insert(c),
            Action::Backspace if !choice => form.focused().backspace(),
            Action::Delete if !choice => form.focused().delete(),
            Action::Left if choice => form.focused().cycle(-1),
            Action::Right if choice => form.focused().cycle(1),
            Action::Left => form.focused().cursor = form.focused().cursor.saturating_sub(1),
            Action::Right => {
                let f = form.focused();
                f.cursor = (f.cursor + 1).min(f.value.chars().count());
            }
            Action::Home => form.focused().cursor = 0,
            Action::End => {
                let f = form.focused();
                f.cursor = f.value.chars().count();
            }
            Action::Down if completing => {
                let f = form.focused();
                f.pick = (f.pick + 1).min(f.completions.len().saturating_sub(1));
                return;
            }
            Action::Up if completing => {
                let f = form.focused();
                f.pick = f.pick.saturating_sub(1);
                return;
            }
            Action::NextField | Action::Down => {
                if completing {
                    form.focused().accept();
                }
                form.focus = (form.focus + 1) % count;
            }
            Action::PrevField | Action::Up => form.focus = (form.focus + count - 1) % count,
            Action::Submit if completing => form.focused().accept(),
            Action::Submit => {
                // No fresh preview here: a purchase compares the price it showed with
                // the price now, and asks again when they differ.
                if !form.ready(app) {
                    form.message = None;
                    return;
                }
                if let Some(lines) = forms::confirmation(app, form) {
                    let title = form.title.clone();
                    self.layers.push(Layer::Confirm(Box::new(Confirm { title, lines, yes: OnYes::SubmitForm })));
                } else {
                    self.send_form();
                }
                return;
            }
            _ => return,
        }
        form.message = None;
        forms::live(app, form);
        let _ = lang;
    }

    fn on_confirm(&mut self, action: Action) {
        let Some(Layer::Confirm(c)) = self.layers.pop() else { return };
        match (c.yes, action == Action::Yes) {
            (OnYes::DropForm, true) => {
                self.layers.pop();
            }
            (OnYes::SubmitForm, true) => self.send_form(),
            _ => {}
        }
    }

    /// Sends the form on top; on success closes it, says what was written and selects it.
    fn send_form(&mut self) {
        let lang = self.lang();
        let Some(Layer::Form(mut form)) = self.layers.pop() else { return };
        match forms::submit(&mut self.app, &mut form) {
            Ok(Outcome::Done { status, select }) => {
                if form.kind.writes() {
                    self.wrote = true;
                }
                if !status.is_empty() {
                    self.status = status;
                }
                if form.kind == FormKind::CreatePool {
                    self.pool_created();
                    // After the first-run setup, a tour of the keys.
                    self.layers.push(Layer::Help(Help { place: self.place(), scroll: 0 }));
                }
                self.refresh();
                self.refresh_layers();
                self.select(select);
            }
            Ok(Outcome::Again(message)) => {
                forms::live(&self.app, &mut form);
                form.message = Some(message);
                self.layers.push(Layer::Form(form));
            }
            Err(e) => {
                form.message = Some(form.refusal(&e, lang));
                self.layers.push(Layer::Form(form));
            }
        }
    }

    fn select(&mut self, select: Select) {
        match select {
            Select::Keep => {}
            Select::Person(code) => self.people.select_person(&self.app, &code),
            Select::Household(code) => self.people.select_household(&self.app, &code),
            Select::Voucher(v) => self.book.select_voucher(&self.app, &v),
            Select::AsOf(d) => {
                self.as_of = d;
                self.ask_watch();
            }
            Select::Period(from, to) => {
                self.reports.from = from;
                self.reports.to = to;
            }
        }
    }

    /// Popups showing what a write changed are read again.
    fn refresh_layers(&mut self) {
        let app = &self.app;
        for layer in self.layers.iter_mut() {
            match layer {
                Layer::Passbook(p) => {
                    if let Ok(b) = app.passbook(&p.book.person.code) {
                        let at_end = p.picker.sel + 1 >= p.book.lines.len();
                        p.book = b;
                        if at_end {
                            p.picker.sel = p.book.lines.len().saturating_sub(1);
                        }
                    }
                }
                Layer::Voucher(v) => {
                    if let Ok(d) = app.voucher_detail(&v.detail.voucher) {
                        v.detail = d;
                    }
                }
                Layer::Household(h) => {
                    if let Ok((household, people)) = app.household_with_people(&h.household.code) {
                        h.household = household;
                        h.people = people;
                    }
                }
                _ => {}
            }
        }
    }

    fn preview(&mut self) {
        let lang = self.lang();
        let s = &self.reports;
        let paper = s.paper();
        let period = crate::app::reports::Period { from: Some(s.from), to: Some(s.to) };
        let (text, _) = s.period_text();
        match self.app.paper(paper, period, Format::Text) {
            Ok(bytes) => {
                let lines = String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect();
                let title = format!(
                    "{} — {text} · {}",
                    paper.label(lang),
                    lang.pick("w ghi tệp, Esc đóng", "w writes the file, Esc closes")
                );
                self.layers.push(Layer::Preview(Box::new(PreviewView { paper, title, lines, scroll: 0, left: 0 })));
            }
            Err(e) => self.status = e.text(lang),
        }
    }

    fn write_paper(&mut self) {
        let lang = self.lang();
        let s = &self.reports;
        let paper = match self.layers.last() {
            Some(Layer::Preview(p)) => p.paper,
            _ => s.paper(),
        };
        let period = crate::app::reports::Period { from: Some(s.from), to: Some(s.to) };
        let (_, label) = s.period_text();
        self.status = match self.app.write_paper(&self.papers, paper, period, &label, s.format) {
            Ok(path) => format!("{} {}", lang.pick("Đã ghi", "Written to"), path.display()),
            Err(e) => e.text(lang),
        };
    }

    /// Writes the insurance list shown (with phones) as CSV for calls or SMS.
    fn export_list(&mut self) {
        let lang = self.lang();
        let Some(w) = self.watch.as_ref() else { return };
        let day = crate::date::format_iso(self.as_of);
        let (name, bytes) = match self.insurance.view {
            View::Dues => {
                let rows: Vec<_> = self.insurance.rows.iter().map(|i| &w.dues[*i]).collect();
                (format!("{}-{day}", lang.pick("cham-dong", "dues-behind")), crate::app::views::watch::dues_csv(&rows))
            }
            _ => {
                let rows: Vec<_> = self.insurance.rows.iter().map(|i| &w.cover[*i]).collect();
                (format!("{}-{day}", lang.pick("the-bhyt", "bhyt-cards")), crate::app::views::watch::cards_csv(&rows))
            }
        };
        self.status = match bytes.and_then(|b| self.app.write_file(&self.papers, &name, "csv", &b, true)) {
            Ok(path) => format!("{} {}", lang.pick("Đã ghi danh sách vào", "List written to"), path.display()),
            Err(e) => e.text(lang),
        };
    }

    /// Checks the book (the hash chain, balances, numbering) and shows the result.
    fn verify(&mut self) {
        let lang = self.lang();
        let lines = match self.app.verify(&[]) {
            Ok(report) => {
                let mut out = Vec::new();
                let whole = report.problems.is_empty();
                for c in &report.pools {
                    if c.problems.is_empty() && whole {
                        out.push(match lang {
                            crate::i18n::Lang::Vi => format!(
                                "Quỹ {}: sổ nguyên vẹn — {} chứng từ và {} bản ghi khác, chuỗi băm đúng.",
                                c.pool.code, c.vouchers, c.records
                            ),
                            crate::i18n::Lang::En => format!(
                                "Pool {}: the book is intact — {} vouchers and {} other records, hash chain correct.",
                                c.pool.code, c.vouchers, c.records
                            ),
                        });
                    }
                    out.extend(c.problems.iter().map(|p| format!("✗ {}", p.text(lang))));
                    out.push(c.identity.line(lang));
                    out.push(format!("{}: {}", lang.pick("Đầu chuỗi", "Chain head"), c.head.anchor()));
                    out.extend(c.warnings.iter().take(20).map(|w| w.text(lang)));
                    if c.warnings.len() > 20 {
                        out.push(format!("… {} {}", c.warnings.len() - 20, lang.pick("cảnh báo nữa", "more warnings")));
                    }
                }
                out.extend(report.problems.iter().map(|p| format!("✗ {}", p.text(lang))));
                out.extend(report.warnings.iter().map(|w| w.text(lang)));
                out
            }
            Err(e) => vec![e.text(lang)],
        };
        self.layers.push(Layer::Message(Box::new(Message::new(lang.pick("Kiểm tra sổ", "Book check").into(), lines))));
    }

    /// This month's period for the reports and the book (used by tests and the loop).
    pub fn this_month(&self) -> YearMonth {
        YearMonth::of(self.today())
    }
}
