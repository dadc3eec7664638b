//! The field names of a struct that derives `Deserialize`, asked of serde itself: a
//! deserializer that only records what `deserialize_struct` is told.
//!
//! serde-wasm-bindgen reads only the keys a struct names, so a misspelt option would be
//! ignored without a word; the boundary compares an object's own keys with these names
//! first and refuses the others by name.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

/// The fields `T` reads, or `None` when `T` is not a struct (a list, a string).
///
/// ```text
/// assert!(fields_of::<colloquy::json::JsonOptions>().is_some_and(|f| f.contains(&"ngramMax")));
/// ```
pub fn fields_of<'de, T: de::Deserialize<'de>>() -> Option<&'static [&'static str]> {
    let mut found = None;
    let _ = T::deserialize(Fields(&mut found));
    found
}

struct Fields<'a>(&'a mut Option<&'static [&'static str]>);

/// The error that stops deserialising once the fields are known (or are not a struct's).
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a struct")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Fields<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::fields_of;

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Example {
        ngram_max: Option<usize>,
        label_pattern: Option<String>,
    }

    #[test]
    fn a_structs_fields_are_its_serde_names() {
        assert_eq!(fields_of::<Example>(), Some(&["ngramMax", "labelPattern"][..]));
        assert_eq!(fields_of::<Vec<String>>(), None);
        assert_eq!(fields_of::<String>(), None);
    }
}
