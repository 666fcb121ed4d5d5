import type { Page } from 'playwright-core';

/** What the focused element must be: its name attribute, href, id, trimmed text, or accessible-ish label. */
export type FocusTarget = {
  name?: string;
  value?: string;
  text?: string | RegExp;
  href?: string;
  id?: string;
};

/** The focused element, described for assertions and error messages. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      name: el?.getAttribute('name') ?? '',
      value: el?.value ?? '',
      href: el?.getAttribute('href') ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: (label ?? '').replace(/\s+/g, ' ').trim(),
      checked: Boolean(el?.checked),
    };
  });
}

function matches(f: Awaited<ReturnType<typeof focused>>, t: FocusTarget): boolean {
  if (t.name !== undefined && f.name !== t.name) return false;
  if (t.value !== undefined && f.value !== t.value) return false;
  if (t.href !== undefined && f.href !== t.href) return false;
  if (t.id !== undefined && f.id !== t.id) return false;
  if (t.text !== undefined) {
    const text = f.text || f.label;
    if (typeof t.text === 'string' ? text !== t.text : !t.text.test(text)) return false;
  }
  return true;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is the one described, as a keyboard user would; fails
 * after `max` presses. Never clicks nor calls `focus()`.
 *
 * @example
 * await tabTo(page, { name: 'prenom' }); await page.keyboard.type('Camille');
 */
export async function tabTo(page: Page, target: FocusTarget, options: { back?: boolean; max?: number } = {}) {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 200); i++) {
    await page.keyboard.press(key);
    if (matches(await focused(page), target)) return;
  }
  throw new Error(`aucun élément atteint au clavier (${key}) pour ${JSON.stringify(target)}`);
}

/**
 * In a focused radio group, presses ArrowDown (wrapping) until the radio whose label matches is checked:
 * arrows both move and check, as in every browser; Space checks the focused radio when nothing was checked.
 *
 * @example
 * await tabTo(page, { name: 'mode' }); await arrowTo(page, 'À distance');
 */
export async function arrowTo(page: Page, label: string | RegExp, options: { max?: number } = {}) {
  for (let i = 0; i <= (options.max ?? 20); i++) {
    const f = await focused(page);
    const ok = typeof label === 'string' ? f.label.startsWith(label) : label.test(f.label);
    if (ok && f.checked) return;
    // Tab lands on a group's first radio when none is checked, without checking it: Space does.
    await page.keyboard.press(ok ? 'Space' : 'ArrowDown');
  }
  throw new Error(`aucun bouton radio « ${String(label)} » atteint avec les flèches`);
}

/** Selects all the text of the focused field and types over it (Ctrl+A, as a keyboard user does). */
export async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
