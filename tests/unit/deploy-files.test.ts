import { describe, expect, it } from 'vitest';
import { invalidationPaths } from '../../src/deploy/announce';
import { fileKind, HTML_CACHE, IMMUTABLE_CACHE, parseRedirects, uploadOrder } from '../../src/deploy/files';
import { limitProblems, targetLimits } from '../../src/deploy/targets';

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
