//! libFuzzer target: `annotate` on any bytes (as UTF-8, lossily) must not panic and must
//! satisfy the invariants of tests/common/mod.rs, the same checker the tests use.
//!
//! A first byte 0x01 / 0x02 forces French / English; otherwise the language is detected.
#![no_main]

use article_annotator::{annotate, Lang, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (lang, rest) = match data.split_first() {
        Some((1, rest)) => (Some(Lang::Fr), rest),
        Some((2, rest)) => (Some(Lang::En), rest),
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(rest);
    let a = annotate(&text, &Options { lang, id: None });
    common::check_invariants(&text, &a);
});
