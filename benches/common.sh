# Sourced by the bench scripts: the binary to measure and a scratch folder.
#   bin   $BIN if set (an already built binary), else a fresh `cargo build --release`
#   work  a temporary folder, removed when the script exits
# Needs `here` (the project root) set by the caller.
if [[ -n "${BIN:-}" ]]; then
    bin="$BIN"
else
    cargo build --release --quiet --manifest-path "$here/Cargo.toml"
    bin="${CARGO_TARGET_DIR:-$here/target}/release/claimcheck"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
