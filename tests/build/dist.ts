import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CheerioAPI, load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { inject } from 'vitest';
import { ADMIN_FOLDER } from '../../src/cms/assemble';
import { builtPages, fileForPath } from '../../src/lib/built-site';

const root = fileURLToPath(new URL('../..', import.meta.url));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Reading a built site: its files by site path, parsed. */
export class BuiltSite {
  constructor(readonly dist: string) {}

  /** The file a site path is served from. */
  file(path: string): string {
    return fileForPath(this.dist, path);
  }

  /** Whether the site has a page or file at this path. */
  has(path: string): boolean {
    return existsSync(this.file(path));
  }

  /** A page, parsed. */
  page(path: string): CheerioAPI {
    return load(readFileSync(this.file(path), 'utf8'));
  }

  /** An XML file (feed, sitemap), parsed. */
  xml(path: string): any {
    return xml.parse(readFileSync(this.file(path), 'utf8'));
  }

  /** Every HTML page of the site, as site paths (the CMS at `/admin/` is not one: its own test reads it). */
  htmlPaths(): string[] {
    return builtPages(this.dist, [ADMIN_FOLDER]);
  }

  /** Follows `rel="next"` from a listing's first page; returns the pages and their article links. */
  walkListing(firstPage: string): { pages: string[]; articleLinks: string[] } {
    const pages: string[] = [];
    const articleLinks: string[] = [];
    for (let path: string | undefined = firstPage; path;) {
      pages.push(path);
      const $ = this.page(path);
      articleLinks.push(
        ...$('main .card-title a')
          .map((_, link) => $(link).attr('href')!)
          .get(),
      );
      path = $('a[rel="next"]').attr('href');
    }
    return { pages, articleLinks };
  }
}

/** The fixture site built once by the global setup. */
const fixtureSite = new BuiltSite(join(root, inject('validBuild').dist));
export const dist = fixtureSite.dist;
export const distFile = (path: string) => fixtureSite.file(path);
export const hasPage = (path: string) => fixtureSite.has(path);
export const page = (path: string) => fixtureSite.page(path);
export const xmlFile = (path: string) => fixtureSite.xml(path);
export const htmlPaths = () => fixtureSite.htmlPaths();
export const walkListing = (path: string) => fixtureSite.walkListing(path);

/**
 * A page's structured data (its JSON-LD scripts, parsed), or the object of one `@type`.
 *
 * @example
 * jsonLdOfType(page('/sport/meci/'), 'NewsArticle').dateModified
 */
export function jsonLd($: CheerioAPI): Record<string, any>[] {
  return $('script[type="application/ld+json"]')
    .map((_, script) => JSON.parse($(script).html()!))
    .get();
}

export const jsonLdOfType = ($: CheerioAPI, type: string): Record<string, any> => jsonLd($).find((data) => data['@type'] === type)!;
