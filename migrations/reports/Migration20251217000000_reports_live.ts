import { Migration } from '@mikro-orm/migrations';

/** The ranking last published to live subscribers, per province; and an index to replay live events by area. */
export class Migration20251217000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."rank_state" ("province_id" varchar(16) not null, "commune_id" varchar(16) not null, "position" int not null, "out_of" int not null, "as_of" date not null, "updated_at" timestamptz not null default now(), constraint "rank_state_pkey" primary key ("province_id", "commune_id"));`,
    );
    this.addSql(
      `create index "outbox_event_live_area_index" on "reports"."outbox_event" ((payload->>'areaId'), "seq") where topic = 'progress.updated';`,
    );
    this.addSql(
      `create index "outbox_event_live_province_index" on "reports"."outbox_event" ((payload->>'provinceId'), "seq") where topic = 'rank.changed';`,
    );
  }
}
