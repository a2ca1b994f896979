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
//! And a file loses the lines that another file read into the same table already holds
//! (`REPEATS`; about 4.3 KB less under LZMA in all). A language's `given_names.txt` loses the
//! lines of `common/given_names.txt`: the core reads the two into one table, the common file
//! last, so a line that the common file repeats changes nothing there. The gazetteers are sets
//! (`LangData::build`): both languages read the three files of places into one, so
//! `common/cities.txt` loses the lines of either language's `locations.txt`, and
//! `en/locations.txt` those of `fr/locations.txt`; each language reads its own
//! `organizations.txt` with `common/companies.txt`, which loses the lines both have. The
//! tests of `src/lang.rs` compare the tables with the files read whole.

use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/lang/key.rs"]
mod key;

/// The files that lose lines, each with the files whose lines it drops: a line that any of
/// them holds, or with `true` a line that all of them hold. Only a file whose lines the core
/// reads into one table with those of the others, for every language that reads it (see the
/// crate docs above).
const REPEATS: &[(&str, &[&str], bool)] = &[
    ("fr/given_names.txt", &["common/given_names.txt"], false),
    ("en/given_names.txt", &["common/given_names.txt"], false),
    ("common/cities.txt", &["fr/locations.txt", "en/locations.txt"], false),
    ("en/locations.txt", &["fr/locations.txt"], false),
    ("common/companies.txt", &["fr/organizations.txt", "en/organizations.txt"], true),
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/lang/key.rs");
    for lang in ["common", "fr", "en"] {
        let dir = Path::new("data").join(lang);
        fs::create_dir_all(Path::new(&out).join(lang)).expect("create the data folder in OUT_DIR");
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("list the data folder").path();
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "tsv")) {
                continue;
            }
            let name = format!("{lang}/{}", path.file_name().and_then(|n| n.to_str()).expect("a file name"));
            // The character folds are characters, not lexicon entries.
            let mut kept = if name == "common/folds.tsv" { without_comments(&path) } else { in_key_form(&path) };
            if let Some(&(_, others, in_all)) = REPEATS.iter().find(|(file, _, _)| *file == name) {
                let others: Vec<Vec<String>> = others.iter().map(|f| sorted_lines(&in_key_form(&Path::new("data").join(f)))).collect();
                let held = |l: &str| {
                    let mut holders = others.iter().map(|o| o.binary_search_by(|c| c.as_str().cmp(l)).is_ok());
                    if in_all {
                        holders.all(|h| h)
                    } else {
                        holders.any(|h| h)
                    }
                };
                kept = kept.lines().filter(|l| !held(l)).flat_map(|l| [l, "\n"]).collect();
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

/// The lines of the file at `path` without its comment lines.
fn without_comments(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    text.lines().filter(|l| !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect()
}

/// The lines of the lexicon file at `path` without its comment lines, every field in key form.
fn in_key_form(path: &Path) -> String {
    let mut kept = String::new();
    for line in without_comments(path).lines() {
        for (i, field) in line.split('\t').enumerate() {
            if i > 0 {
                kept.push('\t');
            }
            key::key_into(field, &mut kept);
        }
        kept.push('\n');
    }
    kept
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.sort_unstable();
    lines
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
