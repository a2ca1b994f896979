//! The annotation a document gets: the types of `../shared/SCHEMA.md`, serialised as is.
//!
//! Offsets here are Unicode code points, end exclusive, into the text exactly as given.

use serde::{Deserialize, Serialize};

/// One article's annotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Annotation {
    /// The input's `id`, when it had one (any JSON value).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<serde_json::Value>,
    /// `fr` or `en`.
    pub language: String,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub claims: Vec<Claim>,
}

/// The five entity types of the guidelines.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Date,
    Quantity,
}

impl EntityType {
    /// The lowercase name used in JSON and in the text view.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Date => "date",
            EntityType::Quantity => "quantity",
        }
    }
}

/// A mention of a named entity, a date or a quantity.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub id: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub cluster: usize,
    /// Which rule or lexicon made this annotation (shown in the page's tooltips).
    pub why: String,
}

/// One real-world referent and its mentions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cluster {
    pub id: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest name the document gives.
    pub name: String,
    /// Other names and descriptions that refer to it.
    pub aliases: Vec<String>,
    /// Entity ids.
    pub mentions: Vec<usize>,
}

/// `direct` (content wholly inside quotation marks) or `indirect` (reported speech).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Indirect,
}

/// A span of the text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The words naming who made a claim, and who that is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The cluster it refers to, `None` when the article never names the source.
    pub cluster: Option<usize>,
}

/// Something a source is reported to have said.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    pub id: usize,
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
    /// Which attribution pattern found it.
    pub why: String,
}

impl Annotation {
    /// Appends the annotation as `serde_json::to_writer` writes it (compact, fields in the
    /// order above), without the serializer's layers: the command line writes thousands.
    pub fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.push(b'{');
        if let Some(id) = &self.id {
            out.extend_from_slice(b"\"id\":");
            serde_json::to_writer(&mut *out, id)?;
            out.push(b',');
        }
        out.extend_from_slice(b"\"language\":");
        json_str(out, &self.language);
        out.extend_from_slice(b",\"entities\":[");
        for (k, e) in self.entities.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            json_usize(out, e.id);
            out.extend_from_slice(b",\"type\":\"");
            out.extend_from_slice(e.kind.as_str().as_bytes());
            out.extend_from_slice(b"\",\"start\":");
            json_usize(out, e.start);
            out.extend_from_slice(b",\"end\":");
            json_usize(out, e.end);
            out.extend_from_slice(b",\"text\":");
            json_str(out, &e.text);
            out.extend_from_slice(b",\"cluster\":");
            json_usize(out, e.cluster);
            out.extend_from_slice(b",\"why\":");
            json_str(out, &e.why);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"clusters\":[");
        for (k, c) in self.clusters.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            json_usize(out, c.id);
            out.extend_from_slice(b",\"type\":\"");
            out.extend_from_slice(c.kind.as_str().as_bytes());
            out.extend_from_slice(b"\",\"name\":");
            json_str(out, &c.name);
            out.extend_from_slice(b",\"aliases\":[");
            for (k, a) in c.aliases.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                json_str(out, a);
            }
            out.extend_from_slice(b"],\"mentions\":[");
            for (k, &m) in c.mentions.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                json_usize(out, m);
            }
            out.extend_from_slice(b"]}");
        }
        out.extend_from_slice(b"],\"claims\":[");
        for (k, c) in self.claims.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            json_usize(out, c.id);
            out.extend_from_slice(match c.kind {
                ClaimKind::Direct => b",\"kind\":\"direct\",\"start\":".as_slice(),
                ClaimKind::Indirect => b",\"kind\":\"indirect\",\"start\":".as_slice(),
            });
            json_usize(out, c.start);
            out.extend_from_slice(b",\"end\":");
            json_usize(out, c.end);
            out.extend_from_slice(b",\"text\":");
            json_str(out, &c.text);
            out.extend_from_slice(b",\"cue\":");
            match &c.cue {
                Some(s) => {
                    out.extend_from_slice(b"{\"start\":");
                    json_usize(out, s.start);
                    out.extend_from_slice(b",\"end\":");
                    json_usize(out, s.end);
                    out.extend_from_slice(b",\"text\":");
                    json_str(out, &s.text);
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"speaker\":");
            match &c.speaker {
                Some(s) => {
                    out.extend_from_slice(b"{\"start\":");
                    json_usize(out, s.start);
                    out.extend_from_slice(b",\"end\":");
                    json_usize(out, s.end);
                    out.extend_from_slice(b",\"text\":");
                    json_str(out, &s.text);
                    out.extend_from_slice(b",\"cluster\":");
                    match s.cluster {
                        Some(n) => json_usize(out, n),
                        None => out.extend_from_slice(b"null"),
                    }
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"why\":");
            json_str(out, &c.why);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
        Ok(())
    }
}

/// Appends `n` in decimal.
fn json_usize(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: quotes, backslashes and
/// control characters only (`\n`-style where JSON has one, else `\u00XX`).
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x0d => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_json_writes_what_serde_json_writes() {
        let tricky = "a\"b\\c\u{0}\u{1f}\u{7f}\u{8}\t\n\u{b}\u{c}\r é🙂 </script>";
        let span = |t: &str| Span { start: 3, end: 12, text: t.to_string() };
        for id in [None, Some(serde_json::json!(7)), Some(serde_json::json!({"k": [1.5, "x\u{1}"]}))] {
            let a = Annotation {
                id,
                language: "fr".to_string(),
                entities: vec![Entity { id: 0, kind: EntityType::Person, start: 0, end: 10, text: tricky.to_string(), cluster: 1, why: "w".to_string() }],
                clusters: vec![
                    Cluster { id: 0, kind: EntityType::Location, name: tricky.to_string(), aliases: vec![], mentions: vec![] },
                    Cluster { id: 1, kind: EntityType::Quantity, name: String::new(), aliases: vec!["x".to_string(), tricky.to_string()], mentions: vec![0, 12345678901] },
                ],
                claims: vec![
                    Claim { id: 0, kind: ClaimKind::Direct, start: 1, end: 2, text: tricky.to_string(), cue: None, speaker: None, why: String::new() },
                    Claim { id: 1, kind: ClaimKind::Indirect, start: 0, end: usize::MAX, text: String::new(), cue: Some(span("dit")), speaker: Some(Speaker { start: 0, end: 1, text: tricky.to_string(), cluster: Some(1) }), why: "v".to_string() },
                    Claim { id: 2, kind: ClaimKind::Direct, start: 1, end: 2, text: "t".to_string(), cue: Some(span(tricky)), speaker: Some(Speaker { start: 0, end: 1, text: String::new(), cluster: None }), why: "v".to_string() },
                ],
            };
            let mut out = Vec::new();
            a.write_json(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&a).unwrap());
        }
        let empty = Annotation { id: None, language: "en".to_string(), entities: vec![], clusters: vec![], claims: vec![] };
        let mut out = Vec::new();
        empty.write_json(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&empty).unwrap());
    }
}
