//! The slow whole-pool figures (everyone's cover, dues behind) computed off the drawing
//! thread on a second, read-only connection, as gitui's asyncgit does its git work: the
//! first frame and every key stay fast on a 20.000-person pool, and the figures arrive
//! a moment later. Tests compute them in place instead ([`Tui::new`](super::state::Tui)).

use std::sync::mpsc::{self, Receiver, Sender};

use chrono::NaiveDate;

use hunvon_app::App;
use hunvon_app::views::Watch;
use hunvon_core::messages::error::Result;

/// A request: the generation it answers, and the day.
type Job = (u64, NaiveDate);

pub struct Worker {
    jobs: Option<Sender<Job>>,
    results: Receiver<(u64, Result<Watch>)>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Wait for the computation under way when dropped (benchmarks, so that one sample's
    /// work does not run into the next); the program itself never waits on quitting.
    pub join_on_drop: bool,
}

impl Worker {
    /// Starts the worker on its own view of the book.
    pub fn start(app: App) -> Worker {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                // Only the latest request matters.
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                if outbox.send((job.0, app.watch(job.1))).is_err() {
                    break;
                }
            }
        });
        Worker { jobs: Some(jobs), results, thread: Some(thread), join_on_drop: false }
    }

    pub fn ask(&self, generation: u64, as_of: NaiveDate) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send((generation, as_of));
        }
    }

    /// Waits for the next finished computation.
    pub fn wait(&self) -> Option<(u64, Result<Watch>)> {
        self.results.recv().ok()
    }

    /// A finished computation, if one is waiting.
    pub fn poll(&self) -> Option<(u64, Result<Watch>)> {
        self.results.try_recv().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the thread after its current computation.
        self.jobs = None;
        if self.join_on_drop
            && let Some(t) = self.thread.take()
        {
            let _ = t.join();
        }
    }
}
