//! The progress bar on stderr: shown only when stderr is a terminal and `--quiet` is off.

use crate::audit::summary::{thousands, Tally};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` bytes of input when the size is known, a spinner otherwise; nothing
    /// at all unless `enabled` and stderr is a terminal.
    pub fn new(enabled: bool, total: Option<u64>) -> Progress {
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                "{spinner} [{bar:20}] {decimal_bytes}/{decimal_total_bytes} \
                 {decimal_bytes_per_sec} ETA {eta} {wide_msg}",
            ),
            None => (
                ProgressBar::no_length(),
                "{spinner} {elapsed_precise} {decimal_bytes} {decimal_bytes_per_sec} {wide_msg}",
            ),
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        Progress { bar: Some(bar) }
    }

    /// Shows the running tally.
    pub fn update(&self, tally: &Tally) {
        let Some(bar) = &self.bar else { return };
        bar.set_position(tally.input_bytes);
        let mut msg = format!(
            "{} articles, {} findings",
            thousands(tally.articles),
            thousands(tally.findings.total())
        );
        if tally.unreadable > 0 {
            msg.push_str(&format!(", {} unreadable", thousands(tally.unreadable)));
        }
        bar.set_message(msg);
    }

    /// Removes the bar so the summary prints cleanly.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
