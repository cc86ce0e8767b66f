import { getSiteIndex } from '../lib/collections';
import { jsonFeed } from '../lib/feeds';

export async function GET() {
  return jsonFeed((await getSiteIndex()).articles);
}
