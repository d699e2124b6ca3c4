//! Breaking text into lines that fit a width, for the text and PDF renderers: at spaces
//! where it can, inside a word only when the word alone is wider than the line. One pass
//! over the text (each character measured once), so a long note costs what it weighs.
//! Widths are whole units chosen by the caller (characters, or font units).

use std::ops::Range;

/// Appends to `out` the byte ranges of `text`'s lines when each may be `max` units
/// wide, `width` giving each character's width. An empty text is one empty line; a
/// `\n` always breaks.
pub fn wrap_into(text: &str, max: u32, width: &impl Fn(char) -> u32, out: &mut Vec<Range<usize>>) {
    let max = max.max(1);
    let space = width(' ');
    let mut offset = 0;
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, offset, max, space, width, out);
        offset += paragraph.len() + 1;
    }
}

fn wrap_paragraph(
    text: &str,
    base: usize,
    max: u32,
    space: u32,
    width: &impl Fn(char) -> u32,
    out: &mut Vec<Range<usize>>,
) {
    // The line being built: its byte range and width; None while empty.
    let mut line: Option<(usize, usize, u32)> = None;
    let mut pushed_any = false;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        let mut w = 0u32;
        let mut end = i;
        for (k, c) in text.get(start..).unwrap_or_default().char_indices() {
            if c == ' ' {
                break;
            }
            w += width(c);
            end = start + k + c.len_utf8();
        }
        i = end;
        // The spaces between this word and the line so far, as many as were typed.
        let gap = |e: usize| u32::try_from(start - e).unwrap_or(u32::MAX).saturating_mul(space);
        match line {
            Some((s, e, lw)) if lw.saturating_add(gap(e)).saturating_add(w) <= max => {
                line = Some((s, end, lw + gap(e) + w))
            }
            _ => {
                if let Some((s, e, _)) = line.take() {
                    out.push(base + s..base + e);
                    pushed_any = true;
                }
                if w <= max {
                    line = Some((start, end, w));
                } else {
                    // A word wider than the line: cut it where it overflows.
                    let (mut s, mut lw) = (start, 0u32);
                    for (k, c) in text.get(start..end).unwrap_or_default().char_indices() {
                        let cw = width(c);
                        let at = start + k;
                        if lw + cw > max && at > s {
                            out.push(base + s..base + at);
                            pushed_any = true;
                            s = at;
                            lw = 0;
                        }
                        lw += cw;
                    }
                    line = Some((s, end, lw));
                }
            }
        }
    }
    match line {
        Some((s, e, _)) => out.push(base + s..base + e),
        None if !pushed_any => out.push(base..base),
        None => {}
    }
}

/// The lines of `text` as slices.
pub fn wrap<'t>(text: &'t str, max: u32, width: &impl Fn(char) -> u32) -> Vec<&'t str> {
    let mut ranges = Vec::new();
    wrap_into(text, max, width, &mut ranges);
    ranges.into_iter().map(|r| text.get(r).unwrap_or_default()).collect()
}

/// How many lines `text` takes.
pub fn count_lines(text: &str, max: u32, width: &impl Fn(char) -> u32, scratch: &mut Vec<Range<usize>>) -> usize {
    scratch.clear();
    wrap_into(text, max, width, scratch);
    scratch.len()
}

/// The width of `text`.
pub fn measure(text: &str, width: &impl Fn(char) -> u32) -> u32 {
    text.chars().map(width).sum()
}

/// The widest word of `text` (the least a wrapping column can be without cutting words).
pub fn widest_word(text: &str, width: &impl Fn(char) -> u32) -> u32 {
    text.split([' ', '\n']).map(|w| measure(w, width)).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(_: char) -> u32 {
        1
    }

    #[test]
    fn breaks_at_spaces_and_keeps_every_word() {
        assert_eq!(wrap("Thu tiền góp — Thạch Thị Sà Phol", 14, &one), ["Thu tiền góp —", "Thạch Thị Sà", "Phol"]);
        assert_eq!(wrap("", 10, &one), [""]);
        assert_eq!(wrap("a\nb c", 10, &one), ["a", "b c"]);
        assert_eq!(wrap("PT-2026-0001", 5, &one), ["PT-20", "26-00", "01"]);
        assert_eq!(wrap("ab  cd", 2, &one), ["ab", "cd"]);
    }

    proptest! {
        #[test]
        fn lines_fit_and_lose_nothing(text in "[a-zđ ]{0,80}", max in 1u32..30) {
            let lines = wrap(&text, max, &one);
            for l in &lines {
                prop_assert!(l.chars().count() as u32 <= max, "{l:?} wider than {max}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            prop_assert_eq!(joined, original);
        }
    }
}
