// axe-core with every one of its rules — WCAG's, best practices and the experimental ones
// (label-content-name-mismatch, p-as-heading, td-has-header…), which it leaves out by default.
// Every page test checks through here: `expect(await axeViolations(page)).toEqual([])`.
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

const EVERY_RULE = axe.getRules().map((rule) => rule.ruleId);

/**
 * axe's results on the page, every rule run — once its fonts are in: a target measured while
 * the text swaps to the page's font is measured in the middle of a layout.
 */
export async function axeResults(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return new AxeBuilder({ page }).withRules(EVERY_RULE).analyze();
}

/** Each violation as `rule (impact): the elements`, for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await axeResults(page);
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
