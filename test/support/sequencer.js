// Longest test files first, so that neither of the two workers is left alone with a long file at the end of a run.
// Jest orders by the durations it measured on this machine's last run; a fresh clone has none, and its fallback
// (file size) would leave the short files that launch whole processes (launcher, start-anywhere) for last. So a file
// jest has no time for takes the one recorded in durations.json (seconds, from a full run on the 2-core machine).
//   node test/support/sequencer.js --write    records the durations of this clone's last full jest run
const path = require('node:path');
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.join(__dirname, '..', '..');
const FILE = path.join(__dirname, 'durations.json');
const recorded = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : {};

class LongestFirst extends Sequencer {
  time(test) {
    const seconds = recorded[path.relative(ROOT, test.path)];
    return super.time(test) ?? (seconds === undefined ? undefined : seconds * 1000);
  }
}

module.exports = LongestFirst;

if (require.main === module && process.argv.includes('--write')) {
  // jest's own record: perf-cache-* in its cache folder (by default jest_<user> in the temporary folder), each
  // { "<absolute path>": [failed, milliseconds] }.
  const os = require('node:os');
  const durations = {};
  for (const dir of fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('jest_'))) {
    const cacheDir = path.join(os.tmpdir(), dir);
    for (const name of fs.readdirSync(cacheDir).filter((f) => f.startsWith('perf-cache-'))) {
      const cache = JSON.parse(fs.readFileSync(path.join(cacheDir, name), 'utf8'));
      for (const [file, [, ms]] of Object.entries(cache))
        if (file.startsWith(ROOT + path.sep) && ms > 0 && fs.existsSync(file))
          durations[path.relative(ROOT, file)] = Math.round(ms / 100) / 10;
    }
  }
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${Object.keys(sorted).length} durations written to ${path.relative(ROOT, FILE)}`);
}
