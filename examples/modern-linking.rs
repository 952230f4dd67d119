//! The linking measurement of issue #13, printed as tables: on the modern-news development set
//! (`tests/fixtures/modern/`), change claims linked fully right (overall, per construction
//! family, and with the period right too), planted errors caught per kind, inconsistent
//! passages flagged and clean passages with findings; then planted errors in the Reuters
//! "X pct to A from B" claims, when `../shared/corpus` is there.
//!
//! ```sh
//! cargo run --release --example modern-linking                  # the tables
//! cargo run --release --example modern-linking -- --misses      # and every miss
//! cargo run --release --example modern-linking -- --misses --family 7
//! cargo run --release --example modern-linking -- --dir /path/to/held-out   # another set
//! ```
//!
//! `--dir` measures a folder of passages in the development set's schema instead, such as a
//! held-out set of passages kept outside the project (the Reuters part is the same).
//!
//! `tests/modern_linking.rs` holds the same figures as floors.

#[allow(dead_code)] // shared with tests/modern_set.rs and tests/modern_linking.rs
#[path = "../tests/modern/mod.rs"]
mod modern;

use std::process::ExitCode;

use modern::linking::Linking;
use modern::planted::{self, Planting};

struct Options {
    misses: bool,
    family: Option<u8>,
    dir: Option<std::path::PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        misses: false,
        family: None,
        dir: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--misses" => options.misses = true,
            "--family" => {
                let n = args.next().and_then(|n| n.parse().ok());
                options.family = Some(n.ok_or("--family takes a family number")?);
            }
            "--dir" => options.dir = Some(args.next().ok_or("--dir takes a folder")?.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

fn print_linking_misses(score: &Linking, family: Option<u8>) {
    let shown = score
        .misses
        .iter()
        .filter(|m| family.is_none_or(|f| m.families.contains(&f)));
    for miss in shown {
        let what = if miss.period_only {
            "period wrong"
        } else {
            "not linked"
        };
        println!("{} ({what}; families {:?})", miss.passage, miss.families);
        println!("  quote:  {}", miss.quote.replace('\n', " "));
        println!("  wanted: {}", miss.wanted);
        if miss.got.is_empty() {
            println!("  linked: no claim over the quote");
        }
        for got in &miss.got {
            println!("  linked: {}", got.replace('\n', " "));
        }
        println!();
    }
}

fn print_planted_misses(planting: &Planting) {
    for missed in &planting.missed {
        let warned = if missed.warned {
            ", a warning only"
        } else {
            ""
        };
        println!(
            "{} ({}: {}{warned})",
            missed.id,
            missed.mutation.name(),
            missed.what
        );
        println!("  quote:  {}\n", missed.quote.replace('\n', " "));
    }
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(e) => {
            eprintln!("modern-linking: {e}");
            return ExitCode::from(2);
        }
    };
    let passages = match &options.dir {
        Some(dir) => modern::load_from(dir),
        None => modern::load(),
    };
    let score = modern::linking::measure(&passages);
    let targets = planted::modern_targets(&passages);
    let planting = planted::plant_all(&targets);
    match &options.dir {
        Some(dir) => println!("## {}: {} passages\n", dir.display(), passages.len()),
        None => println!("## Development set: {} passages\n", passages.len()),
    }
    println!("{}\n", modern::linking_table(&score));
    println!(
        "Planted errors in the {} consistent claims with a stated change and value:\n",
        targets.len()
    );
    println!("{}\n", modern::planting_table(&planting));
    if options.misses {
        println!("## Claims not linked fully right\n");
        print_linking_misses(&score, options.family);
        println!("## Planted errors missed\n");
        print_planted_misses(&planting);
    }
    let path = modern::reuters::corpus();
    if !path.exists() {
        println!("Reuters: {} not found, skipped", path.display());
        return ExitCode::SUCCESS;
    }
    let (stories, found) = match modern::reuters::find(&path) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("modern-linking: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let forms = modern::reuters::measure(&stories, &found);
    println!(
        "## Reuters: consistent claims in {} stories\n",
        stories.len()
    );
    println!("{}\n", modern::reuters::table(&forms));
    if options.misses {
        for entry in forms.values() {
            for flagged in &entry.flagged_as_published {
                println!("flagged as published: {}\n", flagged.replace('\n', " "));
            }
            print_planted_misses(&entry.planting);
        }
    }
    ExitCode::SUCCESS
}
