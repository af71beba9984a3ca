import { BadInputError, ForbiddenError } from '../../shared/pure/errors';
import {
  checkCanApprove,
  checkCanReopen,
  checkNote,
  checkPeriodDate,
  checkPeriodOpen,
  checkReason,
  lockedPeriodError,
  viDateTime,
  type PeriodApprovalFacts,
} from '../../subgraphs/reports/approval/rules';

const approved: PeriodApprovalFacts = {
  state: 'APPROVED',
  approvedAt: new Date('2025-11-08T01:05:00Z'),
  approvedByName: 'Đinh Văn Hùng',
};
const reopened: PeriodApprovalFacts = { ...approved, state: 'REOPENED' };
const open: PeriodApprovalFacts = { state: 'OPEN', approvedAt: null, approvedByName: null };

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
};

describe('approval rules', () => {
  it('writes moments in Vietnam time, as officials read them', () => {
    expect(viDateTime(new Date('2025-11-08T01:05:00Z'))).toBe('08:05 ngày 08/11/2025');
    expect(viDateTime(new Date('2025-11-07T18:30:00Z'))).toBe('01:30 ngày 08/11/2025');
  });

  it('takes today and past dates, refuses future and invalid ones', () => {
    expect(() => checkPeriodDate('2025-11-07', '2025-11-07')).not.toThrow();
    expect(() => checkPeriodDate('2025-11-07', '2026-01-01')).not.toThrow();
    expect(thrown(() => checkPeriodDate('2025-11-08', '2025-11-07'))).toBeInstanceOf(BadInputError);
    expect(thrown(() => checkPeriodDate('2025-02-30', '2026-01-01'))).toBeInstanceOf(BadInputError);
  });

  it('approves an open or reopened period, not an approved one', () => {
    expect(() => checkCanApprove(open, '2025-11-07')).not.toThrow();
    expect(() => checkCanApprove(reopened, '2025-11-07')).not.toThrow();
    const e = thrown(() => checkCanApprove(approved, '2025-11-07')) as BadInputError;
    expect(e).toBeInstanceOf(BadInputError);
    expect(e.message).toBe(
      'Kỳ báo cáo ngày 07/11/2025 đã được duyệt lúc 08:05 ngày 08/11/2025 bởi Đinh Văn Hùng (the period is already approved)',
    );
  });

  it('reopens only an approved period', () => {
    expect(() => checkCanReopen(approved, '2025-11-07')).not.toThrow();
    expect(thrown(() => checkCanReopen(open, '2025-11-07'))).toBeInstanceOf(BadInputError);
    expect(thrown(() => checkCanReopen(reopened, '2025-11-07'))).toBeInstanceOf(BadInputError);
  });

  it('requires a reason to reopen, trimmed and at most 1000 characters', () => {
    expect(checkReason('  Thôn báo sai số  ')).toBe('Thôn báo sai số');
    for (const bad of ['', '   ', null, undefined, 'x'.repeat(1001)]) {
      const e = thrown(() => checkReason(bad)) as BadInputError;
      expect(e).toBeInstanceOf(BadInputError);
      expect(e.field).toBe('reason');
    }
  });

  it('keeps a note optional', () => {
    expect(checkNote('  ')).toBeNull();
    expect(checkNote(null)).toBeNull();
    expect(checkNote(' Đã đối chiếu ')).toBe('Đã đối chiếu');
    expect(thrown(() => checkNote('x'.repeat(1001)))).toBeInstanceOf(BadInputError);
  });

  it('locks only an approved period, with the date, the moment and the approver, Vietnamese first', () => {
    expect(() => checkPeriodOpen('2025-11-07', null)).not.toThrow();
    expect(() => checkPeriodOpen('2025-11-07', open)).not.toThrow();
    expect(() => checkPeriodOpen('2025-11-07', reopened)).not.toThrow();
    const e = thrown(() => checkPeriodOpen('2025-11-07', approved)) as ForbiddenError;
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toBe(lockedPeriodError('2025-11-07', approved).message);
    expect(e.message).toBe(
      'Kỳ báo cáo ngày 07/11/2025 đã được duyệt lúc 08:05 ngày 08/11/2025 bởi Đinh Văn Hùng; đề nghị UBND xã mở lại kỳ báo cáo ' +
        '(period 2025-11-07 approved on 2025-11-08T01:05:00.000Z by Đinh Văn Hùng; ask the commune to reopen it)',
    );
  });
});
