//! YAML front matter: a section fenced with `---` builds the very page its
//! TOML twin builds, and a YAML mistake is an error at its line.

use std::fs;

use crate::common::{findings, stderr};

const TOML_FRONT: &str = "+++\ntitle = \"Introduction\"\nweight = 10\n+++\n";
const YAML_FRONT: &str = "---\ntitle: Introduction\nweight: 10\n---\n";

#[test]
fn a_yaml_section_builds_the_same_page_as_its_toml_twin() {
    let tmp = tempfile::tempdir().expect("temp dir");
    assert!(findings(tmp.path(), &["new", "p"]).status.success());
    let project = tmp.path().join("p");
    let section = project.join("content/sections/01-introduction.md");
    let toml = fs::read_to_string(&section).expect("read");
    assert!(toml.starts_with(TOML_FRONT), "the scaffold changed: {toml}");
    let toml_page = crate::common::build_ok(&project);
    fs::write(&section, toml.replacen(TOML_FRONT, YAML_FRONT, 1)).expect("write");
    let yaml_page = crate::common::build_ok(&project);
    // The pages differ in one place only: the build manifest records the
    // section file's own size and SHA-256, which differ between the twins.
    assert!(
        toml_page != yaml_page,
        "the manifest did not see the file change"
    );
    assert!(
        without_manifest(&toml_page) == without_manifest(&yaml_page),
        "the YAML twin built another page"
    );
}

/// `page` without its "About this report" section and embedded manifest.
fn without_manifest(page: &str) -> String {
    let about = page
        .find("<section class=\"report-section\" id=\"about-this-report\"")
        .expect("an About section");
    let end = about + page[about..].find("</section>").expect("closed") + "</section>".len();
    let script = page
        .find("<script type=\"application/json\" id=\"findings-manifest\">")
        .expect("a manifest");
    let script_end = script + page[script..].find("</script>").expect("closed");
    assert!(end < script);
    format!(
        "{}{}{}",
        &page[..about],
        &page[end..script],
        &page[script_end..]
    )
}

#[test]
fn a_yaml_mistake_points_at_its_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    assert!(findings(tmp.path(), &["new", "p"]).status.success());
    let section = tmp.path().join("p/content/sections/01-introduction.md");
    let text = fs::read_to_string(&section).expect("read");
    let broken = "---\ntitle: Introduction\nweight: ten\n---\n";
    fs::write(&section, text.replacen(TOML_FRONT, broken, 1)).expect("write");
    let out = findings(tmp.path(), &["check", "--project", "p"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(" --> content/sections/01-introduction.md:3:"),
        "{err}"
    );
    assert!(err.contains("3 | weight: ten"), "{err}");
}
