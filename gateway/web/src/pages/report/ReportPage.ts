import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtDateTime, fmtInt } from '../../format';
import type { VillageQueryVariables } from '../../generated/graphql';
import { QUERY, type VillageData } from './query';
import { enqueue, newIdempotencyKey, OUTBOX_EVENT, pending, type OutboxNews, type QueuedReport } from '../../outbox';
import { ErrorBox, html, Layout, Loading, NotFound } from '../../ui';
import { Outbox } from './Outbox';
import { useVillage } from './useVillage';
import { reportingFriday, todayInVietnam } from '../../../../../shared/pure/dates';
import { weekNote } from './weekNote';
import { initialToken, storedSession, TOKEN_KEY } from '../../session';
import { Doubts } from './Doubts';
import {
  doubts,
  emptyFigures,
  GROUPS,
  parseCount,
  STAGE_VI,
  STAGES,
  validate,
  type Figures,
  type Stage,
} from './validate';
import { GROUP_VI, type ReportMeasureName } from '../../../../../shared/pure/values';
import { emptyMeasures, MeasureFields, measuresInput, measuresOf, validateMeasures, type Measures } from './measures';

/**
 * A village's weekly report form: checked as the API checks, kept in the browser's outbox while offline, and opened
 * from this browser's copy of the village when there is no signal (the service worker keeps the page itself).
 */
