//! The edge where JSON comes in: one request line of the batch format of SCHEMA.md
//! (`{"id": …, "text": …, "lang": …}`), its typed errors, and the line written back.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::{annotate, Lang, Options};

/// Why a request could not be annotated.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    /// The line is not valid UTF-8.
    NotUtf8,
    /// The line is not a JSON object (the parser's message).
    BadJson(String),
    /// The object has no string `text`.
    NoText,
    /// `lang` names a language the annotator does not know.
    UnknownLang(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::NotUtf8 => write!(f, "the line is not valid UTF-8"),
            RequestError::BadJson(m) => write!(f, "the line is not a JSON object: {m}"),
            RequestError::NoText => write!(f, "the object has no \"text\" string"),
            RequestError::UnknownLang(l) => write!(f, "unknown language {l:?} (use \"fr\" or \"en\")"),
        }
    }
}

impl std::error::Error for RequestError {}

/// A parsed request.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: Option<Value>,
    pub text: String,
    pub lang: Option<Lang>,
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
    #[serde(default)]
    lang: Option<Value>,
}

/// Parses one request line. On error, also returns the id when it could be read.
pub fn parse(line: &[u8]) -> Result<Request, (Option<Value>, RequestError)> {
    let s = std::str::from_utf8(line).map_err(|_| (readable_id(line), RequestError::NotUtf8))?;
    // The batch format is objects only: `[7, "texte"]` is no request.
    if !s.trim_start().starts_with('{') {
        return Err((None, RequestError::BadJson("expected a JSON object".to_string())));
    }
    let raw: Raw = match serde_json::from_str(s) {
        Ok(r) => r,
        Err(e) => return Err((readable_id(line), RequestError::BadJson(e.to_string()))),
    };
    let id = raw.id.filter(|v| !v.is_null());
    let Some(Value::String(text)) = raw.text else {
        return Err((id, RequestError::NoText));
    };
    let lang = match raw.lang {
        None | Some(Value::Null) => None,
        Some(Value::String(l)) if l.trim().is_empty() => None,
        Some(Value::String(l)) => Some(Lang::from_code(&l).ok_or_else(|| (id.clone(), RequestError::UnknownLang(l.clone())))?),
        Some(other) => return Err((id, RequestError::UnknownLang(other.to_string()))),
    };
    Ok(Request { id, text, lang })
}

/// The `id` of a broken line, when it can still be read: the other fields are skipped
/// without being decoded, so a lone surrogate or a bad byte in `text` does not hide it.
fn readable_id(line: &[u8]) -> Option<Value> {
    #[derive(Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Option<Value>,
    }
    serde_json::from_slice::<IdOnly>(line).ok().and_then(|r| r.id).filter(|v| !v.is_null())
}

/// Annotates one request line and returns the output line (without its newline), and
/// whether it failed. `lang` overrides the request's language when given.
pub fn answer(line: &[u8], lang: Option<Lang>) -> (String, bool) {
    let mut out = Vec::new();
    let failed = answer_into(line, lang, &mut out);
    // Only JSON (valid UTF-8) is ever written.
    (String::from_utf8(out).unwrap_or_default(), failed)
}

/// [`answer`], appended to `out` (a buffer a batch reuses from line to line); returns
/// whether it failed.
pub fn answer_into(line: &[u8], lang: Option<Lang>, out: &mut Vec<u8>) -> bool {
    match parse(line) {
        Ok(req) => {
            let options = Options { lang: lang.or(req.lang), id: req.id };
            let a = annotate(&req.text, &options);
            let start = out.len();
            match serde_json::to_writer(&mut *out, &a) {
                Ok(()) => false,
                Err(e) => {
                    out.truncate(start);
                    out.extend_from_slice(error_line(options.id, &e.to_string()).as_bytes());
                    true
                }
            }
        }
        Err((id, e)) => {
            out.extend_from_slice(error_line(id, &e.to_string()).as_bytes());
            true
        }
    }
}

fn error_line(id: Option<Value>, message: &str) -> String {
    serde_json::json!({"id": id, "error": message}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_the_id_when_they_can() {
        assert_eq!(parse(b"{\"id\": 7}").unwrap_err(), (Some(Value::from(7)), RequestError::NoText));
        assert_eq!(parse(b"\xff\xfe").unwrap_err().1, RequestError::NotUtf8);
        assert!(matches!(parse(b"{\"id\": 1, \"text\": \"\\ud800\"}").unwrap_err(), (_, RequestError::BadJson(_))));
        assert!(matches!(parse(b"{\"id\": \"x\", \"text\": \"t\", \"lang\": \"de\"}").unwrap_err(), (Some(_), RequestError::UnknownLang(_))));
    }

    #[test]
    fn answers_a_line() {
        let (out, failed) = answer(br#"{"id": "a", "text": "Bonjour.", "lang": "fr"}"#, None);
        assert!(!failed);
        assert!(out.starts_with(r#"{"id":"a","language":"fr""#));
        let (out, failed) = answer(b"not json", None);
        assert!(failed);
        assert!(out.contains("\"error\""));
    }
}
