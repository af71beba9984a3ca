// The import boundaries of architecture.json, kept by eslint.config.mjs, bite: code is linted as if it stood in each
// part, importing every part it may not import in every way a file can name a module. Each case is linted twice: with
// the boundary rules it must fail, one error per import; without them it must lint clean (so it is valid code whose
// every import resolves, and the error is the boundary rule's, not a vacuous pass).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import architecture from '../../architecture.json';

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
}
const ROOT = path.join(__dirname, '..', '..');
const BOUNDARY_RULES = ['import-x/no-restricted-paths', 'import-x/no-dynamic-require', 'no-restricted-syntax'];

/** For each case, its messages with the boundary rules on and off, `code` linted as the file `at` (from the root). */
function lint(cases: Array<{ code: string; at: string }>): Array<{ on: Message[]; off: Message[] }> {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'support', 'lint-as.mjs')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as Array<{ on: Message[]; off: Message[] }>;
}

interface Part {
  name: string;
  folders: string[];
  mayImport: string[] | '*';
  packages?: string[];
}
const PARTS = architecture.parts as Part[];

/** A real module in each part (a folder with an index where there is one, the .tsx fixture for test/). */
const MODULE: Record<string, string> = {
  'shared/pure': 'shared/pure/index.ts',
  shared: 'shared/logging.ts',
  'subgraphs/common': 'subgraphs/common/orm.ts',
  'subgraphs/registry': 'subgraphs/registry/main.ts',
  'subgraphs/directives': 'subgraphs/directives/main.ts',
  'subgraphs/plans': 'subgraphs/plans/main.ts',
  'subgraphs/reports': 'subgraphs/reports/main.ts',
  'migrations/registry': 'migrations/registry',
  'migrations/directives': 'migrations/directives',
  'migrations/plans': 'migrations/plans',
  'migrations/reports': 'migrations/reports',
  gateway: 'gateway/limits.ts',
  'gateway/web': 'gateway/web/src/main.ts',
  'gateway/web build': 'gateway/web/vite.config.ts',
  scripts: 'scripts/stack.ts',
  test: 'test/fixtures/boundary-target',
  bench: 'bench/run.ts',
};

/** Where a file of each bounded part is pretended to stand: deep folders, and .tsx where pages could have it. */
const IMPORTERS: Record<string, string[]> = {
  'shared/pure': ['shared/pure/deep/x.tsx'],
  shared: ['shared/vocabulary/x.ts'],
  'subgraphs/common': ['subgraphs/common/x.ts'],
  'subgraphs/registry': ['subgraphs/registry/resolvers/x.ts'],
  'subgraphs/directives': ['subgraphs/directives/x.ts'],
  'subgraphs/plans': ['subgraphs/plans/resolvers/x.ts'],
  'subgraphs/reports': ['subgraphs/reports/intake/x.ts'],
  'migrations/registry': ['migrations/registry/x.ts'],
  'migrations/directives': ['migrations/directives/x.ts'],
  'migrations/plans': ['migrations/plans/x.ts'],
  'migrations/reports': ['migrations/reports/x.ts'],
  gateway: ['gateway/subscriptions/x.ts'],
  'gateway/web': ['gateway/web/src/x.ts', 'gateway/web/src/pages/province/x.tsx', 'gateway/web/src/pages/a/b/c/x.ts'],
};

