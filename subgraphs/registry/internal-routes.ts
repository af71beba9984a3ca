/**
 * The registry's internal HTTP routes for the gateway (docs/access.md, "Accounts and sign-in"):
 * `GET /internal/session/<sid>` answers `{ "open": true|false }` for the caller the gateway's internal token names
 * (x-hub-identity); without a valid internal token, 401. Not part of the GraphQL API.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import { IDENTITY_HEADER } from '../../shared/auth';
import type { Viewer } from '../../shared/pure/viewer';
import { sessionIsOpen } from './session-store';

export function registryRoutes(
  app: Express,
  deps: { em: () => EntityManager; identify: (header: string | string[] | undefined) => Promise<Viewer> },
): void {
  app.get('/internal/session/:sid', (req, res, next) => {
    void (async () => {
      const viewer = await deps.identify(req.headers[IDENTITY_HEADER]);
      if (viewer.id === null) {
        res.status(401).json({ error: 'internal token required' });
        return;
      }
      res.json({ open: await sessionIsOpen(deps.em(), viewer, req.params.sid) });
    })().catch(next);
  });
}
