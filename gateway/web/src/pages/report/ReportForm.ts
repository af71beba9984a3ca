import { useEffect, useState } from 'preact/hooks';
import { fmtDate, fmtDateTime } from '../../format';
import { enqueue, newIdempotencyKey, OUTBOX_EVENT, pending, type OutboxNews, type QueuedReport } from '../../outbox';
import { html } from '../../ui';
import { reportingFriday, todayInVietnam } from '../../../../../shared/pure/dates';
import type { PopulationGroupName, ReportMeasureName } from '../../../../../shared/pure/values';
import { initialToken, storedSession, TOKEN_KEY } from '../../session';
import { Doubts } from './Doubts';
import { FieldError } from './fields';
import { FiguresTable } from './FiguresTable';
import { levelErrorsByLevel, levelsInput, levelsOf, validateLevels, type LevelInput, type Levels } from './levels';
import { emptyMeasures, MeasureFields, measuresInput, measuresOf, validateMeasures, type Measures } from './measures';
import { Outbox } from './Outbox';
import { PeopleFields } from './PeopleFields';
import { peopleInput, peopleOf, validatePeople, type PersonRole, type PersonRow } from './people';
import { SenderField } from './SenderField';
import { StudentLevels } from './StudentLevels';
import { doubts, emptyFigures, GROUPS, parseCount, STAGES, validate, type Figures } from './validate';
import { weekNote } from './weekNote';

type GroupFigures = { group: string; registered: number; completed: number; certified: number };

/** Who the form reports for: a village or a unit, and what its form asks. */
export interface Reporter {
  id: string;
  /** The groups it reports, in the form's order. */
  groups: readonly PopulationGroupName[];
  /** Its latest figures by group: the form starts from them (reports are cumulative). */
  last: readonly GroupFigures[];
  /** What the adult measures may not exceed: a village's adults, a unit's staff (as the API checks). */
  adults: number | null | undefined;
  /** A village's adults, above which the registered are doubtful; null for a unit (its staff is checked by the commune). */
  doubtAbove: number | null | undefined;
  /** A school: its students by level. */
  levels: boolean;
  /** A school's students by level in its newest report: the form starts from them. */
  lastLevels?: readonly LevelInput[] | null;
  /** The role a named person starts with. */
  personRole: PersonRole;
  /** Who the commune handed the access code to, in a sentence ("thôn", "đơn vị"). */
  codeFor: string;
}

function figuresFrom(groups: readonly GroupFigures[]): Figures {
  const next = emptyFigures();
  for (const g of groups) {
    if (g.registered + g.completed + g.certified === 0 || !next[g.group]) continue;
    next[g.group] = {
      registered: String(g.registered),
      completed: String(g.completed),
      certified: String(g.certified),
    };
  }
  return next;
}

type Message = { kind: 'ok' | 'queued' | 'sending' | 'error'; text: string };

/**
 * The weekly report form of a village or a unit: checked as the API checks, kept in the browser's outbox while
 * offline and sent once, a refused report back in the form with the server's reasons on its fields.
 */
