//! BHYT for a household: everyone without a current card proposed in ladder order, then one
//! line per person with her price and her payer (SPEC §2 person by person: a member pays for
//! herself, a relative's sponsor for her; with neither, a member of the household is
//! proposed and marked for the treasurer to confirm), each payer changeable on its own line;
//! the total and each payer's balance after the purchase shown live; warnings for valid
//! cards, cash running short and members left owing; a second Enter when the price changed.

use crate::tui::form::{Field, FieldKey, Form, Kind, is_common_fund};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::insurance::{BhytRequest, Quote};
use hunvon_app::views::payers::{PayerBasis, RulePayer};
use hunvon_app::views::voucher::account_words;
use hunvon_core::domain::date::{format_vn, parse_date};
use hunvon_core::ledger::{Account, Method};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, preview, receipt_fields};

/// A household's card is bought for at most this many at once: one payer line each.
const MAX_PAYERS: usize = 24;

/// The keys of the payer lines, in the order of the persons listed.
fn payer_keys() -> impl Iterator<Item = FieldKey> {
    (1..=MAX_PAYERS).map(FieldKey::PayerFor)
}

/// The person codes listed, as typed (upper case).
fn codes(form: &Form) -> Vec<String> {
    form.value(FieldKey::Person).split(',').map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect()
}

/// The payer lines' persons, in order: kept in `subject` so a change of the list is seen.
fn payer_codes(form: &Form) -> Vec<String> {
    form.subject.split(',').filter(|c| !c.is_empty()).map(String::from).collect()
}

/// One payer line per person listed, placed after the date: a line kept for a person
/// still listed, a new one filled by the rules (or the proposal).
fn sync_payers(app: &App, form: &mut Form) {
    let wanted: Vec<String> = codes(form).into_iter().take(MAX_PAYERS).collect();
    let had = payer_codes(form);
    if wanted == had {
        return;
    }
    let kept: Vec<(String, String)> = had
        .iter()
        .zip(payer_keys())
        .filter_map(|(c, key)| form.field(key).map(|f| (c.clone(), f.value.clone())))
        .collect();
    let on = parse_date(&form.value(FieldKey::Date)).unwrap_or(app.clock.today);
    let rules = app.bhyt_payers(&wanted, on).unwrap_or_default();
    form.fields.retain(|f| !matches!(f.key, FieldKey::PayerFor(_)));
    let at = form.fields.iter().position(|f| f.key == FieldKey::Date).map_or(form.fields.len(), |i| i + 1);
    let lines: Vec<Field> = wanted
        .iter()
        .zip(payer_keys())
        .map(|(code, key)| {
            let value = kept.iter().find(|(c, _)| c == code).map(|(_, v)| v.clone()).unwrap_or_else(|| {
                rules.iter().find(|r| r.code == *code).and_then(|r| r.payer.clone()).unwrap_or_default()
            });
            let mut f = Field::new(key, &payer_label(app, code, None), Kind::Payer, &value);
            f.check(app, false);
            f
        })
        .collect();
    let focus_key = form.fields.get(form.focus).map(|f| f.key);
    form.fields.splice(at..at, lines);
    if let Some(key) = focus_key {
        form.focus = form.fields.iter().position(|f| f.key == key).unwrap_or(form.focus);
    }
    form.subject = wanted.join(",");
}

/// A payer line's label: whose line it is and, once priced, her price.
fn payer_label(app: &App, code: &str, price: Option<hunvon_core::domain::money::Dong>) -> String {
    let lang = app.lang;
    // Her given name (the last word) keeps the label short enough to sit beside the value.
    let name = app.person_line(code).ok().flatten().map(|p| p.full_name).unwrap_or_default();
    let given = name.split_whitespace().last().unwrap_or_default();
    let price = price.map(|p| format!(" · {p}")).unwrap_or_default();
    format!("{} {code} {given}{price}", words::payer_for(lang))
}

