import { describe, expect, it } from 'vitest';
import { Role } from '../../server/src/accounts/role.js';
import {
  ModelAction,
  ModelStatus,
  mayAct,
  nextStatus,
  type StepAction,
} from '../../server/src/campaign/model-status.js';
import { InvalidTransitionError } from '../../server/src/shared/errors.js';

const { REGISTERED, UNDER_APPRAISAL, RECOGNISED, NOT_RECOGNISED, WITHDRAWN } = ModelStatus;
const { UPDATE, WITHDRAW, START_APPRAISAL, APPRAISE, RECOGNISE, REJECT } = ModelAction;
const ALL_STATUSES = Object.values(ModelStatus);

// [action, from, appraised, expected next status or null when refused]
const table: Array<[StepAction, ModelStatus, boolean, ModelStatus | null]> = [
  [UPDATE, REGISTERED, false, REGISTERED],
  [UPDATE, UNDER_APPRAISAL, false, null],
  [UPDATE, RECOGNISED, true, null],
  [UPDATE, WITHDRAWN, false, null],
  [WITHDRAW, REGISTERED, false, WITHDRAWN],
  [START_APPRAISAL, REGISTERED, false, UNDER_APPRAISAL],
  [APPRAISE, UNDER_APPRAISAL, false, UNDER_APPRAISAL],
  [APPRAISE, UNDER_APPRAISAL, true, UNDER_APPRAISAL],
  [RECOGNISE, UNDER_APPRAISAL, true, RECOGNISED],
  [REJECT, UNDER_APPRAISAL, true, NOT_RECOGNISED],
  [RECOGNISE, UNDER_APPRAISAL, false, null],
  [REJECT, UNDER_APPRAISAL, false, null],
  [WITHDRAW, UNDER_APPRAISAL, false, null],
  [APPRAISE, REGISTERED, false, null],
  [RECOGNISE, REGISTERED, true, null],
  [START_APPRAISAL, UNDER_APPRAISAL, false, null],
  [START_APPRAISAL, WITHDRAWN, false, null],
  [RECOGNISE, NOT_RECOGNISED, true, null],
  [REJECT, RECOGNISED, true, null],
  [WITHDRAW, RECOGNISED, true, null],
  [WITHDRAW, WITHDRAWN, false, null],
  [APPRAISE, RECOGNISED, true, null],
];

describe('nextStatus', () => {
  it.each(table)('%s from %s (appraised: %s) gives %s', (action, from, appraised, expected) => {
    const step = () => nextStatus(action, { status: from, appraised });
    if (expected) expect(step()).toBe(expected);
    else expect(step).toThrow(InvalidTransitionError);
  });

  it('names both ends in the INVALID_TRANSITION error', () => {
    try {
      nextStatus(WITHDRAW, { status: RECOGNISED, appraised: true });
      expect.fail('should have thrown');
    } catch (error) {
      expect((error as InvalidTransitionError).extensions).toEqual({
        code: 'INVALID_TRANSITION',
        from: 'RECOGNISED',
        to: 'WITHDRAWN',
      });
    }
  });

  it('leaves no way out of a final status', () => {
    for (const status of [RECOGNISED, NOT_RECOGNISED, WITHDRAWN]) {
      for (const action of [UPDATE, WITHDRAW, START_APPRAISAL, APPRAISE, RECOGNISE, REJECT] as StepAction[]) {
        expect(() => nextStatus(action, { status, appraised: true }), `${action} from ${status}`).toThrow(
          InvalidTransitionError,
        );
      }
    }
    expect(ALL_STATUSES).toHaveLength(5);
  });
});

describe('mayAct', () => {
  const model = { unitId: 'unit-a' };
  const officerA = { role: Role.OFFICER, unitId: 'unit-a' };
  const officerB = { role: Role.OFFICER, unitId: 'unit-b' };
  const monitor = { role: Role.MONITOR, unitId: null };
  const admin = { role: Role.ADMIN, unitId: null };
  const citizen = { role: Role.CITIZEN, unitId: null };

  it.each([
    [UPDATE, officerA, true],
    [UPDATE, officerB, false],
    [UPDATE, monitor, false],
    [WITHDRAW, officerA, true],
    [WITHDRAW, officerB, false],
    [WITHDRAW, monitor, false],
    [WITHDRAW, admin, false],
    [WITHDRAW, citizen, false],
    [START_APPRAISAL, monitor, true],
    [APPRAISE, monitor, true],
    [RECOGNISE, monitor, true],
    [REJECT, monitor, true],
    [START_APPRAISAL, officerA, false],
    [APPRAISE, officerA, false],
    [RECOGNISE, officerA, false],
    [REJECT, admin, false],
    [RECOGNISE, citizen, false],
  ] as Array<[StepAction, { role: Role; unitId: string | null }, boolean]>)('%s by %j: %s', (action, user, allowed) => {
    expect(mayAct(action, user, model)).toBe(allowed);
  });
});
