#![no_main]
//! Fuzz target `registry`: see `fuzz/entry_points.rs`.

use libfuzzer_sys::fuzz_target;

#[path = "../entry_points.rs"]
mod entry_points;

fuzz_target!(|data: &[u8]| entry_points::registry(data));
