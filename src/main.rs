//! The claimcheck binary: everything lives in the library; this only runs the command line.

/// mimalloc instead of the system allocator: checking an article makes many small, short-lived
/// allocations (tokens, claims, report strings), and glibc's malloc/free were about a tenth of
/// an archive audit's time.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimcheck::cli::main()
}
