// The walls between the parts of the code (docs/architecture.md, "Walls"), as ESLint rules:
//
// - `walls/api-module-boundaries`: a file of apps/api/src/modules/<a> (or outside the modules) imports another module
//   <b> only through that module's public API: `modules/<b>/index.ts` and the files it re-exports
//   (`export … from './b.service.js'`) — never its repositories, helpers or any other file. A file may import a
//   public file directly (no barrel in between, so no import cycle through it). Checked on the resolved path, so a
//   relative path (`../b/b.repository.js`), a longer one (`../../modules/b/x.js`) and a path through the package
//   (`@zhenggai/api/src/modules/b/x.js`, `apps/api/src/modules/b/x.js`) are all caught.
// - `walls/web-feature-boundaries`: a file of apps/web/src/features/<a> never imports features/<b> (by `@/features/`,
//   relative path or package path); features are composed in app/routes.
// - SQL stays in repositories: see the `no-restricted-syntax` block for `*.service.ts` in eslint.config.js.
import fs from 'node:fs';
import path from 'node:path';

const API_MODULES = `${path.sep}apps${path.sep}api${path.sep}src${path.sep}modules${path.sep}`;
const WEB_ROOT = `${path.sep}apps${path.sep}web${path.sep}src${path.sep}`;
const WEB_FEATURES = `${WEB_ROOT}features${path.sep}`;

/** The repository root: the part of the file's path before apps/. */
function repoRoot(filename) {
  const at = filename.lastIndexOf(`${path.sep}apps${path.sep}`);
  return at === -1 ? null : filename.slice(0, at);
}

/** Where an import specifier points, as an absolute path (without resolving extensions); null for a package. */
function target(filename, specifier) {
  const root = repoRoot(filename);
  if (specifier.startsWith('.')) return path.resolve(path.dirname(filename), specifier);
  if (!root) return null;
  if (specifier.startsWith('@/')) {
    // the web app's alias of apps/web/src
    return filename.includes(WEB_ROOT) ? path.join(root, 'apps/web/src', specifier.slice(2)) : null;
  }
  if (specifier.startsWith('@zhenggai/api/'))
    return path.join(root, 'apps/api', specifier.slice('@zhenggai/api/'.length));
  if (specifier.startsWith('@zhenggai/web/'))
    return path.join(root, 'apps/web', specifier.slice('@zhenggai/web/'.length));
  if (specifier.startsWith('apps/')) return path.join(root, specifier);
  return null;
}

/** `modules/<name>/rest` → { name, rest } for a path inside the API's modules. */
function apiModule(file) {
  const at = file.indexOf(API_MODULES);
  if (at === -1) return null;
  const [name, ...rest] = file.slice(at + API_MODULES.length).split(path.sep);
  return { name, rest: rest.join('/') };
}

const publicFiles = new Map();

/** The files a module declares public: those its index.ts re-exports (paths relative to the module, no extension). */
function publicFilesOf(file) {
  const at = file.indexOf(API_MODULES);
  const moduleDir = path.join(file.slice(0, at + API_MODULES.length), apiModule(file).name);
  if (!publicFiles.has(moduleDir)) {
    const declared = new Set(['index']);
    try {
      const index = fs.readFileSync(path.join(moduleDir, 'index.ts'), 'utf8');
      for (const [, specifier] of index.matchAll(/from\s+'\.\/([^']+)'/g)) declared.add(stripExtension(specifier));
    } catch {
      // no index.ts: nothing is public
    }
    publicFiles.set(moduleDir, declared);
  }
  return publicFiles.get(moduleDir);
}

const stripExtension = (file) => file.replace(/\.(js|ts)$/, '');

function webFeature(file) {
  const at = file.indexOf(WEB_FEATURES);
  if (at === -1) return null;
  return file.slice(at + WEB_FEATURES.length).split(path.sep)[0];
}

function sources(node) {
  // import … from 'x'; export … from 'x'; import('x')
  if (node.source && typeof node.source.value === 'string') return node.source;
  return null;
}

function checker(context, check) {
  const filename = context.filename ?? context.getFilename();
  const visit = (node) => {
    const source = sources(node);
    if (!source) return;
    const problem = check(filename, source.value);
    if (problem) context.report({ node: source, message: problem });
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const apiModuleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'an API module imports another module only through its index.ts' },
    schema: [],
  },
  create(context) {
    return checker(context, (filename, specifier) => {
      const from = apiModule(filename);
      const to = target(filename, specifier);
      const into = to && apiModule(to);
      if (!into) return null;
      if (from && from.name === into.name) return null;
      if (publicFilesOf(to).has(stripExtension(into.rest))) return null;
      return from
        ? `module "${from.name}" imports "${into.name}/${into.rest}", which modules/${into.name}/index.ts does not export: use the module's public API`
        : `"${specifier}" reaches into module "${into.name}": modules/${into.name}/index.ts does not export it`;
    });
  },
};

const webFeatureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'a web feature never imports another feature' },
    schema: [],
  },
  create(context) {
    return checker(context, (filename, specifier) => {
      const from = webFeature(filename);
      if (!from) return null;
      const to = target(filename, specifier);
      const into = to && webFeature(to);
      if (!into || into === from) return null;
      return `feature "${from}" imports feature "${into}": features do not import each other; compose them in app/routes`;
    });
  },
};

export default {
  meta: { name: 'walls' },
  rules: {
    'api-module-boundaries': apiModuleBoundaries,
    'web-feature-boundaries': webFeatureBoundaries,
  },
};