fn request(form: &Form) -> BhytRequest {
    let payers = payer_codes(form)
        .into_iter()
        .zip(payer_keys())
        .map(|(code, key)| {
            let v = form.value(key);
            (code, if is_common_fund(&v) { "fund:common".to_string() } else { v })
        })
        .collect();
    BhytRequest {
        persons: form.value(FieldKey::Person),
        months: form.value(FieldKey::Months),
        date: form.value(FieldKey::Date),
        amount: form.optional(FieldKey::Amount),
        receipt: form.optional(FieldKey::Receipt),
        method: Some(form.value(FieldKey::Method)),
        payers,
        ..Default::default()
    }
}

fn payer_words(app: &App, a: &Account) -> String {
    let name = match a {
        Account::Member(code) => app.person_line(code).ok().flatten().map(|p| p.full_name),
        _ => None,
    };
    match a {
        Account::Member(code) => format!("{code} {}", name.unwrap_or_default()),
        other => account_words(other, None, app.lang),
    }
}

/// The quote's lines: one per person (with her price and payer when `full`: the form's
/// payer lines show them already), then the total, then each payer's balance after it.
pub fn quote_lines(app: &App, q: &Quote, full: bool) -> Vec<String> {
    let lang = app.lang;
    let mut out = Vec::new();
    for p in &q.persons {
        let place =
            p.position.map_or_else(|| words::supported(lang).to_string(), |n| format!("{} {n}", words::place(lang)));
        let card = match (p.card_from, p.card_to) {
            (Some(f), Some(t)) => format!(" · {} {}–{}", words::card(lang), format_vn(f), format_vn(t)),
            _ => String::new(),
        };
        if !full {
            out.push(format!("{} {} · {place}{card}", p.code, p.full_name));
            continue;
        }
        out.push(format!(
            "{} {} · {place} · {}{card} · {} {}",
            p.code,
            p.full_name,
            p.amount,
            words::paid_by(lang),
            payer_words(app, &p.payer)
        ));
    }
    out.push(format!("{} {} ({} {})", words::total_colon(lang), q.total, q.persons.len(), words::people_lower(lang)));
    for a in app.payers_after(q).unwrap_or_default() {
        let who = match &a.account {
            Account::Member(code) => format!("{code} {}", a.full_name),
            other => account_words(other, None, lang),
        };
        out.push(format!("{} {who}: {} → {}", words::balance_after(lang), a.before, a.after));
    }
    out
}

/// The proposed payers still standing as proposed (a household member where neither the
/// person nor a sponsor pays): each line must be confirmed before the purchase is written.
fn proposed(app: &App, form: &Form) -> Vec<RulePayer> {
    let on = parse_date(&form.value(FieldKey::Date)).unwrap_or(app.clock.today);
    let codes = payer_codes(form);
    let rules = app.bhyt_payers(&codes, on).unwrap_or_default();
    rules
        .into_iter()
        .filter(|r| r.basis == PayerBasis::Proposed)
        .filter(|r| {
            codes
                .iter()
                .position(|c| *c == r.code)
                .and_then(|i| payer_keys().nth(i))
                .is_some_and(|key| r.payer.as_deref().is_some_and(|p| form.value(key).eq_ignore_ascii_case(p)))
        })
        .collect()
}

/// BHYT for a household.
pub struct BuyBhyt;

