//! How big a file TrialCheck reads at all: a catalog, an answers file or a
//! site's options that is huge or deeply nested is refused with a message
//! before it costs seconds or memory. Checked on the text, before parsing.

/// The largest catalog read: 1,000 trials of the shipped size are about 25 MB.
pub const MAX_CATALOG_BYTES: usize = 32 * 1024 * 1024;
/// The largest answers file: a whole screening is about 5 KB.
pub const MAX_ANSWERS_BYTES: usize = 256 * 1024;
/// The deepest nesting of brackets: the real files nest 6 deep.
pub const MAX_DEPTH: usize = 32;

/// Why a file was refused before it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TooMuch {
    Size { bytes: usize, max: usize },
    Depth { max: usize },
}

impl std::fmt::Display for TooMuch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooMuch::Size { bytes, max } => {
                write!(f, "the file is too large ({} KB; at most {} KB are read)", bytes / 1024, max / 1024)
            }
            TooMuch::Depth { max } => write!(f, "the file nests more than {max} levels deep"),
        }
    }
}

/// Refuses `text` if it is larger than `max_bytes` or nests brackets deeper
/// than `MAX_DEPTH` (brackets inside strings do not count).
pub fn check(text: &str, max_bytes: usize) -> Result<(), TooMuch> {
    if text.len() > max_bytes {
        return Err(TooMuch::Size { bytes: text.len(), max: max_bytes });
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(TooMuch::Depth { max: MAX_DEPTH });
                }
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_or_deep_files_are_refused_before_parsing() {
        assert_eq!(
            check(&"x".repeat(300_000), MAX_ANSWERS_BYTES),
            Err(TooMuch::Size { bytes: 300_000, max: MAX_ANSWERS_BYTES })
        );
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(check(&deep, MAX_ANSWERS_BYTES), Err(TooMuch::Depth { max: MAX_DEPTH }));
        // Brackets inside strings are text, not nesting.
        let quoted = format!("{{\"a\": \"{}\"}}", "[".repeat(40));
        assert_eq!(check(&quoted, MAX_ANSWERS_BYTES), Ok(()));
        let shipped = include_str!("../tests/fixtures/answers-v1-myself.json");
        assert_eq!(check(shipped, MAX_ANSWERS_BYTES), Ok(()));
    }
}
