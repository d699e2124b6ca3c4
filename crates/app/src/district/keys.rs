//! The district's key pair for the encrypted hand-in (SPEC §9, docs/huyen-hoi.md): an age
//! X25519 identity. `key new` writes the secret half to a new private file and shows the
//! public `age1…` recipient the chapters set with `pool set --district-key`; `key show`
//! shows it again. The file is age's own identity format, so `rage -d -i FILE` (or `age`)
//! opens a hand-in without hunvon.

use std::io::Write;
use std::path::Path;

use age::secrecy::ExposeSecret;

use crate::output::outfile::NewFile;
use hunvon_core::messages::error::{Error, Expected, HandinError, Result};

/// The public half, as chapters type it: `age1…`.
pub fn parse_recipient(field: &str, value: &str) -> Result<age::x25519::Recipient> {
    let v = value.trim();
    v.parse::<age::x25519::Recipient>().map_err(|_| Error::BadValue {
        field: field.into(),
        value: v.into(),
        expected: Expected::AgeRecipient,
    })
}

/// Writes a new key pair's secret half to `file` (refused when the name is taken; 0600
/// on Unix) and returns its public recipient. `now` is written in the file's comment.
pub fn new_key(file: &Path, now: &str) -> Result<String> {
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let target = NewFile::create(file, None)?;
    let os = |e: std::io::Error| Error::os(file, &e);
    hunvon_store::open::create_private(target.path()).map_err(os)?;
    let mut out = std::fs::OpenOptions::new().write(true).truncate(true).open(target.path()).map_err(os)?;
    // age's identity file: comments, then the secret key on a line of its own.
    write!(
        out,
        "# hunvon: khóa của Hội huyện để mở sổ các chi hội nộp (hunvon handin). Giữ hai bản, không gửi qua mạng.\n\
         # hunvon: the district's key to open the books chapters hand in. Keep two copies; never send it.\n\
         # created: {now}\n# public key: {public}\n{}\n",
        identity.to_string().expose_secret()
    )
    .and_then(|()| out.sync_all())
    .map_err(os)?;
    drop(out);
    target.commit()?;
    Ok(public)
}

/// The identity in a key file (the first `AGE-SECRET-KEY-1…` line).
pub fn read_identity(file: &Path) -> Result<age::x25519::Identity> {
    let text = std::fs::read_to_string(file).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => HandinError::NotAKeyFile { file: file.display().to_string() }.into(),
        _ => Error::os(file, &e),
    })?;
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .find_map(|l| l.parse::<age::x25519::Identity>().ok())
        .ok_or_else(|| HandinError::NotAKeyFile { file: file.display().to_string() }.into())
}

/// The public recipient of the key in `file` (`key show`).
pub fn show_key(file: &Path) -> Result<String> {
    Ok(read_identity(file)?.to_public().to_string())
}
