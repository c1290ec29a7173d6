// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './src/lib/csp.ts';
import { resolveSiteUrl } from './src/lib/site-url.ts';

// SITE_URL is the public origin the site is deployed to (used for canonical URLs,
// the sitemap, RSS and citations). BASE_PATH lets the site live under a sub-path,
// for example /rtw-pasuruan/ on GitHub Pages.
// A deploy sets RTW_REQUIRE_SITE_URL=1, so a missing SITE_URL fails the build instead of
// publishing links to localhost; other builds say that they point to localhost.
const { site, notice } = resolveSiteUrl(process.env);
if (notice && process.argv.includes('build')) console.warn(notice);
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
      styleDirective: { resources: [...CSP_STYLE_SOURCES] },
    },
  },
  // Never inline scripts into pages: every script is a file, so the Content Security
  // Policy needs no 'unsafe-inline' and scripts are cached across pages.
  vite: { build: { assetsInlineLimit: 0 } },
});