impl FormSpec for BuyBhyt {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let proposal = ctx.person.as_deref().and_then(|c| ctx.app.bhyt_proposal(c, ctx.today).ok()).unwrap_or_default();
        let title = match &proposal.household {
            Some(h) => words::buy_bhyt_for_household(ctx.lang, &h.code, &h.name),
            None => words::buy_bhyt_title(ctx.lang).to_string(),
        };
        let mut form = Form::new(
            FormKind::BuyBhyt,
            &title,
            vec![
                Field::new(
                    FieldKey::Person,
                    words::people_in_ladder_order(ctx.lang),
                    Kind::Required,
                    &proposal.codes.join(","),
                )
                .with_hint(words::household_codes_hint(ctx.lang)),
                Field::new(FieldKey::Months, words::months(ctx.lang), Kind::Choice(words::BHYT_MONTHS), "12"),
                date_field(ctx, words::paid_on(ctx.lang)),
            ]
            .into_iter()
            .chain(receipt_fields(ctx))
            .collect(),
        );
        sync_payers(ctx.app, &mut form);
        Some(form)
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.quoted = None;
        sync_payers(app, form);
        if form.value(FieldKey::Person).is_empty() {
            form.preview.push(words::nobody_needs_a_new_card(lang).into());
            return;
        }
        let marked = proposed(app, form);
        for (code, key) in payer_codes(form).iter().zip(payer_keys()) {
            if marked.iter().any(|r| r.code == *code)
                && let Some(f) = form.field_mut(key)
            {
                let mark = words::payer_proposed_confirm(lang);
                f.note = Some(f.note.take().map_or_else(|| mark.to_string(), |n| format!("{n} · {mark}")));
            }
        }
        match app.quote_bhyt(&request(form)) {
            Ok(q) => {
                for (code, key) in payer_codes(form).iter().zip(payer_keys()) {
                    let price = q.persons.iter().find(|p| p.code == *code).map(|p| p.amount);
                    let label = payer_label(app, code, price);
                    if let Some(f) = form.field_mut(key) {
                        f.label = label;
                    }
                }
                form.preview = quote_lines(app, &q, false);
                form.quoted = Some(q.total);
                let codes: Vec<String> = q.persons.iter().map(|p| p.code.clone()).collect();
                for (code, name, end) in app.valid_cards(&codes, q.date).unwrap_or_default() {
                    let from = q.persons.iter().find(|p| p.code == code).and_then(|p| p.card_from);
                    let from = from.map(format_vn).unwrap_or_default();
                    form.warnings.push(words::card_still_valid(lang, code, name, format_vn(end), from));
                }
                let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
                form.warnings.extend(preview::shortfall(app, method, &form.value(FieldKey::Date), q.total));
                for w in app.debts_ahead(&q).unwrap_or_default() {
                    form.warnings.push(format!("⚠ {}", w.text(lang)));
                }
            }
            Err(e) => form.warnings.push(form.refusal(&e, lang)),
        }
    }

    /// What the treasurer confirms before the purchase is written when a payer was proposed:
    /// each person's payer and what each payer holds after it. (A member left owing is warned
    /// of on the form itself, and again once written: an advance needs no second Enter.)
    fn confirmation(&self, app: &App, form: &Form) -> Option<Vec<String>> {
        let marked = proposed(app, form);
        if marked.is_empty() {
            return None;
        }
        let q = app.quote_bhyt(&request(form)).ok()?;
        let debts = app.debts_ahead(&q).unwrap_or_default();
        let lang = app.lang;
        let mut lines = Vec::new();
        for r in &marked {
            let payer = r.payer.clone().unwrap_or_default();
            let name = app.person_line(&payer).ok().flatten().map(|p| p.full_name).unwrap_or_default();
            lines.push(words::household_member_pays(lang, &r.code, &r.full_name, payer, name));
        }
        lines.extend(quote_lines(app, &q, true));
        lines.extend(debts.iter().map(|w| format!("⚠ {}", w.text(lang))));
        Some(lines)
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let fresh = app.quote_bhyt(&request(form))?;
        if let Some(shown) = form.quoted
            && shown != fresh.total
        {
            return Ok(Outcome::Again(words::bhyt_price_changed(lang, shown, fresh.total)));
        }
        let (w, _) = app.buy_bhyt(&request(form))?;
        Ok(Outcome::Done { status: super::written(&w, lang), select: Select::Voucher(w.voucher) })
    }
}
