/**
 * Checks a commune plan before anything is written, against what the plans subgraph knows of areas and directives
 * (its projections of registry and directives events). Plain function: the caller looks the facts up first.
 */
import { isIsoDate, viDate } from '../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import { requireText, validateDeadlines, validateProvenance, validateTargets } from '../../shared/vocabulary/checks';
import type { AreaFacts, DirectiveFacts, PlanContent, RewardRuleData, SessionData, TaskData } from './model';

export interface PlanLookups {
  commune: AreaFacts | null;
  directives: Map<string, DirectiveFacts>;
  areas: Map<string, AreaFacts>;
}

function date(value: string, field: string, label: string): string {
  if (!isIsoDate(value))
    throw new BadInputError(
      bilingual(`${label} không hợp lệ; hãy nhập theo dạng YYYY-MM-DD`, `${field} must be a date`),
      field,
    );
  return value;
}

const share = (v: number | null | undefined, field: string) => {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v) || v < 0 || v > 1) {
    throw new BadInputError(
      bilingual(`Tỷ lệ phải từ 0 đến 1 (ví dụ 0.7 là 70%), đã nhập ${v}`, `${field} must be between 0 and 1`),
      field,
    );
  }
  return v;
};

/** The area must be a village or unit of the plan's commune. */
function areaOfCommune(
  id: string,
  communeId: string,
  communeName: string,
  lookups: PlanLookups,
  field: string,
  levels: Array<'VILLAGE' | 'UNIT'>,
): AreaFacts {
  const area = lookups.areas.get(id);
  const what = levels.length === 1 ? 'thôn, tổ dân phố' : 'thôn hoặc cơ quan, đơn vị';
  if (!area || !levels.includes(area.level as 'VILLAGE' | 'UNIT')) {
    throw new BadInputError(
      bilingual(`Không tìm thấy ${what} có mã "${id}"`, `no ${levels.join(' or ').toLowerCase()} has id ${id}`),
      field,
    );
  }
  if (area.communeId !== communeId) {
    throw new BadInputError(
      bilingual(
        `${area.name} (${id}) không thuộc xã ${communeName}; chỉ giao nhiệm vụ cho thôn, đơn vị của xã`,
        `${id} belongs to another commune (${area.communeId}), not ${communeId}`,
      ),
      field,
    );
  }
  return area;
}

