//! Per-language word tables (numbers, scales, units, currencies, directions, periods), so a
//! language can be added beside English without touching the pipeline.

pub mod en;
pub mod shapes;
