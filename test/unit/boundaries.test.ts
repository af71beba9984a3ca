// The import boundaries of eslint.config.mjs bite: code is linted as if it stood at a given path.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** For each case, the no-restricted-imports messages of `code` linted as the file `at` (from the project root). */
function boundaryErrors(cases: Array<{ code: string; at: string }>): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'support', 'lint-as.mjs')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

const importing = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

const FORBIDDEN: Array<[at: string, from: string, message: string]> = [
  ['subgraphs/plans/resolvers/x.ts', '../../directives/values', 'another subgraph'],
  ['subgraphs/reports/x.ts', '../registry/seed', 'another subgraph'],
  ['subgraphs/registry/x.ts', '../../gateway/main', 'the gateway'],
  ['subgraphs/common/x.ts', '../reports/live', 'imports no subgraph'],
  ['shared/x.ts', '../subgraphs/common/orm', 'imports none of them'],
  ['shared/vocabulary/x.ts', '../../subgraphs/plans/model', 'imports none of them'],
  ['shared/x.ts', '../gateway/limits', 'imports none of them'],
  ['gateway/x.ts', '../subgraphs/common/server', 'never loads a subgraph'],
  ['gateway/x.ts', '../subgraphs/registry/schema', 'never loads a subgraph'],
  ['gateway/web/src/x.ts', '../../limits', 'no server code'],
  ['gateway/web/src/pages/x.ts', '../../../main', 'no server code'],
  ['gateway/web/src/pages/x.ts', '../../../../shared/errors', 'no server code'],
  ['gateway/web/src/pages/province/x.ts', '../../../../limits', 'no server code'],
];

const ALLOWED: Array<[at: string, from: string]> = [
  ['subgraphs/plans/resolvers/x.ts', '../../../shared/vocabulary/values'],
  ['subgraphs/plans/x.ts', '../common/orm'],
  ['subgraphs/plans/x.ts', './resolvers/refs'],
  ['subgraphs/common/x.ts', '../../shared/errors'],
  ['shared/vocabulary/x.ts', '../errors'],
  ['gateway/x.ts', '../shared/auth'],
  ['gateway/web/src/pages/x.ts', '../api'],
  ['gateway/web/src/pages/province/x.ts', '../../api'],
  ['scripts/x.ts', '../subgraphs/registry/seed'],
  ['test/x.test.ts', '../subgraphs/plans/validation'],
];

describe('import boundaries (eslint.config.mjs)', () => {
  const fixture = readFileSync(path.join(__dirname, '..', 'fixtures', 'crossing-import.txt'), 'utf8');
  const results = boundaryErrors([
    { code: fixture, at: 'subgraphs/plans/x.ts' },
    ...FORBIDDEN.map(([at, from]) => ({ code: importing(from), at })),
    ...ALLOWED.map(([at, from]) => ({ code: importing(from), at })),
  ]);

  it('fails a subgraph that imports another subgraph (the committed fixture)', () => {
    expect(results[0]).toEqual([expect.stringContaining('A subgraph does not import another subgraph')]);
  });

  it.each(FORBIDDEN.map((c, i) => [...c, i + 1] as const))('fails %s importing %s', (_at, _from, message, i) => {
    expect(results[i]).toEqual([expect.stringContaining(message)]);
  });

  it.each(ALLOWED.map((c, i) => [...c, 1 + FORBIDDEN.length + i] as const))('allows %s importing %s', (_a, _f, i) => {
    expect(results[i]).toEqual([]);
  });
});
