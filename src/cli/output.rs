//! Files the command line writes (`audit --output`, `--summary-json`): checked before any
//! input is read, never one of the inputs, and replaced whole or not at all.

use anyhow::{bail, Context as _};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An output file being written. A regular file (or a new one) is written to a temporary file
/// in the same folder and renamed over the target by [`OutputFile::commit`], so a run that
/// fails or is killed leaves the previous file as it was. Anything else (`/dev/null`, a FIFO)
/// is written in place: renaming over a device would replace the device.
pub struct OutputFile {
    path: PathBuf,
    target: Target,
}

enum Target {
    Temporary(tempfile::NamedTempFile),
    InPlace(fs::File),
}

impl OutputFile {
    /// Opens `path` for writing, refusing it when it is one of `inputs` (the same file by
    /// device and inode, so symbolic and hard links are caught) or a file an input folder's
    /// walk would read. Fails now, before any input is read, when `path` is a folder or its
    /// folder is not writable.
    pub fn create(path: &Path, inputs: &[PathBuf]) -> anyhow::Result<OutputFile> {
        refuse_input(path, inputs)?;
        let cannot = || format!("cannot write {}", path.display());
        let existing = fs::metadata(path).ok();
        let target = match existing {
            Some(meta) if meta.is_dir() => bail!("cannot write {}: it is a folder", path.display()),
            Some(meta) if !meta.is_file() => Target::InPlace(
                fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(cannot)?,
            ),
            _ => {
                let folder = match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent,
                    _ => Path::new("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(".claimcheck-").suffix(".tmp");
                // Created like any new file: read-write for all, less the umask.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt as _;
                    builder.permissions(fs::Permissions::from_mode(0o666));
                }
                Target::Temporary(builder.tempfile_in(folder).with_context(cannot)?)
            }
        };
        Ok(OutputFile {
            path: path.to_path_buf(),
            target,
        })
    }

    /// The path given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the bytes go until [`OutputFile::commit`].
    pub fn writer(&mut self) -> &mut fs::File {
        match &mut self.target {
            Target::Temporary(file) => file.as_file_mut(),
            Target::InPlace(file) => file,
        }
    }

    /// Puts the finished file in place. Dropping an `OutputFile` without committing it
    /// deletes the temporary file and leaves the target untouched.
    pub fn commit(mut self) -> anyhow::Result<()> {
        let flushed = self.writer().flush();
        let cannot = || format!("cannot write {}", self.path.display());
        flushed.with_context(cannot)?;
        if let Target::Temporary(file) = self.target {
            file.persist(&self.path)
                .map_err(|e| e.error)
                .with_context(cannot)?;
        }
        Ok(())
    }
}

/// Whether two output paths name the same file (which need not exist yet): the same name in
/// the same folder, links in the folders resolved.
pub fn same_place(a: &Path, b: &Path) -> bool {
    let folder = |p: &Path| {
        let parent = p.parent().filter(|f| !f.as_os_str().is_empty());
        parent.unwrap_or(Path::new(".")).canonicalize().ok()
    };
    a.file_name() == b.file_name() && folder(a).is_some() && folder(a) == folder(b)
}

/// Fails when `output` is one of `inputs` (which would be destroyed before it was read), or
/// a file that walking an input folder would read (a second run would check the first's
/// output as articles).
fn refuse_input(output: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let out = fs::metadata(output).ok();
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let Ok(meta) = fs::metadata(input) else {
            continue;
        };
        if out.as_ref().is_some_and(|out| same_file(out, &meta)) {
            bail!(
                "refusing to write {}: it is the input {}",
                output.display(),
                input.display()
            );
        }
        if meta.is_dir() && crate::audit::input::walk_reads(input, output) {
            bail!(
                "refusing to write {}: it is inside the input folder {}, which would read it",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.is_file() && (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Writes `value` as pretty JSON and a newline.
pub fn write_json(w: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    w.write_all(b"\n")
}
