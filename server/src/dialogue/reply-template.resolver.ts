import { QueryOrder } from '@mikro-orm/core';
import { IsUUID, Length, Matches } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { ReplyTemplate } from './reply-template.entity.js';

const NOT_BLANK = /\S/;

@InputType({ description: 'A new reply template: for your unit (officers) or global (administrators).' })
export class CreateReplyTemplateInput {
  @Field(() => String, { description: 'Short title, 1 to 120 characters.' })
  @Length(1, 120, { message: 'title must be 1 to 120 characters long' })
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field(() => String, { description: 'The text, 1 to 5000 characters.' })
  @Length(1, 5000, { message: 'body must be 1 to 5000 characters long' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

@InputType({ description: 'New title and text for a template you keep.' })
export class UpdateReplyTemplateInput extends CreateReplyTemplateInput {
  @Field(() => ID, { description: 'The template.' })
  @IsUUID('all', { message: 'id must be a template id' })
  id!: string;
}

/**
 * Who keeps which templates, in one place: an officer reads their unit's and the global ones and
 * keeps their unit's; an administrator reads and keeps the global ones.
 */
const ownUnitOf = (viewer: User) => (viewer.role === Role.OFFICER ? (viewer.unit?.id ?? null) : null);
const readsTemplate = (viewer: User, template: ReplyTemplate) =>
  !template.unit || template.unit.id === ownUnitOf(viewer);
const keepsTemplate = (viewer: User, template: ReplyTemplate) =>
  template.unit ? template.unit.id === ownUnitOf(viewer) : viewer.role === Role.ADMIN;

async function keptTemplate(ctx: Context, id: string): Promise<ReplyTemplate> {
  const viewer = ctx.viewer!;
  const template = isUuid(id) ? await ctx.em.findOne(ReplyTemplate, id) : null;
  if (!template || !readsTemplate(viewer, template)) throw new NotFoundError('Reply template');
  if (!keepsTemplate(viewer, template)) {
    throw new ForbiddenError('Only administrators change global templates; officers change their unit’s.');
  }
  return template;
}

@Resolver(() => ReplyTemplate)
export class ReplyTemplateResolver {
  @Authorized(Role.OFFICER, Role.ADMIN)
  @Query(() => [ReplyTemplate], {
    description: "The reply templates you may use: your unit's first, then the global ones, each by title.",
  })
  replyTemplates(@Ctx() ctx: Context): Promise<ReplyTemplate[]> {
    const unitId = ownUnitOf(ctx.viewer!);
    return ctx.em.find(ReplyTemplate, unitId ? { $or: [{ unit: unitId }, { unit: null }] } : { unit: null }, {
      orderBy: { unit: QueryOrder.ASC_NULLS_LAST, title: QueryOrder.ASC, id: QueryOrder.ASC },
    });
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => ReplyTemplate, {
    description: "Keep a new reply template: an officer's is their unit's, an administrator's is global.",
  })
  async createReplyTemplate(
    @Arg('input', () => CreateReplyTemplateInput, { description: 'The template.' }) input: CreateReplyTemplateInput,
    @Ctx() ctx: Context,
  ): Promise<ReplyTemplate> {
    const viewer = ctx.viewer!;
    const unitId = ownUnitOf(viewer);
    if (!unitId && viewer.role !== Role.ADMIN)
      throw new ForbiddenError('Only officers and administrators keep templates.');
    const template = ctx.em.create(ReplyTemplate, {
      unit: unitId ?? undefined,
      title: input.title.trim(),
      body: input.body.trim(),
      createdBy: viewer,
    });
    await ctx.em.flush();
    return template;
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => ReplyTemplate, {
    description: 'Change a template you keep; FORBIDDEN for one you only use, NOT_FOUND for one you cannot see.',
  })
  async updateReplyTemplate(
    @Arg('input', () => UpdateReplyTemplateInput, { description: 'The change.' }) input: UpdateReplyTemplateInput,
    @Ctx() ctx: Context,
  ): Promise<ReplyTemplate> {
    const template = await keptTemplate(ctx, input.id);
    template.title = input.title.trim();
    template.body = input.body.trim();
    await ctx.em.flush();
    return template;
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => ID, { description: 'Delete a template you keep; returns its id.' })
  async deleteReplyTemplate(
    @Arg('id', () => ID, { description: 'The template.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    if (!isUuid(id)) throw new BadUserInputError('id must be a template id.', 'id');
    const template = await keptTemplate(ctx, id);
    await ctx.em.remove(template).flush();
    return id;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change or delete it.' })
  viewerCanEdit(@Root() template: ReplyTemplate, @Ctx() ctx: Context): boolean {
    return ctx.viewer ? keepsTemplate(ctx.viewer, template) : false;
  }
}
