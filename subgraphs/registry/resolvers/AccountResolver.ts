import { Arg, Ctx, ID, Mutation, Query, Resolver, Directive } from 'type-graphql';
import type { Context } from '../../common/context';
import { createAccount, createInvite, disableAccount, listAccounts, type AccountRow } from '../account-store';
import type { RegistryLoaders } from '../loaders';
import { changePassword, redeemInvite, refreshSession, signIn, signOut, type Session } from '../session-store';
import { AccountInput, AccountType, InviteType, SessionType } from './account-types';
import { listSize, ACCOUNTS_PER_AREA } from '../../common/list-size';

type Ctx = Context<RegistryLoaders>;

/** Accounts and sign-in (docs/access.md, "Accounts and sign-in"); the rules are in account-store / session-store. */
@Resolver()
export class AccountResolver {
  @Directive(listSize(ACCOUNTS_PER_AREA))
  @Query(() => [AccountType], {
    description: 'Accounts in an area the caller manages (default: the caller’s own area), newest first.',
  })
  accounts(
    @Arg('areaId', () => ID, { nullable: true }) areaId: string | null,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<AccountRow[]> {
    return listAccounts(em, viewer, areaId);
  }

  @Mutation(() => AccountType, {
    description:
      'Creates an account (tạo tài khoản): province admins in their province, commune officers for the villages ' +
      'and units of their commune.',
  })
  createAccount(@Arg('input', () => AccountInput) input: AccountInput, @Ctx() { em, viewer }: Ctx) {
    return createAccount(em, viewer, input);
  }

  @Mutation(() => AccountType, { description: 'Disables an account the caller manages; its sessions end.' })
  disableAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() { em, viewer }: Ctx) {
    return disableAccount(em, viewer, Number(accountId) || 0);
  }

  @Mutation(() => InviteType, { description: 'A single-use sign-in link (7 days) for an account the caller manages.' })
  createInvite(@Arg('accountId', () => ID) accountId: string, @Ctx() { em, viewer }: Ctx) {
    return createInvite(em, viewer, Number(accountId) || 0);
  }

  @Mutation(() => SessionType, { description: 'Signs in with a login and a password (rate-limited).' })
  signIn(
    @Arg('login', () => String) login: string,
    @Arg('password', () => String) password: string,
    @Ctx() { em, loaders }: Ctx,
  ): Promise<Session> {
    return signIn(em, loaders.authSecret(), login, password);
  }

  @Mutation(() => SessionType, { description: 'Signs in with an invite link’s code (once).' })
  redeemInvite(@Arg('code', () => String) code: string, @Ctx() { em, loaders }: Ctx): Promise<Session> {
    return redeemInvite(em, loaders.authSecret(), code);
  }

  @Mutation(() => SessionType, { description: 'A new access token for an open session.' })
  refreshSession(
    @Arg('refreshToken', () => String) refreshToken: string,
    @Ctx() { em, loaders }: Ctx,
  ): Promise<Session> {
    return refreshSession(em, loaders.authSecret(), refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Signs out: the session’s refresh token stops working.' })
  signOut(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() { em }: Ctx): Promise<boolean> {
    return signOut(em, refreshToken);
  }

  @Mutation(() => SessionType, {
    description:
      'Changes the signed-in account’s password (đổi mật khẩu): every session of the account ends and a new one ' +
      'is returned for this device.',
  })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<Session> {
    return changePassword(em, loaders.authSecret(), viewer, currentPassword, newPassword);
  }
}
