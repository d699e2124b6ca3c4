//! proptest as these tests run it: from a fixed seed, so every run draws the same cases and
//! a failure seen once is seen again by anyone; failures are also kept in
//! tests/it/proptest-regressions/ (committed), which proptest replays before new cases.
//! `PROPTEST_RNG_SEED=n` explores other cases on purpose.

use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestRunner};

/// The seed every property starts from ("hunvon" in ASCII).
const SEED: u64 = 0x6875_6e76_6f6e;

/// `cases` cases from the fixed seed (unless PROPTEST_RNG_SEED names one), failures kept in
/// tests/it/proptest-regressions/`file`.
pub fn config(cases: u32, file: &str) -> Config {
    let default = Config::default();
    // proptest wants a `&'static str` path; one small string per property block.
    let path: &'static str =
        Box::leak(format!("{}/tests/it/proptest-regressions/{file}", env!("CARGO_MANIFEST_DIR")).into_boxed_str());
    Config {
        cases,
        rng_seed: seed(default.rng_seed),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(path))),
        ..default
    }
}

/// A runner for random data outside `proptest!`, from the same fixed seed.
pub fn runner() -> TestRunner {
    let default = Config::default();
    TestRunner::new(Config { cases: 1, rng_seed: seed(default.rng_seed), ..default })
}

fn seed(from_env: RngSeed) -> RngSeed {
    match from_env {
        RngSeed::Random => RngSeed::Fixed(SEED),
        chosen => chosen,
    }
}
