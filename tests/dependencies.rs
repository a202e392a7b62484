//! Every dependency in `Cargo.toml` is used by the code: a crate declared
//! and used nowhere is a build cost, an audit cost and a trap for readers.
//! (A check by name in the sources, which `cargo machete` also makes, kept
//! here so that it runs with `cargo test`, offline.)

use std::path::Path;

/// The crate names of the `[dependencies]` and `[dev-dependencies]`
/// sections of the manifest.
fn declared(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = matches!(line, "[dependencies]" | "[dev-dependencies]");
            continue;
        }
        if !in_deps || line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((name, _)) = line.split_once('=') {
            names.push(name.trim().to_owned());
        }
    }
    names
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

#[test]
fn every_dependency_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let names = declared(&manifest);
    assert!(
        names.iter().any(|n| n == "regex"),
        "the manifest was read: {names:?}"
    );
    let mut code = Vec::new();
    for dir in ["src", "tests", "examples", "benches"] {
        sources(&root.join(dir), &mut code);
    }
    let unused: Vec<&String> = names
        .iter()
        .filter(|name| {
            let ident = name.replace('-', "_");
            // A path into the crate, or a derive or attribute of it.
            let uses = [
                format!("{ident}::"),
                format!("{ident}("),
                format!("{ident},"),
            ];
            !code
                .iter()
                .any(|src| uses.iter().any(|u| src.contains(u.as_str())))
        })
        .collect();
    assert!(unused.is_empty(), "declared but never used: {unused:?}");
}
