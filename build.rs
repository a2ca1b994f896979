//! Copies the language data of `data/` into `OUT_DIR`, which the core embeds with
//! `include_str!`: without its `#` comment lines (the sources and licences each file cites),
//! which stay in the repository for people and out of the page's weight; and with every
//! tab-separated field in the normal form lexicons are looked up by (`src/lang/key.rs`), so
//! that the core borrows each entry as it is instead of checking it at start-up.

use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/lang/key.rs"]
mod key;

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
            let target = Path::new(&out).join(lang).join(path.file_name().expect("a file name"));
            fs::write(&target, kept).unwrap_or_else(|e| panic!("write {}: {e}", target.display()));
        }
    }
}
