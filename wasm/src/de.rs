//! Reading options from JS values: a small serde `Deserializer` over `JsValue`.
//!
//! It reads what the options are made of (objects, arrays, strings, numbers, booleans,
//! `null`/`undefined`) and nothing else. A struct's keys come from the object itself, so
//! unknown keys reach the struct, which refuses them (`deny_unknown_fields`), and an error
//! in a value names its key (`aliases.Lavrov`). It replaces serde-wasm-bindgen's
//! deserializer, which only looks up the keys a struct names, and the detour through
//! `serde_json::Value` and `serde_path_to_error` that made up for it (together about 30 KB
//! of the gzipped wasm).

use std::fmt;

use js_sys::{Array, Number, Object, Reflect};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

pub use crate::error::Error;

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid type: {}, expected {exp}", Shown(unexp)))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid value: {}, expected {exp}", Shown(unexp)))
    }
}

/// `Unexpected`, written without float formatting (numbers that are not integers are not
/// spelled out): these messages would be its only use, and it is 10 KB of wasm.
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(x) if x.fract() == 0.0 && x.abs() < 9e15 => write!(f, "number {}", x as i64),
            Unexpected::Float(_) => f.write_str("a number that is not an integer"),
            Unexpected::Unsigned(n) => write!(f, "number {n}"),
            Unexpected::Signed(n) => write!(f, "number {n}"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Seq => f.write_str("array"),
            Unexpected::Map => f.write_str("object"),
            Unexpected::Other(other) => f.write_str(other),
            _ => f.write_str("value"),
        }
    }
}

/// A JS value to deserialize.
pub struct JsDe(pub JsValue);

impl JsDe {
    fn unexpected(&self) -> Unexpected<'static> {
        let v = &self.0;
        if v.is_undefined() || v.is_null() {
            Unexpected::Unit
        } else if let Some(b) = v.as_bool() {
            Unexpected::Bool(b)
        } else if let Some(x) = v.as_f64() {
            Unexpected::Float(x)
        } else if v.is_string() {
            Unexpected::Other("string")
        } else if Array::is_array(v) {
            Unexpected::Seq
        } else if v.is_object() {
            Unexpected::Map
        } else {
            Unexpected::Other("JS value")
        }
    }

    fn wrong<T, E: de::Expected>(&self, expected: &E) -> Result<T, Error> {
        if let Some(s) = self.0.as_string() {
            return Err(de::Error::invalid_type(Unexpected::Str(&s), expected));
        }
        Err(de::Error::invalid_type(self.unexpected(), expected))
    }
}

impl<'de> de::Deserializer<'de> for JsDe {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = &self.0;
        if v.is_undefined() || v.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(x) = v.as_f64() {
            if Number::is_safe_integer(v) {
                if x >= 0.0 {
                    visitor.visit_u64(x as u64)
                } else {
                    visitor.visit_i64(x as i64)
                }
            } else {
                visitor.visit_f64(x)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(v) {
            visitor.visit_seq(Elements { items: Array::from(v).iter().collect::<Vec<_>>().into_iter(), index: 0 })
        } else if v.is_object() {
            visitor.visit_map(Entries::new(v.clone().unchecked_into()))
        } else {
            self.wrong(&visitor)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_undefined() || self.0.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    // `deserialize_any`'s branch for the same value, called directly: an array is
    // never a map nor an object a sequence, so the code that would read the other
    // (the struct visitors' `visit_seq`, …) is left out of the wasm.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if Array::is_array(&self.0) {
            visitor.visit_seq(Elements { items: Array::from(&self.0).iter().collect::<Vec<_>>().into_iter(), index: 0 })
        } else {
            self.wrong(&visitor)
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_object() && !Array::is_array(&self.0) {
            visitor.visit_map(Entries::new(self.0.clone().unchecked_into()))
        } else {
            self.wrong(&visitor)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// Enums in the options are strings naming a unit variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(s) => visitor.visit_enum(s.into_deserializer()),
            None => self.wrong(&visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct tuple tuple_struct identifier ignored_any
    }
}

/// The elements of a JS array; an error names its index.
struct Elements {
    items: std::vec::IntoIter<JsValue>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Elements {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(JsDe(item)).map(Some).map_err(|e| within(&index.to_string(), e))
    }
}

/// The entries of a JS object, in `Object.keys` order; an error names its key.
struct Entries {
    object: Object,
    keys: std::vec::IntoIter<String>,
    current: Option<String>,
}

impl Entries {
    fn new(object: Object) -> Entries {
        let keys = Object::keys(&object).iter().filter_map(|k| k.as_string()).collect::<Vec<_>>().into_iter();
        Entries { object, keys, current: None }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(key) = self.keys.next() else {
            return Ok(None);
        };
        let value = seed.deserialize(key.as_str().into_deserializer()).map(Some);
        self.current = Some(key);
        value
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let key = self.current.take().unwrap_or_default();
        let value = Reflect::get(&self.object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(JsDe(value)).map_err(|e| within(&key, e))
    }
}

/// `e`, found in the value at `key`: "`aliases.Lavrov`: invalid type: …".
fn within(key: &str, e: Error) -> Error {
    match e.0.strip_prefix('`').and_then(|rest| rest.split_once("`: ")) {
        Some((path, message)) => Error(format!("`{key}.{path}`: {message}")),
        None => Error(format!("`{key}`: {}", e.0)),
    }
}
