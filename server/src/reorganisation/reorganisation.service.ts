import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { withEventLog, type EventRecorder } from '../dialogue/event-log.js';
import { SYSTEM_NAME } from '../dialogue/posting.service.js';
import { RoutingRule } from '../dialogue/routing-rule.entity.js';
import { Thread, THREAD_RELATIONS } from '../dialogue/thread.entity.js';
import { ReasonCode } from '../dialogue/event-reason.js';
import { ThreadEventType } from '../dialogue/thread-event.entity.js';
import { readsPersonalData, scopeOf, threadAccess } from '../dialogue/thread-access.js';
import { maskPersonalData } from '../shared/personal-data.js';
import { ThreadStatus } from '../dialogue/thread-status.js';
import type { EventBus } from '../shared/event-bus.js';
import { BadUserInputError } from '../shared/errors.js';
import { Unit } from '../units/unit.entity.js';
import { findCycle, planReorganisation, type ReorganisationPlan } from './reorganisation-plan.js';
import { Reorganisation } from './reorganisation.entity.js';
import type { ReorganisationInput } from './reorganisation.input.js';
import type { AccountMove, ReorganisationReport, RuleChange, ThreadMove, UnitChange } from './reorganisation.type.js';

/** Closed and rejected threads are finished: they stay with the unit that handled them. */
const FINISHED = [ThreadStatus.CLOSED, ThreadStatus.REJECTED];

/** Held for the transaction: two reorganisations never interleave. */
const REORGANISATION_LOCK = 746_100_016;

/** Thrown to roll a dry run back after it has done everything a real run does. */
class DryRun extends Error {
  constructor(readonly report: ReorganisationReport) {
    super('dry run');
  }
}

