//! `claimcheck completions SHELL` and `claimcheck man`: shell completion scripts (clap_complete)
//! and a roff man page (clap_mangen), both generated from the clap definitions in `args`, so
//! they never fall behind the options.

use super::Cli;
use clap::CommandFactory;
use std::io::{self, Write};

pub const COMPLETIONS_AFTER_HELP: &str = "\
Install, for example:
  bash:       claimcheck completions bash > ~/.local/share/bash-completion/completions/claimcheck
  zsh:        claimcheck completions zsh > ~/.zfunc/_claimcheck   (with fpath+=~/.zfunc)
  fish:       claimcheck completions fish > ~/.config/fish/completions/claimcheck.fish
  powershell: claimcheck completions powershell >> $PROFILE";

pub const MAN_AFTER_HELP: &str = "\
The page has the top-level command, then a section per subcommand with its options; install it
with, for example,
  claimcheck man > ~/.local/share/man/man1/claimcheck.1";

/// The shells `completions` writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, w: &mut dyn Write) -> io::Result<()> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
    };
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    // clap_complete writes through `write_all`, so a closed stdout comes back as an error
    // rather than a panic; the buffer keeps it to one write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut script);
    w.write_all(&script)?;
    w.flush()
}

/// Writes the man page: the top-level command, then a section per subcommand with its
/// options, so `man claimcheck` documents every flag.
pub fn man(w: &mut dyn Write) -> io::Result<()> {
    let cmd = Cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render(&mut page)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        render_subcommand(&mut page, cmd.get_name(), sub)?;
    }
    w.write_all(&page)?;
    w.flush()
}

/// One subcommand's synopsis, description and options as a section of the page (nested
/// subcommands, as `registry check`, get their own).
fn render_subcommand(page: &mut Vec<u8>, parent: &str, sub: &clap::Command) -> io::Result<()> {
    let name = format!("{parent} {}", sub.get_name());
    writeln!(page, ".SH \"{}\"", name.to_uppercase())?;
    let man = clap_mangen::Man::new(sub.clone().display_name(&name).bin_name(&name));
    man.render_synopsis_section(page)?;
    man.render_description_section(page)?;
    if sub.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(page)?;
    }
    for nested in sub.get_subcommands().filter(|s| s.get_name() != "help") {
        render_subcommand(page, &name, nested)?;
    }
    Ok(())
}
