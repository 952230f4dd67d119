//! A temp folder with one sample article, and output as text: shared by the CLI tests that
//! run the binary in a folder of their own.
// Each test binary that includes this file uses some of it.
#![allow(dead_code)]

/// A dated article with a consistent seed claim and a Reuters claim.
pub const ARTICLE: &str = "---\ntitle: Magnets\ndate: 2025-07-21\n---\n\
China exported 353 tons of rare earth magnets to the US in June, an increase of 660% \
compared to May.\n\nSales rose 12.5 pct to 320.5 mln dlrs from 284.9 mln.\n";

/// The binary run in `dir` with `args`, colour left to the options (`NO_COLOR` removed).
pub fn run(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run claimcheck")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A temp folder with `articles/magnets.md` ([`ARTICLE`]) and no `claims/`.
pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/magnets.md"), ARTICLE).unwrap();
    dir
}
