//! Person categories (docs/quy-dinh.md §2): what the state supports.

/// One category per person; `Other` when nothing applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
    pub const ALL: [Category; 6] = [
        Category::Poor,
        Category::NearPoor,
        Category::EthnicMinority,
        Category::Student,
        Category::AgriHousehold,
        Category::Other,
    ];

    /// The stored code.
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

    /// From a stored or typed code, any case.
    pub fn from_code(s: &str) -> Option<Category> {
        let s = s.trim().to_ascii_lowercase();
        Category::ALL.into_iter().find(|c| c.code() == s)
    }

    /// In Vietnamese, for screens and prints.
    pub fn label_vi(self) -> &'static str {
        match self {
            Category::Poor => "hộ nghèo",
            Category::NearPoor => "hộ cận nghèo",
            Category::EthnicMinority => "dân tộc thiểu số",
            Category::Student => "học sinh, sinh viên",
            Category::AgriHousehold => "hộ nông nghiệp mức sống trung bình",
            Category::Other => "khác",
        }
    }
}
