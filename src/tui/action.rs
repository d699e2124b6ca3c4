//! Everything a key can ask for (the Elm shape: keys → `Action` → `update` → draw).

use super::forms::FormKind;
use super::screens::Screen;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Goto(Screen),
    NextScreen,
    PrevScreen,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Help,
    Filter,
    /// Enter on a list: open the passbook, the voucher, the preview.
    Open,
    /// Esc: close what is open; never quits.
    Back,
    /// Opens a form.
    New(FormKind),
    /// Cash book ↔ bank book.
    SwitchBook,
    PrevPeriod,
    NextPeriod,
    /// People ↔ households on the members screen.
    ToggleHouseholds,
    /// The insurance screen's lists: everyone, cards to renew, dues behind.
    NextView,
    /// Writes the list shown to CSV (calls, SMS).
    ExportCsv,
    CycleFormat,
    /// Writes the chosen paper (or the previewed one) to the papers folder.
    Write,
    /// Writes the open voucher's slip.
    Slip,
    /// The open passbook's person: her edit history (her records in the chain).
    History,
    Verify,
    // Typing in a form or the filter line.
    Type(char),
    Backspace,
    Delete,
    /// Ctrl-U: empties the field (or the filter line).
    ClearField,
    Left,
    Right,
    NextField,
    PrevField,
    Submit,
    Yes,
    No,
}
