//! `hunvon handin --output FILE [--to age1…]…` (SPEC §9): the chapter's book, encrypted
//! for the district. A consistent copy is taken into memory, verified there (so what is
//! checked is exactly what travels), and its bytes are encrypted with age to the pool's
//! district key and every `--to`. Nothing unencrypted is written anywhere: the file shows
//! age's ASCII header and nothing else readable — no name, no CCCD, no SQLite header.

use std::io::Write;
use std::path::Path;

use crate::output::outfile::OutFile;
use hunvon_core::messages::error::{Error, HandinError, Result};

use crate::App;
use crate::district::keys::parse_recipient;

/// What was handed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handin {
    /// The public keys it was encrypted to, in the order given.
    pub recipients: Vec<String>,
    /// Each pool with its vouchers and head (`REF=HASH`), as verify found them.
    pub pools: Vec<(String, u64, String)>,
    /// The size of the encrypted file in bytes.
    pub bytes: u64,
}

impl App {
    /// The district keys the book is handed in to: each pool's `--district-key`, then
    /// every `--to` (checked first, so a mistyped key refuses before any work).
    fn handin_recipients(&self, to: &[String]) -> Result<Vec<age::x25519::Recipient>> {
        let mut extra = Vec::new();
        for t in to {
            extra.push(parse_recipient("--to", t)?);
        }
        let mut keys = Vec::new();
        for pool in self.pools() {
            let key = self.store.letterhead(pool.id)?.district_key;
            if !key.is_empty() {
                keys.push(parse_recipient("--district-key", &key)?);
            }
        }
        keys.extend(extra);
        let mut seen = std::collections::HashSet::new();
        keys.retain(|k| seen.insert(k.to_string()));
        Ok(keys)
    }

    /// Whether any pool of the book has a district key (the TUI then offers the hand-in).
    pub fn has_district_key(&self) -> bool {
        self.pools().iter().any(|p| self.store.letterhead(p.id).is_ok_and(|l| !l.district_key.is_empty()))
    }

    /// The hand-in into `folder` (the TUI's backup screen): a new file named after the book
    /// and today, `so-2026-11-30.age` (`-2`, `-3`… when taken).
    pub fn handin_into(&self, folder: &Path) -> Result<std::path::PathBuf> {
        let file = self.dated_file(folder, "age")?;
        self.handin(&file, &[])?;
        Ok(file)
    }

    /// Verifies a copy of the book in memory and writes it to `output`, encrypted.
    pub fn handin(&self, output: &Path, to: &[String]) -> Result<Handin> {
        let recipients = self.handin_recipients(to)?;
        if recipients.is_empty() {
            let pool = self.pool().map(|p| p.code.clone()).unwrap_or_default();
            return Err(HandinError::NoKey { pool }.into());
        }
        let copy = self.store.copy_in_memory()?;
        let mut checked = App::on_store(copy, Some("all"), self.lang, self.clock.clone())?;
        let report = checked.verify(&[])?;
        if !report.ok() {
            let problems = report.problems.len() + report.pools.iter().map(|p| p.problems.len()).sum::<usize>();
            return Err(HandinError::NotVerified { problems }.into());
        }
        let pools = report.pools.iter().map(|c| (c.pool.code.clone(), c.vouchers, c.head.anchor())).collect();
        let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|_| HandinError::NoKey { pool: String::new() })?;
        let mut out = OutFile::create(output, Some(self.book_path()))?;
        let os = |e: std::io::Error| Error::os(output, &e);
        let bytes = checked.store.with_bytes(|plain| -> std::io::Result<u64> {
            let mut w = encryptor.wrap_output(&mut out)?;
            w.write_all(plain)?;
            w.finish()?;
            Ok(plain.len() as u64)
        })?;
        bytes.map_err(os)?;
        out.commit()?;
        let bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
        Ok(Handin { recipients: recipients.iter().map(ToString::to_string).collect(), pools, bytes })
    }
}

/// The first bytes of every age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// Whether `file` starts as an age file does (an encrypted hand-in given to `collect`
/// without `--identity` is named as such, not as "not a database").
pub fn is_encrypted(file: &Path) -> bool {
    let mut head = [0u8; AGE_MAGIC.len()];
    std::fs::File::open(file).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && head == AGE_MAGIC
}

/// Opens an encrypted hand-in with the district's key file: decrypted in memory and read
/// by SQLite from there (deserialize), read-only. A wrong key or a damaged file is one
/// sentence; nothing is written anywhere.
pub fn open_handin(file: &Path, key: &Path) -> Result<hunvon_store::Store> {
    let identity = crate::district::keys::read_identity(key)?;
    let shown = file.display().to_string();
    let wrong_key = || HandinError::WrongKey { file: shown.clone(), key: identity.to_public().to_string() };
    let reader = std::fs::File::open(file).map_err(|e| Error::os(file, &e))?;
    // A header that does not parse: a damaged hand-in, or not an age file at all.
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(reader)).map_err(|_| -> Error {
        if is_encrypted(file) { wrong_key().into() } else { HandinError::NotEncrypted { file: shown.clone() }.into() }
    })?;
    let mut plain = Vec::new();
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|_| wrong_key())
        .and_then(|mut r| std::io::Read::read_to_end(&mut r, &mut plain).map_err(|_| wrong_key()))?;
    let store = hunvon_store::Store::from_bytes(&plain, file);
    // SQLite holds its own copy now: this one is wiped before it is freed.
    plain.fill(0);
    std::hint::black_box(&plain);
    store.map_err(Into::into)
}
