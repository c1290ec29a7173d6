/**
 * Content collections: every MDX file under content/ is validated here, against the schemas in
 * src/lib/content-schemas.ts. `npm run content:check` validates the same files against the same
 * schemas before Astro runs, with the line and column of each problem.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { beritaSchema, halamanSchema, pelatihanSchema } from './lib/content-schemas.ts';

export { STATUS_PELATIHAN } from './lib/content-schemas.ts';

/** Fixed pages: kemitraan, bpu, tentang, beranda (their file name is their id). */
const halaman = defineCollection({
  loader: glob({ base: './content/halaman', pattern: '**/*.mdx' }),
  schema: halamanSchema,
});

const pelatihan = defineCollection({
  loader: glob({ base: './content/pelatihan', pattern: '**/*.mdx' }),
  schema: pelatihanSchema,
});

const berita = defineCollection({
  loader: glob({ base: './content/berita', pattern: '**/*.mdx' }),
  schema: beritaSchema,
});

export const collections = { halaman, pelatihan, berita };
