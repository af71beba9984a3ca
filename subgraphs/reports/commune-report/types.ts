/** The GraphQL types of communes' periodic reports (resolvers in resolvers.ts). */
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { CommuneRef } from '../resolvers/refs';
import { TargetFields } from '../targets/types';
import {
  listSize,
  COMMUNES_PER_PROVINCE,
  FIGURE_GROUPS,
  UNITS_PER_COMMUNE,
  VILLAGES_PER_COMMUNE,
} from '../../common/list-size';

export enum CommuneReportStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(CommuneReportStatusEnum, {
  name: 'CommuneReportStatus',
  description:
    'đang soạn (DRAFT) → đã gửi (SUBMITTED) → bị trả lại (RETURNED, sửa và gửi lại) hoặc đã tiếp nhận (ACCEPTED).',
});

export enum FollowUpStateEnum {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  DRAFT = 'DRAFT',
  MISSING = 'MISSING',
}
registerEnumType(FollowUpStateEnum, {
  name: 'ReportFollowUpState',
  description:
    'gửi đúng hạn (ON_TIME), gửi trễ (LATE), mới có bản nháp hoặc bị trả lại chưa gửi lại (DRAFT), chưa có (MISSING).',
});

@ObjectType('ReportGroupFigures')
export class ReportGroupFigures {
  @Field(() => String) group!: string;
  @Field(() => Int) registered!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) certified!: number;
}

@ObjectType('ReportAreaFigures', { description: 'A village or unit of the commune in the report.' })
export class ReportAreaFigures {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'VILLAGE or UNIT.' }) level!: string;
  @Field(() => String, { nullable: true, description: 'The commune it belonged to before the 2025 merger.' })
  formerCommune!: string | null;
  @Field(() => Int) learners!: number;
  @Field(() => Int, { nullable: true }) adults!: number | null;
  @Field(() => Float, { nullable: true }) participationRate!: number | null;
  @Field(() => DateScalar, { nullable: true }) figuresDate!: string | null;
}

@ObjectType('ReportMissingArea')
export class ReportMissingArea {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) level!: string;
}

@ObjectType('ReportRank')
export class ReportRank {
  @Field(() => Int) position!: number;
  @Field(() => Int) outOf!: number;
  @Field(() => Int, { nullable: true }) previous!: number | null;
  @Field(() => Int, { nullable: true, description: 'Places moved up (negative: down).' }) change!: number | null;
}

@ObjectType('ReportFigures', { description: 'The figures a commune report states, as of `asOf`.' })
export class ReportFigures {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) learners!: number;
  @Field(() => Int, { nullable: true }) adults!: number | null;
  @Field(() => Float, { nullable: true }) participationRate!: number | null;
  @Field(() => DateScalar, { nullable: true }) figuresDate!: string | null;
  @Directive(listSize(FIGURE_GROUPS))
  @Field(() => [ReportGroupFigures])
  groups!: ReportGroupFigures[];
  @Directive(listSize(VILLAGES_PER_COMMUNE + UNITS_PER_COMMUNE))
  @Field(() => [ReportAreaFigures])
  villages!: ReportAreaFigures[];
  @Field(() => ReportRank, { nullable: true }) rank!: ReportRank | null;
  @Directive(listSize(VILLAGES_PER_COMMUNE + UNITS_PER_COMMUNE))
  @Field(() => [ReportMissingArea], { description: 'Villages and units with no report by `asOf`.' })
  notReported!: ReportMissingArea[];
}

@ObjectType('CommuneReport', {
  description:
    'A commune’s periodic report to the province for a reporting request (a directive’s one-off deadline): the ' +
    'figures the hub drafts, the commune’s own sections, and its state.',
})
@Directive('@key(fields: "id")')
export class CommuneReportType {
  @Field(() => Int) id!: number;
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => String) directiveId!: string;
  @Field(() => String, { description: 'The directive’s number, e.g. 639/SKHCN-BCVT&CĐS.' }) directiveNumber!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => Date, { description: 'When the request’s deadline passes.' }) deadline!: Date;
  @Field(() => CommuneReportStatusEnum) status!: CommuneReportStatusEnum;
  @Field(() => String, { nullable: true, description: 'The commune’s document number.' }) number!: string | null;
  @Field(() => String, { nullable: true, description: 'Khó khăn, vướng mắc.' }) difficulties!: string | null;
  @Field(() => String, { nullable: true, description: 'Đề xuất, kiến nghị.' }) proposals!: string | null;
  @Field(() => Date, { nullable: true }) firstSubmittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the first submission was by the deadline.' })
  onTime!: boolean | null;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was returned, or the note of its acceptance.' })
  reviewNote!: string | null;
  @Field(() => Int) revision!: number;
  @Field(() => Date) updatedAt!: Date;

  /** Resolved by the plans subgraph (the targets in force at the submission); present only where @required. */
  @Directive('@external')
  @Field(() => [TargetFields], { nullable: true })
  frozenTargets?: TargetFields[] | null;
}

@ObjectType('CommuneReportFollowUp')
export class CommuneFollowUp {
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => String) name!: string;
  @Field(() => FollowUpStateEnum) state!: FollowUpStateEnum;
  @Field(() => CommuneReportStatusEnum, { nullable: true }) status!: CommuneReportStatusEnum | null;
  @Field(() => Int, { nullable: true, description: 'The report (CommuneReport.id), when there is one.' })
  reportId!: number | null;
  @Field(() => Date, { nullable: true }) firstSubmittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
}

@ObjectType('ReportingRequestFollowUp', {
  description: 'Which communes submitted their report for a reporting request, on time or late, and which did not.',
})
export class RequestFollowUp {
  @Field(() => String) directiveId!: string;
  @Field(() => String) directiveNumber!: string;
  @Field(() => String, { description: 'What is asked, in the letter’s words.' }) subject!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int, { description: 'Communes with a draft or a returned report not yet resubmitted.' }) draft!: number;
  @Field(() => Int) missing!: number;
  @Directive(listSize(COMMUNES_PER_PROVINCE))
  @Field(() => [CommuneFollowUp], { description: 'Missing first, then drafts, late, on time; by name within each.' })
  communes!: CommuneFollowUp[];
}
