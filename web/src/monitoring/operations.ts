// The dashboard's operations as documents, parsed by urql from the .graphql files that
// `npm run web:codegen` types; imported from here (not generated.ts) so they travel in the
// dashboard's chunk and not in the one the board shares (see campaign/operations.ts).
import { gql } from '@urql/core';
import type * as G from '../graphql/generated';
import dashboardUpdates from '../graphql/operations/DashboardUpdates.graphql?raw';
import monitoringCsv from '../graphql/operations/MonitoringCsv.graphql?raw';
import monitoringDashboard from '../graphql/operations/MonitoringDashboard.graphql?raw';
import threadFields from '../graphql/operations/MonitoringThreadFields.graphql?raw';

export const MonitoringDashboardDocument = gql<G.MonitoringDashboardQuery, G.MonitoringDashboardQueryVariables>(
  monitoringDashboard + threadFields,
);
export const MonitoringCsvDocument = gql<G.MonitoringCsvQuery, G.MonitoringCsvQueryVariables>(monitoringCsv);
export const DashboardUpdatesDocument = gql<G.DashboardUpdatesSubscription, G.DashboardUpdatesSubscriptionVariables>(
  dashboardUpdates,
);
