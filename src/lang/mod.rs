//! Per-language word tables (numbers, scales, units, currencies, directions, periods), so a
//! language can be added beside English without touching the pipeline.

pub mod en;
mod low;
pub mod shapes;

pub use low::Low;
