import { describe, expect, it } from 'vitest';
import { answersHold, linkAnswer } from '../../src/lib/article-checks';
import { readArticleFile } from '../../src/lib/article-file';

const now = new Date('2025-09-01T00:00:00Z');
const article = (file: string, date: string, draft = false) =>
  readArticleFile(
    file,
    `---\ntitle: "Titlu"\ndate: ${date}\nbreadcrumb: ["Prima pagină", "Știri externe"]\n${draft ? 'draft: true\n' : ''}---\nText.\n`,
  );

describe('linkAnswer', () => {
  it('leads to a published article’s page, to nothing yet for one not published, and to nothing for no file', () => {
    expect(linkAnswer(article('content/articles/2025/08/pace.md', '2025-08-13T09:04'), now)).toEqual({ href: '/stiri-externe/pace/' });
    expect(linkAnswer(article('content/articles/2025/12/mai-tarziu.md', '2025-12-01T09:00'), now)).toEqual({ unpublished: true });
    expect(linkAnswer(article('content/articles/2025/08/ciorna.md', '2025-08-13T09:04', true), now)).toEqual({ unpublished: true });
    expect(linkAnswer({ file: 'content/articles/2025/08/gresit.md', data: undefined }, now)).toEqual({ unpublished: true });
    expect(linkAnswer(undefined, now)).toEqual({ missing: true });
  });
});

describe('answersHold', () => {
  const answers: Record<string, { href: string } | { unpublished: true }> = { 'content/articles/b.md': { href: '/sport/b/' } };
  const answerFor = (link: string) => answers[link] ?? { missing: true as const };

  it('holds while every link gets the answer the render recorded, whatever the warnings', () => {
    expect(
      answersHold(
        [{ warning: 'un iframe de pe rău.example a fost scos' }, { link: 'content/articles/b.md', answer: { href: '/sport/b/' } }],
        answerFor,
      ),
    ).toBe(true);
    expect(answersHold([{ link: 'content/articles/c.md', answer: { missing: true } }], answerFor)).toBe(true);
  });

  it('fails once a link gets another answer', () => {
    expect(answersHold([{ link: 'content/articles/b.md', answer: { unpublished: true } }], answerFor)).toBe(false);
    expect(answersHold([{ link: 'content/articles/b.md', answer: { href: '/politica/b/' } }], answerFor)).toBe(false);
  });
});
