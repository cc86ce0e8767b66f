import type { Nodes, Root, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, walkTree } from './tree-walk';
import { parseYaml } from './yaml';
import { Typesetter, typeset } from './typography';

/** One place `npm run fix` changes, as the editor sees it. */
export interface SourceChange {
  line: number;
  before: string;
  after: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Blocks whose text is one run, as the build's typography plugin takes them. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The frontmatter values readers see as prose: top-level `title:` and `lead:`, and `caption:` under `photo:`. */
const PROSE_FIELD = /^(title|lead|  caption)(:[ \t]+)(.+?)[ \t]*$/;

/** How long the scalar at the start of `rest` is, without a comment after it. */
function scalarLength(rest: string): number {
  if (rest.startsWith('"')) {
    for (let index = 1; index < rest.length; index++) {
      if (rest[index] === '\\') index++;
      else if (rest[index] === '"') return index + 1;
    }
    return rest.length;
  }
  if (rest.startsWith("'")) {
    for (let index = 1; index < rest.length; index++) {
      if (rest[index] === "'" && rest[index + 1] === "'") index++;
      else if (rest[index] === "'") return index + 1;
    }
    return rest.length;
  }
  const comment = rest.search(/[ \t]#/);
  return (comment < 0 ? rest : rest.slice(0, comment)).trimEnd().length;
}

/** A scalar written back in the style it was written in, unless that style cannot hold it. */
function scalarSource(raw: string, value: string): string {
  if (raw.startsWith("'")) return `'${value.replaceAll("'", "''")}'`;
  if (raw.startsWith('"') || /^[\s!&*@`|>%#'"[\]{},?:-]|: | #/.test(value)) return JSON.stringify(value);
  return value;
}

/** The edits of the frontmatter's prose values: each whole single-line value, re-quoted alike. */
function frontmatterEdits(source: string, end: number): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  let inPhoto = false;
  for (const line of source.slice(0, end).split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (/^\S/.test(line)) inPhoto = line.startsWith('photo:');
    const match = PROSE_FIELD.exec(line.replace(/\r$/, ''));
    if (!match || (match[1] === '  caption' && !inPhoto)) continue;
    const rest = match[3]!;
    if (/^[|>]/.test(rest) || rest.startsWith('#')) continue;
    const raw = rest.slice(0, scalarLength(rest));
    let value: unknown;
    try {
      value = (parseYaml(`x: ${raw}`) as { x: unknown }).x;
    } catch {
      continue;
    }
    if (typeof value !== 'string') continue;
    const fixed = typeset(value);
    if (fixed === value) continue;
    const valueStart = start + match[1]!.length + match[2]!.length;
    edits.push({ start: valueStart, end: valueStart + raw.length, text: scalarSource(raw, fixed) });
  }
  return edits;
}

/** The edits of the body's text, by the Markdown tree's offsets; text with escapes or entities is left alone. */
function bodyEdits(source: string, bodyStart: number): Edit[] {
  const body = source.slice(bodyStart);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const edits: Edit[] = [];
  walkTree<Nodes>(tree, (block) => {
    if (!TEXT_BLOCKS.has(block.type)) return;
    const typesetter = new Typesetter();
    walkTree<Nodes>(block, (node) => {
      if (node.type === 'inlineCode') {
        typesetter.pass(node.value);
        return SKIP;
      }
      // An address written as text (a GFM autolink) stays as typed.
      if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
        const text = (node.children[0] as Text).value;
        if (node.url.endsWith(text)) {
          typesetter.pass(text);
          return SKIP;
        }
      }
      if (node.type !== 'text' || !node.position) return;
      const { value } = node;
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      if (body.slice(start, end) !== value) {
        typesetter.pass(value);
        return;
      }
      const fixed = typesetter.set(value);
      if (fixed !== value) edits.push({ start: bodyStart + start, end: bodyStart + end, text: fixed });
    });
    return SKIP;
  });
  return edits;
}

/**
 * The article's source with Romanian typography in its prose (title, lead, caption, body text),
 * by the positions of those values and text runs: keys, code, URLs and HTML are never touched, and
 * nothing else in the file changes. Fixing a fixed file changes nothing.
 *
 * @example
 * typesetSource('---\ntitle: "Acord \\"istoric\\""\n---\n\nEl a spus "da" -- apoi...\n').source
 * // => '---\ntitle: "Acord „istoric”"\n---\n\nEl a spus „da” – apoi…\n'
 */
export function typesetSource(source: string): { source: string; changes: SourceChange[] } {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/.exec(source);
  const bodyStart = frontmatter ? frontmatter[0].length : 0;
  const edits = [...(frontmatter ? frontmatterEdits(source, bodyStart) : []), ...bodyEdits(source, bodyStart)].sort(
    (a, b) => a.start - b.start,
  );
  let result = '';
  let cursor = 0;
  const changes: SourceChange[] = [];
  for (const edit of edits) {
    result += source.slice(cursor, edit.start) + edit.text;
    changes.push({ line: source.slice(0, edit.start).split('\n').length, before: source.slice(edit.start, edit.end), after: edit.text });
    cursor = edit.end;
  }
  return { source: result + source.slice(cursor), changes };
}
