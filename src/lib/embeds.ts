/** A service whose iframe player articles may embed. */
export interface EmbedProvider {
  /** The name readers know it by, used in the iframe's default title. */
  name: string;
  /** The iframe's origin: also what the Content-Security-Policy lets pages frame. */
  origin: string;
  /** The player's path; an iframe elsewhere on that host is not an embed. */
  pathPrefix: string;
  /** The origin pages load this player from instead: the same player, without tracking cookies. */
  servedFrom?: string;
  /** A video player: shown the column's width at the video's aspect ratio, not at a fixed height. */
  video?: boolean;
}

/**
 * The embeds newsrooms use, as iframes only: their script-based variants are never run.
 * One list feeds the sanitiser, the iframe rewrite and the `frame-src` policy.
 */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  { name: 'YouTube', origin: 'https://www.youtube-nocookie.com', pathPrefix: '/embed/', video: true },
  {
    name: 'YouTube',
    origin: 'https://www.youtube.com',
    pathPrefix: '/embed/',
    servedFrom: 'https://www.youtube-nocookie.com',
    video: true,
  },
  {
    name: 'YouTube',
    origin: 'https://youtube.com',
    pathPrefix: '/embed/',
    servedFrom: 'https://www.youtube-nocookie.com',
    video: true,
  },
  { name: 'Vimeo', origin: 'https://player.vimeo.com', pathPrefix: '/video/', video: true },
  { name: 'Dailymotion', origin: 'https://www.dailymotion.com', pathPrefix: '/embed/', video: true },
  { name: 'X (Twitter)', origin: 'https://platform.twitter.com', pathPrefix: '/embed/' },
  { name: 'Facebook', origin: 'https://www.facebook.com', pathPrefix: '/plugins/' },
  { name: 'Instagram', origin: 'https://www.instagram.com', pathPrefix: '/' },
  { name: 'TikTok', origin: 'https://www.tiktok.com', pathPrefix: '/embed/v2/' },
  { name: 'Spotify', origin: 'https://open.spotify.com', pathPrefix: '/embed/' },
  { name: 'SoundCloud', origin: 'https://w.soundcloud.com', pathPrefix: '/player/' },
  { name: 'Google Maps', origin: 'https://www.google.com', pathPrefix: '/maps/embed' },
  { name: 'Datawrapper', origin: 'https://datawrapper.dwcdn.net', pathPrefix: '/' },
  { name: 'Flourish', origin: 'https://flo.uri.sh', pathPrefix: '/' },
  { name: 'Infogram', origin: 'https://e.infogram.com', pathPrefix: '/' },
];

/** Instagram embeds are a post's or reel's page with `/embed` at the end. */
const INSTAGRAM_EMBED = /^\/(p|reel|tv)\/[\w-]+\/embed\/?$/;

/**
 * The provider whose player this iframe `src` is, if it is one we allow.
 *
 * @example
 * embedProvider('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')?.name // => 'YouTube'
 * embedProvider('https://www.instagram.com/p/Cx1/embed')?.name // => 'Instagram'
 * embedProvider('https://evil.example/embed/x') // => undefined
 */
export function embedProvider(src: string): EmbedProvider | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  return EMBED_PROVIDERS.find(
    (provider) =>
      url.origin === provider.origin &&
      url.pathname.startsWith(provider.pathPrefix) &&
      (provider.name !== 'Instagram' || INSTAGRAM_EMBED.test(url.pathname)),
  );
}

/**
 * Where the page loads the player from: the editor's URL, moved to the provider's cookie-free origin
 * when it has one.
 *
 * @example
 * embedSource('https://www.youtube.com/embed/abc?start=30', embedProvider('https://www.youtube.com/embed/abc')!)
 * // => 'https://www.youtube-nocookie.com/embed/abc?start=30'
 */
export function embedSource(src: string, provider: EmbedProvider): string {
  if (!provider.servedFrom) return src;
  const url = new URL(src);
  return provider.servedFrom + url.pathname + url.search + url.hash;
}

/** The shapes a video embed is shown in, by the name of its CSS class, with their width ÷ height. */
const VIDEO_SHAPES: readonly (readonly [string, number])[] = [
  ['16x9', 16 / 9],
  ['4x3', 4 / 3],
  ['1x1', 1],
  ['9x16', 9 / 16],
];

/**
 * The shape closest to a video iframe's `width` and `height` attributes (16:9 when they are missing or
 * not numbers, as players' own embed codes are): its class names, which size it in CSS.
 *
 * @example
 * videoShape('560', '315') // => ['embed-video', 'embed-16x9']
 * videoShape(480, 480) // => ['embed-video', 'embed-1x1']
 * videoShape('100%', undefined) // => ['embed-video', 'embed-16x9']
 */
export function videoShape(width: unknown, height: unknown): string[] {
  const ratio = Number(width) / Number(height);
  const known = Number.isFinite(ratio) && ratio > 0;
  const distance = (shape: number) => Math.abs(Math.log(shape / ratio));
  const [name] = known ? VIDEO_SHAPES.reduce((best, shape) => (distance(shape[1]) < distance(best[1]) ? shape : best)) : VIDEO_SHAPES[0];
  return ['embed-video', `embed-${name}`];
}

/**
 * The origins pages may frame, for the Content-Security-Policy's `frame-src`: where players are
 * served from, so a provider's tracking origin is not among them.
 *
 * @example
 * embedOrigins().includes('https://player.vimeo.com') // => true
 * embedOrigins().includes('https://www.youtube.com') // => false
 */
export function embedOrigins(): string[] {
  return [...new Set(EMBED_PROVIDERS.map((provider) => provider.servedFrom ?? provider.origin))];
}
