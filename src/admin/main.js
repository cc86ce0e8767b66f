// The CMS at `/admin/`: Sveltia CMS as its npm package ships it, with the modules it imports by
// name found through the page's import map (`src/cms/assemble.ts`): nothing loads from a third
// party. It reads `/admin/config.yml`, which the build writes from the article schema.
import CMS from '@sveltia/cms';

CMS.init();
