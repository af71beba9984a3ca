import { rankCommunes, rankMoves, type RankInput, type Ranked } from '../../subgraphs/reports/ranking/rules';

/** A ranking from commune ids in order, best first. */
const ranking = (...ids: string[]): Ranked[] =>
  ids.map((communeId, i) => ({ communeId, position: i + 1, outOf: ids.length }));

/** [commune, previous position, position, move] of each commune of the current ranking, in its order. */
type Row = [string, number | null, number, number | null];
const rows = (previous: Ranked[] | null, current: Ranked[]): Row[] =>
  rankMoves(previous, current).map((m) => [m.communeId, m.previous, m.position, m.move]);

describe('rank moves: places moved up between two rankings (positive: up)', () => {
  it.each<[string, Ranked[] | null, Ranked[], Row[]]>([
    [
      'no previous ranking: nobody has moved',
      null,
      ranking('a', 'b'),
      [
        ['a', null, 1, null],
        ['b', null, 2, null],
      ],
    ],
    ['an empty previous ranking is a ranking with nobody in it', [], ranking('a'), [['a', null, 1, null]]],
    [
      'the same order: every move is 0',
      ranking('a', 'b', 'c'),
      ranking('a', 'b', 'c'),
      [
        ['a', 1, 1, 0],
        ['b', 2, 2, 0],
        ['c', 3, 3, 0],
      ],
    ],
    [
      'one commune rises three places and pushes three down by one',
      ranking('a', 'b', 'c', 'd'),
      ranking('d', 'a', 'b', 'c'),
      [
        ['d', 4, 1, 3],
        ['a', 1, 2, -1],
        ['b', 2, 3, -1],
        ['c', 3, 4, -1],
      ],
    ],
    [
      'a commune new to the ranking has no move; those it passes move down',
      ranking('a', 'b'),
      ranking('a', 'new', 'b'),
      [
        ['a', 1, 1, 0],
        ['new', null, 2, null],
        ['b', 2, 3, -1],
      ],
    ],
    [
      'a commune that left has no entry; those below it move up',
      ranking('a', 'gone', 'b'),
      ranking('a', 'b'),
      [
        ['a', 1, 1, 0],
        ['b', 3, 2, 1],
      ],
    ],
    [
      'Ba Tô from 34 to 38 is -4 (DESIGN.md)',
      [{ communeId: 'ba-to', position: 34, outOf: 96 }],
      [{ communeId: 'ba-to', position: 38, outOf: 96 }],
      [['ba-to', 34, 38, -4]],
    ],
  ])('%s', (_case, previous, current, expected) => {
    expect(rows(previous, current)).toEqual(expected);
  });

  it('ties are broken by learners then code before moves are measured, so a tie never shows as a move', () => {
    const entries = (learnersOfB: number): RankInput[] => [
      { communeId: 'a', code: 'a', participationRate: 0.5, learners: 10 },
      { communeId: 'b', code: 'b', participationRate: 0.5, learners: learnersOfB },
      { communeId: 'c', code: 'c', participationRate: null, learners: 99 },
    ];
    // Same rate, same learners: the code decides, in both rankings.
    expect(rows(rankCommunes(entries(10)), rankCommunes(entries(10))).map((r) => r[3])).toEqual([0, 0, 0]);
    // Same rate, b now has more learners: b passes a.
    expect(rows(rankCommunes(entries(10)), rankCommunes(entries(11)))).toEqual([
      ['b', 2, 1, 1],
      ['a', 1, 2, -1],
      ['c', 3, 3, 0],
    ]);
  });

  it('keeps outOf from the current ranking', () => {
    expect(rankMoves(ranking('a', 'b', 'c'), ranking('a', 'b')).map((m) => m.outOf)).toEqual([2, 2]);
  });
});