export class ReorganisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
  ) {}

  /**
   * Applies the reorganisation in one transaction, or with `dryRun` does the same and rolls it
   * back, so the preview is exactly what applying would do.
   */
  async run(input: ReorganisationInput, viewer: User, dryRun: boolean): Promise<ReorganisationReport> {
    try {
      return await withEventLog(this.em, this.bus, async (tx, events) => {
        await tx.execute('select pg_advisory_xact_lock(?)', [REORGANISATION_LOCK]);
        const report = await this.apply(tx, events, input, viewer);
        if (dryRun) throw new DryRun({ ...report, dryRun: true, reorganisation: null });
        return report;
      });
    } catch (error) {
      if (error instanceof DryRun) return error.report;
      throw error;
    }
  }

  private async apply(
    tx: EntityManager,
    events: EventRecorder,
    input: ReorganisationInput,
    viewer: User,
  ): Promise<ReorganisationReport> {
    const units = await tx.find(Unit, {}, { orderBy: { code: 'asc' } });
    const plan = planReorganisation(input, units, new Date());
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    const createdUnits = this.createUnits(tx, plan, byCode);

    const successor = new Map<string, Unit>();
    const endedUnits: UnitChange[] = [];
    const takenIn = new Map<string, number>();
    for (const merge of plan.merges) {
      const isNew = 'newCode' in merge.target;
      const target = isNew ? byCode.get((merge.target as { newCode: string }).newCode)! : (merge.target as Unit);
      // An existing target has people of its own: whoever joins them is reviewed.
      takenIn.set(target.id, (takenIn.get(target.id) ?? (isNew ? 0 : 1)) + merge.sources.length);
      for (const source of merge.sources) {
        successor.set(source.id, target);
        source.validTo = plan.effectiveAt;
        source.successor = target;
        endedUnits.push({ code: source.code, name: source.name, detail: target.name });
      }
    }
    const after = (unit: Unit): Unit => successor.get(unit.id) ?? unit;

    const renamedUnits: UnitChange[] = plan.renames.map(({ unit, name, level }) => {
      const former = unit.name;
      if (name !== former) unit.formerNames = [...unit.formerNames, former];
      unit.name = name;
      if (level) unit.level = level;
      return { code: unit.code, name, detail: former };
    });

    const movedUnits: UnitChange[] = [];
    const moveUnder = (unit: Unit, parent: Unit) => {
      if (unit.parent?.id === parent.id) return;
      unit.parent = parent;
      movedUnits.push({ code: unit.code, name: unit.name, detail: parent.name });
    };
    for (const { unit, parentCode } of plan.moves) moveUnder(unit, byCode.get(parentCode)!);
    // What stood under an ended unit and goes on (villages, say) now stands under its successor.
    for (const unit of units) {
      if (!successor.has(unit.id) && unit.parent && successor.has(unit.parent.id)) {
        moveUnder(unit, after(unit.parent as Unit));
      }
    }
    const parents = new Map(
      [...byCode.values()].filter((unit) => !unit.validTo).map((unit) => [unit.id, unit.parent?.id ?? null]),
    );
    const cycle = findCycle(parents);
    if (cycle) {
      const unit = [...byCode.values()].find((candidate) => candidate.id === cycle)!;
      throw new BadUserInputError(`${unit.name} would end up under itself.`, 'moves.parentCode');
    }
    await tx.flush();

    const decision = { decisionReference: input.decisionReference.trim(), effectiveOn: input.effectiveOn };
    const { moved: movedThreads, read: readThreads } = await this.moveThreads(tx, events, successor, decision, viewer);
    const rules = await this.remapRules(tx, after);
    const movedAccounts = await this.moveAccounts(tx, successor, takenIn);

    const reorganisation = tx.create(Reorganisation, {
      decisionReference: input.decisionReference.trim(),
      effectiveAt: plan.effectiveAt,
      note: input.note?.trim() || undefined,
      appliedBy: viewer,
      counts: {
        createdUnits: createdUnits.length,
        endedUnits: endedUnits.length,
        renamedUnits: renamedUnits.length,
        movedUnits: movedUnits.length,
        movedThreads: movedThreads.length,
        remappedRules: rules.filter((rule) => !rule.dropped).length,
        droppedRules: rules.filter((rule) => rule.dropped).length,
        movedAccounts: movedAccounts.length,
      },
    });
    return {
      dryRun: false,
      reorganisation,
      createdUnits,
      endedUnits,
      renamedUnits,
      movedUnits,
      movedThreads,
      rules,
      movedAccounts,
      readThreads,
    };
  }

  private createUnits(tx: EntityManager, plan: ReorganisationPlan, byCode: Map<string, Unit>): UnitChange[] {
    const created = plan.newUnits.map((seed) => {
      const unit = tx.create(Unit, {
        code: seed.code,
        name: seed.name.trim(),
        level: seed.level,
        kind: seed.kind,
        validFrom: plan.effectiveAt,
      });
      byCode.set(unit.code, unit);
      return unit;
    });
    plan.newUnits.forEach((seed, index) => {
      if (seed.parentCode) created[index]!.parent = byCode.get(seed.parentCode);
    });
    return created.map((unit) => ({ code: unit.code, name: unit.name, detail: unit.parent?.name ?? null }));
  }

  /** Every thread not yet finished goes on with the successor: same status, same deadlines. */
  private async moveThreads(
    tx: EntityManager,
    events: EventRecorder,
    successor: Map<string, Unit>,
    decision: { decisionReference: string; effectiveOn: string },
    viewer: User,
  ): Promise<{ moved: ThreadMove[]; read: Thread[] }> {
    const ended = [...successor.keys()];
    if (ended.length === 0) return { moved: [], read: [] };
    const where = {
      status: { $nin: FINISHED },
      $or: [{ unit: { $in: ended } }, { escalatedTo: { $in: ended } }],
    };
    const ids = (await tx.find(Thread, where, { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } })).map(
      (thread) => thread.id,
    );
    if (ids.length === 0) return { moved: [], read: [] };
    await tx.execute(`select id from threads where id in (${ids.map(() => '?').join(',')}) for update`, ids);
    const threads = await tx.find(
      Thread,
      { id: { $in: ids } },
      { populate: [...THREAD_RELATIONS], orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true },
    );
    const moved: ThreadMove[] = [];
    const read: Thread[] = [];
    for (const thread of threads) {
      // The report shows each title as the thread rule lets the viewer read it (before the move).
      const access = threadAccess(scopeOf(thread), viewer);
      if (thread.escalatedTo && successor.has(thread.escalatedTo.id)) {
        thread.escalatedTo = successor.get(thread.escalatedTo.id);
      }
      const target = successor.get(thread.unit.id);
      if (!target) continue;
      const from = thread.unit;
      thread.unit = target;
      events.record(thread, {
        type: ThreadEventType.TRANSFERRED,
        actorName: SYSTEM_NAME,
        fromUnit: from,
        toUnit: target,
        fromStatus: thread.status,
        toStatus: thread.status,
        reasonCode: ReasonCode.REORGANISED,
        reasonData: { ...decision, fromUnit: from.name, toUnit: target.name },
      });
      const title = !access.read ? null : readsPersonalData(access) ? thread.title : maskPersonalData(thread.title);
      if (access.read) read.push(thread);
      moved.push({ threadId: thread.id, title, fromUnit: from.name, toUnit: target.name });
    }
    return { moved, read };
  }

  /**
   * Rules for or about an ended unit now name its successor. Two rules that land on the same field
   * and place keep one: the rule already written for the successor itself, else the older rule.
   */
  private async remapRules(tx: EntityManager, after: (unit: Unit) => Unit): Promise<RuleChange[]> {
    const rules = await tx.find(
      RoutingRule,
      {},
      { populate: ['category', 'place', 'unit'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const changed = (rule: RoutingRule) =>
      after(rule.unit) !== rule.unit || (rule.place ? after(rule.place) !== rule.place : false);
    const byScope = new Map<string, RoutingRule[]>();
    for (const rule of rules) {
      const key = `${rule.category?.id ?? '*'}|${rule.place ? after(rule.place).id : '*'}`;
      byScope.set(key, [...(byScope.get(key) ?? []), rule]);
    }
    const changes: RuleChange[] = [];
    const describe = (rule: RoutingRule, dropped: boolean): RuleChange => ({
      category: rule.category?.code ?? '*',
      place: rule.place ? after(rule.place).name : '*',
      unit: after(rule.unit).name,
      dropped,
    });
    const dropped: RoutingRule[] = [];
    for (const group of byScope.values()) {
      if (!group.some(changed)) continue;
      const kept = group.find((rule) => !changed(rule)) ?? group[0]!;
      for (const rule of group) {
        if (rule === kept) continue;
        dropped.push(rule);
        changes.push(describe(rule, true));
      }
      if (changed(kept)) changes.push(describe(kept, false));
    }
    // The unique (field, place) index is checked row by row: drop first, then remap.
    for (const rule of dropped) tx.remove(rule);
    await tx.flush();
    for (const rule of rules) {
      if (dropped.includes(rule) || !changed(rule)) continue;
      rule.unit = after(rule.unit);
      if (rule.place) rule.place = after(rule.place);
    }
    await tx.flush();
    return changes;
  }

  private async moveAccounts(
    tx: EntityManager,
    successor: Map<string, Unit>,
    takenIn: Map<string, number>,
  ): Promise<AccountMove[]> {
    if (successor.size === 0) return [];
    const officers = await tx.find(
      User,
      { role: Role.OFFICER, unit: { $in: [...successor.keys()] } },
      { populate: ['unit'], orderBy: { email: 'asc' } },
    );
    const now = new Date();
    return officers.map((officer) => {
      const from = officer.unit!;
      const target = successor.get(from.id)!;
      const flagged = (takenIn.get(target.id) ?? 0) > 1;
      officer.unit = target;
      if (flagged) officer.unitReviewSince = now;
      return { email: officer.email, fromUnit: from.name, toUnit: target.name, flagged };
    });
  }
}
