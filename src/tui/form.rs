//! The form engine: labelled fields checked as they are typed with the same `input`
//! functions as the command line (a refusal names the field by its label), choices in
//! words, person and household fields that complete by name and show who was found.
//! Each form's own description (its fields, preview and the `app` call it submits) lives
//! in `forms/`; a form reads its fields by their keys (`FieldKey`), never by their labels.

use crate::tui::words;
use hunvon_app::App;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Error;
use hunvon_core::messages::i18n::Lang;

use super::forms::FormKind;

mod check;
mod key;
mod lookup;

pub use check::{is_common_fund, parse_month};
pub use key::FieldKey;
pub use lookup::role_word;

/// One choice of a choice field: its code (what `app` receives) and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub code: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    /// What the choice means, shown while the field has the focus.
    pub hint_vi: &'static str,
    pub hint_en: &'static str,
}

impl Choice {
    /// The choice in words, in the reader's language.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }

    /// What the choice means, in the reader's language.
    pub fn hint(&self, lang: Lang) -> &'static str {
        lang.pick(self.hint_vi, self.hint_en)
    }
}

/// What a field holds, which decides how it is checked and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Text that must not be empty when the form is sent.
    Required,
    /// A person's or household's name (required).
    Name,
    Code,
    Money,
    OptMoney,
    /// An amount that may be negative (an opening balance owed).
    SignedMoney,
    /// A day not after today (a count, a close).
    Date,
    /// An optional date of birth: from 01/01/1900, not after today (§5's own bound
    /// for births; vouchers start in 2000).
    BirthDate,
    /// A voucher's date: not after today, nor in a closed period.
    VoucherDate,
    /// An optional date (not after today).
    OptDate,
    /// Any real date (a dues start, a report's period).
    AnyDate,
    Months(&'static [u32]),
    /// How many notes of this denomination (đồng) were counted.
    Pieces(i64),
    Choice(&'static [Choice]),
    /// A person, by code or completed from her name.
    Person,
    OptPerson,
    /// A household, from the list or a new code.
    Household,
    /// Who pays: empty (the rules decide), the common fund, or a member.
    Payer,
    Cccd,
    BhxhCode,
    Phone,
    /// A `YYYY-MM` or `MM/YYYY` month, optional.
    Month,
    Folder,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: FieldKey,
    pub label: String,
    pub kind: Kind,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// The whole value is selected (the field was just entered): the first character
    /// typed replaces it, Backspace or Delete clears it, a move keeps it.
    pub selected: bool,
    pub error: Option<String>,
    /// What the value means, shown after it: the grouped amount, the person found.
    pub note: Option<String>,
    /// Shown under the field while it has the focus.
    pub hint: Option<String>,
    /// Completions offered (code, words) and the one picked.
    pub completions: Vec<(String, String)>,
    pub pick: usize,
}

impl Field {
    pub fn new(key: FieldKey, label: &str, kind: Kind, value: &str) -> Field {
        Field {
            key,
            label: label.to_string(),
            kind,
            value: value.to_string(),
            cursor: value.chars().count(),
            selected: false,
            error: None,
            note: None,
            hint: None,
            completions: Vec::new(),
            pick: 0,
        }
    }

    pub fn with_hint(mut self, hint: &str) -> Field {
        self.hint = Some(hint.to_string());
        self
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value.char_indices().nth(chars).map_or(self.value.len(), |(i, _)| i)
    }

    /// The field is entered (by Tab, an arrow, or as the form opens): its value is
    /// selected, the cursor at its end.
    pub fn enter(&mut self) {
        self.cursor = self.value.chars().count();
        self.selected = !self.value.is_empty() && self.choices().is_empty();
    }

    /// Drops the selection, keeping the value (an arrow, Home or End).
    fn unselect(&mut self) {
        self.selected = false;
    }

    /// Empties the field (Ctrl-U, or Backspace on a selected value).
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
        self.selected = false;
    }

    pub fn left(&mut self) {
        self.unselect();
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.unselect();
        self.cursor = (self.cursor + 1).min(self.value.chars().count());
    }

    pub fn home(&mut self) {
        self.unselect();
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.unselect();
        self.cursor = self.value.chars().count();
    }

    pub fn insert(&mut self, c: char) {
        if self.selected {
            self.clear();
        }
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.selected {
            self.clear();
        } else if self.cursor > 0 {
            let at = self.byte_at(self.cursor - 1);
            self.value.remove(at);
            self.cursor -= 1;
        }
    }

    pub fn delete(&mut self) {
        if self.selected {
            self.clear();
        } else if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn set(&mut self, value: &str) {
        self.value = value.to_string();
        self.cursor = value.chars().count();
        self.selected = false;
    }

    /// The text before the cursor (its display width places the cursor).
    pub fn before_cursor(&self) -> String {
        self.value.chars().take(self.cursor).collect()
    }

    /// The choices of a choice field.
    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            Kind::Choice(c) => c,
            _ => &[],
        }
    }

    /// Steps a choice field to the next (or previous) choice.
    pub fn cycle(&mut self, by: isize) {
        let choices = self.choices();
        if choices.is_empty() {
            return;
        }
        let at = choices.iter().position(|c| c.code == self.value).unwrap_or(0) as isize;
        let next = (at + by).rem_euclid(choices.len() as isize) as usize;
        self.set(choices[next].code);
    }

    /// The value as shown: a choice in words, anything else as typed.
    pub fn shown(&self, lang: Lang) -> String {
        match self.choices().iter().find(|c| c.code == self.value) {
            Some(c) => format!("‹ {} ›", c.label(lang)),
            None => self.value.clone(),
        }
    }

    /// The meaning of the chosen choice, for the hint line.
    pub fn choice_hint(&self, lang: Lang) -> Option<String> {
        self.choices().iter().find(|c| c.code == self.value).map(|c| c.hint(lang).to_string())
    }

    /// Whether a completion list is open (a name typed, no exact code found yet).
    pub fn completing(&self) -> bool {
        !self.completions.is_empty()
    }

    /// Takes the picked completion as the value.
    pub fn accept(&mut self) {
        if let Some((code, _)) = self.completions.get(self.pick).cloned() {
            self.set(&code);
            self.completions.clear();
            self.pick = 0;
        }
    }
}

