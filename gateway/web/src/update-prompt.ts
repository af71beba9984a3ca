/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the pages' service worker (sw/sw.ts, built by vite-plugin-pwa) and, when a new build's worker is waiting,
 * shows a small banner: "Có phiên bản mới — Tải lại". Reloading lets the new worker take over, so a page never runs
 * half one build, half the next; until then the page keeps working on the build it has.
 */
import { registerSW } from 'virtual:pwa-register';

function showPrompt(update: () => Promise<void>): void {
  if (document.querySelector('[data-testid="update-prompt"]')) return;
  const banner = document.createElement('div');
  banner.className = 'offline-note update-prompt';
  banner.setAttribute('role', 'status');
  banner.dataset.testid = 'update-prompt';
  banner.append('Có phiên bản mới — ');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Tải lại';
  reload.dataset.testid = 'update-reload';
  // The new worker takes over, then the page reloads (vite-plugin-pwa's register does it on `controlling`).
  reload.addEventListener('click', () => void update());
  banner.append(reload);
  document.body.prepend(banner);
}

export function registerPages(): void {
  const update = registerSW({ onNeedRefresh: () => showPrompt(() => update(true)) });
}
