import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild, defaultClientConditions, type Plugin, type Rolldown } from 'vite';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const reactRouterDist = join(dirname(require.resolve('react-router/package.json')), 'dist', 'production');

// antd modules that every page using a component downloads for a feature of it we never use, and what the build puts in
// their place (issue 28). Each stub of a feature throws if rendered, and eslint (eslint.config.js) rejects the props
// that would render it; a part that pages use only later (the date pickers' panels, Form's rule checker) loads then.
// Only the build: tests and `vite dev` keep antd's modules.
const ANTD_STUBS = [
  // the table's column-filter dropdown: Tree, Menu, Dropdown, Checkbox, Radio, Empty (~15 KB gzip per table page)
  {
    importer: /antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]index\.js$/,
    source: './FilterDropdown',
    stub: './src/lib/antd-stubs/table-filter-dropdown.tsx',
  },
  // row selection's select-all menu (Dropdown, Menu) and radio rows: our selections are plain checkboxes
  ...['../../dropdown', '../../radio'].map((source) => ({
    importer: /antd[\\/]es[\\/]table[\\/]hooks[\\/]useSelection\.js$/,
    source,
    stub: './src/lib/antd-stubs/table-selection-extras.tsx',
  })),
  // row selection's tree-data mode (`checkStrictly: false`): rc-tree's entity and conduct utilities; our rows are flat
  {
    importer: /antd[\\/]es[\\/]table[\\/]hooks[\\/]useSelection\.js$/,
    source: '@rc-component/tree',
    stub: './src/lib/antd-stubs/table-selection-tree.ts',
  },
  // the date pickers' panels (calendar, months, years, times): loaded when a picker first opens
  {
    importer: /@rc-component[\\/]picker[\\/]es[\\/]PickerInput[\\/]Popup[\\/]PopupPanel\.js$/,
    source: '../../PickerPanel',
    stub: './src/lib/antd-stubs/picker-panel.tsx',
  },
  // Form's rule checker (async-validator): loaded when a field is first validated
  {
    importer: /@rc-component[\\/]form[\\/]es[\\/]utils[\\/]validateUtil\.js$/,
    source: '@rc-component/async-validator',
    stub: './src/lib/antd-stubs/form-async-validator.ts',
  },
  // Radio.Group needs one string helper of Form's useForm module, not the module (and Form's engine) it sits in
  {
    importer: /antd[\\/]es[\\/]radio[\\/]group\.js$/,
    source: '../form/hooks/useForm',
    stub: './src/lib/antd-stubs/form-name-path.ts',
  },
  // Card's `tabList` header: Tabs on every page that shows a Card
  {
    importer: /antd[\\/]es[\\/]card[\\/]Card\.js$/,
    source: '../tabs',
    stub: './src/lib/antd-stubs/card-tabs.tsx',
  },
  // Typography's in-place editor: Input and TextArea on every page that shows text
  {
    importer: /antd[\\/]es[\\/]typography[\\/]Base[\\/]index\.js$/,
    source: '../Editable',
    stub: './src/lib/antd-stubs/typography-editable.tsx',
  },
];
// what picker-panel.tsx loads: rc-picker's PickerPanel module alone (the package exports only its index)
const RC_PICKER_PANEL = join(dirname(require.resolve('@rc-component/picker')), '..', 'es', 'PickerPanel', 'index.js');
const withoutUnusedAntdParts: Plugin = {
  name: 'zhenggai:without-unused-antd-parts',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'virtual:rc-picker-panel') return RC_PICKER_PANEL;
    const match = ANTD_STUBS.find((each) => each.source === source && importer && each.importer.test(importer));
    return match ? fileURLToPath(new URL(match.stub, import.meta.url)) : null;
  },
};

