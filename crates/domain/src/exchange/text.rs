//! A chosen file's bytes as text. Every file the app writes is UTF-8, and it reads no other
//! encoding: a file another program has re-saved in Latin-1 or UTF-16 would otherwise be
//! read with its letters changed ("Zoë" as "Zo�"), and kept that way. Such a file is
//! refused with the reason, never guessed at. This module says only whether the bytes are
//! UTF-8 text; what the text means is for the readers.

use super::ReadError;

/// The encoding a file turned out to be in, when it is text but not UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-16, which Windows programs offer as "Unicode".
    Utf16,
    /// Another encoding, such as Windows' Latin-1 (Windows-1252).
    Other,
}

impl TextEncoding {
    /// What the refusal says of the encoding, after "not saved as UTF-8 text".
    pub(super) fn aside(self) -> &'static str {
        match self {
            Self::Utf16 => " (it is saved as UTF-16, which some programs call “Unicode”)",
            Self::Other => "",
        }
    }
}

/// Why bytes are not UTF-8 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotUtf8 {
    /// Text in another encoding.
    Encoded(TextEncoding),
    /// Not text at all: a spreadsheet, a zip, a picture chosen by mistake.
    NotText,
}

/// The UTF-8 byte order mark some Windows programs put at the start of a text file.
const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// The text of a file (a member file or a council pack), from its bytes as they were
/// chosen: UTF-8, with any byte order mark dropped. A file with nothing in it but a byte
/// order mark and spaces is refused as empty, whatever its encoding; text in another
/// encoding is refused with the reason; bytes that are not text at all, as not our
/// format. The bytes are taken, not copied: for an officer's thousand files, copying is
/// most of the cost of reading them.
pub fn file_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    if is_blank(&bytes) {
        return Err(ReadError::Empty);
    }
    decode(bytes).map_err(|why| match why {
        NotUtf8::Encoded(encoding) => ReadError::NotUtf8 { encoding },
        NotUtf8::NotText => ReadError::NotJson,
    })
}

/// Nothing but a byte order mark (of UTF-8 or UTF-16) and spaces or line breaks.
fn is_blank(bytes: &[u8]) -> bool {
    let (rest, wide) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (rest, false),
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => (rest, true),
        rest => (rest, false),
    };
    rest.iter()
        .all(|&b| b.is_ascii_whitespace() || (wide && b == 0))
}

/// The rule itself.
pub(super) fn decode(mut bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if is_utf16(&bytes) {
        return Err(NotUtf8::Encoded(TextEncoding::Utf16));
    }
    if bytes.starts_with(&UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    String::from_utf8(bytes).map_err(|error| {
        // Text in an old encoding has letters where UTF-8 has none, but no control
        // characters: those mark a file that is not text.
        let binary = error
            .as_bytes()
            .iter()
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
        if binary {
            NotUtf8::NotText
        } else {
            NotUtf8::Encoded(TextEncoding::Other)
        }
    })
}

/// UTF-16 has a byte order mark, or, without one, a zero byte beside each letter of
/// ASCII text (every file of ours starts with some): UTF-8 text never holds a zero byte.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(4).collect();
    let letter = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    !pairs.is_empty()
        && (pairs.iter().all(|p| letter(p[0]) && p[1] == 0)
            || pairs.iter().all(|p| p[0] == 0 && letter(p[1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_comes_back_as_it_was_with_or_without_a_byte_order_mark() {
        let text = "{\"full_name\":\"Cllr Zoë Brontë\"}";
        assert_eq!(decode(text.into()), Ok(text.to_owned()));
        let marked = [&UTF8_BOM[..], text.as_bytes()].concat();
        assert_eq!(decode(marked), Ok(text.to_owned()));
        assert_eq!(decode(Vec::new()), Ok(String::new()));
    }

    #[test]
    fn a_file_of_nothing_but_spaces_or_a_byte_order_mark_is_empty() {
        for bytes in [
            &b""[..],
            b"  \r\n\t",
            &UTF8_BOM,
            b"\xEF\xBB\xBF\n",
            b"\xFF\xFE",
            b"\xFE\xFF\x00 \x00\n",
        ] {
            assert_eq!(
                file_text(bytes.to_vec()),
                Err(ReadError::Empty),
                "{bytes:?}"
            );
        }
        assert_eq!(file_text(b" {} ".to_vec()), Ok(" {} ".to_owned()));
    }

    #[test]
    fn latin1_text_is_refused_as_another_encoding() {
        let latin1: Vec<u8> = "{\"full_name\":\"Cllr Zoë Brontë\"}"
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        assert_eq!(decode(latin1), Err(NotUtf8::Encoded(TextEncoding::Other)));
    }

    #[test]
    fn utf16_is_refused_as_utf16_in_either_byte_order_with_or_without_a_mark() {
        let text = "{\"full_name\":\"Cllr Zoë Brontë\"}";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            little.clone(),
            big.clone(),
            [&[0xFF, 0xFE][..], &little].concat(),
            [&[0xFE, 0xFF][..], &big].concat(),
        ] {
            assert_eq!(decode(bytes), Err(NotUtf8::Encoded(TextEncoding::Utf16)));
        }
    }

    #[test]
    fn bytes_that_are_not_text_at_all_are_told_apart_from_another_encoding() {
        let zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa8\x8f".to_vec();
        assert_eq!(decode(zip), Err(NotUtf8::NotText));
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        assert_eq!(decode(png), Err(NotUtf8::NotText));
    }
}
