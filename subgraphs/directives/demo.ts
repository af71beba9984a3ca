/**
 * The province directives of the seed letters (Quảng Ngãi, P23), as plain data. Numbers, dates, targets and
 * deadlines are as the letters state them. Where a letter is only known through the letters that cite it
 * (2027/SKHCN, 2761/SKHCN), its content is reconstructed from those and the directive is marked demo.
 */
import { DEMO_DIRECTIVE_REFS, DEMO_IDS } from '../../shared/vocabulary/demo';
import { QUANG_NGAI_COURSE, type DirectiveContent } from './model';

export interface DemoDirective extends DirectiveContent {
  provinceId: string;
  demo: boolean;
}

const SKHCN = 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi';

export const DEMO_DIRECTIVES: Array<DemoDirective & { id: string }> = [
  {
    ...DEMO_DIRECTIVE_REFS.plan125,
    demo: false,
    kind: 'PLAN',
    title: 'Kế hoạch phát động và tổ chức Phong trào “Bình dân học vụ số” trên địa bàn tỉnh Quảng Ngãi năm 2025',
    issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
    addressedTo: ['PROVINCE', 'COMMUNE'],
    citesIds: [],
    citesNumbers: ['368-KH/TU'],
    replacesId: null,
    replacesNumber: null,
    targets: [
      {
        indicator: 'JOINED',
        group: 'RESIDENTS',
        threshold: 0.8,
        dueOn: '2025-12-31',
        note: 'ít nhất 80% người dân trong độ tuổi trưởng thành tham gia khóa học',
      },
    ],
    campaignPeriods: [],
    reportingDeadlines: [],
    course: null,
  },
  {
    ...DEMO_DIRECTIVE_REFS.letter639,
    demo: false,
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
      },
    ],
    course: null,
  },
  {
    ...DEMO_DIRECTIVE_REFS.plan2027,
    // Known through the commune letters that implement it (Khánh Cường, Ba Tô): content reconstructed.
    demo: true,
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
      },
      {
        indicator: 'CERTIFIED',
        group: 'OFFICIALS',
        threshold: 1,
        dueOn: '2025-11-10',
        note: '100% CBCCVC được cấp chứng nhận hoàn thành khóa học',
      },
    ],
    campaignPeriods: [
      { name: 'Đợt cao điểm học tập và kiểm tra (30 ngày)', startsOn: '2025-10-10', endsOn: '2025-11-10' },
    ],
    reportingDeadlines: [
      {
        reporter: 'UBND các xã, phường, đặc khu',
        subject: 'Báo cáo kết quả triển khai khóa bồi dưỡng',
        recurrence: 'ONCE',
        dueOn: '2025-11-20',
        before: true,
      },
    ],
    course: QUANG_NGAI_COURSE,
  },
  {
    ...DEMO_DIRECTIVE_REFS.notice2761,
    // Known through the commune letter of November 2025 that cites it: content reconstructed.
    demo: true,
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
