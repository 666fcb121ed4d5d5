import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The RGAA's automated share: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's violations on the page as it is now, one line each (`rule: selectors`), so that a failing
 * assertion says what and where.
 *
 * @example
 * assert.deepEqual(await axeViolations(page), []);
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** No axe-core violation and exactly one h1: what every page of the platform must pass. */
export async function assertAccessiblePage(page: Page, label: string) {
  assert.deepEqual(await axeViolations(page), [], label);
  assert.equal(await page.locator('h1').count(), 1, `${label}: un seul h1`);
}
