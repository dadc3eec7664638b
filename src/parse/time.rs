//! Times written in transcripts, read once: `0:05`, `01:02`, `1:02:03`, `00:01:23.450`
//! (WebVTT), `00:01:23,450` (SRT), `0:00:12.6` (tenths), `:00:40.6` (hours missing).

/// Milliseconds from `h:mm:ss` or `mm:ss`, with an optional fraction after `.` or `,`
/// (one to three digits: `.6` is 600 ms). The leading field may be any size (`75:03` is
/// 75 minutes); the fields after it must be below 60. A leading `:` (a time missing its
/// hours) reads as `0:`. Anything else is `None`, never a panic.
///
/// ```text
/// assert_eq!(parse_ms("1:02:03.5"), Some(3_723_500));
/// assert_eq!(parse_ms("00:00:01,250"), Some(1_250));
/// assert_eq!(parse_ms("0:75"), None);
/// ```
pub(crate) fn parse_ms(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s.strip_prefix(':').unwrap_or(s);
    let (main, fraction) = match s.find(['.', ',']) {
        Some(at) => (s.get(..at)?, Some(s.get(at + 1..)?)),
        None => (s, None),
    };
    let fields: Vec<&str> = main.split(':').collect();
    if !(2..=3).contains(&fields.len()) {
        return None;
    }
    let mut total: u64 = 0;
    for (i, field) in fields.iter().enumerate() {
        if field.is_empty() || field.len() > 4 || !field.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u64 = field.parse().ok()?;
        if i > 0 && (n >= 60 || field.len() != 2) {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    let mut ms = total.checked_mul(1000)?;
    if let Some(f) = fraction {
        if f.is_empty() || f.len() > 3 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u64 = f.parse().ok()?;
        ms += n * 10u64.pow(3 - f.len() as u32);
    }
    Some(ms)
}

/// The first time among a label's words (`Ned Price (00:04):`, `[00:01:23] John:`,
/// `Jane Doe  0:05`, `0:00:12.6 **Jane**`), brackets and colons around it ignored.
pub(crate) fn label_time(label: &str) -> Option<u64> {
    label
        .split_whitespace()
        .map(|w| w.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']' | ':')))
        .filter(|w| w.bytes().any(|b| b == b':') && w.bytes().any(|b| b.is_ascii_digit()))
        .find_map(parse_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        for (s, ms) in [
            ("0:05", Some(5_000)),
            ("01:02", Some(62_000)),
            ("75:03", Some(4_503_000)),
            ("1:02:03", Some(3_723_000)),
            ("00:01:23.450", Some(83_450)),
            ("00:01:23,450", Some(83_450)),
            ("0:00:12.6", Some(12_600)),
            ("0:00:12.65", Some(12_650)),
            (":00:40.6", Some(40_600)),
            ("0:75", None),
            ("1:60:00", None),
            ("1:2:03", None),
            ("12", None),
            ("a:05", None),
            ("0:05.", None),
            ("0:05.1234", None),
            ("", None),
            ("1:2:3:4", None),
        ] {
            assert_eq!(parse_ms(s), ms, "{s}");
        }
    }

    #[test]
    fn label_times() {
        assert_eq!(label_time("Ned Price (00:04):"), Some(4_000));
        assert_eq!(label_time("[00:01:23] John: "), Some(83_000));
        assert_eq!(label_time("Jane Doe  0:05"), Some(5_000));
        assert_eq!(label_time("0:00:12.6 **Jane** "), Some(12_600));
        assert_eq!(label_time("Speaker 1: "), None);
        assert_eq!(label_time("Alice:"), None);
    }
}
