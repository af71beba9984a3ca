import {
  batchesComplete,
  describe as say,
  describeShifted,
  foldMoves,
  type BatchedMove,
  type Move,
} from '../../gateway/web/src/pages/rankFeed';

const move = (id: string, previous: number | null, position: number): Move => ({
  communeId: id,
  name: id === 'dak-pek' ? 'Đăk Pék' : `Xã ${id}`,
  previous,
  position,
});

describe('the wall feed: one line per cause', () => {
  it('folds a 38-place move and the 38 one-place shifts it caused (some sent twice) into one line', () => {
    const shifts: Move[] = [];
    for (let p = 58; p < 96; p++) shifts.push(move(`c${p}`, p, p + 1));
    const twice = shifts.slice(0, 5); // the same shift reported again
    const lines = foldMoves([...shifts, move('dak-pek', 96, 58), ...twice]);
    expect(lines).toHaveLength(1);
    expect(say(lines[0])).toBe('Đăk Pék lên 38 bậc');
    expect(lines[0]).toMatchObject({ from: 96, to: 58, shifted: 38 });
    expect(describeShifted(lines[0])).toBe('38 xã khác xuống 1 bậc');
  });

  it.each<[string, Move[], string[]]>([
    ['two communes swapping places: the one that rose', [move('a', 5, 4), move('b', 4, 5)], ['Xã a lên 1 bậc']],
    [
      'a fall of three places',
      [move('a', 2, 5), move('b', 3, 2), move('c', 4, 3), move('d', 5, 4)],
      ['Xã a xuống 3 bậc'],
    ],
    ['a newly ranked commune', [move('n', null, 10)], ['Xã n mới được xếp hạng']],
    ['a move undone within the burst', [move('a', 5, 3), move('a', 3, 5)], []],
    [
      'two causes in one burst',
      [move('a', 20, 10), move('b', 3, 1), move('c', 1, 2), move('d', 2, 3)],
      ['Xã a lên 10 bậc', 'Xã b lên 2 bậc'],
    ],
  ])('%s', (_case, moves, expected) => {
    expect(foldMoves(moves).map(say)).toEqual(expected);
  });
});

describe('when the wall may fold: whole batches only', () => {
  const batched = (id: string, batch: string | null, batchSize: number | null): BatchedMove => ({
    ...move(id, 5, 4),
    batch,
    batchSize,
  });
  it.each<[string, BatchedMove[], boolean]>([
    ['nothing pending', [], false],
    ['a whole batch of one', [batched('a', 'b1', 1)], true],
    ['two of a batch of three', [batched('a', 'b1', 3), batched('b', 'b1', 3)], false],
    [
      'a batch of three, one move sent twice',
      [batched('a', 'b1', 3), batched('a', 'b1', 3), batched('b', 'b1', 3)],
      false,
    ],
    ['a whole batch and half of another', [batched('a', 'b1', 1), batched('b', 'b2', 2)], false],
    ['two whole batches', [batched('a', 'b1', 1), batched('b', 'b2', 2), batched('c', 'b2', 2)], true],
    ['a move without a batch (polling, older events)', [batched('a', null, null)], false],
  ])('%s → %s', (_case, moves, complete) => expect(batchesComplete(moves)).toBe(complete));
});
