import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { areaPath } from '../../../shared/pure/auth-rules';
import type { Context } from '../../common/context';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { Area } from '../entities/Area';
import { PROGRESS_UPDATED, RANK_CHANGED, type ProgressUpdatedPayload, type RankChangedPayload } from './store';
import type { LiveEvent, LiveHub } from './hub';
import type { ReportsLoaders } from '../loaders';
import { CommuneRef, ProvinceRef, UnitRef, VillageRef } from '../resolvers/refs';
import { type ApprovalScope, ProgressType, toProgressType } from '../resolvers/types';

/** The commune whose period approval a live progress shows (ids carry their commune: V02949-08 → C02949). */
function liveScope(level: string, areaId: string, provinceId: string): ApprovalScope | null {
  if (level === 'PROVINCE') return null;
  const communeId = areaPath(areaId, provinceId)?.communeId;
  return communeId ? { provinceId, communeId } : null;
}

@ObjectType('ProgressUpdate', {
  description: 'New progress of an area after a report, a portal import or a population correction.',
})
export class ProgressUpdate {
  @Field(() => ID, { description: 'Increasing; resubscribe with `after` set to the last one seen to miss nothing.' })
  eventId!: string;
  @Field(() => ID) areaId!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => String, { description: 'REPORT, PORTAL_IMPORT or POPULATION.' }) cause!: string;
  @Field(() => ProgressType) progress!: ProgressType;
  @Field(() => ProvinceRef, { nullable: true }) province!: ProvinceRef | null;
  @Field(() => CommuneRef, { nullable: true }) commune!: CommuneRef | null;
  @Field(() => VillageRef, { nullable: true }) village!: VillageRef | null;
  @Field(() => UnitRef, { nullable: true }) unit!: UnitRef | null;
}

@ObjectType('RankChange', { description: 'A commune moved in its province’s ranking.' })
export class RankChange {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) provinceId!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => Int, { nullable: true, description: 'The old position (null: newly ranked).' }) previous!: number | null;
  @Field(() => Int) position!: number;
  @Field(() => Int) outOf!: number;
  @Field(() => Int, { description: 'Places moved up (negative: down).' }) change!: number;
  @Field(() => ProgressType) progress!: ProgressType;
  @Field(() => ID, {
    nullable: true,
    description:
      'Shared by the rank changes one publication made in the province (one report, import or correction, or a ' +
      'coalesced burst): the moves of one cause, to show as one line.',
  })
  batch!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many rank changes share this batch.' })
  batchSize!: number | null;
}

type Ctx = Context<ReportsLoaders>;
interface Args {
  areaId?: string;
  provinceId?: string;
  after?: string | null;
}

function afterOf(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,15}$/.test(after))
    throw new BadInputError(bilingual('Mã sự kiện "after" không hợp lệ', 'after must be an event id'), 'after');
  return Number(after);
}

async function requireArea(ctx: Ctx, id: string, level?: Area['level']): Promise<void> {
  const area = await ctx.em.findOne(Area, { id });
  if (!area || (level && area.level !== level)) {
    throw new NotFoundError(
      bilingual(
        `Không tìm thấy ${level === 'PROVINCE' ? 'tỉnh' : 'khu vực'} có mã "${id}" để theo dõi`,
        `no ${level?.toLowerCase() ?? 'area'} has id ${id}`,
      ),
    );
  }
}

/**
 * The live events after `after`, replayed first — or RELOAD_REQUIRED when the gap reaches beyond the replay
 * retention, so a client never silently misses events (docs/subscriptions.md).
 */
async function eventsAfter(
  hub: LiveHub,
  topic: string,
  key: 'areaId' | 'provinceId',
  value: string,
  after: number | null,
): Promise<AsyncIterableIterator<LiveEvent>> {
  const gap = after === null ? null : await hub.replayGap(topic, key, value, after);
  if (gap?.reason === 'ahead') {
    throw new GraphQLError(
      bilingual(
        `Mã sự kiện ${after} mới hơn sự kiện mới nhất của hệ thống (dữ liệu có thể vừa được khôi phục); hãy tải lại trang để xem số liệu hiện tại`,
        `event ${after} is beyond the newest event (the data may have been restored from a backup); reload the current figures, then subscribe without after`,
      ),
      { extensions: { code: 'RELOAD_REQUIRED' } },
    );
  }
  if (gap) {
    throw new GraphQLError(
      bilingual(
        `Đã mất kết nối quá lâu: các sự kiện sau mã ${after} đã quá ${gap.retentionHours} giờ nên không gửi lại được; hãy tải lại trang để xem số liệu mới nhất`,
        `the events after ${after} are beyond the replay retention (${gap.retentionHours} h); reload the current figures, then subscribe without after`,
      ),
      { extensions: { code: 'RELOAD_REQUIRED' } },
    );
  }
  return hub.subscribe(topic, key, value, after);
}

@Resolver()
export class LiveResolver {
  @Query(() => ID, {
    description:
      'The id of the latest live event ("0" before any). A page that asks it with its figures, in the same query, ' +
      'subscribes with `after` set to it and so misses nothing that happened since, without loading its figures again.',
  })
  async liveCursor(@Ctx() { em }: Ctx): Promise<string> {
    const rows = await em
      .getConnection()
      .execute<Array<{ seq: string | null }>>('select max(seq) as seq from reports.outbox_event');
    return String(rows[0]?.seq ?? 0);
  }

  @Subscription(() => ProgressUpdate, {
    description:
      'Progress of a village, unit, commune or province, each time it changes. `after`: replay events after this id first.',
    subscribe: async ({ args, context }: { args: Args; context: Ctx }) => {
      const after = afterOf(args.after);
      await requireArea(context, args.areaId!);
      return eventsAfter(context.loaders.live(), PROGRESS_UPDATED, 'areaId', args.areaId!, after);
    },
  })
  progressUpdated(
    @Root() event: LiveEvent<ProgressUpdatedPayload>,
    @Arg('areaId', () => ID) _areaId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): ProgressUpdate {
    const p = event.payload;
    const ref = { id: p.areaId };
    return {
      eventId: String(event.seq),
      areaId: p.areaId,
      asOf: p.asOf,
      cause: p.cause,
      progress: toProgressType(p.progress, liveScope(p.level, p.areaId, p.provinceId)),
      province: p.level === 'PROVINCE' ? ref : null,
      commune: p.level === 'COMMUNE' ? ref : null,
      village: p.level === 'VILLAGE' ? ref : null,
      unit: p.level === 'UNIT' ? ref : null,
    };
  }

  @Subscription(() => RankChange, {
    description:
      'Each change of a commune’s position in the province’s ranking. `after`: replay events after this id first.',
    subscribe: async ({ args, context }: { args: Args; context: Ctx }) => {
      const after = afterOf(args.after);
      await requireArea(context, args.provinceId!, 'PROVINCE');
      return eventsAfter(context.loaders.live(), RANK_CHANGED, 'provinceId', args.provinceId!, after);
    },
  })
  rankChanged(
    @Root() event: LiveEvent<RankChangedPayload>,
    @Arg('provinceId', () => ID) _provinceId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): RankChange {
    const p = event.payload;
    return {
      eventId: String(event.seq),
      provinceId: p.provinceId,
      asOf: p.asOf,
      commune: { id: p.communeId },
      previous: p.previous,
      position: p.position,
      outOf: p.outOf,
      change: p.change,
      progress: toProgressType(p.progress, { provinceId: p.provinceId, communeId: p.communeId }),
      batch: p.batch ?? null,
      batchSize: p.batchSize ?? null,
    };
  }
}
