//! What opens on top of a screen, one module each: help, a question, a person's
//! passbook, a voucher, a household, a paper's preview, a message. Esc closes the
//! topmost; nothing here quits the program.

pub mod confirm;
pub mod help;
pub mod household;
pub mod message;
pub mod passbook;
pub mod preview;
pub mod voucher;

use super::form::Form;
use super::keys::Place;

pub enum Layer {
    Help(help::Help),
    /// The filter line of the list shown (its text lives with the list).
    Filter,
    Form(Box<Form>),
    Confirm(Box<confirm::Confirm>),
    Passbook(Box<passbook::PassbookView>),
    Voucher(Box<voucher::VoucherView>),
    Household(Box<household::HouseholdView>),
    Preview(Box<preview::PreviewView>),
    Message(Box<message::Message>),
}

impl Layer {
    /// Where keys are read while this layer is on top (forms, questions and the filter
    /// line read keys themselves).
    pub fn place(&self) -> Option<Place> {
        match self {
            Layer::Help(_) => Some(Place::Help),
            Layer::Passbook(_) => Some(Place::Passbook),
            Layer::Voucher(_) => Some(Place::Voucher),
            Layer::Household(_) => Some(Place::HouseholdCard),
            Layer::Preview(_) => Some(Place::Preview),
            Layer::Message(_) => Some(Place::Message),
            Layer::Filter | Layer::Form(_) | Layer::Confirm(_) => None,
        }
    }
}
