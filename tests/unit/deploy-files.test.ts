import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidationPaths } from '../../src/deploy/announce';
import { fileKind, HTML_CACHE, IMMUTABLE_CACHE, parseRedirects, uploadOrder } from '../../src/deploy/files';
import { hashTree, joinHashes } from '../../src/deploy/manifest';
import { listBuiltFiles } from '../../src/lib/built-site';
import { limitProblems, targetLimits } from '../../src/deploy/targets';
import { tempTree } from './temp-tree';

const file = (sha256: string, size = 10) => ({ sha256, size });

describe('deployed files', () => {
  it('are served by kind: hashed assets for ever, pages a minute then stale, feeds five minutes', () => {
    expect(fileKind('_astro/photo.Ab12.webp')).toEqual({ hashed: true, cacheControl: IMMUTABLE_CACHE, contentType: 'image/webp' });
    expect(fileKind('sport/index.html')).toEqual({ hashed: false, cacheControl: HTML_CACHE, contentType: 'text/html; charset=utf-8' });
    expect(fileKind('rss.xml').cacheControl).toMatch(/max-age=300/);
    expect(fileKind('pagefind/2025-t3/index/ro_1.pf_index').contentType).toBe('application/octet-stream');
  });

  it('go up hashed assets first and pages last, only those that changed', () => {
    const manifest = { 'sport/index.html': file('a'), '_astro/x.css': file('b'), 'rss.xml': file('c'), 'logo.png': file('d') };
    expect(uploadOrder(manifest)).toEqual(['_astro/x.css', 'logo.png', 'rss.xml', 'sport/index.html']);
    expect(uploadOrder(manifest, { ...manifest, 'rss.xml': file('old') })).toEqual(['rss.xml']);
  });

  it('read _redirects rules, comments aside', () => {
    expect(parseRedirects('# old paths\n/vechi/ /sport/nou/ 301\n\n/a.html /b/\n')).toEqual([
      { from: '/vechi/', to: '/sport/nou/', status: 301 },
      { from: '/a.html', to: '/b/', status: 301 },
    ]);
  });

  it("check a host's limits: files, the size of one, redirect rules", () => {
    const limits = targetLimits('cloudflare-pages', {});
    expect(limits).toEqual({ files: 20_000, fileBytes: 25 * 1024 * 1024, redirects: 2_000 });
    expect(targetLimits('cloudflare-pages', { FOAIA_PAGES_MAX_FILES: '100000' }).files).toBe(100_000);
    expect(limitProblems({ 'video.mp4': file('a', 30 * 1024 * 1024) }, 2_001, limits, 'cloudflare-pages')).toEqual([
      'video.mp4 is 30.0 MiB; cloudflare-pages takes at most 25 MiB a file',
      '_redirects has 2,001 rules; cloudflare-pages takes 2,000: use S3-compatible storage (--target s3)',
    ]);
    expect(limitProblems({ 'video.mp4': file('a', 30 * 1024 * 1024) }, 2_001, targetLimits('s3', {}), 's3')).toEqual([]);
  });

  it('tell the CDN each changed page under both its names, or everything past a thousand', () => {
    expect(invalidationPaths(['sport/nou/index.html', 'rss.xml'])).toEqual(['/sport/nou/', '/sport/nou/index.html', '/rss.xml']);
    expect(invalidationPaths(Array.from({ length: 600 }, (_, n) => `a/${n}/index.html`))).toEqual(['/*']);
  });
});

describe('the build marker', () => {
  const site = () =>
    tempTree({
      'index.html': '<h1>Acasă</h1>',
      'sport/index.html': '<h1>Sport</h1>',
      'pagefind/shards.json': '{"shards":["2025-t3"]}',
      'pagefind/2025-t3/pagefind.js': 'export {}',
      'zz/last.txt': 'z',
    });

  it('hashes a tree in parts to what it hashes whole, in the same order', () => {
    const dist = site();
    const whole = hashTree(dist);
    const joined = joinHashes([hashTree(dist, undefined, { skip: ['pagefind'] }), hashTree(dist, undefined, { only: ['pagefind'] })]);
    expect(JSON.stringify(joined)).toBe(JSON.stringify(whole));
    const listed = listBuiltFiles(dist, ['pagefind']);
    const fromListing = joinHashes([hashTree(dist, undefined, { listed }), hashTree(dist, undefined, { only: listed.unlisted })]);
    expect(JSON.stringify(fromListing)).toBe(JSON.stringify(whole));
    expect(Object.keys(whole.files)).toEqual([
      'index.html',
      'pagefind/2025-t3/pagefind.js',
      'pagefind/shards.json',
      'sport/index.html',
      'zz/last.txt',
    ]);
    expect(hashTree(dist, undefined, { only: ['lipsa'] }).files).toEqual({});
  });

  it('hashes again only a file whose size or modification time changed', () => {
    const dist = site();
    const earlier = hashTree(dist);
    const stale = { ...earlier, files: { ...earlier.files, 'index.html': { ...earlier.files['index.html']!, sha256: 'vechi' } } };
    expect(hashTree(dist, stale).files['index.html']!.sha256).toBe('vechi');
    const listedBefore = listBuiltFiles(dist);
    writeFileSync(join(dist, 'index.html'), '<h1>Acasă!</h1>');
    expect(hashTree(dist, stale).files['index.html']!.sha256).toBe(createHash('sha256').update('<h1>Acasă!</h1>').digest('hex'));
    // The listing's stamps are what it trusts: a file changed after it was listed is not noticed.
    expect(hashTree(dist, stale, { listed: listedBefore }).files['index.html']!.sha256).toBe('vechi');
  });
});
