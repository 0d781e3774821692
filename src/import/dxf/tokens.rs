//! DXF group-code/value pairs, from ASCII or binary DXF.
//!
//! ASCII DXF is a sequence of line pairs: a group code (an integer) and its
//! value. Binary DXF (after a 22-byte sentinel) is the same sequence with codes
//! as 1 or 2 bytes and values typed by their code's range (strings ending in
//! NUL, little-endian integers and doubles). Both are read into [`Pair`]s.

use crate::import::ImportError;
use std::borrow::Cow;

/// The first bytes of a binary DXF.
pub const BINARY_SENTINEL: &[u8] = b"AutoCAD Binary DXF\r\n\x1a\0";

/// One group code and its value, with where it starts in the file (a line
/// number for ASCII, a byte offset for binary).
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub code: i32,
    pub value: Value<'a>,
    pub at: u32,
}

/// A value as the file holds it: text for ASCII, typed for binary.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Text(&'a [u8]),
    Float(f64),
    Int(i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Ascii,
    /// Binary with 2-byte codes (AutoCAD R13 and later).
    Binary16,
    /// Binary with 1-byte codes (R12 and earlier; 255 escapes a 2-byte code).
    Binary8,
}

/// Reads pairs one at a time, with one pair of look-ahead.
#[derive(Debug)]
pub struct Tokens<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    mode: Mode,
    peeked: Option<Pair<'a>>,
}

/// How a binary value is stored, by its group code.
#[derive(Clone, Copy)]
enum Stored {
    Text,
    Float,
    Int(usize),
    Bool,
    Chunk,
}

fn stored(code: i32) -> Option<Stored> {
    Some(match code {
        0..=9
        | 100..=105
        | 300..=309
        | 320..=369
        | 390..=399
        | 410..=419
        | 430..=439
        | 470..=481
        | 999
        | 1000..=1003
        | 1005..=1009 => Stored::Text,
        10..=59 | 110..=149 | 210..=239 | 460..=469 | 1010..=1059 => Stored::Float,
        60..=79 | 170..=179 | 270..=289 | 370..=389 | 400..=409 | 1060..=1070 => Stored::Int(2),
        90..=99 | 420..=429 | 440..=459 | 1071 => Stored::Int(4),
        160..=169 => Stored::Int(8),
        290..=299 => Stored::Bool,
        310..=319 | 1004 => Stored::Chunk,
        _ => return None,
    })
}

impl<'a> Tokens<'a> {
    /// Starts reading; detects binary DXF by its sentinel.
    pub fn new(bytes: &'a [u8]) -> Tokens<'a> {
        let (mode, pos) = if bytes.starts_with(BINARY_SENTINEL) {
            let rest = &bytes[BINARY_SENTINEL.len()..];
            let mode = if rest.len() >= 2 && rest[0] == 0 && rest[1] == 0 {
                Mode::Binary16
            } else {
                Mode::Binary8
            };
            (mode, BINARY_SENTINEL.len())
        } else {
            // A UTF-8 byte order mark is not part of the first group code.
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            (Mode::Ascii, bom)
        };
        Tokens {
            bytes,
            pos,
            line: 0,
            mode,
            peeked: None,
        }
    }

    /// True for binary DXF (places are byte offsets).
    pub fn is_binary(&self) -> bool {
        self.mode != Mode::Ascii
    }

    /// How far reading has got, in bytes.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Where the next pair starts, as a place.
    pub fn here(&self) -> String {
        match self.mode {
            Mode::Ascii => format!("line {}", self.line + 1),
            _ => format!("byte {}", self.pos),
        }
    }

    /// The place word for `at` values: `line` or `byte`.
    pub fn place(&self, at: u32) -> String {
        match self.mode {
            Mode::Ascii => format!("line {at}"),
            _ => format!("byte {at}"),
        }
    }

    /// The next pair without taking it.
    pub fn peek(&mut self) -> Result<Option<Pair<'a>>, ImportError> {
        if self.peeked.is_none() {
            self.peeked = self.read()?;
        }
        Ok(self.peeked)
    }

