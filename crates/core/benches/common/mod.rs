//! What the benchmarks share: the demo seed article, repeated to 1 MB.

/// The demo seed article and that article repeated (newline-separated) to just under 1 MB.
pub fn seed_and_megabyte() -> (String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../demo/articles/seed-it.txt"
    );
    let seed = std::fs::read_to_string(path).expect("demo seed article");
    let mut text = String::with_capacity(1 << 20);
    while text.len() + seed.len() <= 1 << 20 {
        text.push_str(&seed);
        text.push('\n');
    }
    (seed, text)
}
