//! `hunvon pool set`: the letterhead every paper prints (docs/design.md §6) — the organisation,
//! its address, the bank and account of the bank book, and the names of the treasurer,
//! the bookkeeper and the group leader printed under the signature places. The TUI's
//! Cài đặt screen calls the same functions.

use hunvon_core::domain::input;
use hunvon_core::messages::error::Result;
use hunvon_store::pools::Pool;

use crate::App;

/// A pool's letterhead as stored: what every paper prints at its top.
pub use hunvon_store::letterhead::Letterhead;

/// What `pool set` was given: `None` keeps the field as it is, `Some("")` clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LetterheadInput {
    pub org: Option<String>,
    pub address: Option<String>,
    pub bank: Option<String>,
    pub account: Option<String>,
    pub treasurer: Option<String>,
    pub accountant: Option<String>,
    pub leader: Option<String>,
    /// The district's public key (`age1…`) for `handin`; `Some("")` removes it.
    pub district_key: Option<String>,
    /// The form set the papers follow (TT99, TT200, TT133); `Some("")` goes back to the
    /// default.
    pub forms: Option<String>,
}

impl LetterheadInput {
    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        *self == LetterheadInput::default()
    }
}

impl App {
    /// The letterhead in force for `pool`.
    pub fn letterhead_of(&self, pool: &Pool) -> Result<Letterhead> {
        self.store.letterhead(pool.id).map_err(Into::into)
    }

    /// Changes the chosen pool's letterhead: the fields given replace the ones in force,
    /// the others stay. Returns the letterhead now in force.
    pub fn set_letterhead(&mut self, given: &LetterheadInput) -> Result<Letterhead> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let mut l = self.store.letterhead(pool.id)?;
        // Texts as bounded as an address (≤ 200 characters), names as a person's (≤ 100);
        // an empty value clears the field.
        let text = |field: &str, v: &Option<String>, old: &mut String| -> Result<()> {
            if let Some(v) = v {
                *old = input::address(field, v)?;
            }
            Ok(())
        };
        let name = |field: &str, v: &Option<String>, old: &mut String| -> Result<()> {
            if let Some(v) = v {
                *old = if v.trim().is_empty() { String::new() } else { input::name(field, v)? };
            }
            Ok(())
        };
        text("--org", &given.org, &mut l.org)?;
        text("--address", &given.address, &mut l.address)?;
        text("--bank", &given.bank, &mut l.bank)?;
        text("--account", &given.account, &mut l.account)?;
        name("--treasurer", &given.treasurer, &mut l.treasurer)?;
        name("--accountant", &given.accountant, &mut l.accountant)?;
        name("--leader", &given.leader, &mut l.leader)?;
        if let Some(key) = &given.district_key {
            l.district_key = if key.trim().is_empty() {
                String::new()
            } else {
                crate::district::keys::parse_recipient("--district-key", key)?.to_string()
            };
        }
        if let Some(forms) = &given.forms {
            l.forms = if forms.trim().is_empty() {
                String::new()
            } else {
                crate::papers::form_set::FormSet::parse("--forms", forms)?.code().to_string()
            };
        }
        self.store.set_letterhead(pool.id, &l, &self.clock.now)?;
        Ok(l)
    }
}
