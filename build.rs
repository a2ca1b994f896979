//! Copies the language data of `data/` into `OUT_DIR`, which the core embeds with
//! `include_str!`: without its `#` comment lines (the sources and licences each file cites),
//! which stay in the repository for people and out of the page's weight; and with every
//! tab-separated field in the normal form lexicons are looked up by (`src/lang/key.rs`), so
//! that the core borrows each entry as it is instead of checking it at start-up.
//!
//! Two files are also regrouped, for the page's weight: a column that repeats on every line
//! (the class of `grammar.tsv`, the gender of `given_names.txt`) is written once, as a line
//! `@VALUE` heading the block of the entries that have it, in their order (`lang::blocks`
//! reads them back). Under LZMA that is about 3 KB less.
//!
//! And a language's `given_names.txt` loses the lines that `common/given_names.txt` has too
//! (about 2.7 KB less under LZMA): the core reads the two into one table, the common file
//! last, so a line that the common file repeats changes nothing there (`LangData::build`).

use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/lang/key.rs"]
mod key;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/lang/key.rs");
    // The lines of common/given_names.txt, in key form ("common" is read first).
    let mut common_given_names: Vec<String> = Vec::new();
    for lang in ["common", "fr", "en"] {
        let dir = Path::new("data").join(lang);
        fs::create_dir_all(Path::new(&out).join(lang)).expect("create the data folder in OUT_DIR");
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("list the data folder").path();
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "tsv")) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            // The character folds are characters, not lexicon entries.
            let as_keys = path.file_name().is_some_and(|n| n != "folds.tsv");
            let mut kept = String::with_capacity(text.len());
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                if as_keys {
                    for (i, field) in line.split('\t').enumerate() {
                        if i > 0 {
                            kept.push('\t');
                        }
                        key::key_into(field, &mut kept);
                    }
                } else {
                    kept.push_str(line);
                }
                kept.push('\n');
            }
            if path.file_name().is_some_and(|n| n == "given_names.txt") {
                if lang == "common" {
                    common_given_names = kept.lines().map(str::to_owned).collect();
                    common_given_names.sort_unstable();
                } else {
                    kept = kept.lines().filter(|l| common_given_names.binary_search_by(|c| c.as_str().cmp(l)).is_err()).flat_map(|l| [l, "\n"]).collect();
                }
            }
            let grouped_column = match path.file_name().and_then(|n| n.to_str()) {
                Some("grammar.tsv") => Some(0),
                Some("given_names.txt") => Some(1),
                _ => None,
            };
            if let Some(column) = grouped_column {
                kept = in_blocks(&kept, column);
            }
            let target = Path::new(&out).join(lang).join(path.file_name().expect("a file name"));
            fs::write(&target, kept).unwrap_or_else(|e| panic!("write {}: {e}", target.display()));
        }
    }
}

/// The lines of `text` grouped by their field `column` (the groups in the order they first
/// appear, the lines of a group in theirs): each group headed by `@VALUE`, its lines without
/// that field.
fn in_blocks(text: &str, column: usize) -> String {
    let mut groups: Vec<(&str, String)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let value = fields.get(column).copied().unwrap_or("");
        assert!(!fields.iter().enumerate().any(|(i, f)| i != column && f.starts_with('@')), "an entry may not start with @: {line:?}");
        let rest: Vec<&str> = fields.iter().enumerate().filter(|&(i, _)| i != column).map(|(_, f)| *f).collect();
        let i = match groups.iter().position(|(v, _)| *v == value) {
            Some(i) => i,
            None => {
                groups.push((value, String::new()));
                groups.len() - 1
            }
        };
        groups[i].1.push_str(&rest.join("\t"));
        groups[i].1.push('\n');
    }
    groups.iter().map(|(value, lines)| format!("@{value}\n{lines}")).collect()
}
