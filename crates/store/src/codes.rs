//! How the ledger's values sit in SQLite columns. A stored code this build does not know
//! (a kind, series, account, method or sex) is an error naming what it is and the value:
//! never read as some default, which would put money on the wrong line of a report.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

use hunvon_core::domain::ident::Gender;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Method, Series};
use hunvon_core::messages::error::{Stored, UnknownCode};

/// A value of the ledger kept in one column. hunvon_core's types cannot implement
/// rusqlite's `FromSql` here (neither is this crate's), so rows read them through
/// [`RowExt::code`] instead of `Row::get`.
pub(crate) trait Column: Sized {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self>;
}

/// `row.code(i)`: column `i` read as a ledger value (see [`Column`]).
pub(crate) trait RowExt {
    fn code<T: Column>(&self, idx: usize) -> rusqlite::Result<T>;
}

impl RowExt for rusqlite::Row<'_> {
    fn code<T: Column>(&self, idx: usize) -> rusqlite::Result<T> {
        let v = self.get_ref(idx)?;
        // As `Row::get` reports them, so `fault::sorted` finds an unknown code's cause.
        T::read(v).map_err(|e| match e {
            FromSqlError::InvalidType => rusqlite::Error::InvalidColumnType(idx, String::new(), v.data_type()),
            FromSqlError::Other(cause) => rusqlite::Error::FromSqlConversionFailure(idx, v.data_type(), cause),
            e => rusqlite::Error::FromSqlConversionFailure(idx, v.data_type(), Box::new(e)),
        })
    }
}

impl<T: Column> Column for Option<T> {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::read(v).map(Some),
        }
    }
}

impl Column for Dong {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(v).map(Dong)
    }
}

/// Reads a text column through `parse`; a value it does not know is [`UnknownCode`].
fn code<T>(v: ValueRef<'_>, what: Stored, parse: impl Fn(&str) -> Option<T>) -> FromSqlResult<T> {
    let s = v.as_str()?;
    parse(s).ok_or_else(|| FromSqlError::Other(Box::new(UnknownCode { what, value: s.to_string() })))
}

impl Column for Kind {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Kind, Kind::from_code)
    }
}

impl Column for Series {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Series, Series::from_code)
    }
}

impl Column for Method {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Method, Method::from_code)
    }
}

impl Column for Account {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Account, Account::parse)
    }
}

impl Column for Gender {
    fn read(v: ValueRef<'_>) -> FromSqlResult<Self> {
        code(v, Stored::Gender, Gender::from_code)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use hunvon_core::messages::error::Error;

    #[test]
    fn an_unknown_code_is_an_error_naming_it() {
        let conn = Connection::open_in_memory().unwrap();
        let read =
            |sql: &str| -> Result<Kind, Error> { conn.query_row(sql, [], |r| r.code(0)).map_err(crate::fault::sorted) };
        assert_eq!(read("SELECT 'contribution'").ok(), Some(Kind::Contribution));
        match read("SELECT 'gift'") {
            Err(Error::UnknownCode(u)) => assert_eq!((u.what, u.value.as_str()), (Stored::Kind, "gift")),
            other => panic!("{other:?}"),
        }
        let account = conn.query_row("SELECT 'fund:nowhere'", [], |r| r.code::<Account>(0));
        assert!(matches!(
            crate::fault::sorted(account.unwrap_err()),
            Error::UnknownCode(UnknownCode { what: Stored::Account, .. })
        ));
    }
}
