/**
 * The province directives of the seed letters (Quảng Ngãi, P23), as plain data. Numbers, dates, targets and
 * deadlines are as the letters state them, and each names the letter and section it is taken from (`citation`).
 * Where a letter is only known through the letters that cite it (2027/SKHCN, 2761/SKHCN), its content is
 * reconstructed from those and the directive is marked demo. Nothing here is invented: a target no letter ties to a
 * directive is given to the one the letter that states it implements (the 80% of adults: 002 §3.2, implementing
 * 2027/SKHCN), and the one report due before 20/11/2025 is 639/SKHCN's (001 §8), asked once.
 */
import { DEMO_DIRECTIVE_REFS, DEMO_IDS } from '../../shared/vocabulary/demo';
import { QUANG_NGAI_COURSE, type DirectiveContent } from './model';

export interface DemoDirective extends DirectiveContent {
  provinceId: string;
  demo: boolean;
  /** The seed letter and passage that name this directive. */
  citation: string;
}

const SKHCN = 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi';

export const DEMO_DIRECTIVES: Array<DemoDirective & { id: string }> = [
  {
    ...DEMO_DIRECTIVE_REFS.plan125,
    demo: false,
    citation: '001_a55e4b272d7ff6cd.txt §1; 003_f72a234c15b9ddbd.txt (căn cứ)',
    kind: 'PLAN',
    title: 'Kế hoạch phát động và tổ chức Phong trào “Bình dân học vụ số” trên địa bàn tỉnh Quảng Ngãi năm 2025',
    issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
    addressedTo: ['PROVINCE', 'COMMUNE'],
    citesIds: [],
    citesNumbers: ['368-KH/TU'],
    replacesId: null,
    replacesNumber: null,
    // Known through the letters that cite it (001 §1, 003): its number, date, issuer and subject; no letter here
    // states its targets.
    targets: [],
    campaignPeriods: [],
    reportingDeadlines: [],
    course: null,
  },
  {
    ...DEMO_DIRECTIVE_REFS.letter639,
    demo: false,
    // 001 leaves its number and day blank; Ngọk Bay's plan (003) cites it as 639/SKHCN-BCVT&CĐS of 05/8/2025.
    citation: '001_a55e4b272d7ff6cd.txt; số và ngày theo 003_f72a234c15b9ddbd.txt (căn cứ)',
    kind: 'LETTER',
    title: 'Về việc tiếp tục đẩy mạnh triển khai phong trào “Bình dân học vụ số” trên địa bàn tỉnh Quảng Ngãi',
    issuer: SKHCN,
    addressedTo: ['PROVINCE', 'COMMUNE'],
    citesIds: [DEMO_IDS.plan125],
    citesNumbers: ['368-KH/TU', '13-NQ/TU'],
    replacesId: null,
    replacesNumber: null,
    targets: [
      {
        indicator: 'DIGITAL_SIGNATURE',
        group: 'RESIDENTS',
        threshold: 0.5,
        strict: true,
        dueOn: '2025-12-31',
        note: 'trên 50% dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân (Nghị quyết 13-NQ/TU, đến năm 2025)',
        citation: '001_a55e4b272d7ff6cd.txt §7',
      },
    ],
    campaignPeriods: [],
    reportingDeadlines: [
      {
        reporter: 'Các cơ quan, đơn vị, địa phương',
        subject: 'Báo cáo kết quả thực hiện về Sở KH&CN',
        recurrence: 'ONCE',
        dueOn: '2025-11-20',
        before: true,
        citation: '001_a55e4b272d7ff6cd.txt §8',
      },
    ],
    course: null,
  },
  {
    ...DEMO_DIRECTIVE_REFS.plan2027,
    // Known through the commune letters that implement it (Khánh Cường, Ba Tô): content reconstructed from them.
    demo: true,
    citation: '002_f8eec46e59f5584d.txt (Thực hiện Kế hoạch số 2027/SKHCN-BCVT&CĐS ngày 09/10/2025)',
    kind: 'PLAN',
    title:
      'Kế hoạch triển khai khóa bồi dưỡng kỹ năng số trên nền tảng trực tuyến tại Cổng Bình dân học vụ số tỉnh Quảng Ngãi',
    issuer: SKHCN,
    addressedTo: ['PROVINCE', 'COMMUNE', 'UNIT'],
    citesIds: [DEMO_IDS.plan125],
    citesNumbers: [],
    replacesId: null,
    replacesNumber: null,
    targets: [
      {
        indicator: 'JOINED',
        group: 'OFFICIALS',
        threshold: 1,
        dueOn: '2025-11-10',
        note: '100% CBCCVC tham gia khóa học trong đợt cao điểm',
        citation: '002_f8eec46e59f5584d.txt §3.1',
      },
      {
        indicator: 'CERTIFIED',
        group: 'OFFICIALS',
        threshold: 1,
        dueOn: '2025-11-10',
        note: '100% CBCCVC được cấp chứng nhận hoàn thành khóa học',
        citation: '002_f8eec46e59f5584d.txt §3.1',
      },
      {
        indicator: 'JOINED',
        group: 'RESIDENTS',
        threshold: 0.8,
        dueOn: '2025-12-31',
        note: 'ít nhất 80% người dân trong độ tuổi trưởng thành tham gia khóa học',
        // Khánh Cường states it implementing 2027/SKHCN, and calls it the requirement set (000: "yêu cầu đề ra").
        citation: '002_f8eec46e59f5584d.txt §3.2; 000_678179e416c0e29f.txt',
      },
    ],
    campaignPeriods: [
      { name: 'Đợt cao điểm học tập và kiểm tra (30 ngày)', startsOn: '2025-10-10', endsOn: '2025-11-10' }, // 002 §2
    ],
    // The communes' report before 20/11/2025 is 639/SKHCN's (001 §8): not asked a second time here.
    reportingDeadlines: [],
    course: QUANG_NGAI_COURSE,
  },
  {
    ...DEMO_DIRECTIVE_REFS.notice2761,
    // Known through the commune letter of November 2025 that cites it: content reconstructed.
    demo: true,
    citation: '000_678179e416c0e29f.txt (Thực hiện Công văn số 2761/SKHCN-BCVT&CĐS ngày 11/11/2025)',
    kind: 'NOTICE',
    title: 'Thông báo tình hình tham gia học kỹ năng số',
    issuer: SKHCN,
    addressedTo: ['COMMUNE'],
    citesIds: [DEMO_IDS.plan125, DEMO_IDS.plan2027],
    citesNumbers: [],
    replacesId: null,
    replacesNumber: null,
    targets: [],
    campaignPeriods: [],
    reportingDeadlines: [],
    course: null,
  },
];
