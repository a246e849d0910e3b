//! A brat `.ann` file's lines: text-bound annotations (`T`), relations (`R`) and notes (`#`), each
//! malformed line an error with its line number and each line of a kind Marginalia does not import
//! listed. Offsets are chars of the `.txt` as it is on disk.

use std::{collections::HashMap, path::Path};

use super::file_name;
use crate::{
    import::annotations::{
        AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignRelation, Position,
        UnitChoice, limits::AnnotationCount,
    },
    model::OffsetUnit,
};

/// One `.ann` file's `content`, with the text of the `.txt` beside it when there is one. `where_`
/// prefixes skip messages (`name.ann: ` when a folder is read).
pub(super) fn parse_document(
    ann: &Path,
    content: &str,
    text: Option<String>,
    where_: &str,
    skipped: &mut Vec<String>,
) -> Result<ForeignDocument, AnnotationImportError> {
    let txt = ann.with_extension("txt");
    if text.is_none() {
        skipped.push(format!(
            "{where_}no {} beside it: its annotations go on an article given with it or open \
             under that file name or title",
            file_name(&txt)
        ));
    }
    // Without its text, the document is found among known texts by the `.txt`'s name.
    let text_ref = text.is_none().then(|| txt.display().to_string());
    let title = ann
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let chars: Option<Vec<char>> = text.as_deref().map(|t| t.chars().collect());
    let mut parsed = Parsed::default();
    let mut count = AnnotationCount::default();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (n, line) in content.lines().enumerate() {
        let (before, relations_before) = (parsed.annotations.len(), parsed.relations.len());
        parse_line(line, n + 1, chars.as_deref(), &mut parsed)
            .map_err(|message| AnnotationImportError::malformed(ann, Some(n + 1), message))?;
        count.add(ann, parsed.annotations.len() - before)?;
        let new_ids = parsed.annotations[before..].iter().map(|a| &a.id).chain(
            parsed.relations[relations_before..]
                .iter()
                .map(|(id, _)| id),
        );
        for id in new_ids {
            if let Some(first) = first_line.insert(id.clone(), n + 1) {
                return Err(AnnotationImportError::malformed(
                    ann,
                    Some(n + 1),
                    format!(
                        "{id} is used twice, on lines {first} and {}; ids in a brat file are \
                         unique, so notes and relations could not tell which is meant: rename \
                         one",
                        n + 1
                    ),
                ));
            }
        }
    }
    parsed.attach_notes();
    skipped.extend(parsed.skipped.iter().map(|s| format!("{where_}{s}")));
    Ok(ForeignDocument {
        title,
        text,
        text_ref,
        unit: UnitChoice::Fixed(OffsetUnit::Chars),
        annotations: parsed.annotations,
        relations: parsed.relations.into_iter().map(|(_, r)| r).collect(),
    })
}

/// What one `.ann` file holds, as its lines are read.
#[derive(Debug, Default)]
struct Parsed {
    annotations: Vec<ForeignAnnotation>,
    /// Relations with their brat ids (`R1`), which notes refer to.
    relations: Vec<(String, ForeignRelation)>,
    /// `AnnotatorNotes`: (line, target id, note), attached once every line is read.
    notes: Vec<(usize, String, String)>,
    skipped: Vec<String>,
}

impl Parsed {
    /// Gives each `T` and `R` its notes (several notes joined by blank lines).
    fn attach_notes(&mut self) {
        for (line, target, note) in std::mem::take(&mut self.notes) {
            let annotation = self.annotations.iter_mut().find(|a| a.id == target);
            let slot = match annotation {
                Some(a) => &mut a.note,
                None => match self.relations.iter_mut().find(|(id, _)| *id == target) {
                    Some((_, r)) => &mut r.note,
                    None => {
                        self.skipped.push(format!(
                            "line {line}: a note on {target}, which the file does not have, is \
                             not imported"
                        ));
                        continue;
                    }
                },
            };
            if !slot.is_empty() {
                slot.push_str("\n\n");
            }
            slot.push_str(&note);
        }
    }
}

/// Reads one line into `parsed`; `Err` is the message for a malformed line. `text` is the
/// `.txt`'s chars, when it is there.
fn parse_line(
    line: &str,
    number: usize,
    text: Option<&[char]>,
    parsed: &mut Parsed,
) -> Result<(), String> {
    if line.trim().is_empty() {
        return Ok(());
    }
    let skip = |what: &str| format!("line {number}: {what} are not imported");
    match line.chars().next() {
        Some('T') => {
            let (annotation, discontinuous) = parse_text_bound(line, text)?;
            if discontinuous {
                parsed.skipped.push(format!(
                    "line {number}: {} has fragments with text between them; it is imported as \
                     one passage from its first start to its last end",
                    annotation.id
                ));
            }
            parsed.annotations.push(annotation);
        }
        Some('R') => parsed.relations.push(parse_relation(line)?),
        Some('#') => match parse_note(line)? {
            Some((target, note)) => parsed.notes.push((number, target, note)),
            None => parsed
                .skipped
                .push(skip("comments other than AnnotatorNotes")),
        },
        Some('E') => parsed.skipped.push(skip("events (E lines)")),
        Some('A' | 'M') => parsed.skipped.push(skip("attributes (A and M lines)")),
        Some('N') => parsed.skipped.push(skip("normalizations (N lines)")),
        Some('*') => parsed.skipped.push(skip("equivalence relations (* lines)")),
        _ => {
            return Err(format!(
                "“{}” is not a brat standoff line (T, R, E, A, M, N, * or #, then a tab); check \
                 that this is a brat .ann file",
                crate::excerpt::shorten(line, 40)
            ));
        }
    }
    Ok(())
}

