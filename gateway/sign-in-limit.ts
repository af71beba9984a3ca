/**
 * Sign-in attempts per IP address (docs/access.md, "Accounts and sign-in"): `signIn` and `redeemInvite` fields
 * count against the client address's budget (GATEWAY_SIGN_INS_PER_IP per GATEWAY_SIGN_IN_WINDOW_MS) whether or not
 * a token comes with them; the registry counts wrong passwords per account. Either refusal is RATE_LIMITED with
 * HTTP 429 and Retry-After.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { bilingual } from '../shared/pure/errors';
import { mutationFieldCount, type GatewayLimits } from './limits';
import { rateLimited, RateLimiter } from './rate-limits';

const SIGN_IN_FIELDS = new Set(['signIn', 'redeemInvite']);

/** Sign-in fields of a mutation: aliases count each, and fields inside fragments count too. */
export function signInFieldCount(operation: OperationDefinitionNode, document: DocumentNode): number {
  return mutationFieldCount(operation, document, (field) => SIGN_IN_FIELDS.has(field));
}

function tooManySignIns(retryAfterMs: number): GraphQLError {
  return rateLimited(retryAfterMs, (seconds) =>
    bilingual(
      `Có quá nhiều lần đăng nhập từ máy này; hãy thử lại sau ${Math.ceil(seconds / 60)} phút`,
      `too many sign-in attempts from this address; retry in ${seconds} s`,
    ),
  );
}

/** The plugin: counts sign-ins per address, and answers HTTP 429 when a field was refused as RATE_LIMITED. */
export function signInLimitPlugin<C extends { clientAddress?: string }>(limits: GatewayLimits): ApolloServerPlugin<C> {
  const perIp = new RateLimiter(limits.signInsPerIp, limits.signInWindowMs);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const n = signInFieldCount(operation, document);
          if (n === 0) return;
          const wait = perIp.take(contextValue.clientAddress ?? 'unknown', n);
          if (wait > 0) throw tooManySignIns(wait);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = response.body.singleResult.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
          if (!limited) return;
          response.http.status = 429;
          const seconds = limited.extensions?.retryAfterSeconds;
          if (typeof seconds === 'number') response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
