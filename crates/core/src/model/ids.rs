//! Fresh identifiers for annotations, relations, labels and documents.

use super::Project;

/// A new random id `PREFIX-xxxxxxxxxxxx` (48 random bits in hex) not yet used in `project`.
///
/// Random rather than sequential so that projects coded by different analysts of the same
/// article can be merged without id clashes.
#[must_use]
pub fn fresh_id(project: &Project, prefix: &str) -> String {
    loop {
        let random = uuid::Uuid::new_v4().simple().to_string();
        let id = format!("{prefix}-{}", &random[..12]);
        if !project.id_in_use(&id) {
            return id;
        }
    }
}

/// A label id derived from its name (`"Policy goal"` → `"policy-goal"`), made unique.
#[must_use]
pub fn label_id_from_name(project: &Project, name: &str) -> String {
    let mut base: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    base = base
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if base.is_empty() {
        base = "label".to_owned();
    }
    let mut id = base.clone();
    let mut n = 2;
    while project.id_in_use(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_ids_come_from_names_and_stay_unique() {
        let project = Project::new("P", "A", "2026-11-26T10:00:00Z");
        let cases = [
            ("Policy goal", "policy-goal"),
            ("  Évidence / Beleg ", "évidence-beleg"),
            ("Claim", "claim-2"),
            ("***", "label"),
        ];
        for (name, id) in cases {
            assert_eq!(label_id_from_name(&project, name), id, "{name:?}");
        }
        let fresh = fresh_id(&project, "a");
        assert!(fresh.starts_with("a-") && fresh.len() == 14 && !project.id_in_use(&fresh));
    }
}
