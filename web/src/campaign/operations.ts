// The campaign operations as documents, parsed by urql from the very .graphql files that
// `npm run web:codegen` types. Why not the documents in generated.ts: it is one module, so every
// document a lazy page imports from it lands in the chunk it shares with the board, and each
// citizen would download the campaign queries too. From here they travel in the campaign chunks.
import { gql } from '@urql/core';
import type * as G from '../graphql/generated';
import addProgressReport from '../graphql/operations/AddProgressReport.graphql?raw';
import appraiseModel from '../graphql/operations/AppraiseModel.graphql?raw';
import campaignModel from '../graphql/operations/CampaignModel.graphql?raw';
import campaignModels from '../graphql/operations/CampaignModels.graphql?raw';
import summaryFields from '../graphql/operations/CampaignModelSummaryFields.graphql?raw';
import campaignReview from '../graphql/operations/CampaignReview.graphql?raw';
import campaigns from '../graphql/operations/Campaigns.graphql?raw';
import campaignUnits from '../graphql/operations/CampaignUnits.graphql?raw';
import recogniseModel from '../graphql/operations/RecogniseModel.graphql?raw';
import registerModel from '../graphql/operations/RegisterModel.graphql?raw';
import rejectModel from '../graphql/operations/RejectModel.graphql?raw';
import startAppraisal from '../graphql/operations/StartAppraisal.graphql?raw';
import updateModel from '../graphql/operations/UpdateModel.graphql?raw';
import withdrawModel from '../graphql/operations/WithdrawModel.graphql?raw';

export const CampaignsDocument = gql<G.CampaignsQuery, G.CampaignsQueryVariables>(campaigns);
export const CampaignUnitsDocument = gql<G.CampaignUnitsQuery, G.CampaignUnitsQueryVariables>(campaignUnits);
export const CampaignModelsDocument = gql<G.CampaignModelsQuery, G.CampaignModelsQueryVariables>(
  campaignModels + summaryFields,
);
export const CampaignModelDocument = gql<G.CampaignModelQuery, G.CampaignModelQueryVariables>(
  campaignModel + summaryFields,
);
export const CampaignReviewDocument = gql<G.CampaignReviewQuery, G.CampaignReviewQueryVariables>(campaignReview);
export const RegisterModelDocument = gql<G.RegisterModelMutation, G.RegisterModelMutationVariables>(
  registerModel + summaryFields,
);
export const UpdateModelDocument = gql<G.UpdateModelMutation, G.UpdateModelMutationVariables>(updateModel);
export const WithdrawModelDocument = gql<G.WithdrawModelMutation, G.WithdrawModelMutationVariables>(withdrawModel);
export const StartAppraisalDocument = gql<G.StartAppraisalMutation, G.StartAppraisalMutationVariables>(startAppraisal);
export const AppraiseModelDocument = gql<G.AppraiseModelMutation, G.AppraiseModelMutationVariables>(appraiseModel);
export const RecogniseModelDocument = gql<G.RecogniseModelMutation, G.RecogniseModelMutationVariables>(recogniseModel);
export const RejectModelDocument = gql<G.RejectModelMutation, G.RejectModelMutationVariables>(rejectModel);
export const AddProgressReportDocument = gql<G.AddProgressReportMutation, G.AddProgressReportMutationVariables>(
  addProgressReport,
);
