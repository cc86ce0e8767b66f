import { getSiteIndex } from '../lib/collections';
import { articleFeed } from '../lib/feeds';

export async function GET() {
  return articleFeed({ articles: (await getSiteIndex()).articles });
}
