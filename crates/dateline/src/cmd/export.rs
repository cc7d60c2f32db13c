//! `dateline export`: the timeline for places without a Dateline service: a static site
//! (the web app and `timeline.json`, or one HTML file), or TimelineJS, CSV, iCalendar or
//! JSON Lines; with the embed snippets for the site.

use crate::export::{self, Filter, Format};
use crate::store;
use anyhow::{Context as _, bail};
use dateline_api::{TimelineDocument, embed};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `dateline export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write: a folder for the site; a file (or - for standard output) for
    /// `--single-file` and the other formats (standard output when absent).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// The store to read (SQLite file written by `dateline ingest`).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// The story (timeline) to export.
    #[arg(long, default_value = store::DEFAULT_TIMELINE, value_name = "NAME")]
    timeline: String,
    /// Every story with events: one site folder per story (named after it) in --out, and
    /// an index page that lists them.
    #[arg(long, conflicts_with_all = ["timeline", "single_file", "persons", "kinds", "from", "to", "q"])]
    all: bool,
    /// site (the web app and timeline.json), timelinejs, csv, ics or jsonl.
    #[arg(long, default_value = "site")]
    format: String,
    /// With the site: one HTML file with everything inlined instead of a folder.
    #[arg(long)]
    single_file: bool,
    /// Only events naming this person (name or id; repeat or separate with commas).
    #[arg(long = "person", value_name = "PERSON")]
    persons: Vec<String>,
    /// Only events of this kind (repeat or separate with commas).
    #[arg(long = "kind", value_name = "KIND")]
    kinds: Vec<String>,
    /// Only events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only events that start on or before this date.
    #[arg(long)]
    to: Option<String>,
    /// Only events whose names, organisation, role or evidence hold all these words.
    #[arg(long, value_name = "WORDS")]
    q: Option<String>,
    /// Title shown above the timeline (and of the calendar, TimelineJS title slide); the
    /// story's own title by default. With --all, the index page's title.
    #[arg(long)]
    title: Option<String>,
    /// Where the site will be published (https://example.com/story/), for the printed
    /// embed snippets.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Height of the timeline drawing in the printed embed snippets, in pixels.
    #[arg(long, default_value_t = embed::DEFAULT_HEIGHT)]
    height: u32,
    /// Theme of the embedded timeline in the printed snippets: light or dark (default: the
    /// reader's system).
    #[arg(long, default_value = "", value_parser = ["", "light", "dark"], hide_default_value = true)]
    theme: String,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&args.format).with_context(|| {
        format!(
            "unknown format {:?}: expected one of {}",
            args.format,
            Format::NAMES.join(", ")
        )
    })?;
    if args.single_file && format != Format::Site {
        bail!(
            "--single-file is for the site (--format site), not for {}",
            args.format
        );
    }
    let (lo, hi) = embed::HEIGHT_RANGE;
    if !(lo..=hi).contains(&args.height) {
        bail!("--height {}: expected {lo} to {hi} pixels", args.height);
    }
    let filter = Filter::from_params(
        &args.persons,
        &args.kinds,
        args.from.as_deref(),
        args.to.as_deref(),
        args.q.as_deref(),
    )
    .map_err(|e| anyhow::anyhow!(e.replace("from=", "--from ").replace("to=", "--to ")))?;
    if args.all {
        if format != Format::Site {
            bail!("--all writes site folders: it is for --format site");
        }
        return export_all(&args);
    }
    let doc = load(&args.db, &args.timeline, args.title.as_deref(), &filter)?;
    let now = chrono::Utc::now();
    match (format, args.single_file) {
        (Format::Site, false) => {
            let Some(dir) = args.out.as_deref().filter(|d| d.as_os_str() != "-") else {
                bail!(
                    "the site is a folder: give it with --out DIR (or use --single-file, or another --format)"
                );
            };
            let files = export::write_site(dir, &doc, now)?;
            let names: Vec<String> = files
                .iter()
                .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            eprintln!(
                "wrote {} events to {} ({})",
                doc.events.len(),
                dir.display(),
                names.join(", ")
            );
            print_snippets(&args, &doc, true)?;
        }
        (format, _) => {
            let bytes = export::render(&doc, format, now)?;
            let target = match args.out.as_deref() {
                Some(p) if p.is_dir() && format == Format::Site => Some(p.join("index.html")),
                Some(p) if p.as_os_str() == "-" => None,
                Some(p) => Some(p.to_path_buf()),
                None => None,
            };
            match target {
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(&bytes)
                        .and_then(|()| out.flush())
                        .context("cannot write to standard output")?;
                }
                Some(path) => {
                    write_file(&path, &bytes)?;
                    eprintln!(
                        "wrote {} events to {} ({} bytes)",
                        doc.events.len(),
                        path.display(),
                        bytes.len()
                    );
                    if format == Format::Site {
                        print_snippets(&args, &doc, false)?;
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if parent.exists() && !parent.is_dir() {
            bail!(
                "cannot write {}: {} is not a folder",
                path.display(),
                parent.display()
            );
        }
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// `--all`: one site folder per story with events, and `index.html` listing them.
fn export_all(args: &Args) -> anyhow::Result<ExitCode> {
    let Some(dir) = args.out.as_deref().filter(|d| d.as_os_str() != "-") else {
        bail!("--all writes folders: give the parent folder with --out DIR");
    };
    open_store(&args.db)?;
    let conn = store::open_reader(&args.db)?;
    let stories: Vec<_> = store::read::timelines(&conn, "")?
        .into_iter()
        .filter(|t| t.events > 0)
        .collect();
    if stories.is_empty() {
        bail!("no timeline in {} has events", args.db.display());
    }
    let now = chrono::Utc::now();
    for t in &stories {
        let doc: TimelineDocument =
            serde_json::from_str(&store::read::timeline_json(&conn, &t.id, None, "Dateline")?)
                .context("the stored timeline does not parse")?;
        export::write_site(&dir.join(&t.id), &doc, now)?;
        eprintln!(
            "wrote {} events of {:?} to {}",
            doc.events.len(),
            t.id,
            dir.join(&t.id).display()
        );
    }
    let title = args.title.as_deref().unwrap_or("Stories");
    write_file(
        &dir.join("index.html"),
        export::stories_index(title, &stories).as_bytes(),
    )?;
    eprintln!(
        "wrote {} stories and their index to {}",
        stories.len(),
        dir.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Opens (and so migrates) the store, which must exist.
fn open_store(db: &Path) -> anyhow::Result<()> {
    if !db.is_file() {
        bail!(
            "no store at {}: ingest articles first (dateline ingest --db {} ARTICLES) or give --db",
            db.display(),
            db.display()
        );
    }
    // Opening for writing migrates an older store; reading needs the current schema.
    drop(store::Store::open(db)?);
    Ok(())
}

/// The story's timeline, filtered; an error for a store that is not there, a story it does
/// not have or a filter that names nobody the timeline knows.
fn load(
    db: &Path,
    timeline: &str,
    title: Option<&str>,
    filter: &Filter,
) -> anyhow::Result<TimelineDocument> {
    open_store(db)?;
    let conn = store::open_reader(db)?;
    let doc: TimelineDocument = serde_json::from_str(&store::read::timeline_json(
        &conn, timeline, title, "Dateline",
    )?)
    .context("the stored timeline does not parse")?;
    let unknown = filter.unknown_persons(&doc);
    if !unknown.is_empty() {
        let known: Vec<&str> = doc.people.iter().take(12).map(|p| p.id.as_str()).collect();
        bail!(
            "no person {} in the timeline (people: {}{})",
            unknown.join(", "),
            known.join(", "),
            if doc.people.len() > known.len() {
                ", …"
            } else {
                ""
            }
        );
    }
    let doc = export::filter(doc, filter);
    if doc.events.is_empty() {
        eprintln!("warning: no events match: the export is an empty timeline");
    }
    Ok(doc)
}

/// Prints the iframe and script snippets for the published site (stdout), with a note on
/// standard error when the site's address was not given.
fn print_snippets(args: &Args, doc: &TimelineDocument, folder: bool) -> anyhow::Result<()> {
    let placeholder = "https://example.com/timeline/";
    let mut base = args.url.clone().unwrap_or_else(|| placeholder.to_string());
    if folder && !base.ends_with('/') {
        base.push('/');
    }
    if args.url.is_none() {
        eprintln!(
            "note: the snippets below use {placeholder} for where you publish the export; pass --url to print yours"
        );
    }
    let mut out = std::io::stdout().lock();
    for layout in embed::Layout::ALL {
        let url = embed::embed_url(&base, "", &args.theme, layout, args.height, None);
        let (iframe, script) = match layout {
            embed::Layout::Compact => (
                "Embed with an iframe (compact: the timeline first, the filters in one button):",
                "Or with a script that fits the frame to the timeline:",
            ),
            embed::Layout::Full => (
                "The full layout (every filter shown) with an iframe:",
                "The full layout with a script:",
            ),
        };
        writeln!(
            out,
            "{iframe}\n{}\n",
            embed::iframe_snippet(&url, &doc.title, args.height)
        )?;
        if folder {
            writeln!(
                out,
                "{script}\n{}\n",
                embed::script_snippet(&base, &url, &doc.title, args.height)
            )?;
        }
    }
    Ok(())
}
