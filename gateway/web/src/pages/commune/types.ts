import type { CommuneQuery } from '../../generated/graphql';

/** The commune as the page's query gives it (generated from the schema). */
export type Commune = NonNullable<CommuneQuery['commune']>;
export type Village = Commune['villages'][number];
export type Unit = Commune['units'][number];
export type Target = Commune['effectiveTargets'][number];
