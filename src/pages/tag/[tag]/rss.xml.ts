import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex, type SiteTopic } from '../../../lib/collections';
import { rssFeed } from '../../../lib/feeds';

export const getStaticPaths = (async () => {
  const { tags } = await getSiteIndex();
  return [...tags.values()].map((tag) => ({ params: { tag: tag.slug }, props: { topic: tag } }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ topic: SiteTopic }>) {
  return rssFeed({ title: props.topic.name, articles: props.topic.articles });
}