export function ReportForm(props: { reporter: Reporter; onSent: () => void }) {
  const { reporter } = props;
  const id = reporter.id;
  // A group the reporter stated before is shown even when its kind does not usually have it: nothing stated is lost.
  const shown = [
    ...reporter.groups,
    ...GROUPS.filter(
      (g) => !reporter.groups.includes(g) && reporter.last.some((l) => l.group === g && l.registered > 0),
    ),
  ];
  const [token, setToken] = useState(initialToken);
  // A signed-in device sends with its account's session (refreshed by the outbox): no access code to paste.
  const [session] = useState(storedSession);
  const [figures, setFigures] = useState<Figures>(() => figuresFrom(reporter.last));
  const [reportDate, setReportDate] = useState(() => reportingFriday(todayInVietnam()));
  const [note, setNote] = useState('');
  const [measures, setMeasures] = useState<Measures>(emptyMeasures);
  const [levels, setLevels] = useState<Levels>(() => levelsOf(reporter.lastLevels));
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [toConfirm, setToConfirm] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fixing, setFixing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const mine = () => pending().filter((q) => q.input.reporterId === id);
  const [queue, setQueue] = useState<QueuedReport[]>(mine);

  // A refused report back in the form: its figures, date and note, with the server's reasons on the fields.
  const fix = (item: QueuedReport) => {
    setFigures(figuresFrom(item.input.groups));
    setMeasures(measuresOf(item.input));
    setLevels(levelsOf(item.input.studentLevels));
    setPeople(peopleOf(item.input.people));
    setReportDate(item.input.reportDate);
    setNote(item.input.note ?? '');
    setErrors(levelErrorsByLevel(item.refused?.fields ?? {}, item.input.studentLevels));
    setFixing(item.input.idempotencyKey);
    setMessage({ kind: 'error', text: `Đang sửa: ${item.refused?.reasons.join('; ') ?? ''}`.trim() });
  };
  useEffect(() => {
    const onNews = (e: Event) => {
      const news = (e as CustomEvent<OutboxNews>).detail;
      setQueue(mine());
      if (news.kind === 'changed' || news.item.input.reporterId !== id) return;
      if (news.kind === 'sent') {
        setMessage({
          kind: 'ok',
          text:
            `Đã gửi báo cáo ngày ${fmtDate(news.report.reportDate)} (lần ${news.report.version}) ` +
            `lúc ${fmtDateTime(news.report.submittedAt)}.` +
            (news.report.anomalies.length ? ` Lưu ý: ${news.report.anomalies.join('; ')}` : ''),
        });
        props.onSent();
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

  const edited = () => setToConfirm([]);
  const saveToken = (value: string) => {
    setToken(value.trim());
    if (value.trim()) localStorage.setItem(TOKEN_KEY, value.trim());
    else localStorage.removeItem(TOKEN_KEY);
  };
  const submit = (e: Event, confirmed = false) => {
    e.preventDefault();
    const found = {
      ...validate(figures, reportDate, todayInVietnam()),
      ...validateMeasures(measures, reporter.adults),
      ...(reporter.levels ? validateLevels(levels, figures.STUDENTS) : {}),
      ...validatePeople(people),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({ kind: 'error', text: 'Hãy sửa các ô được đánh dấu.' });
      return;
    }
    // A doubtful figure is sent only by the confirm button, never by Enter.
    const doubtful = doubts(figures, reporter.doubtAbove, [...reporter.last]);
    if (doubtful.length > 0 && !confirmed) {
      setToConfirm(doubtful);
      setMessage(null);
      return;
    }
    setToConfirm([]);
    const groups = shown
      .filter((g) => STAGES.some((s) => figures[g][s].trim() !== ''))
      .map((g) => ({
        group: g,
        registered: parseCount(figures[g].registered) ?? 0,
        completed: parseCount(figures[g].completed) ?? 0,
        certified: parseCount(figures[g].certified) ?? 0,
      }));
    setMessage({ kind: 'sending', text: 'Đang gửi…' });
    const studentLevels = reporter.levels ? levelsInput(levels) : null;
    const named = peopleInput(people);
    enqueue(
      {
        reporterId: id,
        reportDate,
        idempotencyKey: newIdempotencyKey(),
        groups,
        ...measuresInput(measures),
        ...(studentLevels ? { studentLevels } : {}),
        ...(named ? { people: named } : {}),
        note: note.trim() || null,
      },
      token || null,
      fixing ?? undefined,
    );
    setFixing(null);
    setQueue(mine());
  };

  return html`<form class="report panel" onSubmit=${submit} novalidate data-testid="report-form">
    <${SenderField} session=${session} token=${token} codeFor=${reporter.codeFor} onToken=${saveToken} />
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
    <${FieldError} errors=${errors} field="reportDate" />
    <${FiguresTable}
      groups=${shown}
      figures=${figures}
      errors=${errors}
      onChange=${(g: string, s: string, value: string) => {
        edited();
        setFigures((old) => ({ ...old, [g]: { ...old[g], [s]: value } }));
      }}
    />
    ${
      reporter.levels
        ? html`<${StudentLevels}
            levels=${levels}
            errors=${errors}
            onChange=${(l: string, s: string, value: string) => {
              edited();
              setLevels((old) => ({ ...old, [l]: { ...old[l as keyof Levels], [s]: value } }));
            }}
          />`
        : null
    }
    <${MeasureFields}
      measures=${measures}
      errors=${errors}
      onChange=${(m: ReportMeasureName, value: string) => setMeasures((old) => ({ ...old, [m]: value }))}
    />
    <${PeopleFields} people=${people} role=${reporter.personRole} errors=${errors} onChange=${setPeople} />
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
    <${FieldError} errors=${errors} field="note" />
    <p class="muted small">
      Số liệu cộng dồn đến ngày báo cáo. Số hoàn thành không vượt số đăng ký; số được cấp chứng nhận không vượt số hoàn
      thành.
    </p>
    <button type="submit" data-testid="submit">Gửi báo cáo</button>
    <${Doubts} items=${toConfirm} onConfirm=${(e: Event) => submit(e, true)} onFix=${() => setToConfirm([])} />
    ${
      message
        ? html`<p class=${`message ${message.kind}`} data-testid="form-message" data-kind=${message.kind} role="status">
            ${message.text}
          </p>`
        : null
    }
    <${Outbox} items=${queue} onFix=${fix} />
  </form>`;
}
