//! Several programs writing one project at once: every `marginalia add` and `update` run
//! together keeps every document and every revision record, because each holds the project's
//! lock from reading it to saving it.

use std::{
    fs,
    path::Path,
    process::{Child, Command, Stdio},
};

fn spawn(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marginalia"));
    for arg in args {
        command.arg(arg);
    }
    command
        .env("MARGINALIA_ANNOTATOR", "Test Analyst")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("marginalia starts")
}

fn wait_all(children: Vec<Child>) {
    for child in children {
        let output = child.wait_with_output().expect("marginalia runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// A new project at `dir/p.ron` holding one article, and `count` more articles to add.
fn project_and_articles(dir: &Path, count: usize) -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    let first = dir.join("first.txt");
    fs::write(&first, "First article\n\nStates must act.\n").unwrap();
    let project = dir.join("p.ron");
    let made = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args([
            "new".as_ref(),
            first.as_os_str(),
            "-o".as_ref(),
            project.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(made.status.success());
    let articles = (0..count)
        .map(|i| {
            let path = dir.join(format!("article-{i}.txt"));
            fs::write(
                &path,
                format!("Article {i}\n\nThe text of article number {i}.\n"),
            )
            .unwrap();
            path
        })
        .collect();
    (project, articles)
}

#[test]
fn a_hundred_adds_at_once_keep_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let (project, articles) = project_and_articles(dir.path(), 100);
    let children = articles
        .iter()
        .map(|article| spawn(&[&"add", &project, article]))
        .collect();
    wait_all(children);
    let saved = marginalia::store::load(&project).unwrap().project;
    assert_eq!(saved.documents().len(), 101, "no add was lost");
}

#[test]
fn adds_and_updates_at_once_keep_every_document_and_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (project, articles) = project_and_articles(dir.path(), 50);
    let versions: Vec<std::path::PathBuf> = (0..50)
        .map(|i| {
            let path = dir.path().join(format!("first-v{i}.txt"));
            fs::write(
                &path,
                format!("First article\n\nStates must act, version {i}.\n"),
            )
            .unwrap();
            path
        })
        .collect();
    let mut children = Vec::new();
    for (article, version) in articles.iter().zip(&versions) {
        children.push(spawn(&[&"add", &project, article]));
        children.push(spawn(&[
            &"update",
            &project,
            &"--doc",
            &"First article",
            version,
        ]));
    }
    wait_all(children);
    let saved = marginalia::store::load(&project).unwrap().project;
    assert_eq!(saved.documents().len(), 51, "no add was lost");
    let first = saved
        .documents()
        .iter()
        .find(|d| d.title() == "First article")
        .expect("the first article is there");
    assert_eq!(first.revisions().len(), 50, "no update was lost");
}
