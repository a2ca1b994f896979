//! Copies the language data of `data/` into `OUT_DIR` without its `#` comment lines (the
//! sources and licences each file cites), which the core embeds with `include_str!`: the
//! comments stay in the repository for people and out of the page's weight.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
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
            let kept: String = text.lines().filter(|l| !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
            let target = Path::new(&out).join(lang).join(path.file_name().expect("a file name"));
            fs::write(&target, kept).unwrap_or_else(|e| panic!("write {}: {e}", target.display()));
        }
    }
}
