import { MonitoringResolver } from './monitoring.resolver.js';

export const entities = [];
export const resolvers = [MonitoringResolver] as const;
