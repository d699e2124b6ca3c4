//! The papers a book prints (`hunvon report …`): the one driver that renders any of
//! them in any format for one pool or `--pool all`.

pub mod driver;

pub use driver::{CsvRows, District, Frame, Paper, district_table};
