import { defineCollection } from 'astro:content';
import { articlesFolder, authorsFolder } from './lib/build-settings';
import { articleLoader } from './loaders/articles';
import { authorLoader } from './loaders/authors';
import { storedArticleSchema } from './schemas/article';
import { authorSchema } from './schemas/author';

const articles = defineCollection({
  loader: articleLoader({ base: articlesFolder() }),
  schema: ({ image }) => storedArticleSchema(image),
});

const authors = defineCollection({
  loader: authorLoader({ base: authorsFolder() }),
  schema: ({ image }) => authorSchema(image),
});

export const collections = { articles, authors };
