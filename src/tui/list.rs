//! A window onto a long list: a few pages of rows read from `app` around the selection,
//! more read as the selection nears an edge. The selection is held by the row's key
//! (person code, voucher position), never by its row number, so a refresh keeps the
//! highlight on the same person or voucher.

use std::cell::Cell;
use std::fmt::Debug;

use hunvon_app::views::Dir;
use hunvon_core::messages::error::Result;

/// Rows read per page.
pub const PAGE: usize = 100;
/// Rows kept in memory at most; older pages are dropped as the window slides.
const KEEP: usize = 3 * PAGE;

/// A row with a stable identity.
pub trait Keyed {
    type Key: Clone + Ord + Debug;
    fn key(&self) -> Self::Key;
}

/// Reads a page: rows after (Forward) or before (Backward) the anchor, in list order.
pub type Loader<'a, T> = dyn Fn(Option<&<T as Keyed>::Key>, Dir, usize) -> Result<Vec<T>> + 'a;

#[derive(Clone, Debug)]
pub struct Window<T: Keyed> {
    pub rows: Vec<T>,
    pub sel: usize,
    /// No rows before the first one held / after the last one held.
    pub at_start: bool,
    pub at_end: bool,
    /// The first row drawn; kept by the drawing code so the list scrolls smoothly.
    pub top: Cell<usize>,
}

impl<T: Keyed> Default for Window<T> {
    fn default() -> Self {
        Window { rows: Vec::new(), sel: 0, at_start: true, at_end: true, top: Cell::new(0) }
    }
}

impl<T: Keyed> Window<T> {
    pub fn selected(&self) -> Option<&T> {
        self.rows.get(self.sel)
    }

    pub fn selected_key(&self) -> Option<T::Key> {
        self.selected().map(Keyed::key)
    }

    /// The first page, the first row selected.
    pub fn load_start(&mut self, load: &Loader<'_, T>) -> Result<()> {
        self.rows = load(None, Dir::Forward, PAGE)?;
        self.at_start = true;
        self.at_end = self.rows.len() < PAGE;
        self.sel = 0;
        self.top.set(0);
        Ok(())
    }

    /// The last page, the last row selected.
    pub fn load_end(&mut self, load: &Loader<'_, T>) -> Result<()> {
        self.rows = load(None, Dir::Backward, PAGE)?;
        self.at_end = true;
        self.at_start = self.rows.len() < PAGE;
        self.sel = self.rows.len().saturating_sub(1);
        self.top.set(self.sel);
        Ok(())
    }

    /// Reads the rows around `key` again and selects it (or the row that now follows
    /// where it stood, if it is gone or filtered out).
    pub fn load_at(&mut self, key: &T::Key, load: &Loader<'_, T>) -> Result<()> {
        let before = load(Some(key), Dir::Backward, PAGE / 2)?;
        // From the last row before it (or the start), so the key's own row comes first.
        let after = load(before.last().map(Keyed::key).as_ref(), Dir::Forward, PAGE)?;
        self.at_start = before.len() < PAGE / 2;
        self.at_end = after.len() < PAGE;
        let shift = self.sel.saturating_sub(self.top.get());
        self.rows = before;
        self.rows.extend(after);
        self.sel = self.rows.iter().position(|r| r.key() >= *key).unwrap_or(self.rows.len().saturating_sub(1));
        // Keep the selected row where it was drawn, as far as the rows allow.
        self.top.set(self.sel.saturating_sub(shift));
        Ok(())
    }

    /// Reloads around the current selection (after a write or another program's write).
    pub fn reload(&mut self, load: &Loader<'_, T>) -> Result<()> {
        match self.selected_key() {
            Some(k) => self.load_at(&k, load),
            None => self.load_start(load),
        }
    }

