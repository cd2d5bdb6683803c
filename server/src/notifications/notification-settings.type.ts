import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How an account hears about threads.' })
export class NotificationSettingsView {
  @Field(() => Boolean, { description: 'E-mails to the sign-in address.' })
  email!: boolean;

  @Field(() => Boolean, { description: 'Web Push to subscribed browsers.' })
  push!: boolean;

  @Field(() => Boolean, { description: "Officers: a daily digest of the unit's threads instead of one e-mail each." })
  digest!: boolean;

  @Field(() => String, { description: 'Language of e-mails and push texts (vi or en).' })
  language!: string;
}
