import { defineCollection } from 'astro:content';
import { articlesFolder } from './lib/build-settings';
import { articleLoader } from './loaders/articles';
import { articleSchema } from './schemas/article';

const articles = defineCollection({
  loader: articleLoader({ base: articlesFolder() }),
  schema: ({ image }) => articleSchema(image),
});

export const collections = { articles };
