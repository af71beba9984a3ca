import { readFileSync } from 'node:fs';
import { GENERATED, generateWebTypes, pageDocuments } from '../../scripts/web-types';

describe('gateway/web/src/generated/graphql.ts', () => {
  it('is what `npm run compose` generates from schema/ and the pages (run it and commit when this fails)', async () => {
    expect(readFileSync(GENERATED(), 'utf8')).toBe(await generateWebTypes());
  });

  it('types the province page’s and the wall screen’s operations', () => {
    const names = pageDocuments().map((d) => /^(query|subscription|fragment) (\w+)/.exec(d.text.trim())?.[2]);
    expect(names).toEqual(expect.arrayContaining(['Dashboard', 'DirectivesFields', 'RankingFields', 'Rank', 'Wall']));
  });
});
