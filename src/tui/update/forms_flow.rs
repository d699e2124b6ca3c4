//! Forms from where the treasurer stands: opening one with the selection as context,
//! keys typed into it, the question before a reversal, sending it and selecting what it
//! wrote; popups that show what changed are read again.

use crate::tui::action::Action;
use crate::tui::forms::{self, Ctx, FormKind, Outcome, Select};
use crate::tui::popups::Layer;
use crate::tui::popups::confirm::{Confirm, OnYes};
use crate::tui::popups::help::Help;
use crate::tui::screens::Screen;
use crate::tui::state::Tui;
use crate::tui::words;

impl Tui {
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
            self.status = hunvon_core::messages::error::Error::ReadOnly.text(lang);
            return;
        }
        let form = forms::open(kind, &self.context());
        match form {
            Some(f) => self.layers.push(Layer::Form(Box::new(f))),
            None => self.status = words::select_a_row_first(lang).into(),
        }
    }

    pub(super) fn on_form(&mut self, action: Action) {
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
            Action::ClearField if !choice => form.focused().clear(),
            Action::Left if choice => form.focused().cycle(-1),
            Action::Right if choice => form.focused().cycle(1),
            Action::Left => form.focused().left(),
            Action::Right => form.focused().right(),
            Action::Home => form.focused().home(),
            Action::End => form.focused().end(),
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
                form.focus_on((form.focus + 1) % count);
            }
            Action::PrevField | Action::Up => form.focus_on((form.focus + count - 1) % count),
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

    pub(super) fn on_confirm(&mut self, action: Action) {
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
            Select::CountPaper(day) => self.preview_counts(day),
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
}
