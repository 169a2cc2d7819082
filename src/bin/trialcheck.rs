//! The command-line tool; everything it does lives in `trialcheck::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    trialcheck::cli::main()
}

// The CLI is native only; this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
