import { DataRequest } from './data-request.entity.js';
import { MyDataResolver } from './my-data.resolver.js';

export { DataRequest };
export const entities = [DataRequest];
export const resolvers = [MyDataResolver] as const;
