/**
 * Every HTML page of the built site is valid HTML with no html-validate errors
 * (recommended preset; the exceptions below are deliberate and explained).
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFileFor, listPages } from '../e2e/site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Scrollable table wrappers are role="region" with a name (so keyboard users can focus and
    // scroll them); a <section> would add a landmark per table.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // Heading ids from MDX may start with a digit ("1-lewat-aplikasi-jmo"): valid HTML5.
    'valid-id': ['error', { relaxed: true }],
    // Titles are "<page title> — RTW Pasuruan"; dataset titles name branch and period in full.
    'long-title': ['error', { maxlength: 140 }],
  },
});

describe('HTML validity', () => {
  it('has no errors on any page', async () => {
    const problems: string[] = [];
    for (const route of listPages()) {
      const report = await validator.validateString(readFileSync(htmlFileFor(route), 'utf8'), route);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${route}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
