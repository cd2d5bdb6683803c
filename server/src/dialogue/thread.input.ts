import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FeedbackKind } from './feedback-kind.js';
import { ThreadStatus } from './thread-status.js';

const NOT_BLANK = /\S/;
const TRACKING_CODE_DESCRIPTION = 'The tracking code of an anonymous post, instead of signing in.';
const ATTACHMENTS_DESCRIPTION =
  'Ids of files uploaded over POST /uploads by the same poster and not attached yet (at most ATTACHMENTS_PER_POST, 5 by default).';

@InputType({ description: 'A new feedback thread.' })
export class PostFeedbackInput {
  @Field(() => FeedbackKind, { description: 'What kind of post this is.' })
  @IsIn(Object.values(FeedbackKind))
  kind!: FeedbackKind;

  @Field(() => String, { description: 'Short title, 5 to 200 characters.' })
  @Length(5, 200, { message: 'title must be 5 to 200 characters long' })
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field(() => String, { description: 'What happened or what is proposed, 10 to 5000 characters.' })
  @Length(10, 5000, { message: 'body must be 10 to 5000 characters long' })
  body!: string;

  @Field(() => ID, { description: 'The field (category).' })
  @IsUUID('all', { message: 'categoryId must be a category id' })
  categoryId!: string;

  @Field(() => ID, { description: 'Where: a commune or village unit.' })
  @IsUUID('all', { message: 'placeId must be a unit id' })
  placeId!: string;

  @Field(() => Boolean, { description: 'Public threads appear on the board; private ones only to you and the units.' })
  @IsBoolean()
  isPublic!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Post without an account (also when signed in): you get a tracking code instead.',
  })
  @IsBoolean()
  anonymous!: boolean;

  @Field(() => String, {
    description:
      'A UUID the client generates once per post (crypto.randomUUID). It belongs to the poster (the account, or for an anonymous post the post itself): a retry of the same post with it returns the same thread, a different post with it is CONFLICT.',
  })
  @IsUUID('all', { message: 'idempotencyKey must be a UUID' })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The privacy notice version shown to the poster (privacyNotice.version): posting with it agrees to it. May be left out by a signed-in account that agreed to the version in force; otherwise CONSENT_REQUIRED.',
  })
  @IsOptional()
  @MaxLength(40)
  consentVersion?: string | null;

  @Field(() => [ID], { defaultValue: [], description: ATTACHMENTS_DESCRIPTION })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'attachmentIds must be upload ids' })
  attachmentIds?: string[];

  @Field(() => Float, {
    nullable: true,
    description: 'Latitude (WGS 84) of the map pin or the phone position; with longitude, or neither.',
  })
  @IsOptional()
  @IsLatitude({ message: 'latitude must be from -90 to 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84) of the pin; with latitude, or neither.' })
  @IsOptional()
  @IsLongitude({ message: 'longitude must be from -180 to 180' })
  longitude?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where, in words ("gần chợ Nam Ban, thôn 2"), up to 300 characters.',
  })
  @IsOptional()
  @MaxLength(300, { message: 'address must be at most 300 characters long' })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Anonymous posts only: an e-mail address to hear back at. Never shown to anyone, kept apart from the thread, erased when the thread closes.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254, { message: 'contactEmail must be an e-mail address' })
  contactEmail?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Language of the messages sent to contactEmail: vi (the default) or en.',
  })
  @IsOptional()
  @IsIn(['vi', 'en'], { message: 'contactLanguage must be vi or en' })
  contactLanguage?: string | null;
}

@InputType({ description: 'A message in a thread.' })
export class ReplyInput {
  @Field(() => ID, { description: 'The thread.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => String, { description: 'The text, 1 to 5000 characters.' })
  @Length(1, 5000, { message: 'body must be 1 to 5000 characters long' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "An internal note: only staff see it (the unit's officers).",
  })
  @IsBoolean()
  internal!: boolean;

  @Field(() => String, { nullable: true, description: TRACKING_CODE_DESCRIPTION })
  @IsOptional()
  @MaxLength(40)
  trackingCode?: string | null;

  @Field(() => [ID], { defaultValue: [], description: ATTACHMENTS_DESCRIPTION })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'attachmentIds must be upload ids' })
  attachmentIds?: string[];
}

@InputType({ description: 'Move a thread to another status.' })
export class ChangeStatusInput {
  @Field(() => ID, { description: 'The thread.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => ThreadStatus, { description: 'The status to move to.' })
  @IsIn(Object.values(ThreadStatus))
  status!: ThreadStatus;

  @Field(() => String, { nullable: true, description: 'Why; required to reject or to reopen.' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: TRACKING_CODE_DESCRIPTION })
  @IsOptional()
  @MaxLength(40)
  trackingCode?: string | null;
}

@InputType({ description: 'Hand a thread to another unit.' })
export class TransferInput {
  @Field(() => ID, { description: 'The thread.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => ID, { description: 'The unit that becomes responsible.' })
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId!: string;

  @Field(() => String, { description: 'Why the other unit is the right one.' })
  @Length(3, 2000, { message: 'reason must be 3 to 2000 characters long' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

@InputType({ description: 'Close a thread as a duplicate of another.' })
export class MarkDuplicateInput {
  @Field(() => ID, { description: 'The thread that repeats another: it is closed.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => ID, { description: 'The public thread it repeats, which its author is pointed to.' })
  @IsUUID('all', { message: 'originalId must be a thread id' })
  originalId!: string;

  @Field(() => String, { nullable: true, description: 'A word to the author, up to 2000 characters.' })
  @IsOptional()
  @MaxLength(2000, { message: 'reason must be at most 2000 characters long' })
  reason?: string | null;
}

@InputType({ description: "The citizen's rating of a resolved thread." })
export class RateInput {
  @Field(() => ID, { description: 'The thread.' })
  @IsUUID('all', { message: 'threadId must be a thread id' })
  threadId!: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @IsInt()
  @Min(1, { message: 'score must be from 1 to 5' })
  @Max(5, { message: 'score must be from 1 to 5' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'A comment on the answer, up to 1000 characters.' })
  @IsOptional()
  @MaxLength(1000, { message: 'comment must be at most 1000 characters long' })
  comment?: string | null;

  @Field(() => String, { nullable: true, description: TRACKING_CODE_DESCRIPTION })
  @IsOptional()
  @MaxLength(40)
  trackingCode?: string | null;
}
