import { Migration } from '@mikro-orm/migrations';

/**
 * System reasons become codes with parameters, translated where they are shown: routing rules
 * (stored as English prose), overdue and escalation reasons (stored as Vietnamese prose). Rows
 * written before are rewritten from the exact texts the code wrote; what a person wrote stays.
 */
export class Migration20261129191500_reason_codes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "thread_events" add column "reason_code" text check ("reason_code" in ('ROUTED_BY_RULE', 'ROUTED_FALLBACK', 'ACKNOWLEDGE_OVERDUE', 'ANSWER_OVERDUE', 'ESCALATED_OVERDUE')) null, add column "reason_data" jsonb null;`);
    this.addSql(`update "thread_events" set "reason_code" = 'ROUTED_BY_RULE', "reason_data" = jsonb_build_object(
        'field', case when "reason" like 'rule for this field%' then 'THIS' else 'ANY' end,
        'place', case when "reason" like '% in this place%' then 'HERE'
                      when "reason" like '% in an enclosing place%' then 'ENCLOSING' else 'ANYWHERE' end),
        "reason" = null
      where "type" = 'ROUTED' and "reason" like 'rule for %';`);
    this.addSql(`update "thread_events" set "reason_code" = 'ROUTED_FALLBACK', "reason" = null
      where "type" = 'ROUTED' and "reason" like 'không có quy tắc phù hợp%';`);
    this.addSql(`update "thread_events" set "reason_code" = 'ACKNOWLEDGE_OVERDUE', "reason" = null
      where "type" = 'OVERDUE' and "reason" = 'quá hạn tiếp nhận';`);
    this.addSql(`update "thread_events" set "reason_code" = 'ANSWER_OVERDUE', "reason" = null
      where "type" = 'OVERDUE' and "reason" = 'quá hạn trả lời';`);
    this.addSql(`update "thread_events" set "reason_code" = 'ESCALATED_OVERDUE', "reason_data" = jsonb_build_object(
        'missed', case when "reason" like 'quá hạn tiếp nhận; quá hạn trả lời%' then 'BOTH'
                       when "reason" like 'quá hạn tiếp nhận%' then 'ACKNOWLEDGE' else 'ANSWER' end),
        "reason" = null
      where "type" = 'ESCALATED' and "reason" like 'quá hạn %';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "thread_events" set "reason" = case "reason_code"
        when 'ROUTED_BY_RULE' then 'rule for ' || case "reason_data"->>'field' when 'THIS' then 'this field' else 'any field' end
          || ' in ' || case "reason_data"->>'place' when 'HERE' then 'this place' when 'ENCLOSING' then 'an enclosing place' else 'anywhere' end
        when 'ROUTED_FALLBACK' then 'không có quy tắc phù hợp, chuyển đến nơi tiếp nhận chung'
        when 'ACKNOWLEDGE_OVERDUE' then 'quá hạn tiếp nhận'
        when 'ANSWER_OVERDUE' then 'quá hạn trả lời'
        when 'ESCALATED_OVERDUE' then case "reason_data"->>'missed' when 'BOTH' then 'quá hạn tiếp nhận; quá hạn trả lời'
          when 'ACKNOWLEDGE' then 'quá hạn tiếp nhận' else 'quá hạn trả lời' end
        else "reason" end
      where "reason_code" is not null;`);
    this.addSql(`alter table "thread_events" drop column "reason_code", drop column "reason_data";`);
  }
}
