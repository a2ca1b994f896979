//! A readable text view of an annotation: the article with `[Tokayev|person]` marks and
//! the claims listed under it.

use crate::schema::Annotation;

/// Renders `text` with its entities marked inline, then its claims.
pub fn text_view(text: &str, a: &Annotation) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    for e in &a.entities {
        if e.start < pos || e.end > chars.len() {
            continue;
        }
        out.extend(&chars[pos..e.start]);
        out.push('[');
        out.extend(&chars[e.start..e.end]);
        out.push('|');
        out.push_str(e.kind.as_str());
        out.push(']');
        pos = e.end;
    }
    out.extend(&chars[pos.min(chars.len())..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for c in &a.claims {
        let speaker = match &c.speaker {
            Some(s) => match s.cluster {
                Some(k) => format!("{} → {}", s.text, a.clusters[k].name),
                None => s.text.clone(),
            },
            None => "?".to_string(),
        };
        let cue = c.cue.as_ref().map_or("—", |c| c.text.as_str());
        let kind = c.kind.as_str();
        out.push_str(&format!("- {kind} claim by {speaker} ({cue}): {}\n", c.text));
    }
    out
}
