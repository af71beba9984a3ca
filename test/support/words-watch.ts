import type { BrowserContext } from 'playwright-core';

/** A text a page showed, and where. */
export interface Shown {
  url: string;
  text: string;
}

/**
 * Records every text the context's pages show, as it appears: each page load, each message after a click, each
 * refusal, each line a live event adds. A journey's test then asks once, at its end, whether any of it was in
 * developers' words (`developerWords`).
 */
export async function watchWords(context: BrowserContext): Promise<Shown[]> {
  const shown: Shown[] = [];
  await context.exposeBinding('__hubShown', ({ page }, text: string) => void shown.push({ url: page.url(), text }));
  await context.addInitScript(() => {
    const report = (window as unknown as { __hubShown?: (text: string) => void }).__hubShown;
    if (!report) return;
    const pending = new Set<Node>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Not read: code and styles, what only a browser without JavaScript shows, and what echoes the visitor's own
    // input (a mistyped address on a "not found" page, marked data-echo).
    const SKIP = 'head, script, style, noscript, template, [data-echo]';
    const textOf = (node: Node): string => {
      const root = node instanceof Element ? node : node.parentElement;
      if (!root || !root.isConnected || root.closest(SKIP)) return '';
      const parts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode())
        if (!t.parentElement?.closest(SKIP)) parts.push(t.textContent ?? '');
      for (const field of root.querySelectorAll('input, textarea, [aria-label], [title]'))
        if (!field.closest(SKIP))
          parts.push(
            (field as HTMLInputElement).placeholder ?? '',
            field.getAttribute('aria-label') ?? '',
            field.getAttribute('title') ?? '',
          );
      return parts.filter(Boolean).join(' ');
    };
    const flush = () => {
      timer = null;
      for (const node of pending) {
        const text = textOf(node);
        if (text.trim()) report(text);
      }
      pending.clear();
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.add(r.target);
        else for (const n of r.addedNodes) pending.add(n);
      }
      timer ??= setTimeout(flush, 50);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return shown;
}

/** An internal directive id ("2027-skhcn-bcvt-cds-2025") where the letter number belongs. */
const DIRECTIVE_ID = /\b\d{4}-[a-z]+(-[a-z0-9]+)+\b/;

/** Words of developers, not officials: codes, ids, ISO dates, English. */
export const DEVELOPER_WORDS: readonly RegExp[] = [
  /npm run/,
  /(?<![\p{L}\p{N}])token(?![\p{L}\p{N}])/iu,
  /(PROVINCE|COMMUNE|VILLAGE|UNIT)_(ADMIN|VIEWER|OFFICER|REPORTER)/,
  /\b(BAD_USER_INPUT|FORBIDDEN|NOT_FOUND|UNAUTHENTICATED|RATE_LIMITED|INTERNAL_SERVER_ERROR)\b/,
  DIRECTIVE_ID,
  /\b\d{4}-\d{2}-\d{2}\b/,
  /Bearer|Authorization|undefined|\bnull\b|NaN|\[object /,
  /\/graphql\b|\bAPI\b/,
  /\b[CVU]\d{5}(-\d{2})?\b/,
  // Whole words only: JavaScript's \b takes a Vietnamese letter for a boundary ("gửi" + "Sửa" is not "is").
  /(?<![\p{L}\p{N}])(the|is|are|not|cannot|allowed|error|failed|invalid|must|please|unknown|missing|report|reports|commune|village|province|submitted|returned|approved)(?![\p{L}\p{N}])/iu,
];

/** The texts shown that hold a developer's word, each with its page and the word: empty when there are none. */
export function developerWords(shown: readonly Shown[]): string[] {
  const found = new Set<string>();
  for (const { url, text } of shown)
    for (const pattern of DEVELOPER_WORDS) {
      const match = pattern.exec(text);
      if (match) {
        const at = Math.max(0, match.index - 40);
        found.add(`${new URL(url).pathname}: [${match[0]}] …${text.slice(at, match.index + 60).replace(/\s+/g, ' ')}…`);
      }
    }
  return [...found];
}

/**
 * The last test of a browser file: everything its pages showed during its journeys — each load, each message after a
 * click, each refusal — was in officials' words (no English, no role code, no id, no ISO date).
 */
export function itShowedOfficialsWordsOnly(shown: () => readonly Shown[]): void {
  it('every text shown in these journeys was in officials’ words', () => {
    expect(shown().length).toBeGreaterThan(0);
    expect(developerWords(shown())).toEqual([]);
  });
}
