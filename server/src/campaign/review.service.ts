import { vietnamMidnight } from '../shared/vietnam-time.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NO_THREADS, unitListening } from '../dialogue/listening.js';
import { Unit } from '../units/unit.entity.js';
import { unitAsOf, type UnitLink } from '../units/unit-history.js';
import { CommendationIssuer, ModelField, RecipientKind, type WorkKind, type WorkMeasure } from './campaign.enums.js';
import type { Campaign } from './campaign.entity.js';
import type { CampaignReview, ReviewCommendationRow, ReviewFigures, ReviewWorkRow } from './review.type.js';

interface FigureRow {
  total_set: number;
  unit_set: number;
  unit_id: string | null;
  field: ModelField | null;
  registered: number;
  pending: number;
  recognised: number;
  not_recognised: number;
  withdrawn: number;
  resources: string;
}

// Totals, by unit and by field in one pass: grouping sets over the models of the scope, each
// joined to the sum of its reports. Money is summed as numeric and leaves PostgreSQL as text.
const FIGURES_SQL = `
with scope as (
  select id, unit_id, field, status from campaign_models
  where campaign_id = ? and (?::int is null or year = ?)
), report_sums as (
  select r.model_id, sum(r.resources_vnd) as resources
  from campaign_progress_reports r join scope s on s.id = r.model_id
  group by r.model_id
)
select grouping(m.unit_id, m.field) = 3 as total_set, grouping(m.unit_id) = 0 as unit_set, m.unit_id, m.field,
  (count(*) filter (where m.status <> 'WITHDRAWN'))::int as registered,
  (count(*) filter (where m.status in ('REGISTERED', 'UNDER_APPRAISAL')))::int as pending,
  (count(*) filter (where m.status = 'RECOGNISED'))::int as recognised,
  (count(*) filter (where m.status = 'NOT_RECOGNISED'))::int as not_recognised,
  (count(*) filter (where m.status = 'WITHDRAWN'))::int as withdrawn,
  coalesce(sum(t.resources) filter (where m.status <> 'WITHDRAWN'), 0)::text as resources
from scope m left join report_sums t on t.model_id = m.id
group by grouping sets ((), (m.unit_id), (m.field))`;

const COMMENDATIONS_SQL = `
select issuer, recipient_kind, count(*)::int as count, count(model_id)::int as for_models
from campaign_commendations
where campaign_id = ? and (?::int is null or year = ?)
group by issuer, recipient_kind`;

const WORKS_SQL = `
select w.kind, w.measure, sum(w.quantity)::int as quantity
from campaign_work_items w
join campaign_progress_reports r on r.id = w.report_id
join campaign_models m on m.id = r.model_id
where m.campaign_id = ? and (?::int is null or m.year = ?) and m.status <> 'WITHDRAWN'
group by w.kind, w.measure
order by w.kind, w.measure`;

const REPLICATIONS_SQL = `
select count(*)::int as count
from campaign_replications p join campaign_models m on m.id = p.model_id
where m.campaign_id = ? and (?::int is null or m.year = ?)`;

const figures = (row: FigureRow | undefined): ReviewFigures => ({
  registered: row?.registered ?? 0,
  pending: row?.pending ?? 0,
  recognised: row?.recognised ?? 0,
  notRecognised: row?.not_recognised ?? 0,
  withdrawn: row?.withdrawn ?? 0,
  resourcesVnd: BigInt(row?.resources ?? '0'),
});

const addFigures = (a: FigureRow, b: FigureRow): FigureRow => ({
  ...a,
  registered: a.registered + b.registered,
  pending: a.pending + b.pending,
  recognised: a.recognised + b.recognised,
  not_recognised: a.not_recognised + b.not_recognised,
  withdrawn: a.withdrawn + b.withdrawn,
  resources: (BigInt(a.resources) + BigInt(b.resources)).toString(),
});
/** The review's time span in Vietnam: one calendar year, or the campaign's whole period. */
export function reviewPeriod(campaign: Campaign, year: number | null): [Date, Date] {
  const first = year ?? campaign.startYear;
  const last = year ?? campaign.endYear;
  return [vietnamMidnight(`${first}-01-01`), vietnamMidnight(`${last + 1}-01-01`)];
}

