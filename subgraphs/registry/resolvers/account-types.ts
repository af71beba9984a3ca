import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Account', { description: 'An official’s account (tài khoản): one role over one area.' })
export class AccountType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'What the official types to sign in (lower case).' })
  login!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: 'PROVINCE_ADMIN, PROVINCE_VIEWER, COMMUNE_OFFICER, VILLAGE_REPORTER, UNIT_REPORTER.',
  })
  role!: string;

  @Field(() => ID, { description: 'The province, commune, village or unit the account is over.' })
  areaId!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'False for an account that signs in only through invite links.' })
  hasPassword!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while it works.' })
  disabledAt!: Date | null;
}

@InputType('AccountInput')
export class AccountInput {
  @Field(() => String, { description: '3–60 letters, digits, dots, dashes, underscores; unique.' })
  login!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The role; its area must be of that role’s level.' })
  role!: string;

  @Field(() => ID)
  areaId!: string;

  @Field(() => String, { nullable: true, description: 'At least 8 characters; none: invite links only.' })
  password?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@ObjectType('Session', { description: 'A signed-in device: an access token and the secret that refreshes it.' })
export class SessionType {
  @Field(() => String, { description: 'Send as Authorization: Bearer <token>; valid 24 hours.' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { description: 'Kept on the device; refreshSession(refreshToken) gives a new token.' })
  refreshToken!: string;

  @Field(() => Date, { description: 'The session ends unless refreshed before this (60 days after the last use).' })
  sessionExpiresAt!: Date;

  @Field(() => String, { description: 'The page this account starts on, e.g. /commune/C02949.' })
  homePath!: string;

  @Field(() => AccountType)
  account!: AccountType;
}

@ObjectType('AccountInvite', { description: 'A single-use sign-in link for an account, valid 7 days.' })
export class InviteType {
  @Field(() => String, { description: 'The code in the link; shown once, stored only as a hash.' })
  code!: string;

  @Field(() => String, { description: 'The link’s path on the hub, e.g. /invite#<code>.' })
  path!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => AccountType)
  account!: AccountType;
}
