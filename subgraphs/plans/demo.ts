/**
 * The commune plans of the seed letters, as plain data: Ba Tô (plan 76/KH-UBND of 13/10/2025, whose targets its
 * late-October letter quotes; letter 489/UBND of 15/10/2025; and that late-October letter, 004, which replaces
 * 525/UBND of 24/10/2025 and sets the deadlines, sessions and reward rules), Ngọk Bay (August 2025 plan, 2025 and
 * 2026 targets) and Khánh Cường (October 2025 letter implementing 2027/SKHCN). Each plan, target, deadline and rule
 * names the letter and section it is taken from (`citation`), or is marked demo (dữ liệu minh họa). Where a letter
 * leaves its number or day blank ("Số: …/KH-UBND, ngày … tháng 8"), the plan is marked demo and the gap filled; task
 * statuses are invented (tasks marked demo).
 */
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import type { PlanContent, TaskData } from './model';

export interface DemoPlan extends PlanContent {
  communeId: string;
  demo: boolean;
  /** The seed letter and passage this plan is taken from. */
  citation: string;
}

export { pad, range, v } from './demo-ids';
import { range, u, v } from './demo-ids';
export { BA_TO_LETTER_489, BA_TO_OCTOBER_LETTER, BA_TO_PLAN } from './demo-ba-to';
import { BA_TO_LETTER_489, BA_TO_OCTOBER_LETTER, BA_TO_PLAN } from './demo-ba-to';

const year = (y: number) => `${y}-12-31`;
export const NGOK_BAY_PLAN: DemoPlan = {
  communeId: 'C02032',
  demo: true,
  citation: '003_f72a234c15b9ddbd.txt',
  number: 'KH-UBND 08/2025',
  title: 'Kế hoạch triển khai Phong trào “Bình dân học vụ số” trên địa bàn xã Ngọk Bay',
  issuedOn: '2025-08-15',
  directiveIds: [DEMO_IDS.plan125, DEMO_IDS.letter639],
  replacesNumber: null,
  targets: [2025, 2026].flatMap((y) => {
    const first = y === 2025;
    const citation = `003_f72a234c15b9ddbd.txt §II.${first ? 1 : 2}`;
    return [
      {
        indicator: 'CERTIFIED' as const,
        group: 'OFFICIALS' as const,
        threshold: first ? 0.8 : 1,
        dueOn: year(y),
        citation,
        note: 'CBCCVC và người lao động khu vực công có kiến thức, kỹ năng số',
      },
      {
        indicator: 'COMPLETED' as const,
        group: 'STUDENTS' as const,
        threshold: 1,
        dueOn: year(y),
        citation,
        note: first ? 'học sinh trung học' : 'học sinh từ cấp tiểu học',
        // "trung học": lower and upper secondary; "từ cấp tiểu học": primary and up.
        studentLevels: first
          ? (['LOWER_SECONDARY', 'UPPER_SECONDARY'] as const).slice()
          : (['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'] as const).slice(),
      },
      {
        indicator: 'COMPLETED' as const,
        group: 'RESIDENTS' as const,
        threshold: first ? 0.8 : 1,
        dueOn: year(y),
        citation,
        note: 'người dân trong độ tuổi trưởng thành có tri thức cơ bản, kỹ năng số',
      },
      {
        // "xác nhận đạt phổ cập tri thức … kỹ năng số trên nền tảng VNeID": skills confirmed on VNeID, not the
        // level-2 account.
        indicator: 'VNEID_SKILLS' as const,
        group: 'RESIDENTS' as const,
        threshold: first ? 0.7 : 0.8,
        dueOn: year(y),
        citation,
        note: 'xác nhận đạt phổ cập trên nền tảng VNeID',
      },
      {
        indicator: 'COMPLETED' as const,
        group: 'WORKERS' as const,
        threshold: first ? 0.8 : 1,
        dueOn: year(y),
        citation,
        note: 'người lao động trong doanh nghiệp, hợp tác xã, tổ hợp tác',
      },
    ];
  }),
  reportingDeadlines: [],
  rewardRules: [],
  tasks: [
    {
      title: 'Tham mưu, theo dõi, tổng hợp kết quả triển khai Phong trào',
      assigneeId: u('02032', 1),
      dueOn: '2025-12-31',
      status: 'IN_PROGRESS',
    },
    {
      title: 'Ra quân hỗ trợ người dân đăng ký, học tập trên nền tảng số',
      assigneeId: u('02032', 6),
      dueOn: '2025-12-31',
      status: 'IN_PROGRESS',
    },
    ...range(16).map((n): TaskData => ({
      title: 'Tổ công nghệ số cộng đồng hướng dẫn người dân tại thôn',
      assigneeId: v('02032', n),
      dueOn: '2025-12-31',
      status: 'TODO',
    })),
  ],
  sessions: [],
};

export const KHANH_CUONG_PLAN: DemoPlan = {
  communeId: 'C01590',
  demo: true,
  citation: '002_f8eec46e59f5584d.txt',
  number: 'UBND-VHXH 10/2025',
  title: 'Triển khai khóa bồi dưỡng kỹ năng số trên nền tảng trực tuyến tại Cổng Bình dân học vụ số tỉnh Quảng Ngãi',
  issuedOn: '2025-10-10',
  directiveIds: [DEMO_IDS.plan2027],
  replacesNumber: null,
  targets: [],
  reportingDeadlines: [
    {
      reporter: 'Các cơ quan, đơn vị, các thôn',
      subject: 'Báo cáo kết quả triển khai về UBND xã (qua Phòng Văn hóa – Xã hội)',
      recurrence: 'ONCE',
      dueOn: '2025-11-20',
      before: true,
      citation: '002_f8eec46e59f5584d.txt §4',
    },
  ],
  // Demo rules (not in the letter), different from Ba Tô's, so a commune is seen judged by its own plan's rules.
  rewardRules: [
    {
      subject: 'UNIT',
      certifiedShare: 0.9,
      description: 'Cơ quan, đơn vị: 90% CBCCVC có giấy chứng nhận',
      demo: true,
    },
    {
      subject: 'VILLAGE',
      certifiedShare: 0.5,
      description: 'Thôn: 50% người dân trong độ tuổi lao động có giấy chứng nhận',
      demo: true,
    },
    {
      subject: 'OFFICIAL',
      minGuided: 3,
      description: 'CBCCVC: có giấy chứng nhận và hướng dẫn từ 3 người dân',
      demo: true,
    },
  ],
  tasks: [],
  sessions: [],
};

export const DEMO_PLANS: DemoPlan[] = [
  BA_TO_PLAN,
  BA_TO_LETTER_489,
  BA_TO_OCTOBER_LETTER,
  NGOK_BAY_PLAN,
  KHANH_CUONG_PLAN,
];
