import latinBold from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff?inline';
import latinExtBold from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff?inline';
import satori from 'satori';
import sharp from 'sharp';
import { SHARE_CARD } from './share-images';

/**
 * Source Serif 4 in both subsets, so ă â î ș ț are drawn in the same face as the rest. Satori
 * keeps one font per family name and weight, so the subsets go by two names, one falling back
 * on the other.
 */
const FONTS = [
  ['Source Serif Latin', latinBold],
  ['Source Serif Latin Ext', latinExtBold],
].map(([name, dataUrl]) => ({
  name: name!,
  data: Buffer.from(dataUrl!.slice(dataUrl!.indexOf(',') + 1), 'base64'),
  weight: 700 as const,
  style: 'normal' as const,
}));

const COLORS = { paper: '#f4f1ec', ink: '#1a1a1a', accent: '#8a1c1c' };

type Node = { type: string; props: { style?: Record<string, string | number>; children?: Node[] | string } };

const box = (style: Node['props']['style'], children: Node[] | string): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** The accent band along the top, as on the site's header. */
const band = () => box({ height: 24, background: COLORS.accent }, []);

/** The listing's name, large. */
const heading = (text: string) => box({ fontSize: text.length > 24 ? 84 : 112, lineHeight: 1.05, color: COLORS.ink }, text);

/** The publication's name under a rule. */
const signature = (text: string) => box({ borderTop: `6px solid ${COLORS.ink}`, paddingTop: 24, fontSize: 48, color: COLORS.accent }, text);

/** The card's layout: band, heading, signature. */
const card = (title: string, siteName: string) =>
  box(
    {
      width: '100%',
      height: '100%',
      flexDirection: 'column',
      background: COLORS.paper,
      fontFamily: 'Source Serif Latin, Source Serif Latin Ext',
    },
    [
      band(),
      box({ flex: 1, flexDirection: 'column', justifyContent: 'space-between', padding: '72px 80px' }, [
        heading(title),
        signature(siteName),
      ]),
    ],
  );

/**
 * A 1200×630 PNG naming a section (or the site) for link previews: what an article without a
 * photo is shared with. Made once per section at build time.
 *
 * @example
 * const png = await renderShareCard('Știri externe', 'Foaia'); // PNG bytes, 1200×630
 */
export async function renderShareCard(title: string, siteName: string): Promise<Buffer> {
  const svg = await satori(card(title, siteName) as Parameters<typeof satori>[0], { ...SHARE_CARD, fonts: FONTS });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}
