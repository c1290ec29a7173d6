/**
 * The Content Security Policy, in one place. Astro's `security.csp` puts it in a
 * `<meta http-equiv>` on every page (with hashes of any inline script or style Astro
 * emits); `public/_headers` repeats it as an HTTP header for static hosts, adding what a
 * meta tag cannot carry (`frame-ancestors`). tests/unit/security.test.ts keeps the two in step.
 *
 * No 'unsafe-inline' and no 'unsafe-eval': every script and stylesheet is a file from this
 * origin. Pagefind's search runs WebAssembly ('wasm-unsafe-eval') in a worker from this origin.
 */

/** Directives other than script-src and style-src. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/** Directives only an HTTP header can carry. */
export const CSP_HEADER_ONLY = ["frame-ancestors 'none'"] as const;

/**
 * Embed pages (`/sematkan/<dataset>/`) are the only pages other sites may put in an iframe:
 * for these paths the header policy says `frame-ancestors *` and there is no
 * X-Frame-Options. Every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 * (A `<meta>` CSP cannot carry frame-ancestors, browsers ignore it there, so this lives only
 * in the HTTP header.)
 */
export const EMBED_PATH = '/sematkan/*';
export const EMBED_FRAME_ANCESTORS = 'frame-ancestors *';

/** The policy as an HTTP header value; `frameAncestors` replaces the header-only directive (embed pages). */
export function cspHeader(frameAncestors: string = CSP_HEADER_ONLY[0]): string {
  return [
    ...CSP_DIRECTIVES,
    `script-src ${CSP_SCRIPT_SOURCES.join(' ')}`,
    `style-src ${CSP_STYLE_SOURCES.join(' ')}`,
    frameAncestors,
  ].join('; ');
}

/** Other security headers for static hosts. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': cspHeader(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Build assets under /_astro/ have content hashes in their names: cache them for a year. */
export const IMMUTABLE_ASSETS = { path: '/_astro/*', cacheControl: 'public, max-age=31536000, immutable' } as const;

/** Versioned data downloads under /data/v/<sha256 of the bytes>/ never change: cache them for a year. */
export const IMMUTABLE_DATA_VERSIONS = { path: '/data/v/*', cacheControl: 'public, max-age=31536000, immutable' } as const;

/** Headers of the embed pages that differ from SECURITY_HEADERS: the CSP with `frame-ancestors *`, no X-Frame-Options. */
export const EMBED_HEADERS: Record<string, string> = {
  'Content-Security-Policy': cspHeader(EMBED_FRAME_ANCESTORS),
};
/** Headers of `/*` that embed pages drop (detached with `! Name`, Cloudflare Pages syntax, then set anew above). */
export const EMBED_DETACH = ['Content-Security-Policy', 'X-Frame-Options'] as const;

/**
 * The `_headers` file (Netlify / Cloudflare Pages format): security headers for all paths,
 * the embed pages' own framing policy (a later, more specific rule), long caching for hashed
 * assets.
 */
export function headersFile(): string {
  return [
    '/*',
    ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
    EMBED_PATH,
    ...EMBED_DETACH.map((k) => `  ! ${k}`),
    ...Object.entries(EMBED_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
    IMMUTABLE_ASSETS.path,
    `  Cache-Control: ${IMMUTABLE_ASSETS.cacheControl}`,
    IMMUTABLE_DATA_VERSIONS.path,
    `  Cache-Control: ${IMMUTABLE_DATA_VERSIONS.cacheControl}`,
    '',
  ].join('\n');
}
