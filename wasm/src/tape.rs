//! Results out through a tape: a serde `Serializer` that writes a value as flat arrays
//! (`ops`, `numbers`, the strings in a few long texts, the static keys' names), which
//! `js/tape.js` turns into plain JS objects in one loop.
//!
//! Building objects from wasm one property at a time (serde-wasm-bindgen) crosses the
//! boundary three times per property and decodes every string on its own; this crosses
//! once, with the strings in a few long texts. Measured on the 50 KB benchmark
//! transcript: building the result took 1.06 ms that way, 0.32 ms this way. The values
//! are the same as serde-wasm-bindgen's `json_compatible()` serializer makes
//! (`wasm/tests/tape.rs` compares them): structs and maps as plain objects, `None` and `()` as `null`, enums
//! externally tagged, every integer as a number.
//!
//! The tape, in `ops` (`u32`s):
//! - `OBJECT n`, then `n` times a static key (an index into the static keys) and a value;
//! - `MAP n`, then `n` times a key (its length) and a value;
//! - `ARRAY n`, then `n` values;
//! - `NUMBER` (the next of `numbers`), `STRING length`, `TRUE`, `FALSE`, `NULL`.
//!
//! Strings and map keys are read in the order they were written, so only their lengths
//! (in UTF-16 units) are on the tape: each is the next that many units of the current
//! chunk, or of the next chunk if it does not fit in what is left. Chunks hold about
//! 16 Mi units (no string is split), so a result of any size never makes a JS string
//! longer than V8 allows (2^29 − 24 units).

use std::fmt;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

/// UTF-16 units a chunk of text holds before a new one starts.
pub const CHUNK_UNITS: usize = 1 << 24;

/// `value` as a plain JS value, through its tape.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    to_js_in_chunks(value, CHUNK_UNITS)
}

/// [`to_js`] with chunks of `chunk_units` (the tests use tiny ones).
pub fn to_js_in_chunks<T: Serialize + ?Sized>(value: &T, chunk_units: usize) -> Result<JsValue, Error> {
    let tape = Tape::of(value, chunk_units)?;
    let chunks: js_sys::Array = tape.chunks.iter().map(|c| JsValue::from_str(c)).collect();
    Ok(from_tape(&tape.ops, &tape.numbers, &tape.key_text, &tape.key_lengths, &chunks))
}

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = "fromTape")]
    fn from_tape(ops: &[u32], numbers: &[f64], key_text: &str, key_lengths: &[u32], chunks: &js_sys::Array) -> JsValue;
}

pub const OBJECT: u32 = 0;
pub const MAP: u32 = 1;
pub const ARRAY: u32 = 2;
pub const NUMBER: u32 = 3;
pub const STRING: u32 = 4;
pub const TRUE: u32 = 5;
pub const FALSE: u32 = 6;
pub const NULL: u32 = 7;

/// A value written as a tape (see the module's documentation).
#[derive(Debug)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub numbers: Vec<f64>,
    /// The strings and map keys, in order; a new chunk starts where the next string
    /// would take the last one past `chunk_units`.
    pub chunks: Vec<String>,
    /// The static keys' names, one after another, and each one's UTF-16 length: a key's
    /// id is its place in this list.
    pub key_text: String,
    pub key_lengths: Vec<u32>,
    /// UTF-16 units in the last chunk, and where a chunk is full.
    chunk_len: usize,
    chunk_units: usize,
    /// Static keys already in `key_text`, by address and length; a key's id is its place.
    key_ids: Vec<(usize, usize)>,
    /// The id of a recently written key, by a hash of its address and length (checked
    /// against `key_ids`): a struct's keys recur for every element, so nearly every key
    /// is found here, without a scan.
    key_cache: [u32; KEY_CACHE],
}

/// Slots of [`Tape`]'s key cache: a power of two, several times the keys of any result.
const KEY_CACHE: usize = 256;

/// Why a value could not be written: an integer beyond 2^53 − 1, a map key that is not
/// a string or a number, a serializer's own error, or a result too large for `u32` offsets.
/// An error writing the tape: one line of text, shown in the JS `Error`.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn too_large() -> Error {
    Error("the result is too large".to_owned())
}

