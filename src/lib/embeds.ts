/** A service whose iframe player articles may embed. */
export interface EmbedProvider {
  /** The name readers know it by, used in the iframe's default title. */
  name: string;
  /** The iframe's origin: also what the Content-Security-Policy lets pages frame. */
  origin: string;
  /** The player's path; an iframe elsewhere on that host is not an embed. */
  pathPrefix: string;
}

/**
 * The embeds newsrooms use, as iframes only: their script-based variants are never run.
 * One list feeds the sanitiser, the iframe rewrite and the `frame-src` policy.
 */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  { name: 'YouTube', origin: 'https://www.youtube-nocookie.com', pathPrefix: '/embed/' },
  { name: 'YouTube', origin: 'https://www.youtube.com', pathPrefix: '/embed/' },
  { name: 'Vimeo', origin: 'https://player.vimeo.com', pathPrefix: '/video/' },
  { name: 'Dailymotion', origin: 'https://www.dailymotion.com', pathPrefix: '/embed/' },
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
 * The origins pages may frame, for the Content-Security-Policy's `frame-src`.
 *
 * @example
 * embedOrigins().includes('https://player.vimeo.com') // => true
 */
export function embedOrigins(): string[] {
  return [...new Set(EMBED_PROVIDERS.map((provider) => provider.origin))];
}
