//! colloquy's core as a bare wasm module, for `bench/paired.mjs`. JavaScript writes a
//! text's UTF-8 bytes into the buffer `bare_buffer` returns, `bare_load` keeps it as the
//! text, then each `bare_analyse` runs exactly what the npm package's `analyse` runs
//! between reading its string and building its JS result (`Stream::once`, default
//! options, UTF-16 offsets), and `bare_stages` times the four stages with JavaScript's
//! clock (the import `bench.now`, `performance.now()`). Nothing crosses but numbers.

pub mod stages;

use std::sync::Mutex;

use colloquy::{OffsetUnit, Options, Stream};

struct State {
    buffer: Vec<u8>,
    text: String,
    stage_ms: [f64; 4],
}

static STATE: Mutex<State> = Mutex::new(State { buffer: Vec::new(), text: String::new(), stage_ms: [0.0; 4] });

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "bench")]
extern "C" {
    fn now() -> f64;
}

/// The clock: JavaScript's `performance.now()` in wasm, `Instant` elsewhere (tests).
fn clock() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: `bench.now` is a JavaScript function taking nothing and returning a number.
        unsafe { now() }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

/// A buffer of `len` bytes for the text, in the module's memory.
#[no_mangle]
pub extern "C" fn bare_buffer(len: usize) -> *mut u8 {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    state.buffer.clear();
    state.buffer.resize(len, 0);
    state.buffer.as_mut_ptr()
}

/// Takes the buffer's bytes as the text; 1 if they are UTF-8, 0 if not.
#[no_mangle]
pub extern "C" fn bare_load() -> u32 {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = std::mem::take(&mut state.buffer);
    match String::from_utf8(bytes) {
        Ok(text) => {
            state.text = text;
            1
        }
        Err(_) => 0,
    }
}

/// Analyses the text; returns its token count (which keeps the work from being optimised away).
#[no_mangle]
pub extern "C" fn bare_analyse() -> u32 {
    let state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let analysis = Stream::once(Options::default(), OffsetUnit::Utf16, &state.text);
    u32::try_from(analysis.summary.tokens).unwrap_or(u32::MAX)
}

/// Times the stages of analysing the text; `bare_stage_ms(i)` reads stage `i`'s time.
#[no_mangle]
pub extern "C" fn bare_stages() {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    state.stage_ms = stages::stages(&state.text, &mut clock);
}

/// Milliseconds of stage `i` (parse, tokenize, count, report) in the last `bare_stages`.
#[no_mangle]
pub extern "C" fn bare_stage_ms(i: usize) -> f64 {
    STATE.lock().map_or(f64::NAN, |s| s.stage_ms.get(i).copied().unwrap_or(f64::NAN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyses_what_was_loaded_and_only_utf8() {
        let text = "Anna: Hello there, Ben.\nBen: Hello, Anna!\n";
        let ptr = bare_buffer(text.len());
        // SAFETY: `bare_buffer` returned room for `text.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), ptr, text.len()) };
        assert_eq!(bare_load(), 1);
        assert_eq!(bare_analyse(), 5);
        bare_stages();
        assert!((0..4).all(|i| bare_stage_ms(i) >= 0.0));
        assert!(bare_stage_ms(4).is_nan());
        // Bytes that are not UTF-8 are refused, and the text stays.
        let ptr = bare_buffer(2);
        // SAFETY: room for two bytes.
        unsafe { std::ptr::copy_nonoverlapping([0xff, 0xfe].as_ptr(), ptr, 2) };
        assert_eq!(bare_load(), 0);
        assert_eq!(bare_analyse(), 5);
    }
}
