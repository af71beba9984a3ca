import { html } from '../../ui';

/**
 * The report's sentence on the key people of villages (cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận):
 * as frozen at submission (`frozen`: a string; null when the report was submitted before they were kept), or for a
 * draft (`frozen` undefined) as the plans stand today.
 */
export function KeyPeopleLine(props: { frozen: string | null | undefined; now?: string | null }) {
  if (props.frozen) return html`<p data-testid="report-key-people">${props.frozen}</p>`;
  if (props.frozen === undefined && props.now)
    return html`<p data-testid="report-key-people" data-live="true">
      ${props.now} (đến hôm nay; chốt khi gửi báo cáo)
    </p>`;
  return null;
}
