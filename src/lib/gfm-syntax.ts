/**
 * What no GFM construct can do without, one alternative for each (case aside): an email or
 * `mailto:`/`xmpp:` address (`@`), a `www.` or `http(s)://` literal link, a table (its delimiter
 * row has a `|` or a colon beside a dash: `a\n:-` is a one-column table), strikethrough (`~`), a
 * footnote (`[^`), a task list item (`[ ]`, `[x]`; the space may be any white space).
 */
const GFM_MARKS = /[@|~]|:-|-:|\[\^|www\.|https?:\/\/|\[[\sxX]\]/i;

/**
 * Whether a Markdown text may hold a GFM construct (a literal link, a table, strikethrough, a
 * footnote, a task list item). When it cannot, CommonMark alone renders it to the same HTML,
 * in half the time: GFM's literal links are tried at almost every character of every text.
 *
 * @example
 * mayContainGfm('Un paragraf *simplu*.') // => false
 * mayContainGfm('Vezi www.foaia.ro.') // => true
 * mayContainGfm('| a |\n| - |') // => true
 */
export function mayContainGfm(markdown: string): boolean {
  return GFM_MARKS.test(markdown);
}
