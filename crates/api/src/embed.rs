//! The snippets that put a timeline on another page, written once here so that the web
//! app's "Embed" panel and `dateline export` give exactly the same markup.
//!
//! Two forms: a plain `<iframe>` (fixed height, full width), and a `<div>` with a small
//! loader script (`embed.js`, beside the app) that creates the frame and resizes it to the
//! height the embedded app reports with `postMessage({type: "dateline:height", height})`.
//!
//! Each form comes in two layouts ([`Layout`]): compact (the timeline first, the filters
//! folded into one button; what a frame shows unless told otherwise) and full (the app as
//! on its own page).
//!
//! ```
//! use dateline_api::embed::{self, Layout};
//! let url = embed::embed_url("https://example.com/story/", "person=mira-murati", "", Layout::Compact, 400, None);
//! assert_eq!(url, "https://example.com/story/?person=mira-murati&embed=compact&height=400");
//! let html = embed::iframe_snippet(&url, "Story", 400);
//! assert!(html.starts_with("<iframe src=\"https://example.com/story/?person=mira-murati&amp;embed=compact&amp;height=400\""));
//! ```

/// Height of the timeline drawing in an embed (CSS pixels) when none is chosen.
pub const DEFAULT_HEIGHT: u32 = 400;

/// Smallest and largest drawing heights the app accepts from `?height=`.
pub const HEIGHT_RANGE: (u32, u32) = (160, 4000);

/// What a frame needs besides the drawing: the title, the filters, the toolbar and the
/// head of the list (the rest scrolls inside a fixed-height frame).
pub const FRAME_EXTRA: u32 = 300;

/// The type of the message the embedded app posts to its parent with its height.
pub const HEIGHT_MESSAGE: &str = "dateline:height";

/// How an embedded view is laid out (`?embed=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The title, the toolbar and the timeline first; the filters folded into one button,
    /// the list and the sources' credits below. The default inside a frame.
    Compact,
    /// The app as on its own page: every filter shown above the timeline.
    Full,
}

impl Layout {
    /// Both layouts, compact first.
    pub const ALL: [Layout; 2] = [Layout::Compact, Layout::Full];

    /// The value of `?embed=` for this layout.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Compact => "compact",
            Layout::Full => "full",
        }
    }

    /// The layout named by an `?embed=` value (`None` for anything else).
    pub fn parse(value: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.as_str() == value)
    }
}

/// The address of an embedded view: `base` (where the app is, ending with `/`), the view's
/// filters as a query (with or without `?`; no `theme`, `embed` or `height` in it), the
/// `theme` (`light` or `dark`; empty: the reader's), the `layout`, the drawing's `height`
/// and, optionally, the event to open (`#event-<id>`).
pub fn embed_url(
    base: &str,
    query: &str,
    theme: &str,
    layout: Layout,
    height: u32,
    event: Option<&str>,
) -> String {
    let mut url = String::from(base);
    let mut sep = "?";
    let query = query.strip_prefix("?").unwrap_or(query);
    if !query.is_empty() {
        url.push_str(sep);
        url.push_str(query);
        sep = "&";
    }
    if !theme.is_empty() {
        url.push_str(sep);
        url.push_str("theme=");
        url.push_str(theme);
        sep = "&";
    }
    url.push_str(sep);
    url.push_str("embed=");
    url.push_str(layout.as_str());
    url.push_str("&height=");
    url.push_str(&height.to_string());
    if let Some(id) = event.filter(|id| !id.is_empty()) {
        url.push_str("#event-");
        url.push_str(id);
    }
    url
}

/// Escapes text for a double-quoted HTML attribute (`&`, `<`, `>` and `"`).
pub fn attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// A full-width `<iframe>` of the view at `url` whose drawing is `height` pixels tall.
pub fn iframe_snippet(url: &str, title: &str, height: u32) -> String {
    [
        "<iframe src=\"",
        &attr(url),
        "\" title=\"",
        &attr(title),
        "\" loading=\"lazy\" style=\"display:block;width:100%;max-width:100%;height:",
        &(height + FRAME_EXTRA).to_string(),
        "px;border:0\"></iframe>",
    ]
    .concat()
}

/// A `<div>` and the loader script (`embed.js` beside the app at `base`) that fills it with
/// a frame of the view at `url` and keeps the frame as tall as its content.
pub fn script_snippet(base: &str, url: &str, title: &str, height: u32) -> String {
    [
        "<div class=\"dateline-embed\" data-src=\"",
        &attr(url),
        "\" data-title=\"",
        &attr(title),
        "\" style=\"min-height:",
        &(height + FRAME_EXTRA).to_string(),
        "px\"></div>\n<script src=\"",
        &attr(base),
        "embed.js\" async></script>",
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_keeps_the_filters_and_replaces_the_theme_and_height() {
        assert_eq!(
            embed_url(
                "https://x.example/t/",
                "?person=a&kind=b",
                "dark",
                Layout::Full,
                300,
                Some("e-1")
            ),
            "https://x.example/t/?person=a&kind=b&theme=dark&embed=full&height=300#event-e-1"
        );
        assert_eq!(
            embed_url("./", "", "", Layout::Compact, 400, None),
            "./?embed=compact&height=400"
        );
        for l in Layout::ALL {
            assert_eq!(Layout::parse(l.as_str()), Some(l));
        }
        assert_eq!(Layout::parse("Compact"), None);
        assert_eq!(attr("é<\"&>x"), "é&lt;&quot;&amp;&gt;x");
    }

    #[test]
    fn snippets_escape_their_attributes() {
        let s = iframe_snippet("https://x/?a=1&b=\"2\"", "A <b> & \"c\"", 100);
        assert!(
            s.contains("src=\"https://x/?a=1&amp;b=&quot;2&quot;\""),
            "{s}"
        );
        assert!(
            s.contains("title=\"A &lt;b&gt; &amp; &quot;c&quot;\""),
            "{s}"
        );
        assert!(s.contains("height:400px"), "{s}");
        let s = script_snippet("https://x/t/", "https://x/t/?height=100", "T", 100);
        assert!(s.contains("data-src=\"https://x/t/?height=100\""), "{s}");
        assert!(
            s.ends_with("<script src=\"https://x/t/embed.js\" async></script>"),
            "{s}"
        );
    }
}
