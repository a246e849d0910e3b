//! A brat `.ann` file's lines, each malformed line an error with its line number. Offsets are
//! chars of the `.txt` as it is on disk.
//!
//! - `T`: a passage. A passage in fragments with text between them (`T19 Content 1775 1995;1998
//!   2184`) becomes one annotation per fragment, each later one tied to the one before by a
//!   `continues` relation, so that no text the annotator left out is coded; the first fragment
//!   keeps the brat id.
//! - `R`: a relation, `Arg1` to `Arg2`.
//! - `E`: an event becomes a relation from its trigger to each argument, the argument's role as its
//!   kind (`E1 Attribution:T4 Content:T3 Source:T1`: T4 `Content` T3, T4 `Source` T1); an argument
//!   that is another event stands for that event's trigger.
//! - `*`: an equivalence becomes a relation of its type from the first member to each other one.
//! - `A` and `M` (attributes), `N` (normalizations) and `#` `AnnotatorNotes` become the note of
//!   what they are about (an event's note goes to its trigger). Other comments are listed as not
//!   imported.

use std::{collections::HashMap, path::Path};

use super::file_name;
use crate::{
    import::annotations::{
        AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignRelation, Position,
        UnitChoice, limits::AnnotationCount,
    },
    model::{CONTINUES, OffsetUnit},
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
        let before = parsed.annotations.len();
        let id = parse_line(line, n + 1, chars.as_deref(), &mut parsed)
            .map_err(|message| AnnotationImportError::malformed(ann, Some(n + 1), message))?;
        count.add(ann, parsed.annotations.len() - before)?;
        if let Some(id) = id
            && let Some(first) = first_line.insert(id.clone(), n + 1)
        {
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
    parsed.relate_events();
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
    /// Relations with their brat ids (`R1`), which notes refer to; those made from events and
    /// equivalences have none.
    relations: Vec<(String, ForeignRelation)>,
    /// Events, made relations once every line is read (an argument may be an event further
    /// down).
    events: Vec<Event>,
    /// Notes, attributes and normalizations: (line, target id, note), attached once every line
    /// is read.
    notes: Vec<(usize, String, String)>,
    skipped: Vec<String>,
}

/// A brat event (`E1\tAttribution:T4 Content:T3`): its id, its trigger's id, and its arguments
/// as (role, id).
#[derive(Debug)]
struct Event {
    id: String,
    trigger: String,
    arguments: Vec<(String, String)>,
}

impl Parsed {
    /// The trigger of event `id`.
    fn trigger_of(&self, id: &str) -> Option<&str> {
        self.events
            .iter()
            .find(|event| event.id == id)
            .map(|event| event.trigger.as_str())
    }

    /// Makes each event a relation from its trigger to each of its arguments.
    fn relate_events(&mut self) {
        let triggers: HashMap<&str, &str> = self
            .events
            .iter()
            .map(|event| (event.id.as_str(), event.trigger.as_str()))
            .collect();
        let made: Vec<ForeignRelation> = self
            .events
            .iter()
            .flat_map(|event| {
                let triggers = &triggers;
                event
                    .arguments
                    .iter()
                    .map(move |(role, target)| ForeignRelation {
                        kind: role.clone(),
                        from: event.trigger.clone(),
                        to: triggers
                            .get(target.as_str())
                            .map_or_else(|| target.clone(), |t| (*t).to_owned()),
                        note: String::new(),
                    })
            })
            .collect();
        self.relations
            .extend(made.into_iter().map(|r| (String::new(), r)));
    }

    /// Gives each `T` and `R` its notes (several notes joined by blank lines); a note on an
    /// event goes to its trigger.
    fn attach_notes(&mut self) {
        for (line, target, note) in std::mem::take(&mut self.notes) {
            let target = self.trigger_of(&target).map_or(target, str::to_owned);
            let annotation = self.annotations.iter_mut().find(|a| a.id == target);
            let slot = match annotation {
                Some(a) => &mut a.note,
                None => match self
                    .relations
                    .iter_mut()
                    .find(|(id, _)| !id.is_empty() && *id == target)
                {
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

/// Reads one line into `parsed`; returns the id the line gives (`T1`, `E2`, …), if any, and
/// `Err` with the message for a malformed line. `text` is the `.txt`'s chars, when it is there.
fn parse_line(
    line: &str,
    number: usize,
    text: Option<&[char]>,
    parsed: &mut Parsed,
) -> Result<Option<String>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let id = line.split('\t').next().unwrap_or_default().to_owned();
    match line.chars().next() {
        Some('T') => {
            let (fragments, continues) = parse_text_bound(line, text)?;
            parsed.annotations.extend(fragments);
            parsed
                .relations
                .extend(continues.into_iter().map(|r| (String::new(), r)));
        }
        Some('R') => parsed.relations.push(parse_relation(line)?),
        Some('E') => parsed.events.push(parse_event(line)?),
        Some('*') => {
            let relations = parse_equivalence(line)?;
            parsed
                .relations
                .extend(relations.into_iter().map(|r| (String::new(), r)));
            return Ok(None);
        }
        Some('A' | 'M') => {
            let (target, note) = parse_attribute(line)?;
            parsed.notes.push((number, target, note));
        }
        Some('N') => {
            let (target, note) = parse_normalization(line)?;
            parsed.notes.push((number, target, note));
        }
        Some('#') => match parse_note(line)? {
            Some((target, note)) => parsed.notes.push((number, target, note)),
            None => parsed.skipped.push(format!(
                "line {number}: comments other than AnnotatorNotes are not imported"
            )),
        },
        _ => {
            return Err(format!(
                "“{}” is not a brat standoff line (T, R, E, A, M, N, * or #, then a tab); check \
                 that this is a brat .ann file",
                crate::excerpt::shorten(line, 40)
            ));
        }
    }
    Ok(Some(id))
}

/// `T<n>\t<type> <start> <end>[;<start> <end>…]\t<covered text>` → its annotation, or, when its
/// fragments may have text between them (they do in `text`, or there is no text to tell), one
/// annotation per fragment (`T<n>`, `T<n>#2`, …) with the `continues` relations between them.
/// Fragments with only newlines between them are one passage.
fn parse_text_bound(
    line: &str,
    text: Option<&[char]>,
) -> Result<(Vec<ForeignAnnotation>, Vec<ForeignRelation>), String> {
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
    let annotation = |id: String, position: Position, quote: Option<String>| ForeignAnnotation {
        id,
        label: label.to_owned(),
        position: Some(position),
        quote,
        ..ForeignAnnotation::default()
    };
    let one_passage =
        fragments.len() == 1 || text.is_some_and(|t| gaps_are_newlines(t, &fragments));
    if one_passage {
        let position = Position {
            start: first.start,
            end: last.end,
        };
        let quote = (fragments.len() == 1).then(|| covered.to_owned());
        return Ok((vec![annotation(id.to_owned(), position, quote)], Vec::new()));
    }
    let ids: Vec<String> = (1..=fragments.len()).map(|k| fragment_id(id, k)).collect();
    let annotations = ids
        .iter()
        .zip(&fragments)
        .map(|(id, &position)| annotation(id.clone(), position, None))
        .collect();
    let continues = ids
        .windows(2)
        .map(|pair| ForeignRelation {
            kind: CONTINUES.to_owned(),
            from: pair[1].clone(),
            to: pair[0].clone(),
            note: String::new(),
        })
        .collect();
    Ok((annotations, continues))
}

/// The id of fragment `k` (from 1) of brat passage `id`: the first keeps the id, so that what
/// refers to the passage finds it.
fn fragment_id(id: &str, k: usize) -> String {
    if k == 1 {
        id.to_owned()
    } else {
        format!("{id}#{k}")
    }
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

/// `E<n>\t<type>:<trigger> <role>:<target>…` → the event.
fn parse_event(line: &str) -> Result<Event, String> {
    let (id, rest) = line
        .split_once('\t')
        .ok_or_else(|| "an event needs a tab after its id".to_owned())?;
    let mut parts = rest.split_whitespace().map(|p| p.split_once(':'));
    let Some(Some((_, trigger))) = parts.next() else {
        return Err(format!(
            "{id} should start with its type and trigger, as in “Attribution:T4 Source:T1”"
        ));
    };
    let arguments = parts
        .map(|part| {
            part.map(|(role, target)| (role.to_owned(), target.to_owned()))
                .ok_or_else(|| format!("{id}: each argument is “role:id”, as in “Source:T1”"))
        })
        .collect::<Result<_, _>>()?;
    Ok(Event {
        id: id.to_owned(),
        trigger: trigger.to_owned(),
        arguments,
    })
}

/// `*\t<type> <id> <id>…` → a relation of the type from the first member to each other one.
fn parse_equivalence(line: &str) -> Result<Vec<ForeignRelation>, String> {
    let rest = line
        .split_once('\t')
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    let mut parts = rest.split_whitespace();
    let (Some(kind), Some(first)) = (parts.next(), parts.next()) else {
        return Err(
            "an equivalence needs a type and its members, as in “*\tAlias T1 T2”".to_owned(),
        );
    };
    Ok(parts
        .map(|member| ForeignRelation {
            kind: kind.to_owned(),
            from: first.to_owned(),
            to: member.to_owned(),
            note: String::new(),
        })
        .collect())
}

/// `A<n>\t<name> <id>[ <value>]` → (id, “name” or “name: value”).
fn parse_attribute(line: &str) -> Result<(String, String), String> {
    let (id, rest) = line.split_once('\t').unwrap_or((line, ""));
    let mut parts = rest.split_whitespace();
    let (Some(name), Some(target)) = (parts.next(), parts.next()) else {
        return Err(format!(
            "{id} should name an attribute and what it is about, as in “Negated T3”"
        ));
    };
    let note = match parts.next() {
        Some(value) => format!("{name}: {value}"),
        None => name.to_owned(),
    };
    Ok((target.to_owned(), note))
}

/// `N<n>\t<type> <id> <resource>:<entry>\t<text>` → (id, “type resource:entry (text)”).
fn parse_normalization(line: &str) -> Result<(String, String), String> {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let middle = fields.next().unwrap_or_default();
    let text = fields.next().unwrap_or_default().trim();
    let mut parts = middle.split_whitespace();
    let (Some(kind), Some(target), Some(entry)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "{id} should be “type id resource:entry”, as in “Reference T1 Wikipedia:534366”"
        ));
    };
    let note = if text.is_empty() {
        format!("{kind} {entry}")
    } else {
        format!("{kind} {entry} ({text})")
    };
    Ok((target.to_owned(), note))
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
