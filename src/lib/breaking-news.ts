import { type BreakingNews, breakingNewsSchema } from '../schemas/breaking-news';
import { readYamlFile } from './yaml-file';

/**
 * The breaking news the fronts show at `now`: the file's, unless it is absent, empty, or its
 * `until` has passed (a scheduled rebuild then removes the strip by itself).
 *
 * @example
 * readBreakingNews('content/ultima-ora.yaml', new Date('2025-08-13T12:00:00Z'))
 * // => { title: 'Cutremur de 5,2 grade în Vrancea', url: '/stiri-interne/cutremur-vrancea/', until: 2025-08-13T15:00:00.000Z }
 */
export function readBreakingNews(file: string, now: Date, root = process.cwd()): BreakingNews | undefined {
  const news = readYamlFile(
    file,
    { label: 'fișierul „Ultima oră”', schema: breakingNewsSchema, allowedKeys: () => Object.keys(breakingNewsSchema.shape) },
    root,
  );
  return news && (news.until === undefined || news.until > now) ? news : undefined;
}
