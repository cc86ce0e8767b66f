import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../src/cms/config';
import { editorArticleSchema } from '../../src/lib/article-file';
import { editorAuthorSchema } from '../../src/lib/author-file';

// The package's exports do not include its schema: read from its folder.
const packageSchema = JSON.parse(readFileSync(new URL('../../node_modules/@sveltia/cms/schema/sveltia-cms.json', import.meta.url), 'utf8'));
const sections = [
  { name: 'Știri interne', menu: 1 },
  { name: 'Sport', menu: 2, children: [{ name: 'Fotbal' }] },
];
const config = cmsConfig({
  settings: { repository: 'redactia/site', branch: 'main', authEndpoint: 'https://auth.example.workers.dev' },
  siteUrl: 'https://foaia.ro',
  articlesFolder: 'content/articles',
  authorsFolder: 'content/authors',
  sectionsFile: 'content/sections.yaml',
  sections,
}) as any;
const collection = (name: string) => config.collections.find((candidate: { name: string }) => candidate.name === name);
const fieldNamed = (fields: any[], name: string) => fields.find((field) => field.name === name);

/** What the schema itself says of each field: its name and whether it may be left out. */
function contract(shape: Record<string, any>): { name: string; required: boolean }[] {
  return Object.entries(shape).map(([name, schema]) => ({ name, required: !schema.safeParse(undefined).success }));
}

describe('the CMS configuration', () => {
  it('is valid against the JSON schema the CMS package ships, which refuses a misspelt option', () => {
    const isRegex = (source: string) => {
      try {
        return Boolean(new RegExp(source));
      } catch {
        return false;
      }
    };
    const validate = new Ajv({
      strict: false,
      allErrors: true,
      formats: { regex: isRegex, uri: (value: string) => URL.canParse(value) },
    }).compile(packageSchema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...config, publish_mod: 'editorial_workflow' })).toBe(false);
  });

  it('publishes through pull requests on GitHub, signing in through the auth worker', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'github', repo: 'redactia/site', branch: 'main', base_url: 'https://auth.example.workers.dev' });
  });

  it('offers every article field of the contract, required as the schema requires it, and the body', () => {
    const fields = collection('articles').fields;
    expect(fields.map(({ name, required }: any) => ({ name, required }))).toEqual([
      ...contract(editorArticleSchema.shape),
      { name: 'body', required: true },
    ]);
    expect(
      contract(editorArticleSchema.shape)
        .filter((field) => field.required)
        .map((field) => field.name),
    ).toEqual(['title', 'date', 'breadcrumb']);
  });

  it('requires the photo file, its alternative text and its credit', () => {
    const photo = fieldNamed(collection('articles').fields, 'photo');
    expect(photo.fields.map(({ name, required }: any) => ({ name, required }))).toEqual([
      { name: 'src', required: true },
      { name: 'alt', required: true },
      { name: 'credit', required: true },
      { name: 'caption', required: false },
    ]);
    expect(fieldNamed(photo.fields, 'src').widget).toBe('image');
  });

  it('takes dates as Bucharest wall time, written in the contract form', () => {
    const fields = collection('articles').fields;
    for (const field of [
      fieldNamed(fields, 'date'),
      fieldNamed(fields, 'updated'),
      fieldNamed(fieldNamed(fields, 'corrections').fields, 'date'),
      fieldNamed(fieldNamed(fields, 'retracted').fields, 'date'),
    ]) {
      expect(field).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', input_timezone: 'Europe/Bucharest' });
    }
  });

  it("offers the sections file's sections, and only them, for a breadcrumb", () => {
    expect(fieldNamed(collection('articles').fields, 'breadcrumb').field).toEqual({
      name: 'section',
      label: 'Section',
      widget: 'select',
      options: ['Prima pagină', 'Știri interne', 'Sport', 'Fotbal'],
    });
  });

  it('keeps photos beside the file that uses them, and the body raw by default', () => {
    expect(collection('articles')).toMatchObject({ folder: 'content/articles', media_folder: '', public_folder: './' });
    expect(fieldNamed(collection('articles').fields, 'body').modes).toEqual(['raw', 'rich_text']);
  });

  it('offers every author field of the contract, and the biography', () => {
    const fields = collection('authors').fields;
    expect(fields.map(({ name, required }: any) => ({ name, required }))).toEqual([
      ...contract(editorAuthorSchema.shape),
      { name: 'body', required: false },
    ]);
    expect(fieldNamed(fieldNamed(fields, 'photo').fields, 'alt').required).toBe(true);
  });

  it('writes `featured` as text, which the schema reads as the contract does', () => {
    expect(fieldNamed(collection('articles').fields, 'featured').widget).toBe('string');
    const featured = editorArticleSchema.shape.featured;
    expect(featured.parse('true')).toBe(true);
    expect(featured.parse(true)).toBe(true);
    expect(featured.parse('false')).toBe(false);
    expect(featured.parse('2025-08-13T18:00')).toEqual(new Date('2025-08-13T15:00:00Z'));
  });

  it('edits the sections file as its top-level list', () => {
    const [file] = collection('settings').files;
    expect(file).toMatchObject({ file: 'content/sections.yaml', format: 'yaml' });
    expect(file.fields[0]).toMatchObject({ widget: 'list', root: true });
  });
});