/// A form: its fields, the focused one, what it will write (the live preview), and the
/// refusal of the last attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What the form will write, kept up to date as it is typed.
    pub preview: Vec<String>,
    /// Things to know before sending (a valid card, cash running short).
    pub warnings: Vec<String>,
    /// The refusal of the last attempt to send.
    pub message: Option<String>,
    /// The values it opened with (a changed form asks before it is dropped).
    pub initial: Vec<String>,
    /// The total the preview showed (a purchase asks again when the price changed).
    pub quoted: Option<Dong>,
    /// The person, household or voucher the form is about.
    pub subject: String,
}

impl Form {
    pub fn new(kind: FormKind, title: &str, fields: Vec<Field>) -> Form {
        let initial = fields.iter().map(|f| f.value.clone()).collect();
        Form {
            kind,
            title: title.to_string(),
            fields,
            focus: 0,
            preview: Vec::new(),
            warnings: Vec::new(),
            message: None,
            initial,
            quoted: None,
            subject: String::new(),
        }
    }

    pub fn field(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: FieldKey) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// Whether the form has this field (some fields show only in some cases).
    pub fn has(&self, key: FieldKey) -> bool {
        self.field(key).is_some()
    }

    /// The trimmed value of a field.
    pub fn value(&self, key: FieldKey) -> String {
        self.field(key).map(|f| f.value.trim().to_string()).unwrap_or_default()
    }

    /// An optional field's value: `None` when left empty.
    pub fn optional(&self, key: FieldKey) -> Option<String> {
        Some(self.value(key)).filter(|v| !v.is_empty())
    }

    /// A field's value if it was changed since the form opened.
    pub fn changed(&self, key: FieldKey) -> Option<String> {
        let i = self.fields.iter().position(|f| f.key == key)?;
        (self.fields[i].value != self.initial[i]).then(|| self.value(key))
    }

    pub fn label(&self, key: FieldKey) -> String {
        self.field(key).map(|f| f.label.clone()).unwrap_or_default()
    }

    /// Whether the focus is on this field.
    pub fn focus_is(&self, key: FieldKey) -> bool {
        self.fields.get(self.focus).is_some_and(|f| f.key == key)
    }

    /// Shows the meaning of a choice field's choice as its hint.
    pub fn hint_choice(&mut self, key: FieldKey, lang: Lang) {
        if let Some(f) = self.field_mut(key) {
            f.hint = f.choice_hint(lang);
        }
    }

    /// Whether anything was changed since it opened.
    pub fn touched(&self) -> bool {
        self.fields.iter().zip(&self.initial).any(|(f, v)| f.value != *v)
    }

    /// Moves the focus to field `i`, entering it (its value selected).
    pub fn focus_on(&mut self, i: usize) {
        self.focus = i.min(self.fields.len().saturating_sub(1));
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.enter();
        }
    }

    pub fn focused(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    /// Checks every field (completions only for the focused one).
    pub fn check(&mut self, app: &App) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.check(app, i == focus);
        }
    }

    /// Before sending: every field right, required ones filled. Names the first wrong
    /// field by its label and moves the focus there.
    pub fn ready(&mut self, app: &App) -> bool {
        self.check(app);
        let lang = app.lang;
        for (i, f) in self.fields.iter_mut().enumerate() {
            let required = matches!(
                f.kind,
                Kind::Required
                    | Kind::Name
                    | Kind::Code
                    | Kind::Money
                    | Kind::SignedMoney
                    | Kind::Date
                    | Kind::VoucherDate
                    | Kind::AnyDate
                    | Kind::Person
                    | Kind::Months(_)
                    | Kind::Folder
            );
            if f.error.is_none() && f.completing() {
                f.error = Some(words::pick_one_from_the_list(lang).into());
            }
            if f.error.is_none() && required && f.value.trim().is_empty() {
                f.error = Some(Error::Empty { field: f.label.clone() }.text(lang));
            }
            if f.error.is_some() {
                self.focus_on(i);
                return false;
            }
        }
        true
    }

    /// A refusal from `app`, naming fields by their labels and choices in words rather
    /// than the command line's flags and codes.
    pub fn refusal(&self, e: &Error, lang: Lang) -> String {
        let mut text = e.text(lang);
        let mut flags: Vec<(String, String)> =
            self.fields.iter().map(|f| (f.key.flag(), format!("«{}»", f.label))).collect();
        flags.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        for (flag, label) in flags {
            text = text.replace(&flag, &label);
        }
        for (flag, label) in super::forms::FLAG_WORDS {
            text = text.replace(flag, &format!("«{}»", label(lang)));
        }
        for (code, words) in [
            ("fund:common", words::the_common_fund(lang)),
            ("(cash và bank)", "(tiền mặt và ngân hàng)"),
            ("(cash and bank)", "(cash box and bank)"),
            ("--allow-debt", words::allow_debt_flag(lang)),
        ] {
            text = text.replace(code, words);
        }
        text
    }
}
