//! `dateline dates`: print the temporal expressions of a text, resolved, as JSON; or, with
//! `--jsonl`, answer JSON Lines requests on standard input (the contract of
//! `score_dates.py`: `{"text", "lang", "ref", "prefer"}` in, `{"mentions": [...]}` out).

use crate::article::read_text;
use anyhow::{Context, bail};
use chrono::{NaiveDate, NaiveDateTime};
use dateline_core::temporal::{self, Mention, Options, Preference, Tense, TimeValue};
use dateline_core::{Lang, lang};
use serde_json::{Value, json};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline dates`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Language (it, en, fr, de, es, pt); detected when absent.
    #[arg(long)]
    lang: Option<String>,
    /// Reference date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); required with a file.
    #[arg(long = "ref")]
    reference: Option<String>,
    /// How to resolve "May" or "Monday": past (news), future or nearest.
    #[arg(long, default_value = "past")]
    prefer: String,
    /// Answer JSON Lines requests on standard input, one answer line per request.
    #[arg(long)]
    jsonl: bool,
    /// The text: a UTF-8 file, or - for standard input.
    file: Option<PathBuf>,
}

/// Parses a reference: a date-time, or a date read as its midnight.
pub fn parse_reference(s: &str) -> anyhow::Result<NaiveDateTime> {
    let s = s.trim();
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(t);
        }
    }
    // A trailing offset or fraction ("2013-02-12T04:30:00.000-02:00") is dropped: the
    // reference is a local time.
    if let Some(head) = s.get(..19).filter(|_| s.len() > 19)
        && let Ok(t) = NaiveDateTime::parse_from_str(head, "%Y-%m-%dT%H:%M:%S")
    {
        return Ok(t);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.and_time(chrono::NaiveTime::MIN))
        .with_context(|| format!("bad reference {s:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"))
}

fn parse_preference(s: &str) -> anyhow::Result<Preference> {
    Ok(match s.trim().to_ascii_lowercase().as_str() {
        "past" => Preference::Past,
        "future" => Preference::Future,
        "nearest" => Preference::Nearest,
        other => bail!("bad preference {other:?}: expected past, future or nearest"),
    })
}

fn language(code: Option<&str>, text: &str) -> anyhow::Result<Lang> {
    match code {
        Some(c) => c.parse::<Lang>().map_err(|e| anyhow::anyhow!("{e}")),
        None => Ok(lang::detect(text).unwrap_or(Lang::En)),
    }
}

/// One mention as JSON: the `score_dates.py` fields plus approx, quoted, rule, the
/// event-date bridge, `reference` (the mention stands for the reference date) and `tense`
/// (of its clause: unmarked, future or progressive).
pub fn mention_json(m: &Mention) -> Value {
    // A clock time keeps the zone the text states as an ISO offset ("15:00 GMT":
    // "…T15:00:00+00:00").
    let iso = |t| {
        let mut s = temporal::format_iso(t, m.grain);
        if let Some(z) = m.zone.filter(|_| m.grain < temporal::Grain::Day) {
            let (sign, z) = if z < 0 { ('-', -z) } else { ('+', z) };
            s.push_str(&format!("{sign}{:02}:{:02}", z / 60, z % 60));
        }
        s
    };
    let value = match m.value {
        TimeValue::Instant(t) => json!(iso(t)),
        TimeValue::Interval { from, to } => {
            let mut o = serde_json::Map::new();
            if let Some(f) = from {
                o.insert("from".into(), json!(iso(f)));
            }
            if let Some(t) = to {
                o.insert("to".into(), json!(iso(t)));
            }
            Value::Object(o)
        }
    };
    json!({
        "start": m.start,
        "end": m.end,
        "value": value,
        "grain": m.grain.as_str(),
        "approx": m.approx,
        "quoted": m.quoted,
        "window": m.window,
        "rule": m.rule,
        "date": m.date,
        "reference": m.reference,
        "tense": match m.tense {
            Tense::Unmarked => "unmarked",
            Tense::Future => "future",
            Tense::Progressive => "progressive",
        },
    })
}

/// The readings of `dateline dates`: all of [`Options::NEWS`]. Parts of a month ("early
/// December") are read as the month (TimeML, news) with the past preference, and as the
/// stretch of days (Duckling) with the others, unless a request's `"parts"` says `"month"`
/// or `"stretch"`.
fn options(prefer: Preference, parts: Option<bool>) -> Options {
    Options {
        month_parts: parts.unwrap_or(prefer == Preference::Past),
        ..Options::NEWS
    }
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let prefer = parse_preference(&args.prefer)?;
    if args.jsonl {
        return serve_jsonl(args.lang.as_deref(), args.reference.as_deref(), prefer);
    }
    let Some(file) = args.file else {
        bail!("give a FILE (or - for standard input), or --jsonl");
    };
    let text = read_text(&file)?;
    let reference = parse_reference(
        args.reference
            .as_deref()
            .context("--ref DATE is needed to resolve a text")?,
    )?;
    let lang = language(args.lang.as_deref(), &text)?;
    let mentions: Vec<Value> =
        temporal::find_mentions_with(&text, lang, reference, prefer, options(prefer, None))
            .iter()
            .map(mention_json)
            .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&json!({ "lang": lang.code(), "mentions": mentions }))?
    );
    Ok(ExitCode::SUCCESS)
}

/// Answers one request line; a bad request gets `{"mentions": [], "error": "…"}` so that the
/// answers stay aligned with the requests.
fn answer(line: &str, lang: Option<&str>, reference: Option<&str>, prefer: Preference) -> Value {
    let go = || -> anyhow::Result<Value> {
        let req: Value = serde_json::from_str(line).context("request is not JSON")?;
        let text = req
            .get("text")
            .and_then(Value::as_str)
            .context("request has no \"text\"")?;
        let code = req.get("lang").and_then(Value::as_str).or(lang);
        let lang = language(code, text)?;
        let reference = req
            .get("ref")
            .and_then(Value::as_str)
            .or(reference)
            .context("request has no \"ref\"")?;
        let reference = parse_reference(reference)?;
        let prefer = match req.get("prefer").and_then(Value::as_str) {
            Some(p) => parse_preference(p)?,
            None => prefer,
        };
        let parts = match req.get("parts").and_then(Value::as_str) {
            None => None,
            Some("month") => Some(true),
            Some("stretch") => Some(false),
            Some(other) => bail!("bad \"parts\" {other:?}: expected month or stretch"),
        };
        let mentions: Vec<Value> =
            temporal::find_mentions_with(text, lang, reference, prefer, options(prefer, parts))
                .iter()
                .map(mention_json)
                .collect();
        Ok(json!({ "mentions": mentions }))
    };
    go().unwrap_or_else(|e| json!({ "mentions": [], "error": format!("{e:#}") }))
}

fn serve_jsonl(
    lang: Option<&str>,
    reference: Option<&str>,
    prefer: Preference,
) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.context("cannot read standard input")?;
        if line.trim().is_empty() {
            continue;
        }
        let a = answer(&line, lang, reference, prefer);
        serde_json::to_writer(&mut out, &a)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
