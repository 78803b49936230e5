// Measures Entity Manager's addKeys, the reference side of `shardstream bench keys`.
// Started by io.shardstream.bench.keys.EntityManagerKeysRun from the folder holding the pinned
// node_modules; prints one JSON object on stdout. Usage:
//   node entity-manager-keys.mjs --config em.json --items items.jsonl --entity user
//     [--canonicalize '{"firstNameCanonical":"firstName"}'] [--warmups 3] [--iterations 5]
//     [--iteration-ms 1000] [--dump keyed.jsonl]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EntityManager } from '@karmaniverous/entity-manager';

const { values: args } = parseArgs({
  options: {
    config: { type: 'string' },
    items: { type: 'string' },
    entity: { type: 'string', default: 'user' },
    canonicalize: { type: 'string', default: '{}' },
    warmups: { type: 'string', default: '3' },
    iterations: { type: 'string', default: '5' },
    'iteration-ms': { type: 'string', default: '1000' },
    dump: { type: 'string' },
  },
});
for (const required of ['config', 'items']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}

const config = JSON.parse(readFileSync(args.config, 'utf8'));
const items = readFileSync(args.items, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const entity = args.entity;
// Derived property -> source property: shardstream's `canonicalize` extension, done here by hand
// because Entity Manager has no such feature.
const derivations = Object.entries(JSON.parse(args.canonicalize));
const warmups = Number(args.warmups);
const iterations = Number(args.iterations);
const iterationNanos = BigInt(args['iteration-ms']) * 1_000_000n;

// addKeys calls logger.debug several times per item; the default logger is console, whose
// output would dominate the measurement. shardstream's addKeys does not log either.
const silent = { debug() {}, error() {} };
const entityManager = new EntityManager(config, silent);

const COMBINING_MARKS = /\p{M}+/gu;
// The complement of Java's \w under UNICODE_CHARACTER_CLASS, which shardstream's Canonicalizer
// strips: alphabetic, marks, decimal digits, connector punctuation, join controls.
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]+/gu;

/** shardstream's Canonicalizer: NFKD, drop marks, lower-case, drop marks again, drop non-word. */
function canonicalize(value) {
  const unmarked = value.normalize('NFKD').replace(COMBINING_MARKS, '');
  return unmarked.toLowerCase().replace(COMBINING_MARKS, '').replace(NON_WORD, '');
}

/** The same work as shardstream's addKeys: derive canonical names, then add every key. */
function keyed(item) {
  const withDerived = { ...item };
  for (const [target, source] of derivations) {
    const value = item[source];
    if (typeof value === 'string') withDerived[target] = canonicalize(value);
  }
  return entityManager.addKeys(entity, withDerived);
}

// The clock is read every CHECK_EVERY items: often enough to end an iteration within
// microseconds of its time, rarely enough to cost nothing next to addKeys.
const CHECK_EVERY = 64;
let cursor = 0;
let sink = 0; // results feed this so no optimiser can drop the calls

/** One timed iteration: keys items in order, wrapping around, until the time is up. */
function iteration() {
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  do {
    for (let i = 0; i < CHECK_EVERY; i++) {
      sink ^= keyed(items[cursor]).hashKey.length;
      cursor = cursor + 1 === items.length ? 0 : cursor + 1;
    }
    done += CHECK_EVERY;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < iterationNanos);
  const nanos = Number(elapsed);
  return { items: done, nanos, itemsPerSecond: (done * 1e9) / nanos };
}

if (args.dump) {
  writeFileSync(args.dump, items.map((item) => JSON.stringify(keyed(item))).join('\n') + '\n');
}

const warmupResults = Array.from({ length: warmups }, iteration);
const measured = Array.from({ length: iterations }, iteration);
const rates = measured.map((result) => result.itemsPerSecond);
const mean = rates.reduce((sum, rate) => sum + rate, 0) / Math.max(1, rates.length);

const entityManagerPackage = JSON.parse(
  readFileSync(
    new URL('./node_modules/@karmaniverous/entity-manager/package.json', import.meta.url),
    'utf8',
  ),
);
process.stdout.write(
  JSON.stringify({
    library: entityManagerPackage.name,
    libraryVersion: entityManagerPackage.version,
    node: process.version,
    v8: process.versions.v8,
    items: items.length,
    warmups: warmupResults,
    iterations: measured,
    meanItemsPerSecond: mean,
    sink,
  }) + '\n',
);
