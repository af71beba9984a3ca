import { html } from '../../ui';

/**
 * The report's sentence on the key people of villages (cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận):
 * as frozen at submission (`frozen`: a string; null when the report was submitted before they were kept), or for a
 * draft (`frozen` undefined) as the plans stand today.
 */
export function KeyPeopleLine(props: {
  frozen: string | null | undefined;
  now?: string | null;
  /** The key people page, linked from a draft's line (the report editor), where a certificate is recorded. */
  href?: string;
}) {
  if (props.frozen) return html`<p data-testid="report-key-people">${props.frozen}</p>`;
  if (props.frozen === undefined && props.now) {
    const link = props.href
      ? html`<a href=${props.href} data-testid="report-key-people-link">Cập nhật cán bộ chủ chốt thôn</a>`
      : null;
    return html`<p data-testid="report-key-people" data-live="true">
      ${props.now} (đến hôm nay; chốt khi gửi báo cáo)${link ? ' · ' : ''}${link}
    </p>`;
  }
  return null;
}
