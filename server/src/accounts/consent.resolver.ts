import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { PRIVACY_NOTICE, type PrivacyNoticeText } from '../shared/privacy-notice.js';
import { checkConsent, ConsentOccasion, hasCurrentConsent, recordConsent } from './consent.js';
import { User } from './user.entity.js';

@ObjectType({ description: 'The privacy notice in one language.' })
class PrivacyNoticeTextType implements PrivacyNoticeText {
  @Field(() => String, { description: 'Heading.' }) title!: string;
  @Field(() => String, { description: 'What is collected.' }) collected!: string;
  @Field(() => String, { description: 'Why.' }) purpose!: string;
  @Field(() => String, { description: 'For how long.' }) retention!: string;
  @Field(() => String, { description: 'Who sees it.' }) audience!: string;
  @Field(() => String, { description: 'What the person can do about it.' }) rights!: string;
  @Field(() => String, { description: 'What continuing means.' }) agree!: string;
}

@ObjectType({ description: 'The privacy notice in force: sign-up and posting agree to this version.' })
class PrivacyNotice {
  @Field(() => String, { description: 'Send it back as `consentVersion`.' }) version!: string;
  @Field(() => PrivacyNoticeTextType, { description: 'In Vietnamese.' }) vi!: PrivacyNoticeTextType;
  @Field(() => PrivacyNoticeTextType, { description: 'In English.' }) en!: PrivacyNoticeTextType;
}

@Resolver(() => User)
export class ConsentResolver {
  @Query(() => PrivacyNotice, { description: 'The privacy notice in force, with its version.' })
  privacyNotice(): PrivacyNotice {
    return PRIVACY_NOTICE;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'For your own account (null for others): true when the privacy notice changed since you agreed to it; show it and call agreeToPrivacyNotice.',
  })
  consentNeeded(@Root() user: User, @Ctx() { viewer }: Context): boolean | null {
    return viewer?.id === user.id ? !hasCurrentConsent(user) : null;
  }

  @Authorized()
  @Mutation(() => User, {
    description: 'Agree to the privacy notice in force (its version as shown); another version is CONSENT_REQUIRED.',
  })
  async agreeToPrivacyNotice(
    @Arg('version', () => String, { description: 'privacyNotice.version as shown.' }) version: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const viewer = ctx.viewer!;
    if (checkConsent(version, viewer)) {
      await recordConsent(ctx.em, ConsentOccasion.RENEW, { user: viewer });
      await ctx.em.flush();
    }
    return viewer;
  }
}
