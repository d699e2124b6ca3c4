//! The slow whole-pool figures (everyone's cover, dues behind) computed off the drawing
//! thread on a second, read-only connection, as gitui's asyncgit does its git work: the
//! first frame and every key stay fast on a 20.000-person pool, and the figures arrive
//! a moment later. Tests compute them in place instead ([`Tui::new`](super::state::Tui)).

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use chrono::NaiveDate;

use hunvon_app::App;
use hunvon_app::views::Watch;
use hunvon_core::messages::error::Result;

/// A request: the generation it answers, and the day.
type Job = (u64, NaiveDate);

/// How long the first computation waits for the first frame to be on the screen: on a
/// province's pool the figures keep both cores busy for a second, and the first frame
/// comes first. Without a screen (tests, benchmarks that draw by hand) they start after it.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(100);

pub struct Worker {
    jobs: Option<Sender<Job>>,
    /// Told once the first frame is drawn; the first computation waits for it.
    drawn: Option<Sender<()>>,
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
        let (drawn, first_frame) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            // A closed channel (the TUI gone) or the time up ends the wait as well.
            let _ = first_frame.recv_timeout(FIRST_FRAME_WAIT);
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
        Worker { jobs: Some(jobs), drawn: Some(drawn), results, thread: Some(thread), join_on_drop: false }
    }

    /// The first frame is on the screen: the figures may start.
    pub fn frame_drawn(&mut self) {
        if let Some(drawn) = self.drawn.take() {
            let _ = drawn.send(());
        }
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
