//! Export as a REFI-QDA codebook (`.qdc`): the project's labels as `<Code>`s with colours and
//! descriptions, for ATLAS.ti, MAXQDA, NVivo and QualCoder. No passages, so no offsets.

use super::{
    ExportError, ExportOptions, Output, Scope,
    refi::{CODEBOOK_NAMESPACE, XmlWriter, origin, write_codes},
};

/// Renders the scope's labels as a `.qdc` file (UTF-8 XML in `urn:QDA-XML:codebook:1.0`).
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    if scope.labels().is_empty() {
        return Err(ExportError::Render {
            what: "REFI-QDA codebook",
            reason: "the project has no labels, and a codebook needs at least one; add a label \
                     first"
                .to_owned(),
        });
    }
    let origin = origin();
    let mut xml = XmlWriter::new();
    xml.open(
        "CodeBook",
        &[
            ("origin", Some(origin.as_str())),
            ("xmlns", Some(CODEBOOK_NAMESPACE)),
        ],
    );
    write_codes(&mut xml, scope.labels());
    Ok(Output::File(xml.finish().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::refi::{DECLARATION, code_guid};
    use crate::model::{Label, Meta, Project};

    fn project(labels: Vec<Label>) -> Project {
        Project::from_parts(Meta::default(), labels, Vec::new())
    }

    #[test]
    fn the_codebook_lists_every_label() {
        let mut norm = Label::new("norm", "Norm 规范", "#009e73");
        norm.description = "A rule \"invoked\"".into();
        let project = project(vec![Label::new("claim", "Claim", "#D55E00"), norm]);
        let scope = Scope::new(&project, None).unwrap();
        let Output::File(bytes) = export(&scope, &ExportOptions::default()).unwrap() else {
            panic!("a codebook is one file");
        };
        let expected = format!(
            "{DECLARATION}<CodeBook origin=\"Marginalia {}\" xmlns=\"urn:QDA-XML:codebook:1.0\">\n  \
             <Codes>\n    <Code guid=\"{}\" name=\"Claim\" isCodable=\"true\" color=\"#D55E00\"/>\n    \
             <Code guid=\"{}\" name=\"Norm 规范\" isCodable=\"true\" color=\"#009E73\">\n      \
             <Description>A rule \"invoked\"</Description>\n    </Code>\n  </Codes>\n</CodeBook>\n",
            env!("CARGO_PKG_VERSION"),
            code_guid("claim"),
            code_guid("norm"),
        );
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    #[test]
    fn a_project_without_labels_has_no_codebook() {
        let project = project(Vec::new());
        let scope = Scope::new(&project, None).unwrap();
        let error = export(&scope, &ExportOptions::default()).unwrap_err();
        assert!(error.to_string().contains("add a label"), "{error}");
    }
}
