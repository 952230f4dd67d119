#![no_main]
//! Fuzz target `linker`: long generated sentences of figure clauses; see `fuzz/entry_points.rs`.

use libfuzzer_sys::fuzz_target;

#[path = "../entry_points.rs"]
mod entry_points;

fuzz_target!(|data: &[u8]| entry_points::linker(data));
