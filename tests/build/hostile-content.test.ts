import { describe, expect, inject, it } from 'vitest';
import { embedProvider } from '../../src/lib/embeds';
import { htmlPaths, page } from './dist';

const ARTICLE = '/stiri-interne/titlu-periculos/';

describe('hostile frontmatter and markup', () => {
  it('shows frontmatter values as text', () => {
    const $ = page(ARTICLE);
    expect($('h1').text()).toBe('Titlu cu </script><script>alert(1)</script> și <b>etichete</b>');
    // Typeset as every lead is: the straight quote that opens it becomes „.
    expect($('.lead').text()).toBe('„><img src=x onerror=alert(1)> & alte „ghilimele”');
    expect($('.byline a').text()).toBe('<script>alert(2)</script>');
    expect($('figure.hero .credit').text()).toBe('Foto: </figcaption><script>alert(5)</script>');
    expect($('figure.hero img').attr('alt')).toBe('" onerror="alert(4)');
  });

  it('keeps the allowed embed, sandboxed, and drops the other with a warning', () => {
    const $ = page(ARTICLE);
    const iframes = $('.article-body iframe');
    expect(iframes).toHaveLength(1);
    expect(iframes.attr('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(iframes.attr('sandbox')).toContain('allow-scripts');
    expect(iframes.attr('loading')).toBe('lazy');
    expect(iframes.attr('title')).toBe('Conținut încorporat: YouTube');
    expect(inject('validBuild').output).toContain('iframe-ul cu adresa „https://evil.example/x” a fost eliminat');
  });

  it('leaves nothing executable on any page of the site but the search page’s own script', () => {
    for (const path of htmlPaths()) {
      const $ = page(path);
      const scripts = $('script:not([type="application/ld+json"])');
      if (path === '/cautare/') expect(scripts.map((_, script) => $(script).attr('type')).get(), path).toEqual(['module']);
      else expect(scripts.length, path).toBe(0);
      $('*').each((_, node) => {
        if (node.type !== 'tag') return;
        for (const [name, value] of Object.entries(node.attribs)) {
          expect(name.startsWith('on'), `${path}: ${name}`).toBe(false);
          expect(/^\s*(javascript|vbscript|data):/i.test(value) && name !== 'content', `${path}: ${name}=${value}`).toBe(false);
        }
        if (node.name === 'iframe') expect(embedProvider(node.attribs.src ?? ''), path).toBeDefined();
      });
    }
  });
});