/// `T<n>\t<type> <start> <end>[;<start> <end>…]\t<covered text>` → the annotation, and whether
/// its fragments have text between them in `text` (not only newlines).
fn parse_text_bound(
    line: &str,
    text: Option<&[char]>,
) -> Result<(ForeignAnnotation, bool), String> {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let (Some(middle), Some(covered)) = (fields.next(), fields.next()) else {
        return Err(format!(
            "{id} needs three tab-separated fields: id, “type start end”, covered text"
        ));
    };
    let (label, offsets) = middle
        .split_once(' ')
        .ok_or_else(|| format!("{id}: “{middle}” should be a type, a space and offsets"))?;
    let fragments = offsets
        .split(';')
        .map(|f| parse_fragment(f.trim()).ok_or_else(|| bad_offsets(id, offsets)))
        .collect::<Result<Vec<Position>, String>>()?;
    let first = fragments.first().ok_or_else(|| bad_offsets(id, offsets))?;
    let last = fragments.last().unwrap_or(first);
    if fragments.windows(2).any(|w| w[1].start < w[0].end) {
        return Err(format!(
            "{id}: the fragments “{offsets}” overlap or are out of order"
        ));
    }
    let position = Position {
        start: first.start,
        end: last.end,
    };
    let joined_by_text =
        fragments.len() > 1 && text.is_some_and(|t| !gaps_are_newlines(t, &fragments));
    let quote = (fragments.len() == 1).then(|| covered.to_owned());
    Ok((
        ForeignAnnotation {
            id: id.to_owned(),
            label: label.to_owned(),
            position: Some(position),
            quote,
            ..ForeignAnnotation::default()
        },
        joined_by_text,
    ))
}

/// `<start> <end>` (chars) with `start <= end`.
fn parse_fragment(fragment: &str) -> Option<Position> {
    let (start, end) = fragment.split_once(' ')?;
    let start: usize = start.trim().parse().ok()?;
    let end: usize = end.trim().parse().ok()?;
    (start <= end).then_some(Position { start, end })
}

fn bad_offsets(id: &str, offsets: &str) -> String {
    format!(
        "{id}: “{offsets}” are not offsets; brat writes “start end” in characters, with “;” \
         between fragments"
    )
}

/// Whether only newlines (`\n`, `\r`) lie between consecutive fragments of `text`.
fn gaps_are_newlines(text: &[char], fragments: &[Position]) -> bool {
    fragments.windows(2).all(|w| {
        text.get(w[0].end..w[1].start)
            .is_some_and(|gap| gap.iter().all(|c| matches!(c, '\n' | '\r')))
    })
}

/// `R<n>\t<kind> Arg1:T<a> Arg2:T<b>` → (its brat id, the relation). Arguments with other role
/// names are taken in order.
fn parse_relation(line: &str) -> Result<(String, ForeignRelation), String> {
    let (id, rest) = line
        .split_once('\t')
        .ok_or_else(|| "a relation needs a tab after its id".to_owned())?;
    let mut parts = rest.split_whitespace();
    let kind = parts
        .next()
        .ok_or_else(|| format!("{id} has no relation type"))?;
    let args: Vec<(&str, &str)> = parts.filter_map(|p| p.split_once(':')).collect();
    let arg = |name: &str, position: usize| {
        args.iter()
            .find(|(role, _)| *role == name)
            .or_else(|| args.get(position))
            .map(|(_, target)| (*target).to_owned())
    };
    let (Some(from), Some(to)) = (arg("Arg1", 0), arg("Arg2", 1)) else {
        return Err(format!(
            "{id} should name two annotations, as in “{kind} Arg1:T1 Arg2:T2”"
        ));
    };
    Ok((
        id.to_owned(),
        ForeignRelation {
            kind: kind.to_owned(),
            from,
            to,
            note: String::new(),
        },
    ))
}

/// `#<n>\tAnnotatorNotes <id>\t<note>` → (id, note); `None` for other kinds of comment.
fn parse_note(line: &str) -> Result<Option<(String, String)>, String> {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let middle = fields
        .next()
        .ok_or_else(|| format!("{id} needs a tab, “AnnotatorNotes <id>”, a tab and the note"))?;
    let note = fields.next().unwrap_or_default();
    let Some((kind, target)) = middle.split_once(' ') else {
        return Err(format!("{id}: “{middle}” should be “AnnotatorNotes <id>”"));
    };
    Ok((kind == "AnnotatorNotes").then(|| (target.trim().to_owned(), note.to_owned())))
}
