//! A form: labelled one-line fields, validated as they are typed, the focused one
//! taking the keys. Cursor positions count characters, and the drawn cursor column
//! counts display width, so "Hường" puts it where the eye expects.

use crate::error::Result;
use crate::i18n::Lang;
use crate::input;

/// What a field holds, which decides how it is checked and shown while typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Required,
    Code,
    Money,
    Date,
    Method,
    Months,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    /// The flag the same value has on the command line, used to name it in refusals.
    pub flag: &'static str,
    pub kind: FieldKind,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    pub error: Option<String>,
}

impl Field {
    pub fn new(label: &str, flag: &'static str, kind: FieldKind, value: &str) -> Field {
        Field { label: label.into(), flag, kind, value: value.into(), cursor: value.chars().count(), error: None }
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            let at = self.byte_at(self.cursor - 1);
            self.value.remove(at);
            self.cursor -= 1;
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.value.chars().count());
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value.char_indices().nth(chars).map_or(self.value.len(), |(i, _)| i)
    }

    /// The text before the cursor (for the cursor's display column).
    pub fn before_cursor(&self) -> String {
        self.value.chars().take(self.cursor).collect()
    }

    /// Checks the value as it stands; a money field also shows it grouped.
    pub fn check(&mut self, lang: Lang, today: chrono::NaiveDate) -> Option<String> {
        let v = self.value.trim();
        let result: Result<Option<String>> = match self.kind {
            FieldKind::Required if v.is_empty() => Err(crate::error::Error::Empty { field: self.label.clone() }),
            // Names and notes are checked as the command line checks them (hidden
            // characters, length) while they are typed.
            FieldKind::Text | FieldKind::Required => match self.flag {
                "--name" => input::name(self.flag, v).map(|_| None),
                "--note" | "--reason" | "--receipt" => input::note(self.flag, v).map(|_| None),
                _ => Ok(None),
            },
            FieldKind::Code if v.is_empty() => Ok(None),
            FieldKind::Code => input::code(self.flag, v).map(|_| None),
            FieldKind::Money if v.is_empty() => Ok(None),
            FieldKind::Money => input::amount(self.flag, v).map(|d| Some(d.to_string())),
            FieldKind::Date if v.is_empty() => Ok(None),
            FieldKind::Date => input::voucher_date(self.flag, v, today).map(|d| Some(crate::date::format_vn(d))),
            FieldKind::Method if v.is_empty() => Ok(None),
            FieldKind::Method => input::method(self.flag, v).map(|_| None),
            FieldKind::Months if v.is_empty() => Ok(None),
            FieldKind::Months => input::months(self.flag, v, &[1, 3, 6, 12]).map(|_| None),
        };
        match result {
            Ok(shown) => {
                self.error = None;
                shown
            }
            Err(e) => {
                self.error = Some(e.text(lang));
                None
            }
        }
    }
}

/// Which use case a form feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    CreatePool,
    AddPerson,
    EditPerson,
    Contribute,
    BuyBhyt,
    BuyBhxh,
    Reverse,
    Dues,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A refusal from the last submit, or a live figure (grouped amount, quote).
    pub message: Option<String>,
    pub live: Vec<String>,
}

impl Form {
    pub fn value(&self, flag: &str) -> String {
        self.fields.iter().find(|f| f.flag == flag).map(|f| f.value.trim().to_string()).unwrap_or_default()
    }

    /// Whether anything has been typed (so Esc must ask before dropping it).
    pub fn touched(&self, initial: &[String]) -> bool {
        self.fields.iter().zip(initial).any(|(f, v)| f.value != *v)
    }

    pub fn focused(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }
}
