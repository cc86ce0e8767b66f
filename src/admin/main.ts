/**
 * The CMS at `/admin/`: Sveltia CMS from npm, bundled with what it imports (fonts, code
 * highlighting) so that it loads nothing from a third party. It reads `/admin/config.yml`, which
 * the build writes from the article schema (`src/cms/config.ts`).
 */
import CMS from '@sveltia/cms';

CMS.init();
