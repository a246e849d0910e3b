//! The subcommands: `new`, `add`, `info`, `check`, `compare`, and (in [`super::find_command`])
//! `find`, (in [`super::stats_command`]) `stats`, (in [`super::passages_command`]) `passages`,
//! (in [`super::transfer`]) `export` and `import`, and (in [`super::update_command`]) `update`. Each goes through the
//! workspace and the model's edit API, the same path the window takes; a command that changes a
//! project holds its lock from reading it to saving it, so concurrent commands wait for each other.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::{
    Command, Outcome, compare_json, compare_text, find_command, passages_command, report,
    stats_command, suggest_command, transfer, update_command,
};
use crate::{
    clock::now_rfc3339,
    compare::{CompareOptions, compare as compare_projects},
    import,
    model::{Edit, Editor, Project, ids},
    store::{self, LoadError},
    workspace::default_annotator,
};

/// Runs one subcommand.
pub fn run(command: Command) -> Result<Outcome> {
    match command {
        Command::New {
            articles,
            output,
            annotator,
            title,
            force,
        } => new(&articles, &output, annotator, title, force),
        Command::Add { project, articles } => add(&project, &articles),
        Command::Info { project } => info(&project),
        Command::Check { project } => check(&project),
        Command::Compare {
            projects,
            label,
            exclude_uncoded,
            json,
        } => compare(&projects, label, exclude_uncoded, json),
        Command::Export {
            project,
            format,
            output,
            doc,
            offsets,
            bom,
            no_formula_protection,
            replace,
        } => transfer::export(&transfer::ExportArgs {
            project: &project,
            format: &format,
            output: &output,
            doc,
            offsets: &offsets,
            bom,
            no_formula_protection,
            replace,
        }),
        Command::Update {
            project,
            doc,
            article,
            dry_run,
        } => update_command::update(&update_command::UpdateArgs {
            project: &project,
            doc: doc.as_deref(),
            article: &article,
            dry_run,
        }),
        Command::Stats { project, json, csv } => stats_command::stats(
            &project,
            if json {
                stats_command::StatsFormat::Json
            } else if csv {
                stats_command::StatsFormat::Csv
            } else {
                stats_command::StatsFormat::Text
            },
        ),
        Command::Passages {
            project,
            labels,
            doc,
            text,
            analyst,
            by_label,
            csv,
            markdown,
        } => passages_command::passages_of(&passages_command::PassagesArgs {
            project: &project,
            labels: &labels,
            doc: doc.as_deref(),
            text: &text,
            analyst: &analyst,
            by_label,
            format: if csv {
                passages_command::PassagesFormat::Csv
            } else if markdown {
                passages_command::PassagesFormat::Markdown
            } else {
                passages_command::PassagesFormat::Text
            },
        }),
        Command::Find {
            project,
            pattern,
            regex,
            whole_word,
            case_sensitive,
            doc,
            tag,
            widen,
            json,
        } => find_command::find(&find_command::FindArgs {
            project: &project,
            query: crate::analysis::Query {
                pattern,
                regex,
                whole_word,
                case_sensitive,
            },
            doc: doc.as_deref(),
            tag: tag.as_deref(),
            widen,
            json,
        }),
        Command::Suggest {
            project,
            doc,
            labels,
            min_confidence,
            rules,
            maps,
            apply,
            evaluate,
            json,
        } => suggest_command::suggest(&suggest_command::SuggestArgs {
            project: &project,
            doc: doc.as_deref(),
            labels: &labels,
            min_confidence,
            rules: rules.as_deref(),
            maps: &maps,
            apply,
            evaluate,
            json,
        }),
        Command::Import {
            files,
            output,
            offsets,
            annotator,
            title,
            force,
        } => transfer::import(&transfer::ImportArgs {
            files: &files,
            output: &output,
            offsets: offsets.as_deref(),
            annotator,
            title,
            force,
        }),
    }
}

/// Imports every article into the editor's project; stops at the first that fails.
fn add_articles(editor: &mut Editor, articles: &[impl AsRef<Path>]) -> Result<()> {
    for path in articles {
        let path = path.as_ref();
        let article = import::read_article(path)?;
        let notes = report::import_notes(&article.record);
        let id = ids::fresh_id(editor.project(), "d");
        let document = article.into_document(&id);
        let (title, chars) = (document.title().to_owned(), document.char_len());
        editor
            .apply(Edit::AddDocument(Box::new(document)), &now_rfc3339())
            .with_context(|| format!("cannot add {}", path.display()))?;
        println!(
            "added “{title}” from {} ({chars} chars{notes})",
            path.display()
        );
    }
    Ok(())
}