export function ReportPage(props: { id: string }) {
  const { id } = props;
  const live = useVillage<VillageData>(id, () => gql<VillageData>(QUERY, { id } satisfies VillageQueryVariables));
  const [token, setToken] = useState(initialToken);
  // A signed-in device sends with its account's session (refreshed by the outbox): no access code to paste.
  const [session] = useState(storedSession);
  const [figures, setFigures] = useState<Figures>(emptyFigures);
  const [prefilled, setPrefilled] = useState(false);
  const [reportDate, setReportDate] = useState(() => reportingFriday(todayInVietnam()));
  const [note, setNote] = useState('');
  const [measures, setMeasures] = useState<Measures>(emptyMeasures);
  const [toConfirm, setToConfirm] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fixing, setFixing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'queued' | 'sending' | 'error'; text: string } | null>(null);
  const [queue, setQueue] = useState<QueuedReport[]>(() => pending().filter((q) => q.input.reporterId === id));

  // Start from the latest figures (reports are cumulative).
  useEffect(() => {
    const groups = live.data?.village?.progress.groups;
    if (prefilled || !live.data?.village) return;
    setPrefilled(true);
    if (!groups) return;
    setFigures((old) => {
      const next = { ...old };
      for (const g of groups) {
        if (g.registered + g.completed + g.certified === 0) continue;
        next[g.group] = {
          registered: String(g.registered),
          completed: String(g.completed),
          certified: String(g.certified),
        };
      }
      return next;
    });
  }, [live.data]);

  // A refused report back in the form: its figures, date and note, with the server's reasons on the fields.
  const fix = (item: QueuedReport) => {
    const next = emptyFigures();
    for (const g of item.input.groups) {
      next[g.group] = {
        registered: String(g.registered),
        completed: String(g.completed),
        certified: String(g.certified),
      };
    }
    setFigures(next);
    setMeasures(measuresOf(item.input));
    setReportDate(item.input.reportDate);
    setNote(item.input.note ?? '');
    setErrors(item.refused?.fields ?? {});
    setFixing(item.input.idempotencyKey);
    setMessage({ kind: 'error', text: `Đang sửa: ${item.refused?.reasons.join('; ') ?? ''}`.trim() });
  };
  useEffect(() => {
    const onNews = (e: Event) => {
      const news = (e as CustomEvent<OutboxNews>).detail;
      setQueue(pending().filter((q) => q.input.reporterId === id));
      if (news.kind === 'changed' || news.item.input.reporterId !== id) return;
      if (news.kind === 'sent') {
        setMessage({
          kind: 'ok',
          text:
            `Đã gửi báo cáo ngày ${fmtDate(news.report.reportDate)} (lần ${news.report.version}) ` +
            `lúc ${fmtDateTime(news.report.submittedAt)}.` +
            (news.report.anomalies.length ? ` Lưu ý: ${news.report.anomalies.join('; ')}` : ''),
        });
        live.refresh();
      } else if (news.kind === 'waiting') {
        setMessage({
          kind: 'queued',
          text: 'Không có kết nối: báo cáo đã được lưu trong máy và sẽ tự gửi khi có mạng trở lại.',
        });
      } else if (news.kind === 'rejected') {
        // Back in the form with the reasons by their fields; it also stays in the outbox until resent or deleted.
        fix(news.item);
        setMessage({
          kind: 'error',
          text: 'Báo cáo chưa được nhận: xem lý do bên dưới, sửa rồi gửi lại. Số liệu vẫn được giữ trong máy.',
        });
      }
    };
    window.addEventListener(OUTBOX_EVENT, onNews);
    return () => window.removeEventListener(OUTBOX_EVENT, onNews);
  }, [id]);

  if (live.error) return html`<${Layout} title="Báo cáo tuần"><${ErrorBox} error=${live.error} /><//>`;
  if (!live.data) return html`<${Layout} title="Báo cáo tuần"><${Loading} /><//>`;
  const v = live.data.village;
  if (!v) return html`<${NotFound} what=${`thôn có mã "${id}"`} />`;

  const set = (g: string, s: Stage, value: string) => {
    setToConfirm([]);
    setFigures((old) => ({ ...old, [g]: { ...old[g], [s]: value } }));
  };
  const saveToken = (value: string) => {
    setToken(value.trim());
    if (value.trim()) localStorage.setItem(TOKEN_KEY, value.trim());
    else localStorage.removeItem(TOKEN_KEY);
  };
  const submit = (e: Event, confirmed = false) => {
    e.preventDefault();
    const found = {
      ...validate(figures, reportDate, todayInVietnam()),
      ...validateMeasures(measures, v.population?.adults),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({ kind: 'error', text: 'Hãy sửa các ô được đánh dấu.' });
      return;
    }
    // A doubtful figure is sent only by the confirm button, never by Enter.
    const doubtful = doubts(figures, v.population?.adults, v.progress.groups ?? []);
    if (doubtful.length > 0 && !confirmed) {
      setToConfirm(doubtful);
      setMessage(null);
      return;
    }
    setToConfirm([]);
    const groups = GROUPS.filter((g) => STAGES.some((s) => figures[g][s].trim() !== '')).map((g) => ({
      group: g,
      registered: parseCount(figures[g].registered) ?? 0,
      completed: parseCount(figures[g].completed) ?? 0,
      certified: parseCount(figures[g].certified) ?? 0,
    }));
    setMessage({ kind: 'sending', text: 'Đang gửi…' });
    enqueue(
      {
        reporterId: v.id,
        reportDate,
        idempotencyKey: newIdempotencyKey(),
        groups,
        ...measuresInput(measures),
        note: note.trim() || null,
      },
      token || null,
      fixing ?? undefined,
    );
    setFixing(null);
    setQueue(pending().filter((q) => q.input.reporterId === id));
  };
  const fieldError = (field: string) =>
    errors[field] ? html`<div class="field-error" data-field=${field} role="alert">${errors[field]}</div>` : null;

  const former = v.formerCommune ? ` (xã cũ ${v.formerCommune})` : '';
  return html`<${Layout}
    title=${`Báo cáo tuần — ${v.name}`}
    subtitle=${
      `${v.commune.name}${former} · ${fmtInt(v.population?.adults)} người trưởng thành · ` +
      `số liệu gần nhất ngày ${fmtDate(v.progress.figuresDate)}`
    }
    nav=${html`<a href=${`/commune/${v.commune.id}`}>← Trang xã ${v.commune.name}</a>`}
    status=${
      live.offline
        ? html`<p class="offline-note" role="status" data-testid="offline-note">
            Không có mạng: thông tin thôn lưu trong máy lúc ${fmtDateTime(live.savedAt)}. Báo cáo gửi lúc này được giữ
            trong máy và tự gửi khi có mạng.
          </p>`
        : null
    }
  >
    <form class="report panel" onSubmit=${submit} novalidate data-testid="report-form">
      ${
        session
          ? html`<p class="signed-in muted" data-testid="signed-in-as">
              Gửi báo cáo với tài khoản <strong>${session.name}</strong>.${' '}
              <a href=${`/login?next=${encodeURIComponent(location.pathname)}`}>Đăng nhập tài khoản khác</a>
            </p>`
          : html`<fieldset class="token">
              <legend>Mã gửi báo cáo do xã cấp</legend>
              <input
                type="password"
                name="token"
                autocomplete="off"
                placeholder="Dán mã gửi báo cáo xã đã gửi cho thôn"
                value=${token}
                onChange=${(e: Event) => saveToken((e.target as HTMLInputElement).value)}
                data-testid="token"
              />
              <span class="muted small"
                >${token ? 'Đã lưu trong trình duyệt này.' : 'Chưa có mã: xem được số liệu nhưng chưa gửi được.'}</span
              >
            </fieldset>`
      }
      <label class="inline"
        >Ngày báo cáo
        <input
          type="date"
          name="reportDate"
          value=${reportDate}
          max=${todayInVietnam()}
          onInput=${(e: Event) => setReportDate((e.target as HTMLInputElement).value)}
          data-testid="reportDate"
        />
        <span class="muted">${reportDate ? fmtDate(reportDate) : ''}</span></label
      >
      <p class="muted small" data-testid="report-week">${weekNote(reportDate, todayInVietnam())}</p>
      ${fieldError('reportDate')}
      <table class="figures">
        <thead>
          <tr>
            <th>Nhóm</th>
            ${STAGES.map((s) => html`<th>${STAGE_VI[s]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${GROUPS.map(
            (g) =>
              html`<tr>
                <th scope="row">${GROUP_VI[g]}</th>
                ${STAGES.map(
                  (s) =>
                    html`<td class=${errors[`groups.${g}.${s}`] ? 'invalid' : ''}>
                      <input
                        inputmode="decimal"
                        name=${`groups.${g}.${s}`}
                        data-testid=${`groups.${g}.${s}`}
                        value=${figures[g][s]}
                        aria-label=${`${GROUP_VI[g]} — ${STAGE_VI[s]}`}
                        aria-invalid=${errors[`groups.${g}.${s}`] ? 'true' : 'false'}
                        onInput=${(e: Event) => set(g, s, (e.target as HTMLInputElement).value)}
                      />
                      ${fieldError(`groups.${g}.${s}`)}
                    </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
      ${fieldError('groups')}
      <${MeasureFields}
        measures=${measures}
        errors=${errors}
        onChange=${(m: ReportMeasureName, value: string) => setMeasures((old) => ({ ...old, [m]: value }))}
      />
      <label
        >Ghi chú
        <textarea
          name="note"
          rows="2"
          maxlength="1000"
          value=${note}
          onInput=${(e: Event) => setNote((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      ${fieldError('note')}
      <p class="muted small">
        Số liệu cộng dồn đến ngày báo cáo. Số hoàn thành không vượt số đăng ký; số được cấp chứng nhận không vượt số
        hoàn thành.
      </p>
      <button type="submit" data-testid="submit">Gửi báo cáo</button>
      <${Doubts} items=${toConfirm} onConfirm=${(e: Event) => submit(e, true)} onFix=${() => setToConfirm([])} />
      ${
        message
          ? html`<p
              class=${`message ${message.kind}`}
              data-testid="form-message"
              data-kind=${message.kind}
              role="status"
            >
              ${message.text}
            </p>`
          : null
      }
      <${Outbox} items=${queue} onFix=${fix} />
    </form>
  <//>`;
}
