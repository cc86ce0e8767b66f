import { getSiteIndex } from '../lib/collections';
import { rssFeed } from '../lib/feeds';

export async function GET() {
  return rssFeed({ articles: (await getSiteIndex()).articles, fullContent: true });
}
