//! How actions change the model: the screen's own actions, then whatever layer is on
//! top (a form, a question, the filter line, a popup). Every read goes through `app`.

use crate::tui::words;
use hunvon_app::views::{YearMonth, month_bounds};
use hunvon_core::ledger::Method;

use super::action::Action;
use super::popups::Layer;
use super::popups::confirm::{Confirm, OnYes};
use super::popups::help::Help;
use super::popups::household::HouseholdView;
use super::popups::message::Message;
use super::popups::passbook::PassbookView;
use super::popups::voucher::VoucherView;
use super::screens::Screen;
use super::state::Tui;

mod forms_flow;
mod output;

/// Rows a page key moves.
const PAGE_ROWS: isize = 20;

impl Tui {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Back {
            // Esc on a form's list of names closes the list, not the form.
            if !self.close_completions() {
                self.back();
            }
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
                    self.status = words::press_q_to_quit(self.lang()).into();
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
                    lines: vec![words::drop_half_filled_form(lang).into()],
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

    /// Esc on a form whose focused field offers a list: closes the list, keeps the form
    /// and what was typed. Whether there was a list to close.
    fn close_completions(&mut self) -> bool {
        let Some(Layer::Form(form)) = self.layers.last_mut() else { return false };
        let f = form.focused();
        if !f.completing() {
            return false;
        }
        f.completions.clear();
        f.pick = 0;
        f.note = None;
        true
    }

    fn set_filter(&mut self, text: String) {
        match self.screen {
            // Clearing the filter keeps the highlight on the person (or household) it found.
            Screen::Members if text.is_empty() => self.people.clear_filter(&self.app),
            Screen::Members => {
                *self.people.filter_mut() = text;
                self.people.refilter(&self.app);
            }
            Screen::Insurance => {
                // Typing starts from the first match; clearing keeps the person found.
                if !text.is_empty() {
                    self.insurance.picker.sel = 0;
                }
                self.insurance.filter = text;
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
            Action::ClearField => text.clear(),
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
                self.reports.picker.move_by(d, hunvon_app::views::Paper::ALL.len());
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
            (Layer::Passbook(p), Action::History) => {
                let person = p.book.person.clone();
                let title = format!("{} {} {}", words::edit_history_of(lang), person.code, person.full_name);
                match self.app.person_history(&person.code) {
                    Ok(lines) => self.layers.push(Layer::Message(Box::new(Message::new(title, lines)))),
                    Err(e) => self.status = e.text(lang),
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
                    Ok(path) => format!("{} {}", words::slip_written_to(lang), path.display()),
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

    /// This month's period for the reports and the book (used by tests and the loop).
    pub fn this_month(&self) -> YearMonth {
        YearMonth::of(self.today())
    }
}
