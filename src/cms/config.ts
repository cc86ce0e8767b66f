/**
 * The configuration of the CMS at `/admin/` (Sveltia CMS), made at build time from the schemas the
 * build checks articles and authors with, and from the sections file: the CMS offers exactly the
 * fields the contract has, requires what the schema requires, and lets editors pick a breadcrumb
 * only among the newsroom's sections. Its interface is in English (the CMS has no Romanian).
 */
import type { CmsConfig, Field } from '@sveltia/cms';
import type { z } from 'astro/zod';
import { editorArticleSchema } from '../lib/article-file';
import { editorAuthorSchema } from '../lib/author-file';
import type { CmsSettings } from '../schemas/cms';
import type { SectionEntry } from '../schemas/sections';

/** What the configuration is made of besides the schemas. */
export interface CmsInputs {
  settings: CmsSettings;
  /** The public address of the site, for the CMS's "view on site" links. */
  siteUrl: string;
  /** Folders and files relative to the project root, as the build reads them. */
  articlesFolder: string;
  authorsFolder: string;
  sectionsFile: string;
  /** The newsroom's sections (`content/sections.yaml`); empty when it has none. */
  sections: readonly SectionEntry[];
}

/** How dates are entered: Bucharest wall time, written as the contract's offset-less form. */
const DATE_FORMAT = 'YYYY-MM-DDTHH:mm';
const dateField = { widget: 'datetime', format: DATE_FORMAT, input_timezone: 'Europe/Bucharest' } as const;

/** A field of an object schema is required when the schema refuses it missing. */
export function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** Every section name, parents before their children: the choices of a breadcrumb's items. */
function sectionNames(sections: readonly SectionEntry[]): string[] {
  return sections.flatMap((section) => [section.name, ...sectionNames(section.children ?? [])]);
}

type FieldSpec = Omit<Field, 'name' | 'required'> & Record<string, unknown>;

/**
 * The CMS fields of an object schema, in the schema's order, from a widget per field name. A
 * field of the schema without a widget, or a widget without a field, is a mistake in this file:
 * the CMS would drop a field editors need, or write one the build refuses.
 */
function fieldsOf(shape: Record<string, z.ZodType>, widgets: Record<string, FieldSpec>, where: string): Field[] {
  const missing = Object.keys(shape).filter((name) => !(name in widgets));
  const extra = Object.keys(widgets).filter((name) => !(name in shape));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`CMS fields of ${where}: no widget for ${missing.join(', ') || '–'}; no such field: ${extra.join(', ') || '–'}`);
  }
  return Object.entries(shape).map(([name, schema]) => ({ name, required: isRequired(schema), ...widgets[name] }) as Field);
}

/** The object schema inside an optional or defaulted one (`photo`, `retracted`, `corrections` items). */
function innerShape(schema: z.ZodType): Record<string, z.ZodType> {
  let inner: unknown = schema;
  for (;;) {
    const def = (inner as { def: { type: string; innerType?: unknown; element?: unknown; shape?: Record<string, z.ZodType> } }).def;
    if (def.shape) return def.shape;
    inner = def.innerType ?? def.element;
    if (!inner) throw new Error(`not an object schema: ${def.type}`);
  }
}

const articleShape = editorArticleSchema.shape;
const authorShape = editorAuthorSchema.shape;

