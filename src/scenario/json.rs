//! Turning file bytes into a JSON value strictly: UTF-8 checked with the place
//! of the first bad byte, a byte-order mark accepted, duplicate keys refused.
//!
//! serde_json alone keeps the last of two equal keys, so `{"x": "bad", "x": 1}`
//! would load silently; a file with two values for one field is ambiguous and
//! is refused with the key and its line.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A UTF-8 byte-order mark, as some Windows tools write at the start of text.
const BOM: &str = "\u{feff}";

/// The text of `bytes`, without a leading byte-order mark.
///
/// # Errors
/// Bytes that are not UTF-8: the message names the line, column and byte.
pub fn decode(bytes: &[u8]) -> Result<&str, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(strip_bom(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            // Columns count characters, as serde_json's do.
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            Err(format!(
                "not valid UTF-8 text: bad byte 0x{:02x} at line {line} column {column} (byte {at})",
                bytes[at]
            ))
        }
    }
}

/// `text` without a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// Parses JSON text into a value, refusing duplicate keys.
///
/// # Errors
/// serde_json's message (with line and column), or the duplicate key.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(strip_bom(text));
    let value = Strict::deserialize(&mut de)?.0;
    de.end()?;
    Ok(value)
}

/// A JSON value read with duplicate keys refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("number {v} is not finite")))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "duplicate key \"{key}\" (a field may appear once per object)"
                )));
            }
            let Strict(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_with_their_place() {
        let e = parse("{\n  \"a\": 1,\n  \"a\": \"x\"\n}")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("duplicate key \"a\"") && e.contains("line 3"),
            "{e}"
        );
        // Equal keys in different objects are fine.
        assert!(parse(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert_eq!(parse("\u{feff}{\"a\": 1}").unwrap()["a"], 1);
        assert_eq!(decode(b"\xef\xbb\xbf{}").unwrap(), "{}");
    }

    #[test]
    fn bad_utf8_is_placed() {
        let e = decode(b"{\n  \"name\": \"caf\xe9\"\n}").unwrap_err();
        assert!(e.contains("line 2 column 15") && e.contains("0xe9"), "{e}");
    }

    #[test]
    fn values_keep_their_types() {
        let v = parse(
            r#"{"i": -3, "u": 18446744073709551615, "f": 1.5, "s": "t", "n": null, "b": true}"#,
        )
        .unwrap();
        assert_eq!(v["i"], -3);
        assert_eq!(v["u"], u64::MAX);
        assert_eq!(v["f"], 1.5);
        assert!(v["n"].is_null() && v["b"] == true && v["s"] == "t");
    }
}
