import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Unit } from '../units/unit.entity.js';
import { assertCurrentUnit } from '../units/unit-history.js';
import type { Services } from '../shared/context.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../shared/errors.js';
import type { AuthPayload } from './auth-payload.type.js';
import type {
  ChangePasswordInput,
  CreateStaffAccountInput,
  LoginInput,
  RegisterInput,
  UpdateAccountInput,
} from './account.input.js';
import { CLOSED_ACCOUNT_NAME } from '../shared/privacy-notice.js';
import { checkConsent, ConsentOccasion, recordConsent } from './consent.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

/** Names the system shows for people it does not name: nobody may sign up as one. */
const RESERVED_NAMES = new Set([CLOSED_ACCOUNT_NAME, 'Người dân ẩn danh', 'Hệ thống']);

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
  ) {}

  async register(input: RegisterInput, clientIp: string): Promise<AuthPayload> {
    checkConsent(input.consentVersion, null);
    if (RESERVED_NAMES.has(input.displayName.trim())) {
      throw new BadUserInputError('This name is kept for what the system shows; choose another.', 'displayName');
    }
    await this.services.limits.consume('signUps', clientIp);
    const user = this.em.create(User, {
      email: normaliseEmail(input.email),
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      role: Role.CITIZEN,
    });
    await this.em.transactional(async (tx) => {
      await this.insert(user, tx);
      await recordConsent(tx, ConsentOccasion.REGISTER, { user });
      await tx.flush();
    });
    return this.issue(user);
  }

  /**
   * Unknown account and wrong password give the same error after the same work. Attempts are
   * counted per account × address (a success clears them) and per address, and refused past their
   * limits; failures on one account from everywhere only slow its sign-in down, so nobody can lock
   * its owner out from elsewhere.
   */
  async login(input: LoginInput, clientIp: string): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    const { limits } = this.services;
    await limits.consume('loginAddressFailures', clientIp);
    await limits.consume('loginFailures', email, clientIp);
    await limits.slowDown('loginSlowdown', email);
    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash', 'unit'] });
    const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches || user.disabledAt) {
      await limits.penalize('loginSlowdown', [email]);
      throw new UnauthenticatedError('Wrong e-mail or password.');
    }
    await Promise.all([
      limits.reset('loginFailures', email, clientIp),
      limits.refund('loginAddressFailures', clientIp),
    ]);
    return this.issue(user);
  }

  /** The current password is checked at most RATE_LIMIT_PASSWORD_CHANGE_FAILURES times per account. */
  async changePassword(viewer: User, input: ChangePasswordInput): Promise<AuthPayload> {
    await this.services.limits.consume('passwordChangeFailures', viewer.id);
    const user = await this.em.findOneOrFail(User, viewer.id, {
      populate: ['passwordHash', 'unit'],
    });
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new BadUserInputError('The current password is wrong.', 'currentPassword');
    }
    await this.services.limits.reset('passwordChangeFailures', viewer.id);
    user.passwordHash = await hashPassword(input.newPassword);
    user.tokenVersion += 1;
    await this.em.flush();
    await this.revoked(user);
    return this.issue(user);
  }

  /** Role, unit and sign-in changes by an administrator: older tokens and open sockets stop working. */
  async updateAccount(viewer: User, input: UpdateAccountInput): Promise<User> {
    if (input.userId === viewer.id) throw new ForbiddenError('Administrators change other accounts, not their own.');
    const user = await this.em.findOne(User, input.userId, { populate: ['unit'] });
    if (!user) throw new NotFoundError('Account');
    const role = input.role ?? user.role;
    const unitId = input.unitId !== undefined && input.unitId !== null ? input.unitId : user.unit?.id;
    if (role === Role.OFFICER) {
      if (!unitId) throw new BadUserInputError('An officer must belong to a unit.', 'unitId');
      const unit = await this.em.findOne(Unit, unitId);
      if (!unit) throw new NotFoundError('Unit');
      if (unit.id !== user.unit?.id) assertCurrentUnit(unit, 'unitId');
      user.unit = unit;
    } else if (input.unitId) {
      throw new BadUserInputError('Only officers belong to a unit.', 'unitId');
    } else {
      user.unit = undefined;
    }
    user.role = role;
    // An administrator who saves the account has reviewed where a reorganisation put it.
    user.unitReviewSince = undefined;
    if (input.disabled != null) user.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : undefined;
    user.tokenVersion += 1;
    await this.em.flush();
    await this.revoked(user);
    return user;
  }

  /** Tells every instance, so sockets opened with an older token close at once. */
  private revoked(user: User): Promise<void> {
    return this.services.bus.publish('accounts', { userId: user.id, tokenVersion: user.tokenVersion });
  }

  async createStaffAccount(input: CreateStaffAccountInput): Promise<User> {
    let unit: Unit | undefined;
    if (input.role === Role.OFFICER) {
      if (!input.unitId) throw new BadUserInputError('An officer must belong to a unit.', 'unitId');
      unit = (await this.em.findOne(Unit, input.unitId)) ?? undefined;
      if (!unit) throw new NotFoundError('Unit');
      assertCurrentUnit(unit, 'unitId');
    } else if (input.unitId) {
      throw new BadUserInputError('Only officers belong to a unit.', 'unitId');
    }
    const user = this.em.create(User, {
      email: normaliseEmail(input.email),
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unit,
    });
    await this.insert(user);
    return user;
  }

  private async insert(user: User, em: EntityManager = this.em): Promise<void> {
    try {
      await em.persistAndFlush(user);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('An account with this e-mail already exists.', 'email');
      }
      throw error;
    }
  }

  private async issue(user: User): Promise<AuthPayload> {
    const { token, expiresAt } = await this.services.tokens.sign({
      userId: user.id,
      role: user.role,
      tokenVersion: user.tokenVersion,
    });
    return { token, expiresAt, user };
  }
}
