// ESLint keeps the code's boundaries (which part may import which) and catches common mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['registry', 'directives', 'plans', 'reports'];

/** `no-restricted-imports` for the files of one part: each entry is a regex on the import path and why. */
function forbid(files, patterns) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
    },
  };
}

// The parts (docs/architecture.md): shared/ is imported by all and imports none; each subgraph imports shared/ and
// subgraphs/common/ only (subgraphs meet through federation and events); the gateway imports shared/ only; the pages
// (gateway/web) import nothing of the server. Scripts, tests and benchmarks assemble the parts and may import any.
const boundaries = [
  ...SUBGRAPHS.map((name) => {
    const others = SUBGRAPHS.filter((n) => n !== name).join('|');
    return forbid(
      [`subgraphs/${name}/**/*.ts`],
      [
        [
          `^(\\.\\./)+(subgraphs/)?(${others})(/|$)`,
          'A subgraph does not import another subgraph: share through shared/vocabulary, federation or events.',
        ],
        [`^(\\.\\./)+(gateway|scripts)(/|$)`, 'A subgraph does not import the gateway or the scripts.'],
      ],
    );
  }),
  forbid(
    ['subgraphs/common/**/*.ts'],
    [
      [
        `^(\\.\\./)+(subgraphs/)?(${SUBGRAPHS.join('|')}|gateway|scripts)(/|$)`,
        'subgraphs/common is what every subgraph builds on: it imports no subgraph, gateway or script.',
      ],
    ],
  ),
  forbid(
    ['shared/**/*.ts'],
    [
      [
        '^(\\.\\./)+(subgraphs|gateway|scripts)(/|$)',
        'shared/ is imported by every part and imports none of them (no subgraph, subgraphs/common or gateway).',
      ],
    ],
  ),
  forbid(
    ['gateway/**/*.ts'],
    [['(^|/)subgraphs(/|$)', 'The gateway imports shared/ only: it never loads a subgraph’s code.']],
  ),
  ...[
    // From the pages' sources, climbing out of gateway/web/src reaches the gateway's server files.
    ['gateway/web/*.ts', ''],
    ['gateway/web/src/*.ts', '\\.\\./'],
    ['gateway/web/src/*/*.ts', '\\.\\./\\.\\./'],
    ['gateway/web/src/*/*/*.ts', '\\.\\./\\.\\./\\.\\./'],
  ].map(([files, climb]) =>
    forbid(
      [files],
      [
        [
          // shared/pure is the browser-safe slice of shared/ that the pages import (issue 22).
          `^(?!(\\.\\./)+shared/pure(/|$))((\\.\\./)+(shared|subgraphs|scripts)(/|$)|\\.\\./${climb})`,
          'The pages run in the browser: no server code (shared/pure only).',
        ],
      ],
    ),
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'data/', 'schema/', 'docs/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
);
