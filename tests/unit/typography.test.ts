import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/lib/typography';
import { renderMarkdown } from './pipeline';

const html = renderMarkdown;

describe('typeset', () => {
  it.each([
    ['El a spus "da".', 'El a spus „da”.'],
    ['"Citat" la început', '„Citat” la început'],
    ['("între paranteze")', '(„între paranteze”)'],
    ['2024 -- prima; 2025 --- a doua', '2024 – prima; 2025 — a doua'],
    ['și apoi...', 'și apoi…'],
    ["O'Neill și 'ghilimele simple'", "O'Neill și 'ghilimele simple'"],
    ['„deja românești” și «interioare»', '„deja românești” și «interioare»'],
    ['Ministrul: "Am spus "nu" clar"', 'Ministrul: „Am spus «nu» clar”'],
    ['București - Ploiești, 2020 - 2021', 'București – Ploiești, 2020 – 2021'],
    ['bine-venit -dar nu- aici', 'bine-venit -dar nu- aici'],
    ['Şcoala din Ţara Bârsei, aşa', 'Școala din Țara Bârsei, așa'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(typeset(text)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = typeset('"A "b" c" -- d - e... ş');
    expect(typeset(once)).toBe(once);
  });

  it('decides from the character before the run', () => {
    expect(typeset('" rest', 'x')).toBe('” rest');
    expect(typeset('"rest', ' ')).toBe('„rest');
  });
});

describe('remarkRomanianTypography', () => {
  it('pairs quotes across formatting and links', async () => {
    expect(await html('El a spus "**da**" și "[nu](https://exemplu.ro)".')).toBe(
      '<p>El a spus „<strong>da</strong>” și „<a href="https://exemplu.ro">nu</a>”.</p>',
    );
  });

  it('nests a quotation in a quotation, across formatting, and fixes cedillas and spaced hyphens', async () => {
    expect(await html('Ministrul: "Am spus "**nu**" clar" -- aşa, pe drumul București - Ploiești.')).toBe(
      '<p>Ministrul: „Am spus «<strong>nu</strong>» clar” – așa, pe drumul București – Ploiești.</p>',
    );
  });

  it('works in headings and table cells, and leaves code alone', async () => {
    expect(await html('## Un "titlu" -- scurt')).toBe('<h2 id="un-titlu--scurt">Un „titlu” – scurt</h2>');
    expect(await html('`"cod" -- ...` și "text"')).toBe('<p><code>"cod" -- ...</code> și „text”</p>');
    expect(await html('```\n"bloc" -- de cod...\n```')).toBe('<pre><code>"bloc" -- de cod...\n</code></pre>');
    expect(await html('| "A" |\n| - |\n| x -- y |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>„A”</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x – y</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('never touches raw HTML attributes', async () => {
    expect(await html('<a href="https://exemplu.ro/a--b">"x"</a>')).toBe('<p><a href="https://exemplu.ro/a--b">„x”</a></p>');
  });
});
