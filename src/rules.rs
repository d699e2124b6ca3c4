//! TEMPORARY stub until the rules module lands.
pub mod rates;
pub mod year_month;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Category {
    Poor,
    NearPoor,
    EthnicMinority,
    Student,
    AgriHousehold,
    #[default]
    Other,
}
impl Category {
    pub fn code(self) -> &'static str {
        match self {
            Category::Poor => "poor",
            Category::NearPoor => "near_poor",
            Category::EthnicMinority => "ethnic_minority",
            Category::Student => "student",
            Category::AgriHousehold => "agri_household",
            Category::Other => "other",
        }
    }
    pub fn from_code(s: &str) -> Option<Category> {
        [
            Category::Poor,
            Category::NearPoor,
            Category::EthnicMinority,
            Category::Student,
            Category::AgriHousehold,
            Category::Other,
        ]
        .into_iter()
        .find(|c| c.code() == s.to_ascii_lowercase())
    }
}
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    #[error("x")]
    X,
}
