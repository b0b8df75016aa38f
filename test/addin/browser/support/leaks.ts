// Everything the pane shows an official in words — rendered text, titles, aria-labels, placeholders — run through
// englishLeaks (test/support/user-words.ts). Left out: the rule code in its tooltip (the one code shown on purpose, for
// whoever supports the official), the language switch (written in English on purpose), and what the official's own
// file or the server's store says (marked data-user-content: cell values, task text).
import type { Page } from 'playwright-core';
import { englishLeaks } from '../../../support/user-words.ts';

const SKIP = ['[lang="en"]', '[data-user-content]'];

/**
 * The system words and codes the pane shows, each with where it was seen ([] when clean).
 * @example expect(await paneLeaks(page)).toEqual([])
 */
export async function paneLeaks(page: Page): Promise<string[]> {
  const texts = await page.evaluate((skip: string[]) => {
    const out: string[] = [document.title];
    const skipped = (el: Element) => skip.some((s) => el.closest(s) !== null);
    const root = document.body.cloneNode(true) as HTMLElement;
    for (const el of root.querySelectorAll([...skip, 'script', 'style'].join(','))) el.remove();
    // One text per element with its own text, so words of neighbouring elements never run together.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent);
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (skipped(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'alt', 'title']) {
        if (a === 'title' && el.hasAttribute('data-rule-tooltip')) continue;
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    for (const el of document.querySelectorAll('option')) if (!skipped(el)) out.push(el.textContent ?? '');
    return out;
  }, SKIP);
  return [...new Set(texts.flatMap((text) => englishLeaks(text).map((w) => `${w} in “${excerpt(text, w)}”`)))];
}

function excerpt(text: string, word: string): string {
  const i = text.toLowerCase().indexOf(word.toLowerCase());
  return text.slice(Math.max(0, i - 40), i + word.length + 40).replace(/\s+/g, ' ');
}
