//! The people search's SQL: the members list's page and count of matches, both walks
//! of the covering index `persons_search` (people_search.sql).

use super::browse::{Dir, MATCHES, person_line_select};
use crate::fault::Result;

/// A page of people matching a search (parameters as `MATCHES`, ?5 the anchor, ?6 the
/// limit). The matches are found first from the persons' own columns alone (the covering
/// index `persons_search`, in code order) and only the page's few are joined to their
/// balance and household: a rare name is a walk of a small index, not a seek into every
/// person's row.
pub(super) fn people_page_sql(conn: &rusqlite::Connection, dir: Dir) -> Result<String> {
    let (cmp, order) = match dir {
        Dir::Forward => ("p.code > ?5", "code"),
        Dir::Backward => ("p.code < ?5", "code DESC"),
    };
    Ok(format!(
        "WITH found AS (SELECT p.id, p.code FROM persons p WHERE p.pool_id = ?1 AND {MATCHES} AND {cmp} \
         ORDER BY p.{order} LIMIT ?6) {} JOIN found f ON f.id = p.id ORDER BY f.{order}",
        person_line_select(conn)?
    ))
}

/// How many people match a search (parameters as `MATCHES`) with a code after ?5 (''
/// for everyone): a walk of `persons_search`. After a page's last code, it counts only
/// what the page's own walk did not reach.
pub(super) fn people_count_sql() -> String {
    format!("SELECT COUNT(*) FROM persons p WHERE p.pool_id = ?1 AND {MATCHES} AND p.code > ?5")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn the_people_search_reads_only_its_covering_index() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("b.db"), crate::open::Access::Create).expect("book");
        let page = people_page_sql(&store.conn, Dir::Forward).expect("sql");
        for (sql, n) in [(people_count_sql(), 5), (page, 6)] {
            let args: Vec<&dyn rusqlite::ToSql> = vec![&1, &"%a%", &"A%", &"", &"", &100];
            let mut st = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("plan");
            let plan: Vec<String> =
                st.query_map(&args[..n], |r| r.get(3)).and_then(|rows| rows.collect()).expect("plan rows");
            let persons: Vec<&String> = plan.iter().filter(|d| d.contains(" p ")).collect();
            assert!(persons.iter().any(|d| d.contains("COVERING INDEX persons_search")), "{plan:?}");
        }
    }
}
