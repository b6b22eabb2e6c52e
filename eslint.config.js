import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import walls from './eslint-rules/walls.js';

// SQL belongs in a module's repository (*.repository.ts), never in a service.
const NO_SQL_IN_SERVICES = [
  {
    selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder)$/]',
    message: 'SQL belongs in the module’s repository (*.repository.ts), not in a service',
  },
  {
    selector: 'TemplateElement[value.raw=/\\b(SELECT|INSERT INTO|DELETE FROM|UPDATE\\s+\\w+\\s+SET)\\b/]',
    message: 'SQL belongs in the module’s repository (*.repository.ts), not in a service',
  },
  {
    selector: 'Literal[value=/\\b(SELECT|INSERT INTO|DELETE FROM|UPDATE\\s+\\w+\\s+SET)\\b/]',
    message: 'SQL belongs in the module’s repository (*.repository.ts), not in a service',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'packages/api-client/src/schema.ts',
      'migrations/*-*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['../../features/*', '../features/*'], message: 'features must not import each other' }],
        },
      ],
    },
  },
  {
    // the walls (docs/architecture.md): an API module is reached only through its index.ts
    files: ['apps/api/src/**/*.ts'],
    plugins: { walls },
    rules: { 'walls/api-module-boundaries': 'error' },
  },
  {
    files: ['apps/api/src/**/*.service.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SQL_IN_SERVICES] },
  },
  {
    // the production build leaves out parts of antd that no page of ours uses (apps/web/vite.config.ts, issue 28):
    // the table's column filters (our lists filter on the server, from a form above the table), row selection's menu,
    // radio rows and tree-data mode, Card's tab header and Typography's in-place editor. A page that used one would
    // fail there, so none may.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'Property[key.name=/^(filterDropdown|onFilter|filteredValue|defaultFilteredValue|filterIcon|filterSearch|filterMode|filterMultiple|filterDropdownProps|filterOnClose|filterResetToDefaultFilteredValue)$/]',
          'ObjectExpression:has(> Property[key.name=/^(dataIndex|render)$/]) > Property[key.name="filters"]',
          'JSXOpeningElement[name.property.name="Column"] > JSXAttribute[name.name=/^(filters|filterDropdown|onFilter)$/]',
        ].map((selector) => ({
          selector,
          message:
            'antd table column filters are left out of the build (apps/web/vite.config.ts): filter on the server, from a form above the table',
        })),
        {
          selector: 'JSXAttribute[name.name="rowSelection"] Property[key.name=/^(selections|type)$/]',
          message:
            'antd table rowSelection `selections` and `type` are left out of the build (apps/web/vite.config.ts): checkboxes only',
        },
        {
          selector: 'JSXAttribute[name.name="rowSelection"] Property[key.name="checkStrictly"]',
          message:
            'antd table rowSelection `checkStrictly` (tree-data selection) is left out of the build (apps/web/vite.config.ts): flat rows only',
        },
        {
          selector: 'JSXAttribute[name.name="editable"]',
          message: 'antd Typography `editable` is left out of the build (apps/web/vite.config.ts): use a form field',
        },
        {
          selector: 'JSXAttribute[name.name="tabList"]',
          message: 'antd Card `tabList` is left out of the build (apps/web/vite.config.ts): use Tabs inside the card',
        },
      ],
    },
  },
  {
    // a web feature never imports another one (bulletproof-react): app/routes compose them
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { walls },
    rules: { 'walls/web-feature-boundaries': 'error' },
  },
  {
    // the parser cleans control characters and odd spaces out of pasted text, and its tests contain them on purpose
    files: ['packages/notice-parser/**/*.ts'],
    rules: { 'no-control-regex': 'off', 'no-irregular-whitespace': 'off' },
  },
  {
    files: ['packages/domain/**/*.ts', 'packages/notice-parser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'react', 'antd'], message: 'pure packages import no framework' },
          ],
        },
      ],
    },
  },
);