export function validatePlan(communeId: string, input: PlanContent, lookups: PlanLookups): PlanContent {
  const commune = lookups.commune;
  if (!commune || commune.level !== 'COMMUNE') {
    throw new NotFoundError(
      bilingual(`Không tìm thấy xã, phường có mã "${communeId}"`, `no commune has id ${communeId}`),
    );
  }
  const issuedOn = date(input.issuedOn, 'issuedOn', 'Ngày ban hành');
  const number = requireText(input.number, 'number', 'Số kế hoạch', 60);
  const title = requireText(input.title, 'title', 'Trích yếu', 400);
  const directiveIds = [...new Set(input.directiveIds)];
  if (directiveIds.length === 0) {
    throw new BadInputError(
      bilingual('Kế hoạch phải thực hiện ít nhất một văn bản của tỉnh', 'a plan implements at least one directive'),
      'implements',
    );
  }
  for (const id of directiveIds) {
    const d = lookups.directives.get(id);
    if (!d) {
      throw new BadInputError(
        bilingual(
          `Không tìm thấy văn bản của tỉnh có mã "${id}" để thực hiện`,
          `the plan implements an unknown directive ${id}`,
        ),
        'implements',
      );
    }
    if (d.provinceId !== commune.provinceId) {
      throw new BadInputError(
        bilingual(
          `Văn bản ${d.number} không phải của tỉnh quản lý xã ${commune.name}`,
          `directive ${id} is of another province`,
        ),
        'implements',
      );
    }
    if (d.status === 'WITHDRAWN') {
      throw new BadInputError(
        bilingual(`Văn bản ${d.number} đã bị thu hồi`, `directive ${id} was withdrawn`),
        'implements',
      );
    }
  }
  const tasks: TaskData[] = input.tasks.map((t, i) => {
    const f = `tasks[${i}]`;
    areaOfCommune(t.assigneeId, communeId, commune.name, lookups, `${f}.assigneeId`, ['VILLAGE', 'UNIT']);
    const dueOn = date(t.dueOn, `${f}.dueOn`, 'Hạn hoàn thành nhiệm vụ');
    if (dueOn < issuedOn) {
      throw new BadInputError(
        bilingual(
          `Hạn nhiệm vụ (${viDate(dueOn)}) không thể trước ngày ban hành kế hoạch (${viDate(issuedOn)})`,
          `task due ${dueOn} before the plan's issue date ${issuedOn}`,
        ),
        `${f}.dueOn`,
      );
    }
    return {
      title: requireText(t.title, `${f}.title`, 'Nội dung nhiệm vụ', 400),
      assigneeId: t.assigneeId,
      dueOn,
      status: t.status ?? 'TODO',
    };
  });
  const sessions: SessionData[] = input.sessions.map((s, i) => {
    const f = `sessions[${i}]`;
    const heldOn = date(s.heldOn, `${f}.heldOn`, 'Ngày tổ chức');
    if (heldOn < issuedOn) {
      throw new BadInputError(
        bilingual(
          `Ngày tổ chức (${viDate(heldOn)}) không thể trước ngày ban hành kế hoạch`,
          `session before the plan's issue date`,
        ),
        `${f}.heldOn`,
      );
    }
    for (const v of s.villageIds) areaOfCommune(v, communeId, commune.name, lookups, `${f}.villageIds`, ['VILLAGE']);
    return {
      heldOn,
      dayPart: s.dayPart ?? null,
      venue: requireText(s.venue, `${f}.venue`, 'Địa điểm', 300),
      villageIds: [...new Set(s.villageIds)],
      note: s.note?.trim() || null,
    };
  });
  const rewardRules: RewardRuleData[] = input.rewardRules.map((r, i) => {
    const f = `rewardRules[${i}]`;
    if (r.minGuided != null && r.maxGuided != null && r.maxGuided < r.minGuided) {
      throw new BadInputError(
        bilingual('Số người hướng dẫn tối đa không thể nhỏ hơn tối thiểu', 'maxGuided is below minGuided'),
        `${f}.maxGuided`,
      );
    }
    if ((r.minGuided ?? 0) < 0)
      throw new BadInputError(bilingual('Số người hướng dẫn không thể âm', 'minGuided is negative'), `${f}.minGuided`);
    for (const key of ['minAwardees', 'maxAwardees'] as const)
      if (r[key] != null && r[key] < 1)
        throw new BadInputError(
          bilingual('Số lượng khen thưởng phải từ 1 trở lên', `${key} is below 1`),
          `${f}.${key}`,
        );
    if (r.minAwardees != null && r.maxAwardees != null && r.maxAwardees < r.minAwardees)
      throw new BadInputError(
        bilingual('Số lượng khen thưởng tối đa không thể nhỏ hơn tối thiểu', 'maxAwardees is below minAwardees'),
        `${f}.maxAwardees`,
      );
    return {
      subject: r.subject,
      certifiedShare: share(r.certifiedShare, `${f}.certifiedShare`),
      guidingShare: share(r.guidingShare, `${f}.guidingShare`),
      minGuided: r.minGuided ?? null,
      maxGuided: r.maxGuided ?? null,
      minAwardees: r.minAwardees ?? null,
      maxAwardees: r.maxAwardees ?? null,
      description: requireText(r.description, `${f}.description`, 'Mô tả tiêu chí', 500),
      ...validateProvenance(r, f),
    };
  });
  return {
    number,
    title,
    issuedOn,
    directiveIds,
    replacesNumber: input.replacesNumber?.trim() || null,
    targets: validateTargets(input.targets, issuedOn),
    reportingDeadlines: validateDeadlines(input.reportingDeadlines, issuedOn),
    rewardRules,
    tasks,
    sessions,
  };
}
