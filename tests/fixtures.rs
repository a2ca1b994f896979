//! Data-driven tests: each file under `tests/fixtures/<lang>/` holds an article text, a line
//! `=== expect`, and the expected annotation rendered for people to read (the article
//! with `[name|type]` marks, the clusters, the claims). Run with `UPDATE_EXPECT=1` to
//! rewrite the expectations from the current output, then review the diff.

use std::fs;
use std::path::Path;

use article_annotator::{annotate, render, Annotation, Lang, Options};

const SEPARATOR: &str = "\n=== expect\n";

/// The expectation text of an annotation: the text view, then the clusters with aliases.
fn expectation(text: &str, a: &Annotation) -> String {
    let mut out = render::text_view(text, a);
    out.push_str("--- clusters\n");
    for c in &a.clusters {
        if c.kind.as_str() == "quantity" || c.kind.as_str() == "date" {
            continue;
        }
        out.push_str(&format!("{} {}", c.kind.as_str(), c.name));
        if !c.aliases.is_empty() {
            out.push_str(&format!(" = {}", c.aliases.join(" | ")));
        }
        out.push('\n');
    }
    out
}

fn check(path: &Path, lang: Lang) -> Result<(), String> {
    let raw = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let raw = raw.replace("\r\n=== expect\r\n", SEPARATOR);
    let (text, expected) = raw.split_once(SEPARATOR).ok_or("no `=== expect` line")?;
    let a = annotate(text, &Options { lang: Some(lang), id: None });
    let actual = expectation(text, &a);
    if actual == expected {
        return Ok(());
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(path, format!("{text}{SEPARATOR}{actual}")).map_err(|e| e.to_string())?;
        return Ok(());
    }
    Err(format!("--- expected\n{expected}--- actual\n{actual}"))
}

#[test]
fn fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (dir, lang) in [("tests/fixtures/fr", Lang::Fr), ("tests/fixtures/en", Lang::En)] {
        let mut paths: Vec<_> = fs::read_dir(dir).expect(dir).map(|e| e.expect("entry").path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            count += 1;
            if let Err(e) = check(&path, lang) {
                failures.push(format!("{}:\n{e}", path.display()));
            }
        }
    }
    assert!(count >= 20, "only {count} fixtures found");
    assert!(failures.is_empty(), "{} of {count} fixtures differ:\n\n{}", failures.len(), failures.join("\n\n"));
}
