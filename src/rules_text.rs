//! The pricing rules' refusals in words (the rules module itself stays language-free).
use crate::i18n::Lang;
use crate::rules::RuleError;

/// One sentence for a rule's refusal.
pub fn rule_error_text(e: &RuleError, lang: Lang) -> String {
    format!("{}: {e}", lang.pick("Quy định", "Rule"))
}
