import 'reflect-metadata';
import type { MigrationList } from '../common/orm';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { listenForReportWrites, SnapshotCache } from './progress/cache';
import { warmSnapshots } from './loaders';
import {
  Area,
  CommuneReport,
  DirectiveTarget,
  PopulationFact,
  PortalStatistic,
  ReportPerson,
  UnitReport,
} from './entities';
import { REPORTS_CONSUMERS } from './events';
import { LiveHub } from './live/hub';
import { createLoaders, type ReportsLoaders } from './loaders';
import { buildReportsSchema } from './schema';
import { seedNational } from './demo/national-seed';
import { seedDemo } from './demo/seed';

/** Shared by the requests of a running reports subgraph. */
export interface ReportsState {
  /** Province snapshots, retired by every write here or elsewhere (LISTEN) and by every consumed event batch. */
  cache: SnapshotCache;
  /** Live subscriptions' events from the outbox. */
  hub: LiveHub;
}

export const reports: SubgraphDefinition<ReportsLoaders, ReportsState> = {
  name: 'reports',
  entities: [Area, PopulationFact, UnitReport, ReportPerson, PortalStatistic, DirectiveTarget, CommuneReport],
  migrations: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only to migrate (OrmOptions.migrations)
    (require('../../migrations/reports') as { reportsMigrations: MigrationList }).reportsMigrations,
  buildSchema: buildReportsSchema,
  createLoaders: (em, state) => createLoaders(em, state.cache, state.hub),
  state: {
    create: (options) => ({ cache: new SnapshotCache(), hub: new LiveHub(options.databaseUrl, options.log) }),
    async start({ cache, hub }, options) {
      const listener = await listenForReportWrites(options.databaseUrl, cache, options.log ?? console.log);
      await hub.start();
      return {
        async stop() {
          await hub.stop();
          await listener.stop();
        },
      };
    },
    clear: ({ cache }) => cache.bump(),
    warm: ({ cache }, em, log) => warmSnapshots(em, cache, log),
    clearAfterEvents: true,
  },
  subscriptions: true,
  seedDemo,
  seedNational,
  consumers: REPORTS_CONSUMERS,
};

export const start = (options: SubgraphOptions) => startSubgraph(reports, options);

if (require.main === module) runFromEnvironment(reports);
