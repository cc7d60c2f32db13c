//! The web app's files, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));

/// The embedded file at `path` (relative to the app root), if any.
pub fn get(path: &str) -> Option<&'static [u8]> {
    ASSETS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

/// Whether the web app was built into this binary.
pub fn has_app() -> bool {
    get("index.html").is_some()
}

/// The MIME type for a file name, by extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("dateline_web_bg.wasm"), "application/wasm");
        assert_eq!(content_type("a/b/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
