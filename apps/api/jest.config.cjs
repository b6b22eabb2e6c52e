// jest runs in CommonJS mode; @swc/jest compiles our TypeScript and the ESM-only packages the tests reach.
const path = require('node:path');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const swcJs = { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript', decorators: true, importMeta: true } } };
const root = path.resolve(__dirname, '../..');

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|medium-spec|e2e-spec)\\.ts$',
  moduleNameMapper: {
    '^@zhenggai/domain$': `${root}/packages/domain/src/index.ts`,
    '^@zhenggai/notice-parser$': `${root}/packages/notice-parser/src/index.ts`,
    '^@zhenggai/migrations$': `${root}/migrations/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.m?js$': ['@swc/jest', swcJs] },
  // ESM-only packages reached from the tests must be compiled to CommonJS (extend the list when a new one appears)
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@zhenggai|nestjs-pino|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|load-esm|opencc-js)/)',
  ],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // under the checkout, not the system temp folder, so that two checkouts never share (or clear) one cache
  cacheDirectory: path.join(root, '.data', 'jest-cache'),
  // a hang guard, not a speed check (speed is npm run bench's): generous for a loaded machine
  testTimeout: 150000,
  maxWorkers: 2,
};
