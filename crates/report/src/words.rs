//! Amounts in Vietnamese words, as written on a phiếu thu or phiếu chi:
//! 1.263.600 → "Một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng".

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// Reads a group of three digits. `full` means a higher group was read before it, so
/// leading zeros are spoken ("không trăm", "linh").
fn group(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = ((n / 100) as usize, (n / 10 % 10) as usize, (n % 10) as usize);
    if h > 0 || full {
        out.extend([DIGITS[h], "trăm"]);
    }
    match t {
        0 if u > 0 && (h > 0 || full) => out.extend(["linh", DIGITS[u]]),
        0 if u > 0 => out.push(DIGITS[u]),
        0 => {}
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
        _ => {
            out.extend([DIGITS[t], "mươi"]);
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
    }
}

/// Reads a number below one billion (tỷ), groups of thousands.
fn below_billion(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let groups = [(n / 1_000_000, "triệu"), (n / 1000 % 1000, "nghìn"), (n % 1000, "")];
    let mut started = full;
    for (value, unit) in groups {
        if value > 0 {
            group(value, started, out);
            if !unit.is_empty() {
                out.push(unit);
            }
            started = true;
        }
    }
}

fn number(n: u64, out: &mut Vec<&'static str>) {
    let (billions, rest) = (n / 1_000_000_000, n % 1_000_000_000);
    if billions > 0 {
        number(billions, out);
        out.push("tỷ");
    }
    if rest > 0 || n == 0 {
        if n == 0 {
            out.push("không");
        } else {
            below_billion(rest, billions > 0, out);
        }
    }
}

/// The amount in words, capitalised, ending in "đồng".
pub fn amount_in_words(amount: i64) -> String {
    let mut words = Vec::new();
    if amount < 0 {
        words.push("âm");
    }
    number(amount.unsigned_abs(), &mut words);
    words.push("đồng");
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_figures_of_the_issue() {
        assert_eq!(amount_in_words(1_263_600), "Một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng");
        assert_eq!(amount_in_words(0), "Không đồng");
        assert_eq!(amount_in_words(10), "Mười đồng");
        assert_eq!(amount_in_words(15), "Mười lăm đồng");
        assert_eq!(amount_in_words(21), "Hai mươi mốt đồng");
        assert_eq!(amount_in_words(105), "Một trăm linh năm đồng");
        assert_eq!(amount_in_words(1_000_005), "Một triệu không trăm linh năm đồng");
        assert_eq!(amount_in_words(1_000_000_000), "Một tỷ đồng");
    }

    #[test]
    fn more_readings() {
        assert_eq!(amount_in_words(24), "Hai mươi tư đồng");
        assert_eq!(amount_in_words(315_900), "Ba trăm mười lăm nghìn chín trăm đồng");
        assert_eq!(amount_in_words(2_005_000), "Hai triệu không trăm linh năm nghìn đồng");
        assert_eq!(amount_in_words(1_050_000_010), "Một tỷ không trăm năm mươi triệu không trăm mười đồng");
        assert_eq!(amount_in_words(-250_000), "Âm hai trăm năm mươi nghìn đồng");
    }

    proptest! {
        #[test]
        fn words_have_no_digits_and_end_in_dong(n in any::<i64>()) {
            let w = amount_in_words(n);
            prop_assert!(!w.chars().any(|c| c.is_ascii_digit()));
            prop_assert!(w.ends_with("đồng"));
            prop_assert!(!w.contains("  "));
        }
    }
}