export class ReviewService {
  constructor(private readonly em: EntityManager) {}

  async review(campaign: Campaign, year: number | null): Promise<CampaignReview> {
    const connection = this.em.getConnection();
    const scope = [campaign.id, year, year];
    const [figureRows, commendationRows, workRows, replicationRows] = await Promise.all([
      connection.execute<FigureRow[]>(FIGURES_SQL, scope),
      connection.execute<
        Array<{ issuer: CommendationIssuer; recipient_kind: RecipientKind; count: number; for_models: number }>
      >(COMMENDATIONS_SQL, scope),
      connection.execute<Array<{ kind: WorkKind; measure: WorkMeasure; quantity: number }>>(WORKS_SQL, scope),
      connection.execute<Array<{ count: number }>>(REPLICATIONS_SQL, scope),
    ]);

    // Each unit's models count for the unit that stood for it at the end of the period: a past
    // year by that year's units, a year after a merger by the successors. One statement loads the
    // units named and every unit a reorganisation ended; a successor not among them, one more.
    const periodEnd = new Date(reviewPeriod(campaign, year)[1].getTime() - 1);
    const namedIds = [...new Set(figureRows.filter((row) => row.unit_set && row.unit_id).map((row) => row.unit_id!))];
    const loaded = await this.em.find(Unit, { $or: [{ id: { $in: namedIds } }, { validTo: { $ne: null } }] });
    const links = new Map<string, UnitLink>(
      loaded.map((unit) => [
        unit.id,
        { id: unit.id, successorId: unit.successor?.id ?? null, validTo: unit.validTo ?? null },
      ]),
    );
    const unitRows = new Map<string, FigureRow>();
    for (const row of figureRows) {
      if (!row.unit_set || !row.unit_id) continue;
      const unitId = unitAsOf(links, row.unit_id, periodEnd);
      const sum = unitRows.get(unitId);
      unitRows.set(unitId, sum ? addFigures(sum, row) : { ...row, unit_id: unitId });
    }
    const unitById = new Map(loaded.map((unit) => [unit.id, unit]));
    const missing = [...unitRows.keys()].filter((id) => !unitById.has(id));
    if (missing.length > 0) {
      for (const unit of await this.em.find(Unit, { id: { $in: missing } })) unitById.set(unit.id, unit);
    }
    for (const id of unitById.keys()) if (!unitRows.has(id)) unitById.delete(id);
    const listening = await unitListening(this.em, [...unitById.keys()], ...reviewPeriod(campaign, year));
    const byUnit = [...unitRows.values()]
      .map((row) => ({
        ...figures(row),
        unit: unitById.get(row.unit_id!)!,
        listening: listening.get(row.unit_id!) ?? NO_THREADS,
      }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code));

    const fieldRows = new Map(figureRows.filter((row) => row.field).map((row) => [row.field, row]));
    const byField = Object.values(ModelField).map((field) => ({ ...figures(fieldRows.get(field)), field }));

    const commendations: ReviewCommendationRow[] = Object.values(CommendationIssuer).flatMap((issuer) =>
      Object.values(RecipientKind).map((recipientKind) => {
        const row = commendationRows.find((r) => r.issuer === issuer && r.recipient_kind === recipientKind);
        return { issuer, recipientKind, count: row?.count ?? 0, forModels: row?.for_models ?? 0 };
      }),
    );
    const works: ReviewWorkRow[] = workRows.map(({ kind, measure, quantity }) => ({ kind, measure, quantity }));

    return {
      campaign,
      year,
      totals: figures(figureRows.find((row) => row.total_set)),
      byUnit,
      byField,
      commendations,
      works,
      replications: replicationRows[0]?.count ?? 0,
    };
  }
}