    /// Takes the next pair; `None` at the end of the file.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Pair<'a>>, ImportError> {
        match self.peeked.take() {
            Some(p) => Ok(Some(p)),
            None => self.read(),
        }
    }

    fn ascii_line(&mut self) -> Option<&'a [u8]> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let rest = &self.bytes[self.pos..];
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        self.pos += (end + 1).min(rest.len());
        self.line += 1;
        let line = &rest[..end];
        Some(line.strip_suffix(b"\r").unwrap_or(line))
    }

    fn read(&mut self) -> Result<Option<Pair<'a>>, ImportError> {
        match self.mode {
            Mode::Ascii => self.read_ascii(),
            _ => self.read_binary(),
        }
    }

    fn read_ascii(&mut self) -> Result<Option<Pair<'a>>, ImportError> {
        let Some(code_line) = self.ascii_line() else {
            return Ok(None);
        };
        // A blank last line after the last pair is not a pair.
        if code_line.iter().all(u8::is_ascii_whitespace) && self.pos >= self.bytes.len() {
            return Ok(None);
        }
        let at = self.line;
        let text = std::str::from_utf8(code_line).unwrap_or("").trim();
        let code: i32 = text.parse().map_err(|_| {
            ImportError::at(
                format!("line {at}"),
                format!(
                    "expected a DXF group code (an integer), found \"{}\"; this is not a DXF file, or it is damaged",
                    printable(code_line)
                ),
            )
        })?;
        let value = self.ascii_line().ok_or_else(|| {
            ImportError::at(
                format!("line {at}"),
                format!("the file ends after group code {code}, without its value: the file is truncated"),
            )
        })?;
        Ok(Some(Pair {
            code,
            value: Value::Text(value),
            at,
        }))
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ImportError> {
        if self.pos + n > self.bytes.len() {
            return Err(ImportError::at(
                format!("byte {}", self.pos),
                format!("the file ends inside {what}: the binary DXF is truncated"),
            ));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn read_binary(&mut self) -> Result<Option<Pair<'a>>, ImportError> {
        if self.pos >= self.bytes.len() {
            return Ok(None);
        }
        let at = self.pos as u32;
        let code = match self.mode {
            Mode::Binary16 => {
                let b = self.take(2, "a group code")?;
                i16::from_le_bytes([b[0], b[1]]) as i32
            }
            _ => {
                let b = self.take(1, "a group code")?[0];
                if b == 255 {
                    let b = self.take(2, "a group code")?;
                    i16::from_le_bytes([b[0], b[1]]) as i32
                } else {
                    b as i32
                }
            }
        };
        let Some(kind) = stored(code) else {
            return Err(ImportError::at(
                format!("byte {at}"),
                format!("unknown group code {code} in a binary DXF: the file is damaged"),
            ));
        };
        let value = match kind {
            Stored::Text => {
                let rest = &self.bytes[self.pos..];
                let end = rest.iter().position(|&b| b == 0).ok_or_else(|| {
                    ImportError::at(
                        format!("byte {at}"),
                        "the file ends inside a text value: the binary DXF is truncated",
                    )
                })?;
                self.pos += end + 1;
                Value::Text(&rest[..end])
            }
            Stored::Float => {
                let b = self.take(8, "a number")?;
                Value::Float(f64::from_le_bytes(b.try_into().expect("8 bytes")))
            }
            Stored::Int(n) => {
                let b = self.take(n, "a number")?;
                Value::Int(match n {
                    2 => i16::from_le_bytes([b[0], b[1]]) as i64,
                    4 => i32::from_le_bytes(b.try_into().expect("4 bytes")) as i64,
                    _ => i64::from_le_bytes(b.try_into().expect("8 bytes")),
                })
            }
            Stored::Bool => Value::Int(self.take(1, "a flag")?[0] as i64),
            Stored::Chunk => {
                let n = self.take(1, "a binary chunk")?[0] as usize;
                Value::Text(self.take(n, "a binary chunk")?)
            }
        };
        Ok(Some(Pair { code, value, at }))
    }
}

