// Runs the core extractor compiled to wasm32 in node, through its wasm-bindgen bindings.
// Usage: node crates/wasm/tests/node.mjs DIR   (DIR holds dateline_wasm.js from
// `cargo xtask test`). Prints one line per check and exits non-zero on the first failure.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const dir = path.resolve(process.argv[2] ?? 'target/wasm-node');
const { extract, version } = require(path.join(dir, 'dateline_wasm.js'));
const seedPath = new URL('../../../demo/articles/seed-it.txt', import.meta.url);
const seed = readFileSync(seedPath, 'utf8');

const checks = [
  ['version', () => assert.match(version(), /^\d+\.\d+\.\d+/)],
  ['seed: Murati resigned on 2024-09-26', () => {
    const x = JSON.parse(extract(seed, '2024-09-27', undefined));
    assert.equal(x.lang, 'it');
    const murati = x.events.find((e) => e.persons.includes('Mira Murati'));
    assert.ok(murati, 'an event for Mira Murati');
    assert.equal(murati.kind, 'resignation');
    assert.equal(murati.date.value, '2024-09-26');
  }],
  ['seed: the publication date comes from the header', () => {
    const x = JSON.parse(extract(seed, undefined, 'it'));
    assert.equal(x.published, '2024-09-27');
  }],
  ['bad input throws a clear error', () => {
    assert.throws(() => extract('', '2024-09-27', undefined), /empty/i);
    assert.throws(() => extract('Mira Murati si è dimessa.', '27/09/2024', undefined), /YYYY-MM-DD/);
    assert.throws(() => extract('Mira Murati si è dimessa.', '2024-09-27', 'xx'), /xx/);
  }],
];

let failed = 0;
for (const [name, check] of checks) {
  try {
    check();
    console.log(`node wasm test ${name} ... ok`);
  } catch (e) {
    failed += 1;
    console.log(`node wasm test ${name} ... FAILED\n${e.stack ?? e}`);
  }
}
console.log(`node wasm tests: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
