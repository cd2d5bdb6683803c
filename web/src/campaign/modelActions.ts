// Which steps the viewer may take on a model now: a mirror of server/src/campaign/model-status.ts
// for the buttons only (the server decides; a refused step refreshes the page).
import type { ModelStatus, Role } from '../graphql/generated';

export type ModelStepAction = 'UPDATE' | 'WITHDRAW' | 'START_APPRAISAL' | 'APPRAISE' | 'RECOGNISE' | 'REJECT';

export interface ModelActionViewer {
  role: Role | null;
  unitId: string | null;
}

export interface ModelActionSubject {
  status: ModelStatus;
  unitId: string;
  appraisalScore: number | null;
}

export function modelActionsFor(viewer: ModelActionViewer, model: ModelActionSubject): ModelStepAction[] {
  if (viewer.role === 'OFFICER' && viewer.unitId === model.unitId && model.status === 'REGISTERED') {
    return ['UPDATE', 'WITHDRAW'];
  }
  if (viewer.role !== 'MONITOR') return [];
  if (model.status === 'REGISTERED') return ['START_APPRAISAL'];
  if (model.status !== 'UNDER_APPRAISAL') return [];
  return model.appraisalScore === null ? ['APPRAISE'] : ['APPRAISE', 'RECOGNISE', 'REJECT'];
}

/** Officers report progress on their own unit's models while they are registered or recognised. */
export function mayReportProgress(viewer: ModelActionViewer, model: Pick<ModelActionSubject, 'status' | 'unitId'>) {
  return viewer.role === 'OFFICER' && viewer.unitId === model.unitId && model.status !== 'WITHDRAWN';
}

/** What the viewer asked for, with what the step needs. */
export type ModelActionRequest =
  | { action: 'WITHDRAW' | 'START_APPRAISAL' | 'REJECT'; note?: string }
  | { action: 'APPRAISE'; score: number; notes: string }
  | { action: 'RECOGNISE'; decisionNumber: string; decisionDate: string };
