//! Rebuilds when a catalog changes: `rust_i18n::i18n!` reads `locales/` while compiling,
//! and cargo does not know it did.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
