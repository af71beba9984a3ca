import { useEffect, useState } from 'preact/hooks';
import { fmtDateTime } from '../../format';
import { html } from '../../ui';

/** An invite link to hand to a village head: the address to copy or send, and its QR code to scan. */
export function InviteCard(props: { name: string; path: string; expiresAt: string }) {
  const url = new URL(props.path, location.origin).href;
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    // The QR library is loaded only here, when an invite is made.
    void import('qrcode').then((qr) =>
      qr.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(setSvg, () => setSvg(null)),
    );
  }, [url]);
  return html`<div class="invite panel" data-testid="invite">
    <p>Đường dẫn mời cho <strong>${props.name}</strong> (dùng được một lần, đến ${fmtDateTime(props.expiresAt)}):</p>
    <p><input readonly value=${url} aria-label="Đường dẫn mời" data-testid="invite-link" size="60" /></p>
    ${
      svg
        ? html`<div
            class="qr"
            role="img"
            aria-label=${`Mã QR đăng nhập cho ${props.name}`}
            data-testid="invite-qr"
            dangerouslySetInnerHTML=${{ __html: svg }}
          ></div>`
        : null
    }
    <p class="muted small">Trưởng thôn quét mã QR bằng điện thoại để mở ngay mẫu báo cáo, không cần mật khẩu.</p>
  </div>`;
}
