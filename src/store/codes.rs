//! How the ledger's values sit in SQLite columns. A stored code this build does not know
//! (a kind, series, account, method or sex) is an error naming what it is and the value:
//! never read as some default, which would put money on the wrong line of a report.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::ident::Gender;
use crate::domain::money::Dong;
use crate::ledger::{Account, Kind, Method, Series};
use crate::messages::error::{Stored, UnknownCode};

impl ToSql for Dong {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.0.into())
    }
}

impl FromSql for Dong {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(v).map(Dong)
    }
}

/// Reads a text column through `parse`; a value it does not know is [`UnknownCode`].
fn code<T>(v: ValueRef<'_>, what: Stored, parse: impl Fn(&str) -> Option<T>) -> FromSqlResult<T> {
    let s = v.as_str()?;
    parse(s).ok_or_else(|| FromSqlError::Other(Box::new(UnknownCode { what, value: s.to_string() })))
}

impl FromSql for Kind {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Kind, Kind::from_code)
    }
}

impl FromSql for Series {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Series, Series::from_code)
    }
}

impl FromSql for Method {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Method, Method::from_code)
    }
}

impl FromSql for Account {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Account, Account::parse)
    }
}

impl FromSql for Gender {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Gender, Gender::from_code)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::messages::error::Error;

    #[test]
    fn an_unknown_code_is_an_error_naming_it() {
        let conn = Connection::open_in_memory().unwrap();
        let read = |sql: &str| -> Result<Kind, Error> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
        assert_eq!(read("SELECT 'contribution'").ok(), Some(Kind::Contribution));
        match read("SELECT 'gift'") {
            Err(Error::UnknownCode(u)) => assert_eq!((u.what, u.value.as_str()), (Stored::Kind, "gift")),
            other => panic!("{other:?}"),
        }
        let account = conn.query_row("SELECT 'fund:nowhere'", [], |r| r.get::<_, Account>(0));
        assert!(matches!(
            Error::from(account.unwrap_err()),
            Error::UnknownCode(UnknownCode { what: Stored::Account, .. })
        ));
    }
}
