//! Output writers, one per format.
