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
    /// Every type, in declaration order: `ALL[t as usize] == t`.
    pub const ALL: [EntityType; 5] = [EntityType::Person, EntityType::Organization, EntityType::Location, EntityType::Date, EntityType::Quantity];

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

impl ClaimKind {
    /// Every kind, in declaration order: `ALL[k as usize] == k`.
    pub const ALL: [ClaimKind; 2] = [ClaimKind::Direct, ClaimKind::Indirect];

    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    // The wasm façade sends types and kinds as indexes into these tables, and their names
    // must be serde's.
    #[test]
    fn the_tables_follow_declaration_order_and_serde_names() {
        for (i, t) in EntityType::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.as_str()));
        }
        for (i, k) in ClaimKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i);
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
    }
}
