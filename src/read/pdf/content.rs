//! A page's content stream run for its text: the text and graphics state operators
//! that place text (`BT`, `Tf`, `Td`, `TD`, `Tm`, `T*`, `Tc`, `Tw`, `Tz`, `TL`, `cm`,
//! `q`/`Q`) and those that show it (`Tj`, `TJ`, `'`, `"`), form XObjects (`Do`, a few
//! levels deep), inline images skipped. Each shown string becomes an [`Item`] where it
//! lies on the page.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use memchr::memmem;

use super::file::{Budget, File};
use super::filter::Undecoded;
use super::font::Font;
use super::lexer::{is_white, Lexer, Token};
use super::object::{get, Dict, Fault, Object};

/// A shown string where it lies: its start and end on the baseline, and its size.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// Why reading the content stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    TextTooLarge,
    StreamTooLarge,
    Depth,
}

type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b`, as PDF composes matrices.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    let m = [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ];
    if m.iter().all(|v| v.is_finite()) {
        m
    } else {
        IDENTITY
    }
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    let start = operands.len().checked_sub(6)?;
    let mut m = [0.0; 6];
    for (slot, o) in m.iter_mut().zip(operands.get(start..)?) {
        *slot = o.as_f64()?;
    }
    Some(m)
}

/// How deep forms may draw forms.
const MAX_FORM_DEPTH: usize = 8;
/// How deep `q` may nest (deeper saves are counted, not kept).
const MAX_SAVES: usize = 256;
/// Operands kept before an operator (garbage streams would otherwise pile them up).
const MAX_OPERANDS: usize = 32;

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
}

/// Runs pages' content streams, sharing the fonts read and the budgets.
pub(super) struct Extractor<'f, 'a> {
    pub file: &'f File<'a>,
    pub budget: Budget,
    pub max_depth: usize,
    fonts: HashMap<usize, Rc<Font>>,
    text_left: usize,
    /// Codes no font could turn into text.
    pub unmapped: usize,
}

impl<'f, 'a> Extractor<'f, 'a> {
    pub fn new(file: &'f File<'a>, budget: Budget, max_text: usize, max_depth: usize) -> Self {
        Extractor { file, budget, max_depth, fonts: HashMap::default(), text_left: max_text, unmapped: 0 }
    }

    /// The text items of a page: its content (a stream or an array of streams) run
    /// with its resources.
    pub fn page(&mut self, page: &Dict, resources: Option<&Dict>) -> Result<Vec<Item>, Stop> {
        let file = self.file;
        let mut data = Vec::new();
        let streams: Vec<&Object> = match file.get(page, b"Contents") {
            Some(Object::Array(parts)) => parts.iter().map(|o| file.resolve(o)).collect(),
            Some(o) => vec![o],
            None => Vec::new(),
        };
        for stream in streams {
            if let Object::Stream(s) = stream {
                match file.decode(s, &mut self.budget) {
                    Ok(part) => {
                        data.extend_from_slice(&part);
                        data.push(b'\n');
                    }
                    Err(Undecoded::TooLarge) => return Err(Stop::StreamTooLarge),
                    Err(Undecoded::Unsupported) => {}
                }
            }
        }
        let mut items = Vec::new();
        let state = State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
        };
        self.run(&data, resources, state, 0, &mut items)?;
        Ok(items)
    }

    /// The font `name` of `resources`, read once per font dictionary (by its address:
    /// the file's objects do not move), so a `Tf` repeated a million times costs a look-up.
    fn font(&mut self, resources: Option<&Dict>, name: &[u8]) -> Option<Rc<Font>> {
        let file = self.file;
        let fonts = resources.and_then(|r| file.get(r, b"Font")).and_then(Object::as_dict)?;
        let dict = file.resolve(get(fonts, name)?).as_dict()?;
        let key = dict as *const Dict as usize;
        if let Some(font) = self.fonts.get(&key) {
            return Some(Rc::clone(font));
        }
        let font = Rc::new(Font::new(file, dict, &mut self.budget));
        self.fonts.insert(key, Rc::clone(&font));
        Some(font)
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&Dict>,
        mut state: State,
        depth: usize,
        items: &mut Vec<Item>,
    ) -> Result<(), Stop> {
        let mut saved: Vec<State> = Vec::new();
        let mut unsaved_depth = 0usize;
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut operands: Vec<Object> = Vec::new();
        let mut lexer = Lexer::new(data, 0);
        while let Some(token) = lexer.next_token() {
            let op = match token {
                Token::Keyword(op) => op,
                token => {
                    match super::object::parse_value(&mut lexer, token, self.max_depth) {
                        Ok(value) => {
                            if operands.len() >= MAX_OPERANDS {
                                operands.remove(0);
                            }
                            operands.push(value);
                        }
                        Err(Fault::Depth) => return Err(Stop::Depth),
                        Err(Fault::Syntax) => operands.clear(),
                    }
                    continue;
                }
            };
            let num = |i: usize| operands.len().checked_sub(i).and_then(|k| operands.get(k)).and_then(Object::as_f64);
            match op {
                b"q" => {
                    if saved.len() < MAX_SAVES {
                        saved.push(state.clone());
                    } else {
                        unsaved_depth += 1;
                    }
                }
                b"Q" => {
                    if unsaved_depth > 0 {
                        unsaved_depth -= 1;
                    } else if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix_of(&operands) {
                        state.ctm = mul(&m, &state.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    if let (Some(Object::Name(name)), Some(size)) =
                        (operands.len().checked_sub(2).and_then(|k| operands.get(k)), num(1))
                    {
                        state.font = self.font(resources, name);
                        state.size = size;
                    }
                }
                b"Tc" => state.char_spacing = num(1).unwrap_or(0.0),
                b"Tw" => state.word_spacing = num(1).unwrap_or(0.0),
                b"Tz" => state.scale = num(1).unwrap_or(100.0) / 100.0,
                b"TL" => state.leading = num(1).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    if let (Some(tx), Some(ty)) = (num(2), num(1)) {
                        if op == b"TD" {
                            state.leading = -ty;
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = matrix_of(&operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op != b"Tj" {
                        if op == b"\"" {
                            state.word_spacing = num(3).unwrap_or(state.word_spacing);
                            state.char_spacing = num(2).unwrap_or(state.char_spacing);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::Str(s)) = operands.last() {
                        self.show(s, &state, &mut tm, items)?;
                    }
                }
                b"TJ" => {
                    if let Some(Object::Array(parts)) = operands.last() {
                        for part in parts {
                            match part {
                                Object::Str(s) => self.show(s, &state, &mut tm, items)?,
                                other => {
                                    let adjust = other.as_f64().unwrap_or(0.0);
                                    let tx = -adjust / 1000.0 * state.size * state.scale;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Object::Name(name)) = operands.last() {
                        self.form(resources, name, &state, depth, items)?;
                    }
                }
                b"BI" => skip_inline_image(&mut lexer),
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }

    /// Draws the form XObject `name` (a bounded number of levels deep).
    fn form(
        &mut self,
        resources: Option<&Dict>,
        name: &[u8],
        state: &State,
        depth: usize,
        items: &mut Vec<Item>,
    ) -> Result<(), Stop> {
        let file = self.file;
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let xobjects = resources.and_then(|r| file.get(r, b"XObject")).and_then(Object::as_dict);
        let Some(Object::Stream(form)) = xobjects.and_then(|x| file.get(x, name)) else { return Ok(()) };
        if file.get(&form.dict, b"Subtype").and_then(Object::as_name) != Some(b"Form") {
            return Ok(());
        }
        let data = match file.decode(form, &mut self.budget) {
            Ok(data) => data,
            Err(Undecoded::TooLarge) => return Err(Stop::StreamTooLarge),
            Err(Undecoded::Unsupported) => return Ok(()),
        };
        let matrix = file.get(&form.dict, b"Matrix").and_then(Object::as_array).and_then(matrix_of).unwrap_or(IDENTITY);
        let mut inner = state.clone();
        inner.ctm = mul(&matrix, &state.ctm);
        let own = file.get(&form.dict, b"Resources").and_then(Object::as_dict);
        self.run(&data, own.or(resources), inner, depth + 1, items)
    }

    /// A shown string: an item at the text matrix, which then moves past it.
    fn show(&mut self, bytes: &[u8], state: &State, tm: &mut Matrix, items: &mut Vec<Item>) -> Result<(), Stop> {
        let Some(font) = &state.font else {
            self.unmapped += bytes.len();
            return Ok(());
        };
        let start = mul(tm, &state.ctm);
        let mut text = String::new();
        for glyph in font.glyphs(bytes) {
            match glyph.text {
                Some(t) => {
                    for c in t.chars() {
                        match c {
                            '\t' | '\u{A0}' => text.push(' '),
                            // Ligature glyphs (Chromium maps its `fi` glyph to U+FB01):
                            // the letters, so words are the words typed.
                            '\u{FB00}'..='\u{FB06}' => text.push_str(ligature(c)),
                            c if c.is_control() => {}
                            c => text.push(c),
                        }
                    }
                }
                None => self.unmapped += 1,
            }
            let spacing = state.char_spacing + if glyph.is_space { state.word_spacing } else { 0.0 };
            let tx = (glyph.width * state.size + spacing) * state.scale;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
        if text.is_empty() {
            return Ok(());
        }
        if text.len() > self.text_left {
            return Err(Stop::TextTooLarge);
        }
        self.text_left -= text.len();
        let end = mul(tm, &state.ctm);
        let size = (state.size * start[2].hypot(start[3])).abs();
        items.push(Item {
            x0: start[4],
            x1: end[4],
            y: start[5],
            size: if size.is_finite() { size } else { 0.0 },
            text,
        });
        Ok(())
    }
}

/// The letters of a Latin ligature (U+FB00–U+FB06).
fn ligature(c: char) -> &'static str {
    match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        _ => "st",
    }
}

/// Skips an inline image's data: past `ID` and its one white space byte to an `EI`
/// standing alone.
fn skip_inline_image(lexer: &mut Lexer<'_>) {
    while let Some(token) = lexer.next_token() {
        if token == Token::Keyword(b"ID") {
            break;
        }
    }
    let bytes = lexer.bytes;
    let mut at = lexer.pos + 1;
    while let Some(found) = bytes.get(at..).and_then(|rest| memmem::find(rest, b"EI")) {
        let i = at + found;
        let before = i == 0 || bytes.get(i - 1).is_some_and(|&b| is_white(b));
        let after = bytes.get(i + 2).is_none_or(|&b| is_white(b));
        if before && after {
            lexer.pos = i + 2;
            return;
        }
        at = i + 2;
    }
    lexer.pos = bytes.len();
}
