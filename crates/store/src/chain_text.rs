//! A row's columns copied into the strings a walk's link already holds, reusing their
//! buffers: a walk of 20.000 people reads some ten million texts, and a new `String` for
//! each was most of its allocations (docs/design.md §12).

use rusqlite::types::ValueRef;

/// Column `i` as the id a join would match: an integer, else none (a NULL, or a value no
/// integer key equals).
pub(super) fn id_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Integer(n) => Some(n),
        _ => None,
    })
}

/// A looked-up code into `out`, "" for none (a joined column read with `or_empty_into`).
pub(super) fn code_into(code: Option<&str>, out: &mut String) {
    out.clear();
    out.push_str(code.unwrap_or_default());
}

/// A looked-up code into an optional text, reusing the buffer it had.
pub(super) fn opt_code_into(code: Option<&str>, out: &mut Option<String>) {
    match code {
        None => *out = None,
        Some(c) => code_into(Some(c), out.get_or_insert_with(String::new)),
    }
}

/// Column `i` as text into `out`, reusing its buffer. Anything but valid UTF-8 text is
/// read as rusqlite reads a `String` (so refused the same way).
pub(super) fn text_into(r: &rusqlite::Row<'_>, i: usize, out: &mut String) -> rusqlite::Result<()> {
    text_value_into(r, i, r.get_ref(i)?, out)
}

/// `text_into` with the column's value already in hand (one look at it, not two).
pub(super) fn text_value_into(
    r: &rusqlite::Row<'_>,
    i: usize,
    v: ValueRef<'_>,
    out: &mut String,
) -> rusqlite::Result<()> {
    out.clear();
    if let ValueRef::Text(b) = v
        && let Ok(s) = std::str::from_utf8(b)
    {
        out.push_str(s);
        return Ok(());
    }
    out.push_str(&r.get::<_, String>(i)?);
    Ok(())
}

/// Column `i` as text, NULL read as "" (`Option<String>` unwrapped to its default).
pub(super) fn or_empty_into(r: &rusqlite::Row<'_>, i: usize, out: &mut String) -> rusqlite::Result<()> {
    match r.get_ref(i)? {
        ValueRef::Null => {
            out.clear();
            Ok(())
        }
        v => text_value_into(r, i, v, out),
    }
}

/// Column `i` as an optional text, reusing the buffer it had.
pub(super) fn opt_text_into(r: &rusqlite::Row<'_>, i: usize, out: &mut Option<String>) -> rusqlite::Result<()> {
    match r.get_ref(i)? {
        ValueRef::Null => {
            *out = None;
            Ok(())
        }
        v => text_value_into(r, i, v, out.get_or_insert_with(String::new)),
    }
}

/// `opt_text_into` giving the buffer of a text that turns NULL to `spare`, and taking one
/// from it for a text that was NULL: a coverage row's dates are NULL in about every other
/// row, and each change freed or allocated a string.
pub(super) fn opt_text_kept(
    r: &rusqlite::Row<'_>,
    i: usize,
    out: &mut Option<String>,
    spare: &mut Vec<String>,
) -> rusqlite::Result<()> {
    match r.get_ref(i)? {
        ValueRef::Null => {
            spare.extend(out.take());
            Ok(())
        }
        v => text_value_into(r, i, v, out.get_or_insert_with(|| spare.pop().unwrap_or_default())),
    }
}
