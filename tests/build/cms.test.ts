import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init as lexerReady, parse as moduleImports } from 'es-module-lexer';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isPackageName } from '../../src/cms/assemble';
import { dist, distFile, page } from './dist';

describe('the CMS at /admin/', () => {
  const $ = page('/admin/');

  const importMapText = $('script[type="importmap"]').text();
  const importMap = JSON.parse(importMapText) as { imports: Record<string, string> };
  const adminFile = (path: string) => join(dist, path.replace(/^\//, ''));

  it('is Sveltia CMS from npm: an import map and one module script, not indexed', () => {
    expect($('script')).toHaveLength(2);
    expect($('script[type="module"]').attr('src')).toBe('/admin/main.js');
    expect(importMap.imports['@sveltia/cms']).toBe('/admin/sveltia-cms/index.js');
    expect(readFileSync(adminFile('/admin/main.js'), 'utf8')).toMatch(/from '@sveltia\/cms'/);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="cms-config-url"]').attr('href')).toBe('/admin/config.yml');
  });

  it('finds every module the CMS imports by name: each is in the import map, each file it maps is in dist/', async () => {
    await lexerReady;
    const modules = (readdirSync(join(dist, 'admin'), { recursive: true }) as string[]).filter((name) => /\.m?js$/.test(name));
    const named = new Set(
      modules.flatMap((name) =>
        moduleImports(readFileSync(join(dist, 'admin', name), 'utf8'))[0].flatMap((found) =>
          found.n && isPackageName(found.n) ? [found.n] : [],
        ),
      ),
    );
    expect([...named]).toEqual(expect.arrayContaining(['@sveltia/cms', 'leaflet/dist/leaflet-src.esm.js', '@shikijs/langs/javascript']));
    expect([...named].filter((name) => !importMap.imports[name])).toEqual([]);
    expect(Object.values(importMap.imports).filter((path) => !existsSync(adminFile(path)))).toEqual([]);
  });

  it('has its own Content-Security-Policy: its scripts and import map, GitHub and the sign-in worker only', () => {
    const directives = new Map(
      $('meta[http-equiv="Content-Security-Policy"]')
        .attr('content')!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name!, sources]),
    );
    const importMapHash = createHash('sha256').update(importMapText).digest('base64');
    expect(directives.get('script-src')).toEqual(["'self'", `'sha256-${importMapHash}'`]);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'data:',
      'https://api.github.com',
      'https://foaia-cms-auth.foaia.workers.dev',
    ]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('loads nothing from a public CDN: the fonts the CMS names there are its packaged copies', () => {
    const cms = join(dist, 'admin/sveltia-cms');
    const code = (readdirSync(cms, { recursive: true }) as string[])
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(cms, name), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/cdn\.jsdelivr\.net\/fontsource/);
    expect(code).toMatch(/new URL\('\.\/assets\/source-sans-3-latin-wght-normal-[\w-]+\.woff2', import\.meta\.url\)/);
    expect(readdirSync(join(cms, 'assets')).filter((name) => name.endsWith('.woff2'))).toHaveLength(3);
  });

  it('is configured from the schemas and the sections file, publishing through pull requests', () => {
    const config = yaml.load(readFileSync(distFile('/admin/config.yml'), 'utf8')) as any;
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend.name).toBe('github');
    const articles = config.collections.find((collection: { name: string }) => collection.name === 'articles');
    expect(articles.folder).toMatch(/\.work\/valid$/);
    const breadcrumb = articles.fields.find((field: { name: string }) => field.name === 'breadcrumb');
    expect(breadcrumb.field.options).toEqual(expect.arrayContaining(['Prima pagină', 'Știri externe', 'Sport', 'Fotbal']));
  });
});
