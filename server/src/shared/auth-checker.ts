import type { AuthChecker } from 'type-graphql';
import type { Role } from '../accounts/role.js';
import type { Context } from './context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/** `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, …)` needs one of those roles. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(viewer.role)) throw new ForbiddenError();
  return true;
};
