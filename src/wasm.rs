//! The WebAssembly façade: the only module that knows about JavaScript.
//!
//! One call per article, one value back: `annotate(text, {lang})` returns the annotation of
//! SCHEMA.md packed as `[numbers, strings]` (a `Uint32Array` and one string), which
//! `www/annotation.js` unpacks into the plain object of SCHEMA.md (offsets in code points: the
//! page converts to UTF-16). Building that object field by field from Rust cost a third of the
//! time of a call (each field is a call out to JavaScript); the packed form crosses the
//! boundary as two copies, and JavaScript builds its own objects quickly.

use js_sys::{Array, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::{Annotation, ClaimKind, EntityType, Lang, Options};

// SAFETY: the module runs on one thread (a page's worker), as `new_global` requires.
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// Annotates `text`. `options` may be `undefined` or `{lang: "fr" | "en" | "auto"}` (any
/// other field is the caller's: `id` is put back by the unpacking, not read here).
///
/// The options are read with `Reflect` rather than deserialised: serde's deserialising and its
/// error messages would bring the float formatting machinery into the module for nothing.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<Array, JsError> {
    let lang = read_lang(&options)?;
    let annotation = crate::annotate(text, &Options { lang, id: None });
    let packed = Packed::of(&annotation);
    Ok(Array::of2(&Uint32Array::from(packed.numbers.as_slice()), &JsValue::from_str(&packed.strings)))
}

/// The annotation as two sequences read in step by `www/annotation.js` (the layout is written
/// there and here; change both together): numbers, and strings joined into one, each string's
/// length in UTF-16 units among the numbers just before the string is due. An absent optional
/// number is 0, a present one is itself plus 1.
///
/// - the names of the entity types (`EntityType::ALL`), then of the claim kinds
///   (`ClaimKind::ALL`): types and kinds are sent as indexes into them;
/// - the language;
/// - each entity: id, type, start, end, cluster, then its text and `why`;
/// - a `why` is an index into the `why`s sent so far, followed by the string when it is new
///   (the index is then the count so far);
/// - each cluster: id, type, the mention count and the mentions, the alias count, then its
///   name and aliases;
/// - each claim: id, kind, start, end, a cue flag (then start, end),
///   a speaker flag (then start, end, optional cluster), then its text, the cue's and
///   speaker's texts when present, and `why`.
///
/// Counts come first: entities, clusters and claims.
struct Packed<'a> {
    numbers: Vec<u32>,
    strings: String,
    /// The distinct `why`s sent so far: a few rules explain thousands of annotations, so each
    /// is sent once and then by its index.
    whys: Vec<&'a str>,
}

impl<'a> Packed<'a> {
    fn of(a: &'a Annotation) -> Packed<'a> {
        let numbers = Vec::with_capacity(8 + a.entities.len() * 8 + a.claims.len() * 16);
        let mut p = Packed { numbers, strings: String::new(), whys: Vec::new() };
        for n in [a.entities.len(), a.clusters.len(), a.claims.len()] {
            p.num(n);
        }
        for t in EntityType::ALL {
            p.str(t.as_str());
        }
        for k in ClaimKind::ALL {
            p.str(k.as_str());
        }
        p.str(&a.language);
        for e in &a.entities {
            for n in [e.id, e.kind as usize, e.start, e.end, e.cluster] {
                p.num(n);
            }
            p.str(&e.text);
            p.why(&e.why);
        }
        for c in &a.clusters {
            for n in [c.id, c.kind as usize, c.mentions.len()] {
                p.num(n);
            }
            for &m in &c.mentions {
                p.num(m);
            }
            p.num(c.aliases.len());
            p.str(&c.name);
            for alias in &c.aliases {
                p.str(alias);
            }
        }
        for c in &a.claims {
            for n in [c.id, c.kind as usize, c.start, c.end] {
                p.num(n);
            }
            p.num(usize::from(c.cue.is_some()));
            if let Some(cue) = &c.cue {
                p.num(cue.start);
                p.num(cue.end);
            }
            p.num(usize::from(c.speaker.is_some()));
            if let Some(s) = &c.speaker {
                p.num(s.start);
                p.num(s.end);
                p.num(s.cluster.map_or(0, |k| k + 1));
            }
            p.str(&c.text);
            if let Some(cue) = &c.cue {
                p.str(&cue.text);
            }
            if let Some(s) = &c.speaker {
                p.str(&s.text);
            }
            p.why(&c.why);
        }
        p
    }

    // Offsets and counts fit: wasm32 has 4 GB of memory in all.
    fn num(&mut self, n: usize) {
        self.numbers.push(n as u32);
    }

    fn str(&mut self, s: &str) {
        // UTF-16 units, counted on the bytes: one per character (every byte but continuation
        // bytes), and one more for each character past the BMP (four-byte leaders).
        let units = s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum();
        self.num(units);
        self.strings.push_str(s);
    }

    /// A `why`: the index of its first sending, or a new index and the string.
    fn why(&mut self, why: &'a str) {
        match self.whys.iter().position(|&w| w == why) {
            Some(i) => self.num(i),
            None => {
                self.num(self.whys.len());
                self.whys.push(why);
                self.str(why);
            }
        }
    }
}

/// `{lang}`: the language, when given and not `auto`.
fn read_lang(options: &JsValue) -> Result<Option<Lang>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(JsError::new("bad options: expected an object {lang, id}"));
    }
    let lang = Reflect::get(options, &JsValue::from_str("lang")).map_err(|_| JsError::new("bad options: unreadable"))?;
    if lang.is_undefined() || lang.is_null() {
        return Ok(None);
    }
    match lang.as_string() {
        None => Err(JsError::new("bad options: lang must be a string")),
        Some(code) => match code.trim() {
            "" | "auto" => Ok(None),
            code => Ok(Some(Lang::from_code(code).ok_or_else(|| JsError::new(&format!("unknown language \"{code}\"")))?)),
        },
    }
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
