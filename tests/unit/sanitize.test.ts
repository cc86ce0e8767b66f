import { describe, expect, it } from 'vitest';
import { embedOrigins, embedProvider } from '../../src/lib/embeds';
import { renderMarkdown } from './pipeline';

const html = renderMarkdown;

const SANDBOX = 'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"';
const embedded = (src: string, title: string, extra = '') =>
  `<iframe src="${src}" title="${title}"${extra} loading="lazy" ${SANDBOX} referrerpolicy="strict-origin-when-cross-origin"></iframe>`;

describe('sanitising raw HTML in articles', () => {
  it.each([
    ['<script>alert(1)</script>\n\nText', '\n<p>Text</p>'],
    ['<img src="x.jpg" onerror="alert(1)">', '<img src="x.jpg">'],
    ['<p onclick="alert(1)" onmouseover="alert(2)">Text</p>', '<p>Text</p>'],
    [
      '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="&#106;avascript:alert(1)">c</a> <a href="jav&#x09;ascript:alert(1)">d</a>',
      '<p><a>a</a> <a>b</a> <a>c</a> <a>d</a></p>',
    ],
    ['[x](javascript:alert(1)) [y](data:text/html,hi) [z](vbscript:x)', '<p><a>x</a> <a>y</a> <a>z</a></p>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img>'],
    ['<style>body{display:none}</style>Text', 'Text'],
    ['<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<p>x</p>'],
    ['<div style="position:fixed" class="x" id="main">Hi</div>', '<div id="user-content-main">Hi</div>'],
    ['<object data="x.swf"></object><embed src="x.swf">', '<p></p>'],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    [
      '<iframe srcdoc="<script>alert(1)</script>" src="https://player.vimeo.com/video/1"></iframe>',
      embedded('https://player.vimeo.com/video/1', 'Conținut încorporat: Vimeo', ' class="embed-video embed-16x9"'),
    ],
    ['<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">', ''],
  ])('%s', async (input, output) => {
    expect(await html(input)).toBe(output);
  });

  it('keeps the formatting, tables and figures newsrooms use', async () => {
    expect(await html('<figure><img src="./a.jpg" alt="A"><figcaption>Legenda <em>foto</em></figcaption></figure>')).toBe(
      '<figure><img src="./a.jpg" alt="A"><figcaption>Legenda <em>foto</em></figcaption></figure>',
    );
    expect(await html('<details><summary>Mai mult</summary><mark>Text</mark> <sub>2</sub><sup>3</sup></details>')).toBe(
      '<details><summary>Mai mult</summary><mark>Text</mark> <sub>2</sub><sup>3</sup></details>',
    );
    expect(await html('| A | B |\n| - | - |\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    );
    expect(
      await html('[e-mail](mailto:redactie@foaia.ro) [telefon](tel:+40212345678) <a href="https://exemplu.ro" target="_blank">e</a>'),
    ).toBe(
      '<p><a href="mailto:redactie@foaia.ro">e-mail</a> <a href="tel:+40212345678">telefon</a> <a href="https://exemplu.ro">e</a></p>',
    );
  });

  it('removes platform embed scripts but keeps the quoted post as text', async () => {
    expect(
      await html(
        '<blockquote class="twitter-tweet"><p>Mesajul</p><a href="https://twitter.com/x/status/1">link</a></blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>',
      ),
    ).toBe('<blockquote><p>Mesajul</p><a href="https://twitter.com/x/status/1">link</a></blockquote> ');
  });

  it('keeps footnote links working after the ids are prefixed', async () => {
    expect(await html('Text[^1]\n\n[^1]: Nota.')).toBe(
      '<p>Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="user-content-footnote-label">1</a></sup></p>\n' +
        '<section data-footnotes class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Note</h2>\n<ol>\n<li id="user-content-fn-1">\n' +
        '<p>Nota. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Înapoi la textul notei 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>',
    );
  });
});

describe('embeds', () => {
  const VIDEO = ' class="embed-video embed-16x9"';
  it.each([
    ['https://www.youtube-nocookie.com/embed/abc', 'YouTube', VIDEO],
    ['https://player.vimeo.com/video/76979871', 'Vimeo', VIDEO],
    ['https://www.dailymotion.com/embed/video/x7tgad0', 'Dailymotion', VIDEO],
    ['https://platform.twitter.com/embed/Tweet.html?id=1', 'X (Twitter)', ''],
    ['https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%2Fposts%2F1', 'Facebook', ''],
    ['https://www.instagram.com/p/Cx1AbC/embed', 'Instagram', ''],
    ['https://www.instagram.com/reel/Cx1AbC/embed/', 'Instagram', ''],
    ['https://www.tiktok.com/embed/v2/7211', 'TikTok', ''],
    ['https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk', 'Spotify', ''],
    ['https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1', 'SoundCloud', ''],
    ['https://www.google.com/maps/embed?pb=!1m18', 'Google Maps', ''],
    ['https://datawrapper.dwcdn.net/AbC12/1/', 'Datawrapper', ''],
    ['https://flo.uri.sh/visualisation/123/embed', 'Flourish', ''],
    ['https://e.infogram.com/abc-123', 'Infogram', ''],
  ])('keeps %s (%s) sandboxed, lazy and titled', async (src, name, shape) => {
    const escaped = src.replaceAll('&', '&#x26;');
    expect(await html(`<iframe src="${src}" width="560" height="315" onload="x()"></iframe>`)).toBe(
      embedded(escaped, `Conținut încorporat: ${name}`, ` width="560" height="315"${shape}`),
    );
  });

  it.each([
    ['https://www.youtube.com/embed/abc?start=30#t', 'https://www.youtube-nocookie.com/embed/abc?start=30#t'],
    ['https://youtube.com/embed/abc', 'https://www.youtube-nocookie.com/embed/abc'],
  ])('loads YouTube from its cookie-free origin: %s', async (src, served) => {
    expect(await html(`<iframe src="${src}" width="560" height="315"></iframe>`)).toBe(
      embedded(served, 'Conținut încorporat: YouTube', ` width="560" height="315"${VIDEO}`),
    );
  });

  it.each([
    ['width="640" height="480"', 'embed-4x3'],
    ['width="480" height="480"', 'embed-1x1'],
    ['width="315" height="560"', 'embed-9x16'],
    ['width="1280" height="720"', 'embed-16x9'],
    ['width="100%" height="400"', 'embed-16x9'],
    ['', 'embed-16x9'],
  ])('gives a video the shape closest to its size: %s', async (size, shape) => {
    const output = await html(`<iframe src="https://player.vimeo.com/video/1" ${size}></iframe>`);
    expect(output).toContain(` class="embed-video ${shape}"`);
  });

  it("keeps the editor's title", async () => {
    expect(await html('<iframe src="https://player.vimeo.com/video/1" title="Interviul integral"></iframe>')).toBe(
      embedded('https://player.vimeo.com/video/1', 'Interviul integral', ' class="embed-video embed-16x9"'),
    );
  });

  it.each([
    'https://evil.example/embed/x',
    'http://player.vimeo.com/video/1',
    'https://www.youtube.com/watch?v=abc',
    'https://www.instagram.com/accounts/login',
    'https://www.google.com/search?q=x',
    'https://user:pass@player.vimeo.com/video/1',
    '//player.vimeo.com/video/1',
  ])('removes an iframe that is not an allowed player: %s', async (src) => {
    expect(await html(`<iframe src="${src}"></iframe>`)).toBe('');
  });

  it('recognises providers and lists the origins to frame', () => {
    expect(embedProvider('https://www.youtube-nocookie.com/embed/x')?.name).toBe('YouTube');
    expect(embedProvider('not a url')).toBeUndefined();
    expect(embedOrigins()).not.toContain('https://www.youtube.com');
    expect(embedOrigins()).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
      'https://www.dailymotion.com',
      'https://platform.twitter.com',
      'https://www.facebook.com',
      'https://www.instagram.com',
      'https://www.tiktok.com',
      'https://open.spotify.com',
      'https://w.soundcloud.com',
      'https://www.google.com',
      'https://datawrapper.dwcdn.net',
      'https://flo.uri.sh',
      'https://e.infogram.com',
    ]);
  });
});
