import { Directive, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { PACE_WINDOW_DAYS } from './rules';
import { Indicator, PopulationGroup, StudentLevel, TargetSource } from '../../../shared/vocabulary/enums';
import { listSize } from '../../common/list-size';
import { CITATION_FIELD, DEMO_FIELD } from '../../../shared/vocabulary/values';

export enum TargetStateEnum {
  MET = 'MET',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  MISSED = 'MISSED',
  NOT_MEASURED = 'NOT_MEASURED',
  CHECK_FIGURES = 'CHECK_FIGURES',
}
registerEnumType(TargetStateEnum, {
  name: 'TargetState',
  description:
    'MET (đạt); ON_TRACK (đúng tiến độ: the pace of the last 28 days reaches the threshold by the due date); AT_RISK (nguy cơ không đạt); ' +
    'MISSED (không đạt: due date passed); NOT_MEASURED (no report states the figure this indicator needs); ' +
    'CHECK_FIGURES (cần rà soát số liệu: more people are counted than the denominator holds, so the rate, shown at ' +
    '100% at most, cannot be judged; `anomaly` says by how much).',
});

/** A target as the plans subgraph gives it; this subgraph only reads the fields it needs (@requires). */
@ObjectType('Target')
@Directive('@shareable')
export class TargetFields {
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => PopulationGroup) group!: PopulationGroup;
  @Field(() => Float) threshold!: number;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => Boolean) strict!: boolean;
  @Field(() => TargetSource) source!: TargetSource;
  @Field(() => String, { nullable: true }) document!: string | null;
  @Field(() => String, CITATION_FIELD) citation!: string | null;
  @Field(() => Boolean, DEMO_FIELD) demo!: boolean;
  @Directive(listSize(3))
  @Field(() => [StudentLevel], { nullable: true })
  studentLevels!: StudentLevel[] | null;
}

@ObjectType('TargetStatus', { description: 'Where an area stands against one target (chỉ tiêu), as of a date.' })
export class TargetStatus {
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => PopulationGroup) group!: PopulationGroup;
  @Field(() => Float, { description: '0.8 = 80%.' }) threshold!: number;
  @Field(() => Boolean, {
    description: 'True when the letter says "over" (trên 50%): the threshold itself is not met.',
  })
  strict!: boolean;
  @Field(() => DateScalar) dueOn!: string;
  @Directive(listSize(3))
  @Field(() => [StudentLevel], {
    nullable: true,
    description:
      'STUDENTS only: the school levels counted ("học sinh trung học"), measured over the students the schools state ' +
      'for those levels; null: every student of the area.',
  })
  studentLevels!: StudentLevel[] | null;
  @Field(() => TargetSource, { description: 'Whose target: the commune’s own or the province’s.' })
  source!: TargetSource;
  @Field(() => String, {
    nullable: true,
    description: 'The number of the letter that set the target (số hiệu văn bản, e.g. 2027/SKHCN), when known.',
  })
  document!: string | null;
  @Field(() => String, CITATION_FIELD)
  citation!: string | null;
  @Field(() => Boolean, DEMO_FIELD)
  demo!: boolean;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'The current value as a fraction, at most 1 (a share of people); null when not measured.',
  })
  value!: number | null;
  @Field(() => Float, { nullable: true, description: 'threshold − value (0 when met).' }) gap!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: `The value projected to the due date at the pace of the last ${PACE_WINDOW_DAYS} days, at most 1.`,
  })
  projected!: number | null;
  @Field(() => TargetStateEnum) status!: TargetStateEnum;
  @Field(() => String, {
    nullable: true,
    description:
      'When more people are counted than the denominator holds (status CHECK_FIGURES): the two counts and what each ' +
      'is, in the officials’ words ("Số liệu vượt mẫu số: 24 người lao động … > 6 người lao động của …").',
  })
  anomaly!: string | null;
}