impl<'a> Pair<'a> {
    /// The value as text (UTF-8, else Windows-1252, as DXF before 2007 writes;
    /// `\U+XXXX` escapes decoded).
    pub fn text(&self) -> Cow<'a, str> {
        match self.value {
            Value::Text(b) => decode(b),
            Value::Float(x) => Cow::Owned(x.to_string()),
            Value::Int(i) => Cow::Owned(i.to_string()),
        }
    }

    /// True when the value is this text (ASCII DXF keywords: `SECTION`, `LINE`).
    pub fn is(&self, word: &str) -> bool {
        match self.value {
            Value::Text(b) => b.trim_ascii() == word.as_bytes(),
            _ => false,
        }
    }

    /// The value as a finite number.
    pub fn float(&self, place: &str, what: &str) -> Result<f64, ImportError> {
        let x = match self.value {
            Value::Float(x) => x,
            Value::Int(i) => i as f64,
            Value::Text(b) => std::str::from_utf8(b)
                .ok()
                .and_then(|s| s.trim().parse::<f64>().ok())
                .ok_or_else(|| {
                    ImportError::at(
                        place,
                        format!(
                            "group code {} of {what} should be a number, found \"{}\"",
                            self.code,
                            printable(b)
                        ),
                    )
                })?,
        };
        if x.is_finite() {
            Ok(x)
        } else {
            Err(ImportError::at(
                place,
                format!(
                    "group code {} of {what} is not a finite number ({x})",
                    self.code
                ),
            ))
        }
    }

    /// The value as an integer.
    pub fn int(&self, place: &str, what: &str) -> Result<i64, ImportError> {
        match self.value {
            Value::Int(i) => Ok(i),
            Value::Float(x) if x.fract() == 0.0 && x.abs() < 9e15 => Ok(x as i64),
            Value::Text(b) => std::str::from_utf8(b)
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .ok_or_else(|| {
                    ImportError::at(
                        place,
                        format!(
                            "group code {} of {what} should be an integer, found \"{}\"",
                            self.code,
                            printable(b)
                        ),
                    )
                }),
            Value::Float(x) => Err(ImportError::at(
                place,
                format!(
                    "group code {} of {what} should be an integer, found {x}",
                    self.code
                ),
            )),
        }
    }
}

/// Up to 40 characters of a value, for messages.
fn printable(b: &[u8]) -> String {
    let s: String = String::from_utf8_lossy(b).chars().take(40).collect();
    s.escape_debug().to_string()
}

/// Windows-1252's characters for bytes 0x80..0x9F (the rest of the upper half is
/// Latin-1).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn decode(b: &[u8]) -> Cow<'_, str> {
    let text: Cow<str> = match std::str::from_utf8(b) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(
            b.iter()
                .map(|&c| match c {
                    0x80..=0x9F => CP1252[(c - 0x80) as usize],
                    _ => c as char,
                })
                .collect(),
        ),
    };
    if !text.contains("\\U+") {
        return text;
    }
    // AutoCAD writes characters outside the code page as \U+XXXX.
    let mut out = String::with_capacity(text.len());
    let mut rest = &text[..];
    while let Some(i) = rest.find("\\U+") {
        out.push_str(&rest[..i]);
        let hex = rest.get(i + 3..i + 7).unwrap_or("");
        match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            Some(c) if hex.len() == 4 => {
                out.push(c);
                rest = &rest[i + 7..];
            }
            _ => {
                out.push_str("\\U+");
                rest = &rest[i + 3..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_pairs_with_lines() {
        let mut t = Tokens::new(b"  0\r\nSECTION\r\n  2\r\nENTITIES\r\n 10\r\n1.5\r\n");
        let p = t.next().unwrap().unwrap();
        assert!(p.code == 0 && p.is("SECTION") && p.at == 1);
        let p = t.next().unwrap().unwrap();
        assert!(p.code == 2 && p.is("ENTITIES") && p.at == 3);
        let p = t.next().unwrap().unwrap();
        assert_eq!(p.float("x", "LINE").unwrap(), 1.5);
        assert!(t.next().unwrap().is_none());
    }

    #[test]
    fn a_missing_value_is_truncation() {
        let mut t = Tokens::new(b"0\nSECTION\n10\n");
        t.next().unwrap();
        let e = t.next().unwrap_err().to_string();
        assert_eq!(
            e,
            "line 3: the file ends after group code 10, without its value: the file is truncated"
        );
    }

    #[test]
    fn text_decoding() {
        assert_eq!(decode(b"MURS-PORT\xC9E"), "MURS-PORTÉE");
        assert_eq!(decode("Façade".as_bytes()), "Façade");
        assert_eq!(decode(b"PORTE\\U+00C9"), "PORTEÉ");
    }
}
