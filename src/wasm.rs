//! The WebAssembly façade: the only module that knows about JavaScript.
//!
//! One call per article, one plain result: `annotate(text, {lang, id})` returns the
//! annotation of SCHEMA.md as a plain object (`null`s, arrays and plain objects; offsets in
//! code points: the page converts to UTF-16).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Lang, Options};

#[derive(serde::Deserialize, Default)]
struct JsOptions {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// Annotates `text`. `options` may be `undefined` or `{lang: "fr" | "en", id: any}`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let lang = match opts.lang.as_deref().map(str::trim) {
        None | Some("") | Some("auto") => None,
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| JsError::new(&format!("unknown language {code:?}")))?),
    };
    let a = crate::annotate(text, &Options { lang, id: opts.id });
    a.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Builds the lexicon tables of both languages now rather than on the first article.
#[wasm_bindgen]
pub fn warm() {
    let _ = Lang::Fr.data();
    let _ = Lang::En.data();
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
