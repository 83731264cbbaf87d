//! Selection offsets to slices of a source's text.
//!
//! QDA-XML 1.0 counts positions in Unicode characters (code points), but
//! NVivo for Windows counts UTF-16 code units, so every character outside
//! the Basic Multilingual Plane (most emoji) shifts the later offsets of
//! that source by one. The two readings agree on a text without such
//! characters; on one with them, the unit is decided per source from the
//! selections themselves (see [`detect`]).

/// The unit a source's offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// The text has no character outside the BMP: both units agree.
    Either,
    /// Unicode code points, as the standard says.
    CodePoints,
    /// UTF-16 code units (NVivo for Windows).
    Utf16,
}

impl Unit {
    /// How `check` names it.
    pub fn describe(self) -> &'static str {
        match self {
            Unit::Either => {
                "code points (the text has no character outside the BMP, so UTF-16 units agree)"
            }
            Unit::CodePoints => "code points",
            Unit::Utf16 => "UTF-16 code units",
        }
    }
}

/// A text indexed for both units.
pub struct Indexed<'a> {
    text: &'a str,
    /// Byte offset of each code point, and the length at the end.
    bytes: Vec<usize>,
    /// Code point index of each UTF-16 unit offset (and the end); `None`
    /// between the two halves of a surrogate pair.
    from_utf16: Option<Vec<Option<usize>>>,
}

/// Why a selection cannot be sliced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bad {
    /// `start` after `end`.
    Reversed,
    /// `end` past the text, which is `len` units long.
    Outside {
        /// The text's length in the unit.
        len: usize,
    },
    /// An offset falls between the halves of a surrogate pair.
    SplitsPair {
        /// The offset.
        at: u64,
    },
}

impl<'a> Indexed<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let astral = text.chars().any(|c| c.len_utf16() == 2);
        let from_utf16 = astral.then(|| {
            let mut map = Vec::with_capacity(bytes.len() + 8);
            for (cp, c) in text.chars().enumerate() {
                map.push(Some(cp));
                if c.len_utf16() == 2 {
                    map.push(None);
                }
            }
            map.push(Some(bytes.len() - 1));
            map
        });
        Indexed {
            text,
            bytes,
            from_utf16,
        }
    }

    /// Length in code points.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Whether the text has characters outside the BMP.
    pub fn astral(&self) -> bool {
        self.from_utf16.is_some()
    }

    /// The code point range of `start..end` counted in `unit`.
    pub fn to_chars(&self, unit: Unit, start: u64, end: u64) -> Result<(usize, usize), Bad> {
        if start > end {
            return Err(Bad::Reversed);
        }
        match (&self.from_utf16, unit) {
            (Some(map), Unit::Utf16) => {
                let at = |o: u64| -> Result<usize, Bad> {
                    let i = usize::try_from(o).map_err(|_| Bad::Outside { len: map.len() - 1 })?;
                    match map.get(i) {
                        None => Err(Bad::Outside { len: map.len() - 1 }),
                        Some(None) => Err(Bad::SplitsPair { at: o }),
                        Some(Some(cp)) => Ok(*cp),
                    }
                };
                Ok((at(start)?, at(end)?))
            }
            _ => {
                let len = self.chars();
                let e = usize::try_from(end).map_err(|_| Bad::Outside { len })?;
                if e > len {
                    return Err(Bad::Outside { len });
                }
                Ok((start as usize, e))
            }
        }
    }

    /// The text of code points `start..end` (a range [`Self::to_chars`] gave).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.bytes[start]..self.bytes[end]]
    }

    /// True when code point `i` is at a word edge: the text's ends, or next
    /// to a character that is not a letter or digit.
    fn at_edge(&self, i: usize) -> bool {
        if i == 0 || i >= self.chars() {
            return true;
        }
        let before = self.text[..self.bytes[i]].chars().next_back();
        let after = self.text[self.bytes[i]..].chars().next();
        !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
    }
}

/// Decides the unit of one source's offsets `spans`. Where only one unit
/// makes every selection valid, that is it. Where both do, the unit under
/// which more selections start and end at word edges wins (people select
/// words, and a one-off shift cuts them); a tie goes to code points, the
/// standard's unit, unless the exporter is NVivo for Windows (`origin`).
pub fn detect(index: &Indexed, spans: &[(u64, u64)], origin: &str) -> Unit {
    if !index.astral() {
        return Unit::Either;
    }
    let valid = |unit| {
        spans
            .iter()
            .filter(|&&(s, e)| index.to_chars(unit, s, e).is_ok())
            .count()
    };
    let (cp, u16) = (valid(Unit::CodePoints), valid(Unit::Utf16));
    if cp != u16 {
        return if u16 > cp {
            Unit::Utf16
        } else {
            Unit::CodePoints
        };
    }
    let edges = |unit| {
        spans
            .iter()
            .filter_map(|&(s, e)| index.to_chars(unit, s, e).ok())
            .map(|(s, e)| usize::from(index.at_edge(s)) + usize::from(index.at_edge(e)))
            .sum::<usize>()
    };
    let (cp, u16) = (edges(Unit::CodePoints), edges(Unit::Utf16));
    let windows_nvivo = origin.starts_with("NVivo") && !origin.contains("Mac");
    if u16 > cp || (u16 == cp && windows_nvivo) {
        Unit::Utf16
    } else {
        Unit::CodePoints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_skip_the_second_half_of_a_pair() {
        let t = Indexed::new("a😀 bc");
        assert_eq!(t.to_chars(Unit::Utf16, 4, 6), Ok((3, 5)));
        assert_eq!(t.slice(3, 5), "bc");
        assert_eq!(t.to_chars(Unit::CodePoints, 3, 5), Ok((3, 5)));
        assert_eq!(
            t.to_chars(Unit::Utf16, 2, 4),
            Err(Bad::SplitsPair { at: 2 })
        );
        assert_eq!(
            t.to_chars(Unit::CodePoints, 0, 6),
            Err(Bad::Outside { len: 5 })
        );
        assert_eq!(t.to_chars(Unit::Utf16, 3, 1), Err(Bad::Reversed));
    }

    #[test]
    fn detects_the_unit_from_the_selections() {
        let text = "😀 hello world";
        let t = Indexed::new(text);
        // "world" is 8..13 in code points and 9..14 in UTF-16 units.
        assert_eq!(detect(&t, &[(9, 14)], "x"), Unit::Utf16);
        assert_eq!(detect(&t, &[(8, 13)], "x"), Unit::CodePoints);
        // 14 is past the text in code points.
        assert_eq!(detect(&t, &[(2, 14)], "x"), Unit::Utf16);
        assert_eq!(detect(&Indexed::new("plain"), &[(0, 5)], "x"), Unit::Either);
    }
}
