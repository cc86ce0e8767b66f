import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build` writes the site the budget and Lighthouse scripts measure. */
export const DIST = 'dist';

/** The seed article: the page the newsroom's budgets are set on. */
export const SEED_PAGE = '/stiri-externe/convorbire-putin-kim/';

/** The pages measured: the seed article, the home page and the seed's section page. */
export const REFERENCE_PAGES = { 'seed article': SEED_PAGE, 'home page': '/', 'section page': '/stiri-externe/' };

/** Stops the script with the command to run first when there is no built site. */
export function requireBuiltSite(tool: string): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`${tool}: ${DIST}/ has no site; run \`npm run build\` first`);
    process.exit(2);
  }
}
