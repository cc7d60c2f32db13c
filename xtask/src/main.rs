//! `cargo xtask`: Dateline's build orchestration, in Rust so it needs nothing installed.
//!
//! - `cargo xtask build` — the web app (wasm32, wasm-bindgen as a library, wasm-opt from npm's
//!   binaryen) and the release binary that embeds it.
//! - `cargo xtask demo [--addr A]` — build, ingest the three demo stories into a fresh store,
//!   serve.
//! - `cargo xtask web` — the web app only; `cargo xtask wasm-node` — the core in node.
//! - `cargo xtask test` — formatting, clippy (native and wasm32), the web app build, every
//!   crate's tests, the browser tests, and the core extractor compiled to wasm32 run in node.
//!
//! Missing tools are installed on the way: the `wasm32-unknown-unknown` target (rustup),
//! binaryen (`npm ci` in `frontend/`), and Debian's `chromium` and `chromium-driver` for the
//! browser tests (when running as root).

use anyhow::{Context as _, bail};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";
const WEB_CRATE: &str = "dateline_web";

/// Dateline's build orchestration.
#[derive(clap::Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(clap::Subcommand)]
enum Task {
    /// The web app and the release binary that embeds it.
    Build,
    /// Build, ingest the three demo stories into a fresh store, serve.
    Demo {
        /// Address to serve on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Formatting, clippy, the web app build, every test (browser and wasm32 included).
    Test,
    /// The web app only, into `frontend/dist`.
    Web,
    /// The core extractor compiled to wasm32, run in node.
    WasmNode,
}

fn main() {
    let cli = <Cli as clap::Parser>::parse();
    let result = match cli.command {
        Task::Build => build(),
        Task::Demo { addr } => demo(&addr),
        Task::Test => test(),
        Task::Web => ensure_web_tools().and_then(|()| build_web()),
        Task::WasmNode => ensure_wasm_target().and_then(|()| core_in_node().map(drop)),
    };
    if let Err(e) = result {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Runs a command, failing with its command line when it fails.
fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let line = format!("{cmd:?}");
    eprintln!("xtask: $ {line}");
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {line}"))?;
    if !status.success() {
        bail!("{line} failed ({status})");
    }
    Ok(())
}

fn output_of(cmd: &mut Command) -> Option<String> {
    cmd.output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|s| s.lines().any(|l| l.trim() == WASM_TARGET));
    if !installed {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

fn wasm_opt_path() -> PathBuf {
    root().join("frontend/node_modules/.bin/wasm-opt")
}

fn ensure_wasm_opt() -> anyhow::Result<()> {
    if !wasm_opt_path().exists() {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root().join("frontend")))
        .context("installing binaryen (wasm-opt) with npm")?;
    }
    Ok(())
}

fn ensure_web_tools() -> anyhow::Result<()> {
    ensure_wasm_target()?;
    ensure_wasm_opt()
}

fn is_root() -> bool {
    output_of(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

fn ensure_chromium() -> anyhow::Result<()> {
    let have = |p: &str| Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
        return Ok(());
    }
    if !is_root() {
        bail!(
            "the browser tests need Debian's chromium and chromium-driver: run as root, or install them with `sudo apt-get install chromium chromium-driver`"
        );
    }
    run(Command::new("apt-get").arg("update").arg("-q"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Builds the web app into `frontend/dist` (what the `dateline` binary embeds).
/// Builds `package` for wasm32 with the size-optimised profile; returns its `.wasm`.
fn build_wasm(package: &str, artifact: &str) -> anyhow::Result<PathBuf> {
    run(cargo().args([
        "build",
        "--package",
        package,
        "--target",
        WASM_TARGET,
        "--profile",
        WASM_PROFILE,
    ]))?;
    Ok(target_dir()
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{artifact}.wasm")))
}

fn build_web() -> anyhow::Result<()> {
    let wasm = build_wasm("dateline-web", WEB_CRATE)?;
    let bindgen_dir = target_dir().join("web-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_dir);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .omit_default_module_path(false)
        .out_name(WEB_CRATE)
        .generate(&bindgen_dir)
        .context("wasm-bindgen")?;

    let dist = root().join("frontend/dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist)?;
    let bg = format!("{WEB_CRATE}_bg.wasm");
    run(Command::new(wasm_opt_path())
        .arg(bindgen_dir.join(&bg))
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
        ])
        .args([
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg("-o")
        .arg(dist.join(&bg)))?;
    let js = format!("{WEB_CRATE}.js");
    std::fs::copy(bindgen_dir.join(&js), dist.join(&js))?;
    for file in ["index.html", "style.css", "embed.js", "favicon.svg"] {
        std::fs::copy(root().join("frontend").join(file), dist.join(file))?;
    }
    report_sizes(&dist, &[bg.as_str(), js.as_str(), "style.css"])
}

/// Builds the core extractor for wasm32 (`crates/wasm`), generates its node bindings and
/// runs `crates/wasm/tests/node.mjs` on them; returns (passed, failed).
fn core_in_node() -> anyhow::Result<(usize, usize)> {
    let wasm = build_wasm("dateline-wasm", "dateline_wasm")?;
    let out = target_dir().join("wasm-node");
    let _ = std::fs::remove_dir_all(&out);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .nodejs(true)?
        .typescript(false)
        .out_name("dateline_wasm")
        .generate(&out)
        .context("wasm-bindgen (node)")?;
    let script = root().join("crates/wasm/tests/node.mjs");
    eprintln!("xtask: $ node {} {}", script.display(), out.display());
    let output = Command::new("node")
        .arg(&script)
        .arg(&out)
        .output()
        .context("cannot start node (Node.js is needed for the wasm32 test)")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    eprint!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let count = |word: &str| {
        stdout
            .lines()
            .filter(|l| l.starts_with("node wasm test ") && l.ends_with(word))
            .count()
    };
    let (passed, failed) = (count("... ok"), count("... FAILED"));
    if !output.status.success() || passed == 0 {
        bail!("the core extractor failed in node (wasm32): {failed} failed");
    }
    Ok((passed, failed))
}

/// Prints raw and gzip -9 sizes of the app's files.
fn report_sizes(dist: &Path, files: &[&str]) -> anyhow::Result<()> {
    let (mut raw_total, mut gz_total) = (0usize, 0usize);
    for f in files {
        let bytes = std::fs::read(dist.join(f))?;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&bytes)?;
        let gz = enc.finish()?.len();
        eprintln!("xtask: web app {f}: {} bytes, {gz} gzip -9", bytes.len());
        raw_total += bytes.len();
        gz_total += gz;
    }
    eprintln!("xtask: web app total (wasm + js + css): {raw_total} bytes, {gz_total} gzip -9");
    Ok(())
}

fn build() -> anyhow::Result<()> {
    ensure_web_tools()?;
    build_web()?;
    run(cargo().args(["build", "--release", "--package", "dateline"]))
}

/// The demo's stories: name, folder under `demo/`, title (see `demo/README.md`).
const DEMO_STORIES: [(&str, &str, &str); 3] = [
    ("openai", "articles", "OpenAI's executive exodus"),
    ("apple", "apple", "Apple, 2010–2011"),
    ("us-carmakers", "us-carmakers", "US carmakers, 2006–2009"),
];

fn demo(addr: &str) -> anyhow::Result<()> {
    build()?;
    let bin = target_dir().join("release/dateline");
    let demo_dir = target_dir().join("demo");
    std::fs::create_dir_all(&demo_dir)?;
    let db = demo_dir.join("dateline.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    for (name, folder, title) in DEMO_STORIES {
        run(Command::new(&bin)
            .args(["ingest", "--timeline", name, "--db"])
            .arg(&db)
            .arg(root().join("demo").join(folder)))?;
        run(Command::new(&bin)
            .args(["timelines", "rename", name, "--title", title, "--db"])
            .arg(&db))?;
    }
    eprintln!("xtask: open http://{addr}/ (Ctrl-C stops the demo)");
    run(Command::new(&bin)
        .args(["serve", "--addr", addr, "--title", "Dateline demo"])
        .arg("--db")
        .arg(&db))
}

fn test() -> anyhow::Result<()> {
    let started = Instant::now();
    let mut steps: Vec<(String, f64)> = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut() -> anyhow::Result<()>| -> anyhow::Result<()> {
        let t = Instant::now();
        eprintln!("xtask: == {name}");
        f().with_context(|| format!("step {name:?} failed"))?;
        steps.push((name.to_string(), t.elapsed().as_secs_f64()));
        Ok(())
    };
    step("install tools", &mut || {
        ensure_web_tools()?;
        ensure_chromium()
    })?;
    step("rustfmt", &mut || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    step("web app (wasm32 release)", &mut build_web)?;
    step("clippy (native)", &mut || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--exclude",
            "dateline-web",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("clippy (wasm32)", &mut || {
        run(cargo().args([
            "clippy",
            "--package",
            "dateline-web",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("build the binary", &mut || {
        run(cargo().args(["build", "--package", "dateline"]))
    })?;
    let mut counts = (0usize, 0usize, 0usize);
    step("tests", &mut || {
        counts = run_tests(
            cargo()
                .args(["test", "--workspace", "--exclude", "dateline-web"])
                .env("DATELINE_BIN", target_dir().join("debug/dateline")),
        )?;
        // The web app's pure parts (JSON reader, dates, highlighting) run natively too.
        let web = run_tests(cargo().args(["test", "--package", "dateline-web", "--lib"]))?;
        counts = (counts.0 + web.0, counts.1 + web.1, counts.2 + web.2);
        // The core extractor compiled to wasm32, run in node.
        let node = core_in_node()?;
        counts = (counts.0 + node.0, counts.1 + node.1, counts.2);
        Ok(())
    })?;
    for (name, secs) in &steps {
        eprintln!("xtask: {secs:>7.1} s  {name}");
    }
    eprintln!(
        "xtask: all checks passed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (passed, failed, ignored) = counts;
    println!("tests: {passed} passed, {failed} failed, {ignored} skipped");
    Ok(())
}

/// Runs `cargo test`, echoing its output, and adds up its "test result" lines into
/// (passed, failed, ignored).
fn run_tests(cmd: &mut Command) -> anyhow::Result<(usize, usize, usize)> {
    use std::io::BufRead as _;
    let line = format!("{cmd:?}");
    eprintln!("xtask: $ {line}");
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {line}"))?;
    let mut totals = (0usize, 0usize, 0usize);
    if let Some(out) = child.stdout.take() {
        for l in std::io::BufReader::new(out).lines() {
            let l = l?;
            println!("{l}");
            if let Some(rest) = l.strip_prefix("test result: ") {
                let number_before = |word: &str| -> usize {
                    rest.split(';')
                        .find_map(|part| part.trim().strip_suffix(word).map(str::trim))
                        .and_then(|n| n.rsplit(' ').next().and_then(|n| n.parse().ok()))
                        .unwrap_or(0)
                };
                totals.0 += number_before("passed");
                totals.1 += number_before("failed");
                totals.2 += number_before("ignored");
            }
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{line} failed ({status})");
    }
    Ok(totals)
}
