//! Bytes of an archive member to text: UTF-8 with or without a byte-order
//! mark, or UTF-16 with one. The mark is dropped (offsets count from the
//! first character after it); line ends are kept exactly as they are,
//! since selection offsets count them.

/// Why a member's bytes are not text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    /// Byte offset of the first bad byte.
    pub byte: usize,
    /// The encoding that was expected there.
    pub encoding: &'static str,
}

/// The text of `bytes`, or where it stops being valid.
pub fn text(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    utf8(bytes, 0)
}

/// Like [`text`], but UTF-8 is taken over without a copy: a project
/// file can be hundreds of megabytes. On failure the bytes come back, for
/// the error's excerpt.
pub fn owned(mut bytes: Vec<u8>) -> Result<String, (NotText, Vec<u8>)> {
    let skipped = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return text(&bytes).map_err(|bad| (bad, bytes));
    } else {
        0
    };
    if let Err(e) = std::str::from_utf8(&bytes[skipped..]) {
        let bad = NotText {
            byte: skipped + e.valid_up_to(),
            encoding: "UTF-8",
        };
        return Err((bad, bytes));
    }
    bytes.drain(..skipped);
    String::from_utf8(bytes).map_err(|e| {
        let bad = NotText {
            byte: skipped + e.utf8_error().valid_up_to(),
            encoding: "UTF-8",
        };
        (bad, e.into_bytes())
    })
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, NotText> {
    String::from_utf8(bytes.to_vec()).map_err(|e| NotText {
        byte: skipped + e.utf8_error().valid_up_to(),
        encoding: "UTF-8",
    })
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: &'static str,
) -> Result<String, NotText> {
    let bad = |i: usize| NotText {
        byte: 2 + i,
        encoding,
    };
    if bytes.len() % 2 == 1 {
        return Err(bad(bytes.len() - 1));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut units_before = 0;
    for ch in char::decode_utf16(units) {
        match ch {
            Ok(c) => {
                units_before += c.len_utf16();
                out.push(c);
            }
            Err(_) => return Err(bad(units_before * 2)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_encoding_and_drops_the_mark() {
        assert_eq!(text(b"a\r\nb").as_deref(), Ok("a\r\nb"));
        assert_eq!(text(b"\xEF\xBB\xBFab").as_deref(), Ok("ab"));
        assert_eq!(text(b"\xFF\xFEa\x00\x3D\xD8\x00\xDE").as_deref(), Ok("a😀"));
        assert_eq!(text(b"\xFE\xFF\x00a").as_deref(), Ok("a"));
    }

    #[test]
    fn owned_agrees_with_text() {
        for bytes in [
            &b"a\r\nb"[..],
            b"\xEF\xBB\xBFab",
            b"\xFF\xFEa\x00\x3D\xD8\x00\xDE",
            b"ab\xFFc",
            b"\xEF\xBB\xBFa\xC3",
        ] {
            assert_eq!(owned(bytes.to_vec()).map_err(|(bad, _)| bad), text(bytes));
        }
    }

    #[test]
    fn says_where_the_text_breaks() {
        assert_eq!(
            text(b"ab\xFFc"),
            Err(NotText {
                byte: 2,
                encoding: "UTF-8"
            })
        );
        assert_eq!(
            text(b"\xEF\xBB\xBFa\xC3"),
            Err(NotText {
                byte: 4,
                encoding: "UTF-8"
            })
        );
        // A lone high surrogate after one good unit.
        assert_eq!(
            text(b"\xFF\xFEa\x00\x3D\xD8b\x00"),
            Err(NotText {
                byte: 4,
                encoding: "UTF-16LE"
            })
        );
        assert_eq!(
            text(b"\xFF\xFEa"),
            Err(NotText {
                byte: 2,
                encoding: "UTF-16LE"
            })
        );
    }
}
