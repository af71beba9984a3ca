import { html } from 'htm/preact';
import type { ComponentChildren } from 'preact';
import { ApiError, NetworkError } from './api';
import { ACCESS_REFUSED, forOfficials } from './words';
import { fmtDate, fmtTime } from './format';
import { todayInVietnam } from '../../../shared/pure/dates';
import { staleness, type Coverage } from './coverage';
import { ILLUSTRATIVE_VI } from '../../../shared/pure/targets';
import { POLL_MS } from './live';
import { AccountMenu } from './pages/account/AccountMenu';
import { RefusedNotice } from './pages/report/RefusedNotice';

export { html };

export function Layout(props: {
  title: string;
  subtitle?: ComponentChildren;
  nav?: ComponentChildren;
  children: ComponentChildren;
  status?: ComponentChildren;
  /** The page's main parts, reachable from the skip links in a few Tab presses (a ranking has a link a row). */
  skips?: ReadonlyArray<{ id: string; label: string }>;
}) {
  return html`
    <nav class="skip-links" aria-label="Chuyển nhanh">
      <a href="#main">Chuyển đến nội dung chính</a>
      ${(props.skips ?? []).map((s) => html`<a href=${`#${s.id}`}>Chuyển đến: ${s.label}</a>`)}
    </nav>
    <header class="top">
      <div class="brand"><a href="/">Bình dân học vụ số</a></div>
      <div class="heading">
        <h1>${props.title}</h1>
        ${props.subtitle ? html`<p class="subtitle">${props.subtitle}</p>` : null}
      </div>
      <nav>${props.nav}</nav>
      <${AccountMenu} />
    </header>
    ${props.status}
    <main id="main" tabindex="-1"><${RefusedNotice} />${props.children}</main>
    <footer>
      Số liệu từ báo cáo của các thôn, đơn vị và thống kê của Cổng Bình dân học vụ số · số liệu không có trong văn bản
      được ghi “dữ liệu minh họa”
    </footer>
  `;
}

/**
 * Where the figures on screen stand: live, or reconnecting and polling, and when they were last updated — so that
 * no figure is silently stale.
 */
export function LiveStatus(props: {
  connected: boolean;
  offline: boolean;
  updatedAt: Date | null;
  live?: boolean;
  /** The date of the newest figures on screen. */
  figuresDate?: string | null;
  /** How much of the area they cover: the warning goes by the date most of them have, not the newest. */
  coverage?: Coverage | null;
}) {
  const state = props.offline ? 'offline' : props.connected ? 'live' : 'polling';
  const label =
    state === 'live'
      ? 'Trực tiếp'
      : state === 'offline'
        ? 'Mất kết nối — Đang kết nối lại…'
        : `Đang kết nối lại… (tạm cập nhật định kỳ ${POLL_MS / 1000} giây một lần)`;
  return html`<div class=${`live-status ${state}`} data-testid="live-status" data-state=${state} role="status">
      <span class="dot"></span><span class="label">${label}</span>
      <span class="updated"
        >${props.updatedAt ? `Cập nhật lúc ${fmtTime(props.updatedAt)} ngày ${fmtDate(todayInVietnam(props.updatedAt))}` : 'Đang tải số liệu'}</span
      >
    </div>
    <${StaleWarning} date=${props.figuresDate} coverage=${props.coverage} />`;
}

/**
 * Figures a week old or more look live on a live page: say how old they are. With coverage, judged by the date most
 * of the villages' figures have, so that one fresh report does not hide that the rest are old.
 */
export function StaleWarning(props: { date: string | null | undefined; coverage?: Coverage | null }) {
  const stale = staleness(props.coverage, props.date, todayInVietnam());
  if (!stale) return null;
  const which = props.coverage?.commonFiguresDate ? 'phần lớn số liệu là của ngày' : 'mới nhất ngày';
  return html`<p class="stale-warning" role="alert" data-testid="stale-warning">
    ${`Số liệu đã cũ: ${which} ${fmtDate(stale.date)}, cách đây ${stale.days} ngày — không phải tình hình hôm nay.`}
    ${stale.older ? ` ${stale.older}.` : ''}
  </p>`;
}

export function Loading() {
  return html`<p class="loading">Đang tải…</p>`;
}

export function ErrorBox(props: { error: unknown }) {
  if (props.error instanceof ApiError && props.error.code === 'NOT_FOUND') {
    return html`<div class="not-found" data-testid="not-found">
      <p data-echo>Không tìm thấy: ${forOfficials(props.error.errors[0], ACCESS_REFUSED)}</p>
      <p><a href="/">← Về bảng theo dõi tỉnh Quảng Ngãi</a></p>
    </div>`;
  }
  const message =
    props.error instanceof ApiError
      ? props.error.errors.map((e) => forOfficials(e, ACCESS_REFUSED)).join('; ')
      : props.error instanceof NetworkError
        ? 'Không kết nối được máy chủ. Hãy thử lại khi có mạng.'
        : 'Trang gặp lỗi khi hiển thị số liệu. Hãy tải lại trang.';
  return html`<div class="error-box" role="alert">
    <strong>Không tải được dữ liệu.</strong> ${message}
    <p><a href="/">← Về bảng theo dõi tỉnh</a></p>
  </div>`;
}

/** An id that names nothing: say so, and lead back. */
/** A page not found. `data-echo` marks the visitor's own input (the address typed), which may hold a code. */
export function NotFound(props: { what: string; back?: string; backLabel?: string }) {
  return html`<${Layout} title="Không tìm thấy">
    <div class="not-found" data-testid="not-found">
      <p data-echo>Không tìm thấy ${props.what}.</p>
      <p class="muted" data-echo>Kiểm tra lại đường dẫn (mã tỉnh như 23, mã xã như C02949, mã thôn như V02949-08).</p>
      <p><a href=${props.back ?? '/'}>← ${props.backLabel ?? 'Về bảng theo dõi tỉnh Quảng Ngãi'}</a></p>
    </div>
  <//>`;
}

export function Change(props: { change: number | null | undefined; previous?: number | null }) {
  const c = props.change;
  if (c == null) return html`<span class="change new" title="Mới xếp hạng">mới</span>`;
  if (c > 0) return html`<span class="change up" title=${`Tăng ${c} bậc`}>▲ ${c}</span>`;
  if (c < 0) return html`<span class="change down" title=${`Giảm ${-c} bậc`}>▼ ${-c}</span>`;
  return html`<span class="change same" title="Giữ nguyên">–</span>`;
}

/**
 * Where an item of a letter comes from: its section ("004_677c41495f04c64c.txt §4.1", "Mục 3.2") and, for demo data
 * no letter states, the mark officials must see before they rely on it.
 */
export function Provenance(props: { citation?: string | null; demo?: boolean | null }) {
  if (!props.citation && !props.demo) return null;
  return html`<div class="muted small" data-testid="provenance">
    ${props.citation ? html`<span data-testid="citation">Theo ${props.citation}</span>` : null}
    ${props.citation && props.demo ? ' · ' : null}
    ${props.demo ? html`<span class="tag illustrative" data-testid="illustrative">${ILLUSTRATIVE_VI}</span>` : null}
  </div>`;
}
