import type { APIContext, GetStaticPaths } from 'astro';
import { contentHash } from '../../build-cache/content-hash';
import { getSiteIndex } from '../../lib/collections';
import { renderShareCard } from '../../lib/share-card';
import { SITE_SHARE_CARD } from '../../lib/urls';
import { site } from '../../site';

export const getStaticPaths = (async () => {
  const { sections } = await getSiteIndex();
  return [
    { params: { card: SITE_SHARE_CARD }, props: { title: site.description }, cacheKey: contentHash(site) },
    ...[...sections.values()].map((section) => ({
      params: { card: section.slug },
      props: { title: section.name },
      cacheKey: contentHash(site, section.name),
    })),
  ];
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ title: string }>) {
  return new Response(new Uint8Array(await renderShareCard(props.title, site.name)), {
    headers: { 'Content-Type': 'image/png' },
  });
}