function articleFields(sections: readonly SectionEntry[]): Field[] {
  const names = sectionNames(sections);
  const photoFields = fieldsOf(
    innerShape(articleShape.photo),
    {
      src: { label: 'Photo file', widget: 'image' },
      alt: { label: 'Alternative text', widget: 'string', hint: 'What the photo shows, for readers who cannot see it.' },
      credit: { label: 'Credit', widget: 'string', hint: 'Printed "Foto: <credit>".' },
      caption: { label: 'Caption', widget: 'text' },
    },
    'photo',
  );
  return [
    ...fieldsOf(
      articleShape,
      {
        title: { label: 'Title', widget: 'string' },
        lead: { label: 'Lead', widget: 'text' },
        date: { label: 'Publication time (Bucharest)', ...dateField, hint: 'In the future, the article is embargoed until then.' },
        updated: { label: 'Updated (Bucharest)', ...dateField },
        breadcrumb: {
          label: 'Breadcrumb',
          widget: 'list',
          hint: '"Prima pagină", then the sections, outermost first; the last is the article\'s section.',
          default: ['Prima pagină'],
          ...(names.length > 0
            ? { field: { name: 'section', label: 'Section', widget: 'select', options: ['Prima pagină', ...names] } }
            : {}),
        },
        byline: { label: 'Byline', widget: 'list', hint: 'One name per item, as the author page spells it.' },
        photo: { label: 'Photo', widget: 'object', fields: photoFields },
        tags: { label: 'Tags', widget: 'list' },
        draft: { label: 'Draft', widget: 'boolean', hint: 'A draft is never published.' },
        slug: { label: 'URL slug', widget: 'string', hint: 'Replaces the file name in the address.' },
        corrections: {
          label: 'Corrections',
          label_singular: 'Correction',
          widget: 'list',
          fields: fieldsOf(
            innerShape(articleShape.corrections),
            { date: { label: 'Corrected at (Bucharest)', ...dateField }, text: { label: 'What was corrected', widget: 'text' } },
            'corrections',
          ),
        },
        retracted: {
          label: 'Retraction',
          widget: 'object',
          fields: fieldsOf(
            innerShape(articleShape.retracted),
            { date: { label: 'Retracted at (Bucharest)', ...dateField }, reason: { label: 'Reason', widget: 'text' } },
            'retracted',
          ),
        },
        aliases: {
          label: 'Earlier addresses',
          widget: 'list',
          hint: 'Paths this article had before a slug or section change (/externe/pace/): each redirects here.',
        },
        featured: {
          label: 'Featured until',
          widget: 'string',
          pattern: ['^(true|false|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})$', 'true, or a time like 2025-08-13T18:00 (Bucharest)'],
          hint: 'Leads the home page: "true", or until a time (Bucharest).',
        },
      },
      'articles',
    ),
    { name: 'body', label: 'Text', widget: 'markdown', required: true, modes: ['raw', 'rich_text'] },
  ];
}

function authorFields(): Field[] {
  return [
    ...fieldsOf(
      authorShape,
      {
        name: { label: 'Name', widget: 'string', hint: 'As bylines write it; the file is named after it.' },
        role: { label: 'Role', widget: 'string' },
        photo: {
          label: 'Portrait',
          widget: 'object',
          fields: fieldsOf(
            innerShape(authorShape.photo),
            {
              src: { label: 'Photo file', widget: 'image' },
              alt: { label: 'Alternative text', widget: 'string' },
              credit: { label: 'Credit', widget: 'string' },
            },
            'author photo',
          ),
        },
        links: { label: 'Profiles elsewhere', widget: 'list', hint: 'Whole addresses, https://…' },
      },
      'authors',
    ),
    { name: 'body', label: 'Biography', widget: 'markdown', required: false, modes: ['raw', 'rich_text'] },
  ];
}

/** Section fields two levels deep: deeper subsections are edited in the file itself. */
function sectionFields(depth: number): Field[] {
  return [
    { name: 'name', label: 'Name', widget: 'string', required: true },
    { name: 'menu', label: 'Menu position', widget: 'number', value_type: 'int', min: 1, required: false } as Field,
    ...(depth > 1
      ? [{ name: 'children', label: 'Subsections', widget: 'list', required: false, fields: sectionFields(depth - 1) } as Field]
      : []),
  ];
}

/**
 * The CMS configuration: GitHub with the editorial workflow (each story a pull request, with the
 * pipeline's preview, merged by someone allowed to publish), articles and authors as folders of
 * Markdown with their photos beside them, the sections file as one file.
 *
 * @example
 * cmsConfig({ settings, siteUrl: 'https://foaia.ro', articlesFolder: 'content/articles', … }).collections.length // => 3
 */
export function cmsConfig(inputs: CmsInputs): CmsConfig {
  const { settings } = inputs;
  // Photos beside the file that uses them, as the contract wants (`./photo.jpg`).
  const beside = { media_folder: '', public_folder: './' };
  return {
    app_title: 'Foaia CMS',
    site_url: inputs.siteUrl,
    logo: { src: '/logo.png' },
    backend: { name: 'github', repo: settings.repository, branch: settings.branch, base_url: settings.authEndpoint },
    publish_mode: 'editorial_workflow',
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true },
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        folder: inputs.articlesFolder,
        path: '{{year}}/{{month}}/{{slug}}',
        slug: '{{title}}',
        extension: 'md',
        format: 'yaml-frontmatter',
        create: true,
        summary: '{{title}} — {{date}}',
        sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
        ...beside,
        fields: articleFields(inputs.sections),
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'Author',
        folder: inputs.authorsFolder,
        slug: '{{name}}',
        identifier_field: 'name',
        extension: 'md',
        format: 'yaml-frontmatter',
        create: true,
        ...beside,
        fields: authorFields(),
      },
      {
        name: 'settings',
        label: 'Sections',
        files: [
          {
            name: 'sections',
            label: 'Sections and menu',
            file: inputs.sectionsFile,
            format: 'yaml',
            fields: [{ name: 'sections', label: 'Sections', widget: 'list', root: true, fields: sectionFields(2) } as Field],
          },
        ],
      },
    ],
  } as CmsConfig;
}
