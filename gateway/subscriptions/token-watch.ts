/**
 * The caller's token on a graphql-ws connection: read from `connectionParams` at connect, and watched while the
 * socket is open, so that it is not only checked once (docs/access.md, "Sessions that end").
 */
import type WebSocket from 'ws';
import type { Caller } from '../../shared/auth';
import type { SessionChecker } from '../sessions';

/**
 * The token a client sent (`token`, else `authorization`, without "Bearer "): null when it sent none, false when it
 * is not a string — a number or an object is no token, never taken for an anonymous connection (false, not a word,
 * so that no string token can pass for it).
 */
export function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | null | false {
  const given = [params?.token, params?.authorization].find((v) => v !== undefined && v !== null && v !== '');
  if (given === undefined) return null;
  return typeof given === 'string' ? given.replace(/^Bearer\s+/i, '') : false;
}

/**
 * Closes the socket when the caller's token expires (4401) and when its session ends (4403: signed out, account
 * disabled), re-checked every `sessions.cacheMs`.
 */
export function watchToken(socket: WebSocket, caller: Caller, sessions: SessionChecker | undefined): void {
  let expiry: NodeJS.Timeout | undefined;
  const armExpiry = () => {
    if (caller.expiresAt === undefined) return;
    const left = caller.expiresAt * 1000 - Date.now();
    if (left <= 0) return socket.close(4401, 'token expired');
    // setTimeout holds at most ~24.8 days; a 30-day token re-arms.
    expiry = setTimeout(armExpiry, Math.min(left, 2 ** 31 - 1));
    expiry.unref();
  };
  armExpiry();
  const recheck =
    caller.session && sessions
      ? setInterval(() => {
          sessions.isOpen(caller).then(
            (open) => {
              if (!open) socket.close(4403, 'session ended');
            },
            () => undefined, // the registry could not answer: asked again next time
          );
        }, sessions.cacheMs)
      : undefined;
  recheck?.unref();
  socket.once('close', () => {
    clearTimeout(expiry);
    clearInterval(recheck);
  });
}
