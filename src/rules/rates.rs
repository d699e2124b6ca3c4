use chrono::NaiveDate;
#[derive(Clone, Debug)]
pub struct RateRow {
    pub name: String,
    pub value: String,
    pub effective_from: NaiveDate,
    pub basis: String,
}
pub struct RateTable {
    pub rows: Vec<RateRow>,
}
impl RateTable {
    pub fn new(rows: Vec<RateRow>) -> Self {
        RateTable { rows }
    }
}