    /// Moves the selection, reading another page when it passes an edge.
    pub fn move_by(&mut self, delta: isize, load: &Loader<'_, T>) -> Result<()> {
        let target = self.sel as isize + delta;
        if target >= self.rows.len() as isize && !self.at_end {
            if let Some(last) = self.rows.last().map(Keyed::key) {
                let more = load(Some(&last), Dir::Forward, PAGE)?;
                self.at_end = more.len() < PAGE;
                self.rows.extend(more);
                if self.rows.len() > KEEP {
                    let drop = self.rows.len() - KEEP;
                    self.rows.drain(..drop);
                    self.at_start = false;
                    self.sel = self.sel.saturating_sub(drop);
                    self.top.set(self.top.get().saturating_sub(drop));
                    return self.move_to(target - drop as isize);
                }
            }
        } else if target < 0
            && !self.at_start
            && let Some(first) = self.rows.first().map(Keyed::key)
        {
            {
                let more = load(Some(&first), Dir::Backward, PAGE)?;
                self.at_start = more.len() < PAGE;
                let added = more.len();
                let mut rows = more;
                rows.append(&mut self.rows);
                self.rows = rows;
                self.sel += added;
                self.top.set(self.top.get() + added);
                if self.rows.len() > KEEP {
                    self.rows.truncate(KEEP);
                    self.at_end = false;
                }
                return self.move_to(target + added as isize);
            }
        }
        self.move_to(target)
    }

    fn move_to(&mut self, target: isize) -> Result<()> {
        self.sel = target.clamp(0, self.rows.len().saturating_sub(1) as isize) as usize;
        Ok(())
    }

    /// The first row to draw in `height` rows so the selection shows; remembered.
    pub fn scroll(&self, height: usize) -> usize {
        scroll(&self.top, self.sel, height, self.rows.len())
    }
}

/// The first row to draw so that `sel` is visible, moving `top` as little as possible.
pub fn scroll(top: &Cell<usize>, sel: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let mut t = top.get().min(len.saturating_sub(1));
    if sel < t {
        t = sel;
    } else if sel >= t + height {
        t = sel + 1 - height;
    }
    if len > height && t + height > len {
        t = len - height;
    }
    if len <= height {
        t = 0;
    }
    top.set(t);
    t
}

/// A list held whole in memory (the cover of a pool, filtered): a selection and scroll.
#[derive(Clone, Debug, Default)]
pub struct Picker {
    pub sel: usize,
    pub top: Cell<usize>,
}

impl Picker {
    pub fn move_by(&mut self, delta: isize, len: usize) {
        self.sel = (self.sel as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize;
    }

    pub fn scroll(&self, height: usize, len: usize) -> usize {
        scroll(&self.top, self.sel, height, len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct R(u32);
    impl Keyed for R {
        type Key = u32;
        fn key(&self) -> u32 {
            self.0
        }
    }

    fn source(n: u32) -> impl Fn(Option<&u32>, Dir, usize) -> Result<Vec<R>> {
        move |anchor, dir, limit| {
            let all: Vec<R> = (1..=n).map(R).collect();
            Ok(match (dir, anchor) {
                (Dir::Forward, None) => all.into_iter().take(limit).collect(),
                (Dir::Forward, Some(a)) => all.into_iter().filter(|r| r.0 > *a).take(limit).collect(),
                (Dir::Backward, a) => {
                    let mut v: Vec<R> =
                        all.into_iter().filter(|r| a.is_none_or(|a| r.0 < *a)).rev().take(limit).collect();
                    v.reverse();
                    v
                }
            })
        }
    }

    #[test]
    fn selection_is_held_by_key_and_pages_slide() {
        let load = source(1000);
        let mut w: Window<R> = Window::default();
        w.load_start(&load).unwrap();
        for _ in 0..50 {
            w.move_by(20, &load).unwrap();
        }
        assert_eq!(w.selected(), Some(&R(1000)));
        assert!(w.rows.len() <= KEEP);
        w.load_at(&617, &load).unwrap();
        assert_eq!(w.selected(), Some(&R(617)));
        for _ in 0..40 {
            w.move_by(-20, &load).unwrap();
        }
        assert_eq!(w.selected(), Some(&R(1)));
        w.load_end(&load).unwrap();
        assert_eq!(w.selected(), Some(&R(1000)));
        // A key that is gone selects the row now following it.
        let fewer = |a: Option<&u32>, d: Dir, l: usize| -> Result<Vec<R>> {
            Ok(source(1000)(a, d, l)?.into_iter().filter(|r| r.0 != 500).collect())
        };
        w.load_at(&500, &fewer).unwrap();
        assert_eq!(w.selected(), Some(&R(501)));
    }
}