// The modules the signed-in shell (the entry and app/routes/app/root.tsx) downloads — antd and the rest of node_modules,
// and our own modules it shares with pages —, split in those the login page downloads too and the rest, as a first build
// without these groups chunked them (after tree-shaking: through the `antd` index every page reaches every antd module,
// so the module graph cannot tell). The build then puts each set in one chunk, so that what a page adds cannot re-split
// the shell into more, smaller files, each with its own imports and gzip dictionary (issue 28: every signed-in route
// −20 KB). The groups do not take their modules' dependencies along: the login page would get the shell's Menu.
const SHELL_SCAN = 'ZHENGGAI_SHELL_SCAN';
// Vite's dynamic-import helper: the entry has it, and with a stub (picker-panel.tsx) importing lazily from an antd chunk
// the antd group would pull it out into a file of its own that every page downloads. With the login set it stays in a
// file that every page downloads anyway.
const VITE_PRELOAD_HELPER = '\0vite/preload-helper.js';
async function shellModules(): Promise<{ login: Set<string>; shell: Set<string> }> {
  process.env[SHELL_SCAN] = '1';
  try {
    const result = await viteBuild({
      configFile: fileURLToPath(import.meta.url),
      root: fileURLToPath(new URL('.', import.meta.url)),
      logLevel: 'silent',
      build: { write: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunks = outputs.flatMap((each) => each.output).filter((each) => each.type === 'chunk');
    const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const closure = (chunk: Rolldown.OutputChunk | undefined, into = new Set<string>()) => {
      if (!chunk) return into;
      // the entry's and the routes' own chunks are one file each already
      if (!chunk.isEntry && !chunk.facadeModuleId?.includes('/src/app/routes/'))
        for (const id of chunk.moduleIds) into.add(id);
      for (const file of chunk.imports) closure(byFile.get(file), into);
      return into;
    };
    const facade = (suffix: string) => chunks.find((chunk) => chunk.facadeModuleId?.endsWith(suffix));
    const entry = closure(chunks.find((chunk) => chunk.isEntry));
    const login = closure(facade('/src/app/routes/auth/login.tsx'), new Set(entry));
    const shell = closure(facade('/src/app/routes/app/root.tsx'), new Set(entry));
    if (shell.size === entry.size) throw new Error('shell scan: app/routes/app/root.tsx not found in the first build');
    // the login set holds node_modules only: the entry imports it, and our modules import the entry's (a chunk cycle)
    const shared = [...shell].filter((id) => login.has(id) && /[\\/]node_modules[\\/]/.test(id));
    return { login: new Set(shared), shell: new Set([...shell].filter((id) => !login.has(id))) };
  } finally {
    delete process.env[SHELL_SCAN];
  }
}

export default defineConfig(async ({ command }) => {
  const shell = command === 'build' && !process.env[SHELL_SCAN] ? await shellModules() : null;
  return {
    plugins: [react(), ...(command === 'build' ? [withoutUnusedAntdParts] : [])],
    // workspace packages are consumed as TypeScript source through their "source" export condition
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        // react-router's package.json points every condition at its development build; the production one differs only
        // in leaving out the dev warnings (issue 28: 0.7 KB gzip off every page)
        ...(command === 'build'
          ? [
              { find: /^react-router$/, replacement: join(reactRouterDist, 'index.mjs') },
              { find: /^react-router\/dom$/, replacement: join(reactRouterDist, 'dom-export.mjs') },
            ]
          : []),
      ],
      conditions: ['source', ...defaultClientConditions],
    },
    server: {
      proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    },
    build: {
      // read by scripts/bundle-report.mjs: what each route downloads
      manifest: true,
      rolldownOptions: {
        // antd's own modules are declared side-effect free (package.json "sideEffects": ["*.css"]), its @rc-component
        // and @ant-design dependencies do not say so: without this, a page that imports one export of such a package
        // index (ConfigProvider's FormProvider from @rc-component/form) gets every module the index re-exports. These
        // packages register nothing on import, so a module none of whose exports is used can go (issue 28: the
        // signed-in shell 279 → 269 KB). dayjs stays as it is: its locale is imported for its side effect.
        treeshake: {
          moduleSideEffects: [{ test: /node_modules[\\/](@rc-component|@ant-design)[\\/].*\.js$/, sideEffects: false }],
        },
        output: {
          // an antd chunk's own name lists every route that shares it (up to 100 characters), and that name recurs in the
          // entry's preload lists and in every import of the chunk: named by their hash alone, the shell lost 3.9 KB
          // gzip and each page about as much (issue 28)
          chunkFileNames: (chunk: Rolldown.PreRenderedChunk) =>
            chunk.name.startsWith('antd~') ? 'assets/antd-[hash].js' : 'assets/[name]-[hash].js',
          codeSplitting: {
            groups: [
              ...(shell
                ? [
                    {
                      name: 'shell-login',
                      test: (id: string) => shell.login.has(id) || id === VITE_PRELOAD_HELPER,
                      priority: 16,
                      includeDependenciesRecursively: false,
                    },
                    {
                      name: 'shell',
                      test: (id: string) => shell.shell.has(id),
                      priority: 15,
                      includeDependenciesRecursively: false,
                    },
                  ]
                : []),
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
              { name: 'query', test: /node_modules[\\/](@tanstack|openapi-fetch)[\\/]/, priority: 20 },
              // only the dashboard's chart chunk imports these
              {
                name: 'echarts',
                test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal)[\\/]/,
                priority: 25,
              },
              // the date pickers' panels (ANTD_STUBS): one chunk, which the pickers import lazily and antd's Calendar
              // statically — without it the antd group puts them in the chunk with the pickers' date helpers, which the
              // pickers need at once. Their context and a time helper are the inputs' too: they stay with them.
              {
                name: 'picker-panel',
                test: /@rc-component[\\/]picker[\\/]es[\\/]PickerPanel[\\/](?!context\.js$|TimePanel[\\/]TimePanelBody[\\/]util\.js$)/,
                priority: 11,
                includeDependenciesRecursively: false,
              },
              // one antd chunk per set of routes that use the same components: the login page skips Table and Menu.
              // No merging of small chunks: a merged chunk drags other routes' components into the login page.
              {
                name: 'antd',
                test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|stylis|@emotion)[\\/]/,
                priority: 10,
                entriesAware: true,
                entriesAwareMergeThreshold: 0,
              },
            ],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/testing/setup-tests.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      // a hang guard, not a speed check (speed is `npm run bench`'s): generous, so that a loaded machine (two cores
      // shared with other suites) slows a test down without failing it
      testTimeout: 120000, // the checkpoint-review flows take ~20 s alone and reached 60 s with the machine loaded
      // every core (vitest's own default left one of two idle), and one jsdom per worker rather than per file: the
      // route modules and antd load once per worker. Each test starts clean all the same — setup-tests.ts unmounts,
      // unstubs fetch, clears storage and the CSRF token after every test, and every render builds its own router and
      // query client.
      maxWorkers: '100%',
      isolate: false,
    },
  };
});
