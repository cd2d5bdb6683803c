import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotificationLanguage } from './notification.entity.js';

@InputType({ description: 'How you want to hear about threads; omitted fields stay as they are.' })
export class NotificationSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'E-mails to your sign-in address.' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Web Push to the browsers you subscribed.' })
  @IsOptional()
  @IsBoolean()
  push?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Officers: one e-mail a day (08:00 Vietnam time) about your unit's threads instead of one each.",
  })
  @IsOptional()
  @IsBoolean()
  digest?: boolean;

  @Field(() => String, { nullable: true, description: 'Language of e-mails and push texts: vi or en.' })
  @IsOptional()
  @IsIn(Object.values(NotificationLanguage), { message: 'language must be vi or en' })
  language?: NotificationLanguage;
}

@InputType({ description: "A browser's Web Push subscription, as PushSubscription.toJSON() gives it." })
export class PushSubscriptionInput {
  @Field(() => String, { description: 'The push service URL.' })
  @IsUrl(
    { protocols: ['https', 'http'], require_tld: false, require_protocol: true },
    { message: 'endpoint must be a URL' },
  )
  @Length(10, 2000)
  endpoint!: string;

  @Field(() => String, { description: 'keys.p256dh: the browser’s public key (base64url).' })
  @IsString()
  @Length(20, 200)
  p256dh!: string;

  @Field(() => String, { description: 'keys.auth: the shared authentication secret (base64url).' })
  @IsString()
  @Length(8, 100)
  auth!: string;
}