fn new(
    articles: &[std::path::PathBuf],
    output: &Path,
    annotator: Option<String>,
    title: Option<String>,
    force: bool,
) -> Result<Outcome> {
    if output.exists() && !force {
        bail!(
            "{} already exists; choose another name with -o, or pass --force to replace it \
             (its previous version is kept as .bak)",
            output.display()
        );
    }
    let now = now_rfc3339();
    let annotator = annotator.unwrap_or_else(default_annotator);
    let mut editor = Editor::new_unsaved(Project::new("", &annotator, &now));
    add_articles(&mut editor, articles)?;
    let title = title.unwrap_or_else(|| match editor.project().documents() {
        [only] => only.title().to_owned(),
        docs => format!("{} articles", docs.len()),
    });
    editor.apply(Edit::SetProjectInfo { title, annotator }, &now)?;
    store::save(editor.project(), output)?;
    editor.mark_saved();
    println!("wrote {}", output.display());
    Ok(Outcome::Done)
}

/// Loads a project for changing or reading, printing repairable problems as warnings.
pub(super) fn open(path: &Path) -> Result<Project> {
    let loaded = store::load(path)?;
    for warning in &loaded.warnings {
        eprintln!("warning: {}: {warning}", path.display());
    }
    Ok(loaded.project)
}

fn add(project: &Path, articles: &[std::path::PathBuf]) -> Result<Outcome> {
    let mut workspace = super::locked::open_locked(project)?;
    add_articles(workspace.editor_mut(), articles)?;
    workspace.save()?;
    println!("saved {}", project.display());
    Ok(Outcome::Done)
}

fn info(project: &Path) -> Result<Outcome> {
    let project = open(project)?;
    print!("{}", report::info(&project));
    Ok(Outcome::Done)
}

fn check(path: &Path) -> Result<Outcome> {
    match store::load(path) {
        Ok(loaded) if loaded.warnings.is_empty() => {
            println!(
                "{}: sound — {}",
                path.display(),
                report::totals(&loaded.project)
            );
            Ok(Outcome::Done)
        }
        Ok(loaded) => {
            for warning in &loaded.warnings {
                println!("{}: {warning}", path.display());
            }
            println!(
                "{}: {} problem{} to review (the project opens; nothing was changed)",
                path.display(),
                loaded.warnings.len(),
                if loaded.warnings.len() == 1 { "" } else { "s" }
            );
            Ok(Outcome::ProblemsFound)
        }
        Err(LoadError::Invalid { problems, .. }) => {
            for problem in &problems {
                println!("{}: {problem}", path.display());
            }
            println!(
                "{}: {} problem{}; the project cannot be opened until they are corrected",
                path.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            Ok(Outcome::ProblemsFound)
        }
        Err(other) => Err(other.into()),
    }
}

fn compare(
    paths: &[std::path::PathBuf],
    label: Option<String>,
    exclude_uncoded: bool,
    json: bool,
) -> Result<Outcome> {
    let projects = paths.iter().map(|p| open(p)).collect::<Result<Vec<_>>>()?;
    let projects: Vec<&Project> = projects.iter().collect();
    if let Some(id) = &label
        && !projects.iter().any(|p| p.label(id).is_some())
    {
        let known: Vec<String> = crate::compare::codebook(&projects)
            .into_iter()
            .map(|l| l.id)
            .collect();
        bail!(
            "no project has a label with id “{id}”; the labels are: {}",
            known.join(", ")
        );
    }
    let options = CompareOptions {
        label,
        exclude_uncoded,
    };
    let comparison = compare_projects(&projects, &options);
    if json {
        println!("{}", compare_json::to_json(&comparison));
    } else {
        print!("{}", compare_text::to_text(&comparison, &options));
    }
    if comparison.documents.is_empty() {
        bail!(
            "no article is in every project, so nothing was compared (documents are matched by \
             their text, not their title)"
        );
    }
    Ok(Outcome::Done)
}

/// Fails, naming the project's labels, when one of `labels` (ids) is not among them.
pub(super) fn known_labels(project: &Project, labels: &[String], path: &Path) -> Result<()> {
    let Some(unknown) = labels.iter().find(|l| !project.has_label(l)) else {
        return Ok(());
    };
    let known: Vec<&str> = project.labels().iter().map(|l| l.id.as_str()).collect();
    bail!(
        "{}: there is no label “{unknown}”; the labels are {}",
        path.display(),
        known.join(", ")
    );
}
