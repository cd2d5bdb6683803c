import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { verifyPassword } from '../accounts/password.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { DataRequest } from './data-request.entity.js';
import { myDataText } from './my-data.js';
import { MyDataService } from './my-data.service.js';

const MAX_LIST_DAYS = 366;

@ObjectType({ description: 'Everything held about you, in two forms to download.' })
class MyDataExport {
  @Field(() => String, {
    description: 'As JSON: account, threads, messages, ratings, supports, uploads, consents, requests.',
  })
  json!: string;

  @Field(() => String, { description: 'The same as a plain-text summary to read.' })
  text!: string;

  @Field(() => DataRequest, { description: 'The logged request, with when it was asked and done.' })
  request!: DataRequest;
}

@Resolver(() => DataRequest)
export class MyDataResolver {
  @Authorized()
  @Mutation(() => MyDataExport, {
    description: 'Download everything held about you (logged as an EXPORT request, with its completion time).',
  })
  async exportMyData(@Ctx() ctx: Context): Promise<MyDataExport> {
    const { data, request } = await new MyDataService(ctx.em, ctx.services).export(ctx.viewer!);
    return { json: JSON.stringify(data, null, 2), text: myDataText(data), request };
  }

  @Authorized(Role.CITIZEN)
  @Mutation(() => DataRequest, {
    description:
      'Close your citizen account for good: name, e-mail and password erased, every token stops working; what you posted stays, shown as "Người dân (đã xoá tài khoản)". The password confirms it (BAD_USER_INPUT when wrong).',
  })
  async closeMyAccount(
    @Arg('password', () => String, { description: 'Your current password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<DataRequest> {
    await ctx.services.limits.consume('passwordChangeFailures', ctx.viewer!.id);
    const user = await ctx.em.findOneOrFail(User, ctx.viewer!.id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw new BadUserInputError('The password is wrong.', 'password');
    }
    return new MyDataService(ctx.em, ctx.services).close(user);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [DataRequest], {
    description:
      'Administrators: the personal-data requests (exports, closings) asked in [from, to), oldest first, with when each was done. At most 366 days.',
  })
  personalDataRequests(
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
    @Ctx() ctx: Context,
  ): Promise<DataRequest[]> {
    if (!(from < to)) throw new BadUserInputError('from must be before to.', 'from');
    if (to.getTime() - from.getTime() > MAX_LIST_DAYS * 86_400_000) {
      throw new BadUserInputError(`List at most ${MAX_LIST_DAYS} days at a time.`, 'to');
    }
    return ctx.em.find(DataRequest, { requestedAt: { $gte: from, $lt: to } }, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => ID, { description: 'The account that asked (erased of personal fields once closed).' })
  accountId(@Root() request: DataRequest): string {
    return request.user.id;
  }
}
