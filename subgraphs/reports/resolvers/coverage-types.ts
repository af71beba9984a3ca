import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { listSize, FIGURE_DATES_PER_AREA } from '../../common/list-size';

@ObjectType('FiguresDateCount', {
  description: 'How many villages (thôn, tổ dân phố) and units (đơn vị) have their latest figures dated `date`.',
})
export class FiguresDateCount {
  @Field(() => DateScalar) date!: string;
  @Field(() => Int) villages!: number;
  @Field(() => Int) units!: number;
}

@ObjectType('FiguresCoverage', {
  description:
    'How much of the area its figures cover, so that one fresh report does not make old figures look current: ' +
    '"1/1.120 thôn có số liệu ngày 04/12/2026". Counts the latest report of each village and unit on or before ' +
    '`asOf` (portal and national-platform rows are per commune and not counted here).',
})
export class FiguresCoverage {
  @Field(() => Int, { description: 'Villages (thôn, tổ dân phố) in the area.' }) villages!: number;
  @Field(() => Int, { description: 'Villages with any report (có số liệu).' }) villagesWithFigures!: number;
  @Field(() => Int, { description: 'Villages whose latest report is dated the progress’s `figuresDate`.' })
  villagesAtFiguresDate!: number;
  @Field(() => Int, { description: 'Units (đơn vị: offices, schools, enterprises…) in the area.' }) units!: number;
  @Field(() => Int, { description: 'Units with any report.' }) unitsWithFigures!: number;
  @Field(() => Int, { description: 'Units whose latest report is dated the progress’s `figuresDate`.' })
  unitsAtFiguresDate!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The date most figures have: the newest date that more than half of the villages with figures have reached ' +
      '(the lower median of their latest report dates; units when no village has reported). Warn about stale ' +
      'figures by this date, not by `figuresDate`. Null when no village or unit has reported.',
  })
  commonFiguresDate!: string | null;
  @Directive(listSize(FIGURE_DATES_PER_AREA))
  @Field(() => [FiguresDateCount], {
    description: 'Each latest-report date and how many villages and units have it, newest first.',
  })
  dates!: FiguresDateCount[];
}
