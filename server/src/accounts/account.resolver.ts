import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { Unit } from '../units/unit.entity.js';
import {
  ChangePasswordInput,
  CreateStaffAccountInput,
  LoginInput,
  RegisterInput,
  UpdateAccountInput,
} from './account.input.js';
import { AccountService } from './account.service.js';
import { AuthPayload } from './auth-payload.type.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

@Resolver(() => User)
export class AccountResolver {
  @Query(() => User, {
    nullable: true,
    description: 'The signed-in account, or null when anonymous.',
  })
  me(@Ctx() { viewer }: Context): User | null {
    return viewer;
  }

  @Mutation(() => AuthPayload, {
    description: 'Citizen self-sign-up; signs the new account in.',
  })
  register(
    @Arg('input', () => RegisterInput, { description: 'Who is signing up.' })
    input: RegisterInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return new AccountService(ctx.em, ctx.services).register(input, ctx.clientIp);
  }

  @Mutation(() => AuthPayload, {
    description: 'Sign in. A wrong password and an unknown e-mail give the same UNAUTHENTICATED error.',
  })
  login(
    @Arg('input', () => LoginInput, { description: 'E-mail and password.' })
    input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return new AccountService(ctx.em, ctx.services).login(input, ctx.clientIp);
  }

  @Authorized()
  @Mutation(() => AuthPayload, {
    description: 'Change your own password; every older token stops working.',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, {
      description: 'The current and the new password.',
    })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return new AccountService(ctx.em, ctx.services).changePassword(ctx.viewer!, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description: 'Administrators only: create an officer, monitor or administrator account.',
  })
  createStaffAccount(
    @Arg('input', () => CreateStaffAccountInput, {
      description: 'The account to create.',
    })
    input: CreateStaffAccountInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return new AccountService(ctx.em, ctx.services).createStaffAccount(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description:
      "Administrators only: change another account's role or unit, or disable it. The account is signed out everywhere, its open live streams included.",
  })
  updateAccount(
    @Arg('input', () => UpdateAccountInput, { description: 'The account and what changes.' })
    input: UpdateAccountInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return new AccountService(ctx.em, ctx.services).updateAccount(ctx.viewer!, input);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The unit an officer belongs to.',
  })
  async unit(@Root() user: User, @Ctx() { em }: Context): Promise<Unit | null> {
    if (!user.unit) return null;
    return em.findOne(Unit, user.unit.id);
  }
}
