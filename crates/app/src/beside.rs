//! One read in two halves on the two cores: the summary and the overview read their
//! heaviest part (a period's movements, the dues behind) on a second read-only connection
//! of the same snapshot while this one reads the rest (docs/design.md §4). A long list
//! made in two halves, one on each core. And what a paper or a screen is done with, freed
//! on the other core.

use hunvon_core::messages::error::Result;

use crate::App;

impl App {
    /// `main` on this connection and `side` on a second one of the same snapshot, on
    /// another thread (`Store::with_second_reader`); both here, one after the other, when
    /// no second reader can be had at once.
    pub(crate) fn beside<A, B: Send>(
        &self,
        main: impl FnOnce(&App) -> Result<A>,
        side: impl FnOnce(&App) -> Result<B> + Send,
    ) -> Result<(A, B)> {
        Ok(self.store.with_second_reader(|second| match second {
            Some(other) => {
                let other = self.on_other_store(other);
                std::thread::scope(|scope| {
                    let side = scope.spawn(move || side(&other));
                    let main = main(self);
                    let side = side.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                    Ok((main?, side))
                })
            }
            None => Ok((main(self)?, side(self)?)),
        })?)
    }
}

/// `items` mapped by `f`, in order; a long list's later half on a second thread. Below a
/// few thousand items a thread costs more than it saves.
pub(crate) fn map_in_halves<T: Send, U: Send>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let later = if items.len() >= 8192 { items.split_off(items.len() / 2) } else { Vec::new() };
    std::thread::scope(|scope| {
        let f = &f;
        let later = (!later.is_empty()).then(|| scope.spawn(move || later.into_iter().map(f).collect::<Vec<_>>()));
        let mut all: Vec<U> = items.into_iter().map(f).collect();
        if let Some(later) = later {
            all.extend(later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        all
    })
}

/// Lets `value` go on a thread of its own: a paper's read and document, or the overview's
/// lists, are a few hundred thousand strings on a province's pool, and the command (or
/// the screen) need not wait while they are freed. When no thread can be had, the value
/// goes with the refused closure, here.
pub fn let_go<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}
