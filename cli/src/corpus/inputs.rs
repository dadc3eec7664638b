//! The documents of a corpus, from the paths given: files as given, folders walked
//! (recursively, sorted by name, hidden files and folders skipped) and glob patterns
//! expanded (sorted; a hidden name matches only a pattern that spells its dot).

use std::path::Path;

use glob::MatchOptions;
use walkdir::WalkDir;

/// One input: a file to read, or a path that names none (with the reason, for stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(String),
    Bad { path: String, reason: String },
}

fn bad(path: &str, reason: impl Into<String>) -> Input {
    Input::Bad { path: path.to_owned(), reason: reason.into() }
}

/// Every file `paths` name, in order: each path's files in turn, as given.
pub fn expand(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        let p = Path::new(path);
        if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() || !is_pattern(path) {
            out.push(Input::File(path.clone()));
        } else {
            expand_pattern(path, &mut out);
        }
    }
    out
}

fn is_pattern(path: &str) -> bool {
    path.contains(['*', '?', '['])
}

fn expand_pattern(pattern: &str, out: &mut Vec<Input>) {
    let options =
        MatchOptions { case_sensitive: true, require_literal_separator: true, require_literal_leading_dot: true };
    let paths = match glob::glob_with(pattern, options) {
        Ok(paths) => paths,
        Err(e) => return out.push(bad(pattern, format!("not a valid glob pattern ({e})"))),
    };
    let before = out.len();
    for entry in paths {
        match entry {
            Ok(p) if p.is_dir() => walk(&p, out),
            Ok(p) => out.push(named(&p)),
            Err(e) => out.push(bad(&e.path().display().to_string(), e.error().to_string())),
        }
    }
    if out.len() == before {
        out.push(bad(pattern, "no file matches this pattern"));
    }
}

fn named(p: &Path) -> Input {
    match p.to_str() {
        Some(s) => Input::File(s.to_owned()),
        None => bad(&p.display().to_string(), "the path is not valid UTF-8"),
    }
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Every file under `dir`, sorted by name at each level, hidden entries skipped.
fn walk(dir: &Path, out: &mut Vec<Input>) {
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !hidden(e.file_name())) {
        match entry {
            Ok(e) if e.file_type().is_file() => out.push(named(e.path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                let reason = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                out.push(bad(&path, reason));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_sorted_without_hidden_files_and_globs_expand() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/inner"))?;
        std::fs::create_dir_all(root.join(".git"))?;
        for f in ["b/z.txt", "b/a.txt", "b/inner/m.txt", "b/.hidden.txt", ".git/x.txt", "c.txt"] {
            std::fs::write(root.join(f), "A: hi")?;
        }
        let s = |p: &str| root.join(p).display().to_string();
        let files = expand(&[s(""), s("*.txt"), s("b/*.txt"), s("nothing*"), s("missing.txt")]);
        let want = [
            Input::File(s("b/a.txt")),
            Input::File(s("b/inner/m.txt")),
            Input::File(s("b/z.txt")),
            Input::File(s("c.txt")),
            Input::File(s("c.txt")),
            Input::File(s("b/a.txt")),
            Input::File(s("b/z.txt")),
            bad(&s("nothing*"), "no file matches this pattern"),
            Input::File(s("missing.txt")),
        ];
        // The folder walk gives paths joined onto the folder as given (with its `/`).
        let files: Vec<Input> = files
            .into_iter()
            .map(|i| match i {
                Input::File(f) => Input::File(f.replace("//", "/")),
                other => other,
            })
            .collect();
        assert_eq!(files, want);
        Ok(())
    }
}
