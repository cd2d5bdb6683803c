import { IsOptional, IsUUID } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError, ForbiddenError } from '../shared/errors.js';
import { withEventLog } from './event-log.js';
import { ThreadEvent, ThreadEventType } from './thread-event.entity.js';
import { isAssignable } from './thread-permissions.js';
import { Thread } from './thread.entity.js';
import { accessFor, ThreadService } from './thread.service.js';

/**
 * Assignment inside the unit: one officer of the responsible unit is in charge of a thread.
 * Who it is stays internal: the events are staff-only and `Thread.assignee` is null for anyone
 * who is not staff on the thread, so a citizen never reads an officer's name through it.
 */

@ObjectType({ description: 'An officer, as shown to the staff of a thread.' })
export class StaffMember {
  @Field(() => ID, { description: 'The account id.' })
  id!: string;

  @Field(() => String, { description: 'The name shown for the officer.' })
  displayName!: string;
}

@InputType({ description: "Puts one of the responsible unit's officers in charge of a thread, or nobody." })
export class AssignThreadInput {
  @Field(() => ID, { description: 'The thread.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => ID, { nullable: true, description: 'An officer of the responsible unit; null to unassign.' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be an account id' })
  assigneeId?: string | null;
}

const staffMember = (user: Pick<User, 'id' | 'displayName'>) =>
  Object.assign(new StaffMember(), { id: user.id, displayName: user.displayName });

/** The unit's officers who can be put in charge: active accounts of that unit, by name. */
export async function unitOfficers(ctx: Context, unitId: string): Promise<Array<Pick<User, 'id' | 'displayName'>>> {
  return ctx.em.find(
    User,
    { role: Role.OFFICER, unit: unitId, disabledAt: null },
    { orderBy: { displayName: 'asc', id: 'asc' }, fields: ['id', 'displayName'] },
  );
}

export async function assignThread(ctx: Context, input: AssignThreadInput): Promise<Thread> {
  const viewer = ctx.viewer!;
  return withEventLog(ctx.em, ctx.services.bus, async (tx, events) => {
    const { thread, access } = await new ThreadService(ctx).lockThread(tx, input.threadId);
    if (!access.assign) throw new ForbiddenError('Only the responsible unit or an administrator assigns a thread.');
    if (!isAssignable(thread.status)) {
      throw new BadUserInputError('A closed or rejected thread is not assigned.', 'threadId');
    }
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId === (thread.assignee?.id ?? null)) {
      throw new BadUserInputError(
        assigneeId ? 'This officer is already in charge of the thread.' : 'Nobody is in charge of the thread.',
        'assigneeId',
      );
    }
    let assignee: User | undefined;
    if (assigneeId) {
      const found = await tx.findOne(User, assigneeId);
      if (!found || found.role !== Role.OFFICER || found.unit?.id !== thread.unit.id || found.disabledAt) {
        throw new BadUserInputError('Choose an active officer of the responsible unit.', 'assigneeId');
      }
      assignee = found;
    }
    thread.assignee = assignee;
    events.record(thread, {
      type: assignee ? ThreadEventType.ASSIGNED : ThreadEventType.UNASSIGNED,
      actor: viewer,
      actorName: viewer.displayName,
      internal: true,
      assignee,
    });
    return thread;
  });
}

@Resolver(() => Thread)
export class ThreadAssignmentResolver {
  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Thread, {
    description:
      "Put one of the responsible unit's officers in charge of a thread, or nobody (assigneeId null). Recorded as an internal event; a transfer clears it. BAD_USER_INPUT for someone outside the unit or no change.",
  })
  assignThread(
    @Arg('input', () => AssignThreadInput, { description: 'The assignment.' }) input: AssignThreadInput,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    return assignThread(ctx, input);
  }

  @FieldResolver(() => StaffMember, {
    nullable: true,
    description: "The officer in charge of the thread; null when nobody is, and for anyone not on the thread's staff.",
  })
  async assignee(@Root() thread: Thread, @Ctx() ctx: Context): Promise<StaffMember | null> {
    const assignee = thread.assignee;
    if (!assignee || !accessFor(ctx, thread).internal) return null;
    if (assignee.displayName !== undefined) return staffMember(assignee);
    const user = await ctx.em.findOne(User, assignee.id, { fields: ['id', 'displayName'] });
    return user ? staffMember(user) : null;
  }

  @FieldResolver(() => [StaffMember], {
    description: 'The officers the viewer may put in charge of it (viewerCan.assign); empty otherwise.',
  })
  async assignableOfficers(@Root() thread: Thread, @Ctx() ctx: Context): Promise<StaffMember[]> {
    if (!accessFor(ctx, thread).assign || !isAssignable(thread.status)) return [];
    return (await unitOfficers(ctx, thread.unit.id)).map(staffMember);
  }
}

@Resolver(() => ThreadEvent)
export class ThreadEventAssigneeResolver {
  @FieldResolver(() => StaffMember, {
    nullable: true,
    description: 'The officer put in charge, for ASSIGNED (a staff-only event).',
  })
  async assignee(@Root() event: ThreadEvent, @Ctx() ctx: Context): Promise<StaffMember | null> {
    const assignee = event.assignee;
    if (!assignee || !event.internal) return null;
    if (assignee.displayName !== undefined) return staffMember(assignee);
    const user = await ctx.em.findOne(User, assignee.id, { fields: ['id', 'displayName'] });
    return user ? staffMember(user) : null;
  }
}
