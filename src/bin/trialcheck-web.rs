//! The browser app's entry point; everything it does lives in `trialcheck::web`.

#[cfg(target_arch = "wasm32")]
fn main() {
    trialcheck::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("trialcheck-web runs in the browser: build it with `trunk build`.");
}
