import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/articles';
import { articleSchema } from './schemas/article';

/** Where the articles live; build tests point it at fixture folders. */
const base = process.env.FOAIA_CONTENT_DIR ?? 'content/articles';

const articles = defineCollection({
  loader: articleLoader({ base }),
  schema: ({ image }) => articleSchema(image),
});

export const collections = { articles };
