// Everything a page shows an official in words — its rendered text, titles, aria-labels, placeholders, the document's
// title — run through englishLeaks (test/support/user-words.ts). What the official's own file says (the preview, task
// text, sheet names, file names) is theirs, not the page's, and is left out; so is the rule code's own tooltip, the one
// place a code is shown on purpose (for whoever supports the official), and the language switch, written in English.
import type { Page } from 'playwright-core';
import { englishLeaks } from '../../support/user-words.ts';

/** Content from the user's file or the server's store: not the page's words. */
const USER_CONTENT = [
  'table.preview',
  '.sheet-tabs',
  '.file-name',
  'table.plan',
  '.changes',
  'table.history',
  'table.conflicts',
  '.return-reason',
  '[lang="en"]',
];

/**
 * The system words and codes the page shows, each with where it was seen ([] when clean).
 * @example expect(await leaksOnPage(page)).toEqual([])
 */
export async function leaksOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate((skip: string[]) => {
    const out: string[] = [document.title];
    const hidden = (el: Element) => skip.some((s) => el.closest(s) !== null);
    const root = document.body.cloneNode(true) as HTMLElement;
    // Text: the body without user content (innerText of a clone has no layout, so textContent of what is left).
    for (const el of root.querySelectorAll(skip.join(','))) el.remove();
    for (const el of root.querySelectorAll('script, style')) el.remove();
    out.push(root.textContent ?? '');
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (hidden(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'alt', 'title']) {
        // The rule's code in its tooltip is the one code shown on purpose.
        if (a === 'title' && el.classList.contains('rule')) continue;
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  }, USER_CONTENT);
  return texts.flatMap((text) => englishLeaks(text).map((w) => `${w} in “${excerpt(text, w)}”`));
}

function excerpt(text: string, word: string): string {
  const i = text.toLowerCase().indexOf(word.toLowerCase());
  return text.slice(Math.max(0, i - 40), i + word.length + 40).replace(/\s+/g, ' ');
}
