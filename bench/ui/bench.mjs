#!/usr/bin/env node
// Measures Dateline's web app beside vis-timeline (and TimelineJS) with the shared timeline UI
// harness (../shared/bench/ui), without modifying it:
//
//   cargo xtask web                       # build frontend/dist first (release, wasm-opt)
//   node bench/ui/bench.mjs [--harness ../shared/bench/ui] [--port 8091] [-- bench-all options]
//
// Default bench-all options: --only vis-timeline,app --sizes 10000 --rounds 3.
// It copies the harness to target/bench-ui/harness (npm ci there once), writes our own
// timeline documents (format: crates/api/src/timeline.rs) converted from the harness's
// synthetic events (same seed, so the same 50 people, 10 years, kinds and texts) to
// target/bench-ui/site/timeline-{n}.json beside a copy of frontend/dist, serves that folder
// with the harness's static server and runs bench-all.mjs with an "app" target
// http://127.0.0.1:PORT/?data=timeline-{n}.json. Results: target/bench-ui/harness/output/.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash >= 0 ? argv.slice(0, dash) : argv;
let pass = dash >= 0 ? argv.slice(dash + 1) : [];
const opt = (name, dflt) => {
  const i = own.indexOf(name);
  return i >= 0 && own[i + 1] ? own[i + 1] : dflt;
};
const harnessSrc = path.resolve(ROOT, opt('--harness', '../shared/bench/ui'));
const port = Number(opt('--port', '8091'));
if (pass.length === 0) pass = ['--only', 'vis-timeline,app', '--sizes', '10000', '--rounds', '3'];
const sizesArg = pass[pass.indexOf('--sizes') + 1];
const sizes = pass.includes('--sizes') ? sizesArg.split(',').map(Number) : [100, 1000, 10000];

const work = path.join(ROOT, 'target/bench-ui');
const harness = path.join(work, 'harness');
const site = path.join(work, 'site');
const dist = path.join(ROOT, 'frontend/dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('frontend/dist is missing: run `cargo xtask web` first');
  process.exit(1);
}

// 1. A private copy of the harness, with its dependencies.
if (!existsSync(path.join(harness, 'node_modules'))) {
  rmSync(harness, { recursive: true, force: true });
  cpSync(harnessSrc, harness, {
    recursive: true,
    filter: (p) => !/[/\\](node_modules|dist|output)([/\\]|$)/.test(p.slice(harnessSrc.length)),
  });
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: harness, stdio: 'inherit' });
  if (npm.status !== 0) process.exit(npm.status ?? 1);
}

// 2. The app and our documents.
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
for (const f of readdirSync(dist)) cpSync(path.join(dist, f), path.join(site, f), { recursive: true });
const { generate } = await import(pathToFileURL(path.join(harness, 'gen-data.mjs')).href);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const COMPANY = new Set(['valuation', 'funding', 'headcount', 'layoff']);
export function toTimeline(data) {
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  const counts = new Map();
  const events = data.events.map((e) => {
    const p = persons.get(e.person);
    const company = COMPANY.has(e.kind);
    if (!company) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    const text = e.text; // the article's title is the headline
    return {
      id: `${e.kind}-${e.date}-${e.id}`,
      kind: e.kind,
      date: { value: e.date, precision: 'day', approx: false },
      persons: company ? [] : [p.name],
      person_ids: company ? [] : [slug(p.name)],
      org: p.org,
      role: e.kind === 'resignation' || e.kind === 'appointment' ? p.role : null,
      amount: e.kind === 'valuation' || e.kind === 'funding' ? { value: e.value, currency: 'USD' } : null,
      count: e.kind === 'headcount' || e.kind === 'layoff' ? e.value : null,
      sources: [{ article_id: `a-${e.id}`, evidence: { text, start: 0, end: Buffer.byteLength(text) } }],
    };
  });
  return {
    title: `Synthetic timeline: ${data.n} events, 50 people, 2015–2024`,
    events,
    people: data.persons
      .map((p) => ({ id: slug(p.name), name: p.name, event_count: counts.get(p.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: data.events.map((e) => ({
      id: `a-${e.id}`, title: e.headline, url: null, published: e.date, lang: 'en',
    })),
  };
}
for (const n of sizes) {
  writeFileSync(path.join(site, `timeline-${n}.json`), `${JSON.stringify(toTimeline(generate(n)))}\n`);
}

// 3. Serve it and run the matrix.
const server = spawn(process.execPath, [path.join(harness, 'serve.mjs'), '--root', site, '--port', String(port)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/index.html`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
const target = {
  name: 'app',
  about: 'Dateline web app (frontend/dist), our timeline document converted from the same events',
  url: `http://127.0.0.1:${port}/?data=timeline-{n}.json`,
  ready: '[data-timeline-ready]',
  count: '[data-event-id]',
};
const run = spawnSync(process.execPath, ['bench-all.mjs', '--add-target', JSON.stringify(target), ...pass], {
  cwd: harness,
  stdio: 'inherit',
});
server.kill();
process.exit(run.status ?? 1);
