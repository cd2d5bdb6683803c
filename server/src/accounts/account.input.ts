import { IsBoolean, IsEmail, IsIn, IsOptional, IsUUID, Length, MaxLength, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from './role.js';

const PASSWORD_RULE = { min: 8, max: 128 };
const passwordMessage = `password must be ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters long`;
const NAME_PATTERN = /\S/;

@InputType({ description: 'Citizen self-sign-up.' })
export class RegisterInput {
  @Field(() => String, { description: 'E-mail address used to sign in.' })
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email!: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  @Length(PASSWORD_RULE.min, PASSWORD_RULE.max, { message: passwordMessage })
  password!: string;

  @Field(() => String, {
    description: 'Name shown beside what the person writes (1-100 characters).',
  })
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  @Matches(NAME_PATTERN, { message: 'displayName must not be blank' })
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The privacy notice version shown on the sign-up form (privacyNotice.version); anything else is CONSENT_REQUIRED. Staff accounts leave it out.',
  })
  @IsOptional()
  @MaxLength(40)
  consentVersion?: string | null;
}

@InputType({ description: 'Sign-in with e-mail and password.' })
export class LoginInput {
  @Field(() => String, { description: 'E-mail address of the account.' })
  @Length(1, 254, { message: 'email must be given' })
  email!: string;

  @Field(() => String, { description: 'Password of the account.' })
  @Length(1, PASSWORD_RULE.max, { message: 'password must be given' })
  password!: string;
}

@InputType({ description: 'Change the signed-in account password.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now.' })
  @Length(1, PASSWORD_RULE.max, { message: 'currentPassword must be given' })
  currentPassword!: string;

  @Field(() => String, {
    description: 'The new password, at least 8 characters.',
  })
  @Length(PASSWORD_RULE.min, PASSWORD_RULE.max, {
    message: `newPassword must be ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters long`,
  })
  newPassword!: string;
}

export const STAFF_ROLES = [Role.OFFICER, Role.MONITOR, Role.ADMIN] as const;

@InputType({
  description: 'An officer, monitor or administrator account, created by an administrator.',
})
export class CreateStaffAccountInput extends RegisterInput {
  @Field(() => Role, { description: 'OFFICER, MONITOR or ADMIN.' })
  @IsIn(STAFF_ROLES, { message: 'role must be OFFICER, MONITOR or ADMIN' })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit an officer belongs to; required for OFFICER, not allowed otherwise.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;
}

@InputType({
  description:
    "An administrator's change to another account: its role, its unit, or whether it may sign in. Every change signs the account out everywhere.",
})
export class UpdateAccountInput {
  @Field(() => ID, { description: 'The account.' })
  @IsUUID('all', { message: 'userId must be an account id' })
  userId!: string;

  @Field(() => Role, { nullable: true, description: 'The new role; unchanged when omitted.' })
  @IsOptional()
  @IsIn(Object.values(Role), { message: 'role must be CITIZEN, OFFICER, MONITOR or ADMIN' })
  role?: Role | null;

  @Field(() => ID, {
    nullable: true,
    description: "The officer's unit; required when the account becomes an officer, unchanged when omitted.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true disables the account, false enables it again.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;
}
