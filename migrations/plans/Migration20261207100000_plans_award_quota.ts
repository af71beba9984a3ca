import { Migration } from '@mikro-orm/migrations';

/**
 * Reward rules gain how many are rewarded (minAwardees, maxAwardees; the rules are JSON, so no column changes). The
 * demo data of an existing installation read Ba Tô's "Số lượng khen thưởng từ 5-10 cá nhân" (004 §4.1) as each
 * official guiding 5–10 people; it is how many officials are rewarded. This restates that one rule as new data is
 * seeded; a plan an official entered is left as it was written.
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "plans"."commune_plan" p set "reward_rules" = (
      select jsonb_agg(case when r->>'subject' = 'OFFICIAL'
        then r || '{"maxGuided": null, "minAwardees": 5, "maxAwardees": 10, "description": "CBCCVC: có giấy chứng nhận và hướng dẫn tối thiểu 5 người dân trong độ tuổi lao động; số lượng khen thưởng từ 5–10 cá nhân"}'::jsonb
        else r end order by e.n)
      from jsonb_array_elements(p."reward_rules") with ordinality as e(r, n))
    where p."demo" and p."reward_rules" @> '[{"subject": "OFFICIAL", "minGuided": 5, "maxGuided": 10}]'::jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "plans"."commune_plan" p set "reward_rules" = (
      select jsonb_agg(case when r->>'subject' = 'OFFICIAL' and (r->>'maxAwardees')::int = 10
        then (r - 'minAwardees' - 'maxAwardees') || '{"maxGuided": 10}'::jsonb
        else r end order by e.n)
      from jsonb_array_elements(p."reward_rules") with ordinality as e(r, n))
    where p."demo" and p."reward_rules" @> '[{"subject": "OFFICIAL", "maxAwardees": 10}]'::jsonb;`);
  }
}
