//! Anchors (docs/design.md §10 "Anchors"): a hash from a signed paper, typed back into `verify --anchor`.
//! A chain rewritten from some record on, with every later hash recomputed, verifies on
//! its own; only a hash kept outside the file shows it. `HASH` (64 hex, or a prefix of at
//! least 16) must be some record's hash; `REF=HASH` must be the hash of that record.

use hunvon_core::messages::error::{Error, Expected, Result};

use crate::verify::problem::Problem;

/// One anchor as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// A voucher number or `#pos`, upper case.
    pub reference: Option<String>,
    /// Lowercase hex, 16 to 64 digits.
    pub hash: String,
}

impl Anchor {
    /// Reads `HASH` or `REF=HASH`.
    pub fn parse(text: &str) -> Result<Anchor> {
        let bad = || Error::BadValue { field: "--anchor".into(), value: text.to_string(), expected: Expected::Anchor };
        let trimmed = text.trim();
        let (reference, hash) = match trimmed.split_once('=') {
            Some((r, h)) => (Some(r.trim().to_ascii_uppercase()), h.trim()),
            None => (None, trimmed),
        };
        let hex = hash.len() >= 16 && hash.len() <= 64 && hash.chars().all(|c| c.is_ascii_hexdigit());
        let reference_ok = reference.as_deref().is_none_or(|r| {
            !r.is_empty() && r.len() <= 40 && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '#')
        });
        if !hex || !reference_ok {
            return Err(bad());
        }
        Ok(Anchor { reference, hash: hash.to_ascii_lowercase() })
    }

    fn shown(&self) -> String {
        match &self.reference {
            Some(r) => format!("{r}={}", self.hash),
            None => self.hash.clone(),
        }
    }
}

/// The anchors' state over one walk of every chain in scope.
#[derive(Default)]
pub struct AnchorCheck {
    anchors: Vec<Anchor>,
    /// Per anchor: how many records' hashes it matched (for `REF=HASH`, at that REF).
    matched: Vec<u32>,
    /// Per `REF=HASH` anchor: the hash its REF has now, where REF was seen.
    at_reference: Vec<Option<String>>,
}

impl AnchorCheck {
    pub fn new(anchors: Vec<Anchor>) -> AnchorCheck {
        let n = anchors.len();
        AnchorCheck { anchors, matched: vec![0; n], at_reference: vec![None; n] }
    }

    /// Looks at one record of a chain.
    pub fn visit(&mut self, reference: impl FnOnce() -> String, hash: &str) {
        if self.anchors.is_empty() {
            return;
        }
        let mut reference = Some(reference);
        let mut named = String::new();
        for (i, a) in self.anchors.iter().enumerate() {
            match &a.reference {
                None => {
                    if hash.starts_with(&a.hash) {
                        self.matched[i] += 1;
                    }
                }
                Some(r) => {
                    if let Some(make) = reference.take() {
                        named = make();
                    }
                    if *r == named {
                        if hash.starts_with(&a.hash) {
                            self.matched[i] += 1;
                        } else if self.at_reference[i].is_none() {
                            self.at_reference[i] = Some(hash.to_string());
                        }
                    }
                }
            }
        }
    }

    /// Every anchor that is not a record of the chains walked.
    pub fn problems(self) -> Vec<Problem> {
        let mut out = Vec::new();
        for ((a, matched), now) in self.anchors.iter().zip(self.matched).zip(self.at_reference) {
            match (&a.reference, matched, now) {
                (None, 0, _) => out.push(Problem::AnchorMissing { anchor: a.shown() }),
                (None, 1, _) | (Some(_), 1.., _) => {}
                (None, _, _) => out.push(Problem::AnchorAmbiguous { anchor: a.shown() }),
                (Some(r), 0, None) => out.push(Problem::AnchorGone { reference: r.clone(), hash: a.hash.clone() }),
                (Some(r), 0, Some(now)) => {
                    out.push(Problem::AnchorDiffers { reference: r.clone(), hash: a.hash.clone(), now })
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_read_and_checked() {
        let h = "5f74329c3b583f296e7598c3206384e4a9dd0d60cc63a219c71652439172349a";
        assert_eq!(Anchor::parse(h).unwrap(), Anchor { reference: None, hash: h.into() });
        let a = Anchor::parse(&format!("pt-2026-0001={}", h.get(..16).unwrap().to_uppercase())).unwrap();
        assert_eq!(a.reference.as_deref(), Some("PT-2026-0001"));
        for bad in ["", "5f74", "xyz", &format!("{h}0"), &format!("=={h}")] {
            assert!(Anchor::parse(bad).is_err(), "{bad}");
        }
        let mut check = AnchorCheck::new(vec![
            Anchor::parse(h).unwrap(),
            a,
            Anchor::parse(&format!("#9={h}")).unwrap(),
            Anchor::parse(&format!("#2={h}")).unwrap(),
        ]);
        check.visit(|| "PT-2026-0001".into(), h);
        check.visit(|| "#2".into(), &"0".repeat(64));
        let problems = check.problems();
        assert_eq!(
            problems,
            vec![
                Problem::AnchorGone { reference: "#9".into(), hash: h.into() },
                Problem::AnchorDiffers { reference: "#2".into(), hash: h.into(), now: "0".repeat(64) },
            ]
        );
    }
}
