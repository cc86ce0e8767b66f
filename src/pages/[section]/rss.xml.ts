import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex, type SiteSection } from '../../lib/collections';
import { rssFeed } from '../../lib/feeds';

export const getStaticPaths = (async () => {
  const { sections } = await getSiteIndex();
  return [...sections.values()].map((section) => ({ params: { section: section.slug }, props: { section } }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ section: SiteSection }>) {
  return rssFeed({ title: props.section.name, articles: props.section.articles });
}
