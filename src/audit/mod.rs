//! Archive audits: streaming, parallel checking of whole news archives into NDJSON.
//!
//! One reader thread cuts the input into batches of raw records ([`input`]); workers parse and
//! check them ([`process`]) and serialise each article's NDJSON line; the calling thread
//! writes the lines in input order (or as finished) and keeps the tally. A fixed number of
//! batches is in flight at once, so memory stays flat however large the archive (see
//! [`pipeline`]). The command line around it (options, progress bar, Ctrl-C, the summary on
//! stderr) is `cli::audit`; this module needs none of it.

pub mod input;
pub mod pipeline;
pub mod summary;

use crate::policy::Policy;
use crate::registry::Registry;
use crate::source;
use crate::unreadable;
use pipeline::{Processed, Unit};
use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether Ctrl-C was pressed during this process.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Records a Ctrl-C: reading stops and the run finishes what it has. Returns whether one had
/// already been recorded.
pub fn interrupt() -> bool {
    INTERRUPTED.swap(true, Ordering::SeqCst)
}

/// The worker's job for one unit: parse it and check it, with its inline suppressions and
/// `policy` (the pipeline reports it).
pub fn process(unit: Unit, registry: Option<&Registry>, policy: &Policy) -> Processed {
    let document = match unit {
        Unit::Record {
            source,
            line,
            bytes,
        } => source::record::parse(&source, line, &bytes),
        Unit::File { path } => source::read_file(&path),
        Unit::Unreadable(e) => return Processed::Failed(unreadable::report(&e)),
    };
    check(document, registry, policy)
}

/// The worker's job for a unit once read: check its document (the pipeline reports it).
pub(crate) fn check(
    document: Result<crate::document::Document, source::InputError>,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Processed {
    match document {
        Ok(document) => match crate::analysis::check_with(document, registry, policy) {
            Ok(checked) => Processed::Checked(checked),
            Err(e) => Processed::Failed(unreadable::report(&e)),
        },
        Err(e) => Processed::Failed(unreadable::report(&e)),
    }
}
