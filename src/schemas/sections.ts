import { z } from 'astro/zod';

/** One section of `content/sections.yaml`, with its subsections. */
export interface SectionEntry {
  name: string;
  menu?: number;
  children?: SectionEntry[];
}

/** A section as the sections file lists it. */
export const sectionEntrySchema: z.ZodType<SectionEntry> = z.strictObject({
  /** The section's name, shown as written; its slug is the ASCII form. */
  name: z.string({ error: 'lipsește numele secțiunii' }).trim().min(1, 'lipsește numele secțiunii'),
  /** Its place in the site's menu (1 first); a section without it is not in the menu. */
  menu: z.number({ error: 'locul în meniu este un număr (1, 2, 3…)' }).int().positive().optional(),
  /** Its subsections, in the same form. */
  get children() {
    return z.array(sectionEntrySchema).optional();
  },
});

/** `content/sections.yaml`: the newsroom's fixed list of sections. */
export const sectionsFileSchema = z.array(sectionEntrySchema, { error: 'fișierul trebuie să fie o listă de secțiuni („- name: …”)' });
