import { useEffect, useState } from 'preact/hooks';
import { fmtDateTime } from '../../format';
import { html } from '../../ui';

/** An invite link to hand to a village head or a unit's reporter: the address to copy or send, and its QR code. */
export function InviteCard(props: { name: string; path: string; expiresAt: string }) {
  const url = new URL(props.path, location.origin).href;
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied('Đã sao chép đường dẫn: dán vào tin nhắn Zalo hoặc SMS gửi người được mời.'),
      () => setCopied('Không sao chép được; hãy chọn đường dẫn ở trên rồi sao chép.'),
    );
  // Where the phone offers it (Zalo, SMS, mail), the link goes straight to the one invited.
  const canShare = typeof navigator.share === 'function';
  const share = () =>
    navigator
      .share({ title: 'Đường dẫn báo cáo tuần', text: `Đường dẫn mời cho ${props.name}`, url })
      .catch(() => undefined);
  useEffect(() => {
    // The QR library is loaded only here, when an invite is made.
    void import('qrcode').then((qr) =>
      qr.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(setSvg, () => setSvg(null)),
    );
  }, [url]);
  return html`<div class="invite panel" data-testid="invite">
    <p>Đường dẫn mời cho <strong>${props.name}</strong> (dùng được một lần, đến ${fmtDateTime(props.expiresAt)}):</p>
    <p><input readonly value=${url} aria-label="Đường dẫn mời" data-testid="invite-link" size="60" /></p>
    <p>
      <button type="button" onClick=${copy} data-testid="invite-copy">Sao chép đường dẫn</button>
      ${canShare ? html` <button type="button" onClick=${share} data-testid="invite-share">Chia sẻ…</button>` : null}
    </p>
    ${copied ? html`<p class="muted small" role="status" data-testid="invite-copied">${copied}</p>` : null}
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
    <p class="muted small">Người được mời quét mã QR bằng điện thoại để mở ngay mẫu báo cáo, không cần mật khẩu.</p>
  </div>`;
}
