//! The WebAssembly façade: the only module that knows about JavaScript.
//!
//! One call per article, one plain result: `annotate(text, {lang, id})` returns the
//! annotation of SCHEMA.md as a plain object (`null`s, arrays and plain objects; offsets in
//! code points: the page converts to UTF-16).

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Lang, Options};

/// Annotates `text`. `options` may be `undefined` or `{lang: "fr" | "en", id: any}`.
///
/// The options are read with `Reflect` rather than deserialised, and `id` is put back on the
/// result as given rather than through `serde_json::Value`: serde's deserialising and its error
/// messages would bring the float formatting machinery into the module for nothing.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (lang, id) = read_options(&options)?;
    let a = crate::annotate(text, &Options { lang, id: None });
    let out = a
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let Some(id) = id else { return Ok(out) };
    // The id first, as in the command line's output: {id, language, entities, clusters, claims}.
    let with_id = Object::new();
    Reflect::set(&with_id, &JsValue::from_str("id"), &id).map_err(|_| JsError::new("cannot set the id"))?;
    Ok(Object::assign(&with_id, out.unchecked_ref()).into())
}

/// `{lang, id}`: the language, when given and not `auto`, and the id, when not `null`.
fn read_options(options: &JsValue) -> Result<(Option<Lang>, Option<JsValue>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((None, None));
    }
    if !options.is_object() {
        return Err(JsError::new("bad options: expected an object {lang, id}"));
    }
    let get = |key: &str| Reflect::get(options, &JsValue::from_str(key)).map_err(|_| JsError::new("bad options: unreadable"));
    let lang = get("lang")?;
    let lang = if lang.is_undefined() || lang.is_null() {
        None
    } else {
        match lang.as_string() {
            None => return Err(JsError::new("bad options: lang must be a string")),
            Some(code) => match code.trim() {
                "" | "auto" => None,
                code => Some(Lang::from_code(code).ok_or_else(|| JsError::new(&format!("unknown language \"{code}\"")))?),
            },
        }
    };
    let id = get("id")?;
    Ok((lang, (!id.is_undefined() && !id.is_null()).then_some(id)))
}

/// Builds the lexicon tables now rather than on the first article: those of `lang` (`"fr"`,
/// `"en"`) with the language detector's, or of every language when `lang` is undefined.
///
/// The page builds the language it expects first and the others just after it has said it
/// is ready, so that the tables of a language nobody has asked for yet do not delay it.
#[wasm_bindgen]
pub fn warm(lang: Option<String>) -> Result<(), JsError> {
    let one;
    let langs: &[Lang] = match lang {
        Some(code) => {
            one = [Lang::from_code(&code).ok_or_else(|| JsError::new(&format!("unknown language \"{code}\"")))?];
            &one
        }
        None => &[Lang::Fr, Lang::En],
    };
    // Detecting nothing builds the detector's table of function words.
    let _ = crate::lang::detect("");
    for lang in langs {
        let _ = lang.data();
    }
    Ok(())
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