impl Tape {
    /// Writes `value`, with its strings in chunks of about `chunk_units` UTF-16 units.
    ///
    /// ```
    /// use colloquy_wasm::tape::{Tape, CHUNK_UNITS};
    /// let tape = Tape::of(&("hi", 2), CHUNK_UNITS).unwrap();
    /// assert_eq!(tape.ops, [2, 2, 4, 2, 3]);
    /// assert_eq!(tape.numbers, [2.0]);
    /// assert_eq!(tape.chunks, ["hi"]);
    /// ```
    pub fn of<T: Serialize + ?Sized>(value: &T, chunk_units: usize) -> Result<Tape, Error> {
        let mut tape = Tape {
            ops: Vec::new(),
            numbers: Vec::new(),
            chunks: vec![String::new()],
            key_text: String::new(),
            key_lengths: Vec::new(),
            chunk_len: 0,
            chunk_units,
            key_ids: Vec::new(),
            key_cache: [u32::MAX; KEY_CACHE],
        };
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// Appends `s` to the chunks; its length in UTF-16 units.
    fn push_text(&mut self, s: &str) -> Result<u32, Error> {
        let len = colloquy::utf16_len(s);
        if self.chunk_len > 0 && self.chunk_len.saturating_add(len) > self.chunk_units {
            self.chunks.push(String::new());
            self.chunk_len = 0;
        }
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push_str(s);
        }
        self.chunk_len += len;
        u32::try_from(len).map_err(|_| too_large())
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        let len = self.push_text(s)?;
        self.ops.extend([STRING, len]);
        Ok(())
    }

    /// A 64- or 128-bit integer, if a JS number holds it exactly (as serde-wasm-bindgen).
    fn integer<I: Copy + fmt::Display + TryInto<i64>>(&mut self, v: I) -> Result<(), Error> {
        const SAFE: i64 = (1 << 53) - 1;
        match v.try_into() {
            Ok(x) if (-SAFE..=SAFE).contains(&x) => {
                self.number(x as f64);
                Ok(())
            }
            _ => Err(Error(format!("{v} can't be represented as a JavaScript number"))),
        }
    }

    fn number(&mut self, x: f64) {
        self.ops.push(NUMBER);
        self.numbers.push(x);
    }

    fn key(&mut self, key: &'static str) -> Result<(), Error> {
        let this = (key.as_ptr() as usize, key.len());
        let slot = ((this.0 ^ this.1).wrapping_mul(0x9E37_79B9) >> 8) & (KEY_CACHE - 1);
        let cached = self.key_cache.get(slot).copied().filter(|&id| self.key_ids.get(id as usize) == Some(&this));
        let id = match cached {
            Some(id) => id,
            None => {
                let id = match self.key_ids.iter().position(|&k| k == this) {
                    Some(i) => u32::try_from(i).map_err(|_| too_large())?,
                    None => {
                        let id = u32::try_from(self.key_ids.len()).map_err(|_| too_large())?;
                        let units = u32::try_from(colloquy::utf16_len(key)).map_err(|_| too_large())?;
                        self.key_text.push_str(key);
                        self.key_lengths.push(units);
                        self.key_ids.push(this);
                        id
                    }
                };
                if let Some(cached) = self.key_cache.get_mut(slot) {
                    *cached = id;
                }
                id
            }
        };
        self.ops.push(id);
        Ok(())
    }

    /// Starts an object, array or map whose length is written by [`Compound::end`].
    fn open(&mut self, op: u32) -> Compound<'_> {
        self.ops.extend([op, 0]);
        let at = self.ops.len() - 1;
        Compound { tape: self, at, len: 0 }
    }

    /// A one-key object `{ variant: … }` around an enum variant's value.
    fn variant(&mut self, variant: &'static str) -> Result<(), Error> {
        self.ops.extend([OBJECT, 1]);
        self.key(variant)
    }
}

/// An object, array or map being written: counts its entries.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    /// Where its length goes in `ops`.
    at: usize,
    len: u32,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.len = self.len.checked_add(1).ok_or_else(too_large)?;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.tape.key(key)?;
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        if let Some(slot) = self.tape.ops.get_mut(self.at) {
            *slot = self.len;
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.integer(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.integer(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant)?;
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant)?;
        Ok(self.open(OBJECT))
    }
}

/// Sequences, tuples and tuple variants: an array of their elements.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(MapKey(&mut *self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Structs and struct variants: an object of their fields.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// A map key: a string, or a number or bool written as one (as JSON does).
struct MapKey<'a>(&'a mut Tape);

impl MapKey<'_> {
    fn text(self, key: &str) -> Result<(), Error> {
        let len = self.0.push_text(key)?;
        self.0.ops.push(len);
        Ok(())
    }
}

fn key_must_be_a_string() -> Error {
    Error("a map key must be a string or a number".to_owned())
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.text(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}