/** The import specifier of `target` (from the root) in a file at `at`, as a relative path. */
function specifier(at: string, target: string): string {
  const relative = path.relative(path.dirname(at), target.replace(/\.tsx?$/, ''));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * Every way a file can name a module, one line each (a line that must fail is marked): static, type-only, re-exports
 * (type-only too), side effects only, `import()`, `require`, `import = require`, and, for a relative path, written
 * `./../` and as an `import('…')` type.
 */
function namings(from: string): Array<[line: string, mustFail: boolean]> {
  const disableRequire = ['// eslint-disable-next-line @typescript-eslint/no-require-imports', false] as const;
  const lines: Array<[string, boolean]> = [
    [`import * as a1 from '${from}';`, true],
    [`import type * as a2 from '${from}';`, true],
    [`export * from '${from}';`, true],
    [`export * as a3 from '${from}';`, true],
    [`export { default as a4 } from '${from}';`, true],
    [`export type { A9 } from '${from}';`, true],
    [`import '${from}';`, true],
    [`export const a5 = () => import('${from}');`, true],
    [...disableRequire],
    [`export const a6 = require('${from}') as unknown;`, true],
    [...disableRequire],
    [`import a7 = require('${from}');`, true],
  ];
  if (from.startsWith('../')) {
    lines.push([`import './${from}';`, true], [`export type A8 = import('${from}');`, true]);
  }
  lines.push(['export { a1, a7 };', false], ['export type { a2 };', false]);
  return lines;
}

const code = (lines: Array<[string, boolean]>) => lines.map(([line]) => line).join('\n') + '\n';
const failingLines = (lines: Array<[string, boolean]>) => lines.flatMap(([, fails], i) => (fails ? [i + 1] : []));

const bounded = PARTS.filter((part) => part.mayImport !== '*');
const FORBIDDEN = bounded.flatMap((part) =>
  PARTS.filter((other) => other !== part && !(part.mayImport as string[]).includes(other.name)).flatMap((other) =>
    IMPORTERS[part.name].map((at) => ({ part: part.name, other: other.name, at, target: MODULE[other.name] })),
  ),
);

// Packages a browser-safe part may not import, in every form (Node built-ins with and without `node:`).
const SERVER_PACKAGES = ['node:fs', 'path', 'pg', '@mikro-orm/core', 'type-graphql', 'graphql', 'express'];
const PACKAGE_CASES = bounded
  .filter((part) => part.packages)
  .flatMap((part) => SERVER_PACKAGES.map((name) => ({ part: part.name, name, at: IMPORTERS[part.name][0] })));

/** Imports the table allows, which must lint clean in every form (`import('…')` types aside: see namings). */
const ALLOWED: Array<[at: string, target: string]> = [
  ['subgraphs/plans/resolvers/x.ts', 'shared/vocabulary/values.ts'],
  ['subgraphs/plans/x.ts', 'subgraphs/common/orm.ts'],
  ['subgraphs/plans/x.ts', 'subgraphs/plans/resolvers/refs.ts'],
  ['subgraphs/plans/x.ts', 'migrations/plans'],
  ['subgraphs/reports/x.ts', 'shared/pure/index.ts'],
  ['subgraphs/common/x.ts', 'shared/logging.ts'],
  ['migrations/plans/x.ts', 'subgraphs/common/outbox.ts'],
  ['shared/vocabulary/x.ts', 'shared/logging.ts'],
  ['shared/x.ts', 'shared/pure/index.ts'],
  ['gateway/x.ts', 'shared/auth.ts'],
  ['gateway/x.ts', 'shared/pure/index.ts'],
  ['gateway/web/src/pages/x.ts', 'gateway/web/src/api.ts'],
  ['gateway/web/src/pages/province/x.tsx', 'gateway/web/src/api.ts'],
  ['gateway/web/src/pages/province/x.ts', 'shared/pure/index.ts'],
  ['scripts/x.ts', 'subgraphs/registry/seed.ts'],
  ['test/x.test.ts', 'subgraphs/plans/validation.ts'],
  ['test/x.test.ts', 'gateway/web/src/api.ts'],
  ['bench/x.ts', 'gateway/limits.ts'],
];
const ALLOWED_PACKAGES: Array<[at: string, name: string]> = [
  ['gateway/web/src/pages/x.ts', 'preact/hooks'],
  ['gateway/web/src/x.ts', 'chart.js'],
  ['gateway/web/src/x.ts', 'qrcode'],
];
const allowedLines = (from: string) => namings(from).filter(([line]) => !line.startsWith('export type A8'));

describe('import boundaries (architecture.json, eslint.config.mjs)', () => {
  const cases = [
    {
      code: readFileSync(path.join(__dirname, '..', 'fixtures', 'crossing-import.txt'), 'utf8'),
      at: 'subgraphs/plans/x.ts',
    },
    ...FORBIDDEN.map(({ at, target }) => ({ code: code(namings(specifier(at, target))), at })),
    ...PACKAGE_CASES.map(({ at, name }) => ({ code: code(namings(name)), at })),
    ...ALLOWED.map(([at, target]) => ({ code: code(allowedLines(specifier(at, target))), at })),
    ...ALLOWED_PACKAGES.map(([at, name]) => ({ code: code(allowedLines(name)), at })),
  ];
  const results = lint(cases);
  let next = 0;
  const take = (count: number) => results.slice(next, (next += count));
  const [fixture] = take(1);
  const forbidden = take(FORBIDDEN.length);
  const packages = take(PACKAGE_CASES.length);
  const allowed = take(ALLOWED.length);
  const allowedPackages = take(ALLOWED_PACKAGES.length);

  /** Each failing line has exactly one error, from a boundary rule, saying `says`; no other line has any. */
  function expectFailing(result: { on: Message[]; off: Message[] }, lines: Array<[string, boolean]>, says: string) {
    expect(result.off).toEqual([]);
    expect(result.on.map((m) => m.line)).toEqual(failingLines(lines));
    for (const message of result.on) {
      expect(BOUNDARY_RULES).toContain(message.ruleId);
      // The relative `import('…')` type is refused by its own message (it names no resolvable import).
      if (!lines[message.line - 1][0].startsWith('export type A8')) expect(message.message).toContain(says);
    }
  }

  it('fails a subgraph that imports another subgraph (the committed fixture)', () => {
    expect(fixture.off).toEqual([]);
    expect(fixture.on).toEqual([
      expect.objectContaining({
        ruleId: 'import-x/no-restricted-paths',
        message: expect.stringContaining('may not import subgraphs/directives') as unknown,
      }) as unknown,
    ]);
  });

  it('forbids the crossings the issue found walked round', () => {
    const pairs = new Set(FORBIDDEN.map(({ part, other }) => `${part} → ${other}`));
    for (const pair of [
      'gateway → scripts',
      'gateway → subgraphs/registry',
      'gateway → subgraphs/directives',
      'gateway → subgraphs/plans',
      'gateway → subgraphs/reports',
      'gateway → subgraphs/common',
      'gateway/web → gateway',
      'gateway/web → shared',
      'shared/pure → shared',
      'shared → subgraphs/common',
      'subgraphs/common → subgraphs/reports',
      'subgraphs/plans → subgraphs/directives',
      'subgraphs/reports → migrations/plans',
    ]) {
      expect(pairs).toContain(pair);
    }
  });

  it.each(FORBIDDEN.map((c, i) => [c.part, c.other, c.at, i] as const))(
    '%s may not import %s: every form fails from %s, and lints clean with the rule off',
    (_part, other, at, i) => {
      expectFailing(forbidden[i], namings(specifier(at, FORBIDDEN[i].target)), `may not import ${other}.`);
    },
  );

  it.each(PACKAGE_CASES.map((c, i) => [c.part, c.name, i] as const))(
    '%s may not import the package %s in any form',
    (_part, name, i) => {
      expectFailing(packages[i], namings(name), 'imports no package but');
    },
  );

  it.each(ALLOWED.map((c, i) => [...c, i] as const))('allows %s to import %s in every form', (_at, _target, i) => {
    expect(allowed[i].on).toEqual([]);
    expect(allowed[i].off).toEqual([]);
  });

  it.each(ALLOWED_PACKAGES.map((c, i) => [...c, i] as const))('allows %s to import %s', (_at, _name, i) => {
    expect(allowedPackages[i].on).toEqual([]);
  });

  it('places every source file in a part', () => {
    const ignored = new Set(['node_modules', 'dist', '.data', 'coverage', 'data', 'schema', 'docs', '.git']);
    const sources = (folder: string): string[] =>
      readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
        const file = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return ignored.has(entry.name) ? [] : sources(file);
        return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [file] : [];
      });
    const inPart = (file: string) =>
      PARTS.some((part) => part.folders.some((f) => file === f || file.startsWith(`${f}/`)));
    expect(sources('').filter((file) => !inPart(file))).toEqual([]);
  });
});
