// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './src/lib/csp.ts';

// SITE_URL is the public origin the site is deployed to (used for canonical URLs,
// the sitemap, RSS and citations). BASE_PATH lets the site live under a sub-path,
// for example /rtw-pasuruan/ on GitHub Pages.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
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
