import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dist, distFile, page } from './dist';

describe('the CMS at /admin/', () => {
  const $ = page('/admin/');

  it('is the bundled CMS: one module script from /admin/assets/, not indexed', () => {
    const scripts = $('script');
    expect(scripts).toHaveLength(1);
    expect(scripts.attr('type')).toBe('module');
    expect(scripts.attr('src')).toMatch(/^\/admin\/assets\/[\w-]+\.js$/);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="cms-config-url"]').attr('href')).toBe('/admin/config.yml');
  });

  it('has its own Content-Security-Policy: its script, GitHub and the sign-in worker only', () => {
    const directives = new Map(
      $('meta[http-equiv="Content-Security-Policy"]')
        .attr('content')!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'data:', 'https://api.github.com', 'https://foaia-cms-auth.foaia.workers.dev']);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('loads nothing from a public CDN: the fonts the CMS names there are its packaged copies', () => {
    const assets = join(dist, 'admin/assets');
    const code = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/cdn\.jsdelivr\.net\/fontsource/);
    expect(readdirSync(assets).filter((name) => name.endsWith('.woff2'))).toHaveLength(3);
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
