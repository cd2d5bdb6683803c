// The registration workflow of a "Dân vận khéo" model: a pure module, no I/O (tested as a table).
import { registerEnumType } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { InvalidTransitionError } from '../shared/errors.js';

export enum ModelStatus {
  REGISTERED = 'REGISTERED',
  UNDER_APPRAISAL = 'UNDER_APPRAISAL',
  RECOGNISED = 'RECOGNISED',
  NOT_RECOGNISED = 'NOT_RECOGNISED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ModelAction {
  REGISTER = 'REGISTER',
  UPDATE = 'UPDATE',
  WITHDRAW = 'WITHDRAW',
  START_APPRAISAL = 'START_APPRAISAL',
  APPRAISE = 'APPRAISE',
  RECOGNISE = 'RECOGNISE',
  REJECT = 'REJECT',
}

registerEnumType(ModelStatus, {
  name: 'ModelStatus',
  description: 'Where a model stands in registration, appraisal and recognition.',
  valuesConfig: {
    REGISTERED: { description: 'Registered by its unit (đăng ký); the unit may still withdraw it.' },
    UNDER_APPRAISAL: { description: 'Being appraised by the Ban Dân vận (đang thẩm định).' },
    RECOGNISED: { description: 'Recognised as a "Dân vận khéo" model (được công nhận), with a decision.' },
    NOT_RECOGNISED: { description: 'Appraised and not recognised (không được công nhận).' },
    WITHDRAWN: { description: 'Withdrawn by its unit before appraisal (rút đăng ký).' },
  },
});

registerEnumType(ModelAction, {
  name: 'ModelAction',
  description: 'A step in the history of a model.',
  valuesConfig: {
    REGISTER: { description: 'The unit registered the model.' },
    UPDATE: { description: 'The unit changed the registration before appraisal.' },
    WITHDRAW: { description: 'The unit withdrew the model before appraisal.' },
    START_APPRAISAL: { description: 'A monitor took the model up for appraisal.' },
    APPRAISE: { description: 'A monitor recorded the appraisal score and notes.' },
    RECOGNISE: { description: 'The model was recognised, with a decision number and date.' },
    REJECT: { description: 'The model was not recognised.' },
  },
});

/** Who may take a step: an officer of the model's own unit, or a monitor (Ban Dân vận). */
export type Actor = 'OWN_UNIT' | 'MONITOR';

interface Rule {
  from: readonly ModelStatus[];
  to: ModelStatus | 'SAME';
  by: Actor;
  /** Recognition and rejection come only after an appraisal score was recorded. */
  needsAppraisal?: boolean;
}

const RULES: Record<Exclude<ModelAction, ModelAction.REGISTER>, Rule> = {
  [ModelAction.UPDATE]: { from: [ModelStatus.REGISTERED], to: 'SAME', by: 'OWN_UNIT' },
  [ModelAction.WITHDRAW]: { from: [ModelStatus.REGISTERED], to: ModelStatus.WITHDRAWN, by: 'OWN_UNIT' },
  [ModelAction.START_APPRAISAL]: { from: [ModelStatus.REGISTERED], to: ModelStatus.UNDER_APPRAISAL, by: 'MONITOR' },
  [ModelAction.APPRAISE]: { from: [ModelStatus.UNDER_APPRAISAL], to: 'SAME', by: 'MONITOR' },
  [ModelAction.RECOGNISE]: {
    from: [ModelStatus.UNDER_APPRAISAL],
    to: ModelStatus.RECOGNISED,
    by: 'MONITOR',
    needsAppraisal: true,
  },
  [ModelAction.REJECT]: {
    from: [ModelStatus.UNDER_APPRAISAL],
    to: ModelStatus.NOT_RECOGNISED,
    by: 'MONITOR',
    needsAppraisal: true,
  },
};

export type StepAction = keyof typeof RULES;

export interface ModelState {
  status: ModelStatus;
  unitId: string;
  appraised: boolean;
}

export interface ActingUser {
  role: Role;
  unitId: string | null;
}

/** May this person take this step on this model at all (whatever its status)? */
export function mayAct(action: StepAction, user: ActingUser, model: Pick<ModelState, 'unitId'>): boolean {
  if (RULES[action].by === 'MONITOR') return user.role === Role.MONITOR;
  return user.role === Role.OFFICER && user.unitId === model.unitId;
}

/** The status after the step, or INVALID_TRANSITION when the step is not allowed from here. */
export function nextStatus(action: StepAction, model: Pick<ModelState, 'status' | 'appraised'>): ModelStatus {
  const rule = RULES[action];
  const to = rule.to === 'SAME' ? model.status : rule.to;
  const target = rule.to === 'SAME' ? action : to;
  if (!rule.from.includes(model.status) || (rule.needsAppraisal && !model.appraised)) {
    throw new InvalidTransitionError(model.status, target);
  }
  return to;
}
