import type { Beneficiary, ModelField, TargetProgramme } from '../graphql/generated';

/** What an officer fills in to register a model or change its registration. */
export interface ModelFormValues {
  title: string;
  field: ModelField;
  goals: string;
  beneficiaries: Beneficiary[];
  programmes: TargetProgramme[];
  year: number;
}

export const MODEL_FIELDS: ModelField[] = [
  'ECONOMY',
  'CULTURE_SOCIETY',
  'DEFENCE_SECURITY',
  'PARTY_GOVERNMENT_BUILDING',
];
export const BENEFICIARIES: Beneficiary[] = [
  'POOR_HOUSEHOLDS',
  'STRUGGLING_HOUSEHOLDS',
  'ORPHANS',
  'POOR_STUDENTS',
  'ETHNIC_MINORITY_HOUSEHOLDS',
  'ELDERLY',
  'PEOPLE_WITH_DISABILITIES',
  'POLICY_FAMILIES',
  'RESIDENTS',
];
export const PROGRAMMES: TargetProgramme[] = ['NEW_RURAL', 'POVERTY_REDUCTION', 'ETHNIC_MOUNTAINOUS'];
