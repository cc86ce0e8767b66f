import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex, type SiteTopic } from '../../../lib/collections';
import { rssFeed } from '../../../lib/feeds';

export const getStaticPaths = (async () => {
  const { authors } = await getSiteIndex();
  return [...authors.values()].map((author) => ({ params: { author: author.slug }, props: { topic: author } }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ topic: SiteTopic }>) {
  return rssFeed({ title: props.topic.name, articles: props.topic.articles });
}
