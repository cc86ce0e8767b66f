/**
 * Puts the CMS's files in place from npm, without a bundler: Sveltia CMS's own build (its
 * package ships it minified, in modules), and every module it imports by name (its code
 * highlighter's grammars, the map and image libraries), found by an import map in its page.
 * Bundling all of that with Vite took 5.5–6 s of a clean build's processor time and 800 MB, only
 * to write the same modules again; copying them takes 0.25–0.3 s.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { init as lexerReady, parse as moduleImports } from 'es-module-lexer';
import { exports as packageExports, legacy as packageEntry } from 'resolve.exports';

/** Where the CMS is served, and the folder of `dist/` it fills. */
export const ADMIN_FOLDER = 'admin';

/** The folder of `dist/admin/` that holds the CMS package's build, and the one that holds the modules it imports. */
const CMS_FOLDER = 'sveltia-cms';
const MODULES_FOLDER = 'modules';

/** The comment that points a module at its source map: the maps are not copied. */
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=\S+\s*$/;

/** A web font the CMS's styles load from jsDelivr's copy of Fontsource: family and file. */
const FONTSOURCE_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([\w-]+)(?::vf)?@[\d.]+\/([\w-]+)\.woff2/g;

interface PackageJson {
  name: string;
  exports?: unknown;
  module?: string;
  main?: string;
}

/** The folder of an installed package, as Node finds it from a file: the nearest `node_modules` up. */
function packageFolder(name: string, from: string, root: string): string {
  for (let folder = dirname(from); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (folder === root || folder === dirname(folder)) throw new Error(`the CMS imports ${name}, which is not installed`);
  }
}

/** The file a specifier names, with the conditions a browser build uses (`browser`, `import`, `production`). */
function resolveImport(specifier: string, from: string, root: string): { file: string; packageName: string; folder: string } {
  const packageName = specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');
  const folder = packageFolder(packageName, from, root);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageJson;
  const subpath = specifier.slice(packageName.length);
  const entry = manifest.exports
    ? packageExports(manifest, specifier, { browser: true, conditions: ['production'] })?.[0]
    : subpath
      ? `.${subpath}`
      : packageEntry(manifest, { browser: false, fields: ['module', 'main'] });
  if (typeof entry !== 'string') throw new Error(`the CMS imports ${specifier}, which ${packageName} does not export`);
  return { file: resolve(folder, entry), packageName, folder };
}

/** The module's code as the browser gets it: no source map comment, the packaged fonts instead of the CDN's. */
function servedCode(file: string): string {
  const code = readFileSync(file, 'utf8').replace(SOURCE_MAP_COMMENT, '\n');
  if (!code.includes('cdn.jsdelivr.net/fontsource')) return code;
  // The styles are a template literal: each address becomes the URL of the packaged copy, beside the module.
  const packaged = readdirSync(join(dirname(file), 'assets'));
  return code.replace(FONTSOURCE_CDN, (url, family: string, fontFile: string) => {
    const copy = packaged.find((name) => name.startsWith(`${family}-${fontFile}-`) && name.endsWith('.woff2'));
    if (!copy) throw new Error(`the CMS package has no copy of ${url}`);
    return `\${new URL('./assets/${copy}', import.meta.url).href}`;
  });
}

const isModule = (file: string) => /\.m?js$/.test(file);

/**
 * Whether a module specifier names a package (what the import map must resolve), not a file
 * beside the module, a path of the site or a URL.
 *
 * @example
 * isPackageName('leaflet/dist/leaflet-src.esm.js') // => true
 * isPackageName('./chunks/react.js') // => false
 */
export function isPackageName(specifier: string): boolean {
  return !/^(\.\.?\/|\/|[a-z][\w+.-]*:)/.test(specifier);
}

/**
 * Writes the CMS into `target` (`dist/admin/`): the package's build under `sveltia-cms/`, each
 * module it imports by name under `modules/<package>/`, and returns the import map (JSON) that
 * tells the browser where each name is. A name the import map lacks would fail in the browser
 * only when the CMS needs it: every module copied is read for the names it imports.
 *
 * @example
 * const importMap = await assembleCms('/site', '/site/dist/admin');
 * JSON.parse(importMap).imports['@sveltia/cms'] // => '/admin/sveltia-cms/index.js'
 */
export async function assembleCms(root: string, target: string): Promise<string> {
  await lexerReady;
  const cmsPackage = packageFolder('@sveltia/cms', join(root, 'package.json'), root);
  const build = join(cmsPackage, 'npm');
  const imports: Record<string, string> = { '@sveltia/cms': `/${ADMIN_FOLDER}/${CMS_FOLDER}/index.js` };
  const written = new Set<string>();
  /** The modules copied whose imports are still to be read, with their code. */
  const pending: { file: string; code: string }[] = [];

  const copy = (file: string, to: string) => {
    if (written.has(file)) return;
    written.add(file);
    mkdirSync(dirname(to), { recursive: true });
    if (!isModule(file)) return writeFileSync(to, readFileSync(file));
    const code = servedCode(file);
    writeFileSync(to, code);
    pending.push({ file, code });
  };
  /** Where a module of an imported package goes: `modules/<package>/<its path in the package>`. */
  const modulePath = (file: string, packageName: string, packageRoot: string) =>
    `${MODULES_FOLDER}/${packageName}/${relative(packageRoot, file).split(sep).join('/')}`;
  const packageRoots = new Map<string, { packageName: string; folder: string }>();

  for (const found of readdirSync(build, { recursive: true, withFileTypes: true })) {
    const file = join(found.parentPath, found.name);
    if (found.isFile() && !found.name.endsWith('.map')) copy(file, join(target, CMS_FOLDER, relative(build, file)));
  }
  for (let module = pending.pop(); module; module = pending.pop()) {
    const { file, code } = module;
    const owner = packageRoots.get(file);
    // Specifiers written out (`import('leaflet')`, `from './css.mjs'`); computed ones are the CMS's own chunks.
    const specifiers = moduleImports(code)[0].flatMap((found) => found.n ?? []);
    for (const specifier of specifiers.filter((found) => /^\.\.?\//.test(found))) {
      // The package's own build is copied whole; an imported package's files beside the module are copied as found.
      if (!owner) continue;
      const imported = resolve(dirname(file), specifier);
      packageRoots.set(imported, owner);
      copy(imported, join(target, modulePath(imported, owner.packageName, owner.folder)));
    }
    for (const specifier of specifiers.filter(isPackageName)) {
      if (imports[specifier]) continue;
      const { file: imported, packageName, folder } = resolveImport(specifier, file, root);
      const path = modulePath(imported, packageName, folder);
      imports[specifier] = `/${ADMIN_FOLDER}/${path}`;
      packageRoots.set(imported, { packageName, folder });
      copy(imported, join(target, path));
    }
  }
  const sorted = Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ imports: sorted });
}
