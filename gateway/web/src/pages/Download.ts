import { html } from '../ui';

/** A link to an Excel export under /export (public aggregates: no token needed). */
export function Download(props: { href: string; label: string }) {
  return html`<a class="download" data-testid="download" href=${props.href} download>⬇ ${props.label}</a>`;
}
