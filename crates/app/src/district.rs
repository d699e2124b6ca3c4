//! The district (docs/design.md §11): its view of the chapters (view.rs) and its report
//! (report.rs), collecting a chapter's book (collect.rs, planned by plan.rs), the encrypted
//! hand-in (handin.rs) and the district's key (keys.rs).

pub mod collect;
pub mod handin;
pub mod keys;
pub mod plan;
pub mod report;
mod view;

pub use view::*;
