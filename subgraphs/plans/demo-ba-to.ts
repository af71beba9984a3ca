/**
 * Ba Tô's documents of the seed letters (004_677c41495f04c64c.txt): plan 76/KH-UBND of 13/10/2025, letter 489/UBND of
 * 15/10/2025, and the late-October letter 004 itself, which replaces 525/UBND of 24/10/2025. See demo.ts.
 */
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import type { TaskData } from './model';
import type { DemoPlan } from './demo';
import { range, u, v } from './demo-ids';

/** Ba Tô's Phòng Văn hóa – Xã hội: the demo registry's last unit of the commune (14 templates, 14 digital teams). */
export const BA_TO_VHXH = u('02949', 29);

/** Ba Tô: villages 1–7 former Ba Tô, 8–10 former Ba Nam (Xà Râu = 8), 11–14 former Ba Lế (Vả Lế = 11). */
const BA_TO_VENUES = [
  { venue: 'Nhà văn hóa xã Ba Tô', villages: range(7) },
  { venue: 'Nhà văn hóa thôn Xà Râu', villages: [8, 9, 10] },
  { venue: 'Nhà văn hóa thôn Vả Lế', villages: [11, 12, 13, 14] },
];

const BA_TO_LETTER = '004_677c41495f04c64c.txt';

/** Plan 76/KH-UBND: known by its number, date and subject (004's heading) and its targets, which 004 quotes. */
export const BA_TO_PLAN: DemoPlan = {
  communeId: 'C02949',
  demo: false,
  citation: `${BA_TO_LETTER} (trích yếu; chú thích 1 trích chỉ tiêu của Kế hoạch)`,
  number: '76/KH-UBND',
  title:
    'Kế hoạch tổ chức khoá bồi dưỡng kỹ năng số trên nền tảng trực tuyến tại Cổng Bình dân học vụ số tỉnh Quảng Ngãi',
  issuedOn: '2025-10-13',
  directiveIds: [DEMO_IDS.plan2027, DEMO_IDS.plan125],
  replacesNumber: null,
  targets: [
    {
      indicator: 'JOINED',
      group: 'OFFICIALS',
      threshold: 1,
      dueOn: '2025-11-10',
      note: '100% CBCCVC tham gia khóa học trong đợt cao điểm 10/10–10/11/2025',
      citation: `${BA_TO_LETTER}, chú thích 1`,
    },
    {
      indicator: 'CERTIFIED',
      group: 'OFFICIALS',
      threshold: 1,
      dueOn: '2025-11-10',
      note: '100% CBCCVC được cấp chứng nhận hoàn thành khóa học',
      citation: `${BA_TO_LETTER}, chú thích 1`,
    },
    {
      indicator: 'JOINED',
      group: 'RESIDENTS',
      threshold: 0.7,
      dueOn: '2025-12-31',
      note: 'ít nhất 70% người dân trong độ tuổi trưởng thành tham gia khóa học',
      citation: `${BA_TO_LETTER}, chú thích 1`,
    },
  ],
  reportingDeadlines: [],
  rewardRules: [],
  tasks: [],
  sessions: [],
};

/** Letter 489/UBND of 15/10/2025: known only by 004's first sentence. */
export const BA_TO_LETTER_489: DemoPlan = {
  communeId: 'C02949',
  demo: false,
  citation: `${BA_TO_LETTER} (đoạn mở đầu)`,
  number: '489/UBND',
  title:
    'Về việc tập trung, quyết liệt triển khai thực hiện đạt kết quả Kế hoạch số 76/KH-UBND ngày 13/10/2025 của UBND ' +
    'xã Ba Tô về tổ chức khoá bồi dưỡng kỹ năng số trên nền tảng trực tuyến tại Cổng Bình dân học vụ số tỉnh Quảng Ngãi',
  issuedOn: '2025-10-15',
  directiveIds: [DEMO_IDS.plan2027],
  replacesNumber: null,
  targets: [],
  reportingDeadlines: [],
  rewardRules: [],
  tasks: [],
  sessions: [],
};

/**
 * Ba Tô's late-October letter (004): its number and day are blank ("Số: …/UBND", "ngày … tháng 10"), so both are
 * filled (after the ranking of 26/10 it quotes, before the first session on 28/10) and the letter marked demo; what it
 * says is cited section by section.
 */
export const BA_TO_OCTOBER_LETTER: DemoPlan = {
  communeId: 'C02949',
  demo: true,
  citation: BA_TO_LETTER,
  number: 'UBND 10/2025',
  title:
    'Về việc thực hiện nghiêm túc đạt kết quả 100% khoá bồi dưỡng kỹ năng số trên nền tảng trực tuyến tại Cổng Bình ' +
    'dân học vụ số tỉnh Quảng Ngãi theo Kế hoạch số 76/KH-UBND ngày 13/10/2025 của UBND xã',
  issuedOn: '2025-10-27',
  directiveIds: [DEMO_IDS.plan2027],
  replacesNumber: '525/UBND',
  targets: [],
  reportingDeadlines: [
    {
      reporter: 'Hiệu trưởng các trường học',
      subject: 'Báo cáo kết quả hướng dẫn học sinh về UBND xã (qua Phòng Văn hóa - Xã hội)',
      recurrence: 'ONCE',
      reporterTypes: ['SCHOOL'],
      dueOn: '2025-11-05',
      before: true,
      citation: `${BA_TO_LETTER} §1`,
    },
    {
      reporter: 'Các tổ công nghệ số cộng đồng, tổ công tác xã',
      subject: 'Báo cáo kết quả về UBND xã qua Phòng Văn hóa - Xã hội',
      recurrence: 'ONCE',
      // The working group (tổ công tác xã) is no unit of the registry: only the digital teams can be chased.
      reporterTypes: ['DIGITAL_TEAM'],
      dueOn: '2025-11-07',
      before: false,
      citation: `${BA_TO_LETTER} §2.5`,
    },
    {
      reporter: 'Phòng Văn hóa - Xã hội',
      subject: 'Báo cáo tổng hợp, thẩm định, đề xuất khen thưởng',
      recurrence: 'ONCE',
      dueOn: '2025-11-15',
      before: false,
      citation: `${BA_TO_LETTER} §4.1`,
    },
  ],
  rewardRules: [
    {
      subject: 'UNIT',
      certifiedShare: 1,
      guidingShare: 0.5,
      minGuided: 10,
      maxGuided: 20,
      description:
        'Cơ quan, đơn vị: 100% CBCCVC hoàn thành và 50% CBCCVC hướng dẫn tối thiểu 10–20 người dân trong độ tuổi lao động',
      citation: `${BA_TO_LETTER} §4.1`,
    },
    {
      subject: 'VILLAGE',
      certifiedShare: 0.7,
      guidingShare: null,
      minGuided: null,
      maxGuided: null,
      description: 'Thôn: 70% người dân trong độ tuổi lao động tham gia và đạt giấy chứng nhận',
      citation: `${BA_TO_LETTER} §4.1`,
    },
    {
      subject: 'OFFICIAL',
      certifiedShare: null,
      guidingShare: null,
      minGuided: 5,
      maxGuided: null,
      // 004 §4.1: "Số lượng khen thưởng từ 5-10 cá nhân" is how many officials are rewarded, not how many each guides.
      minAwardees: 5,
      maxAwardees: 10,
      description:
        'CBCCVC: có giấy chứng nhận và hướng dẫn tối thiểu 5 người dân trong độ tuổi lao động; số lượng khen thưởng từ 5–10 cá nhân',
      citation: `${BA_TO_LETTER} §4.1`,
    },
    {
      subject: 'RESIDENT',
      certifiedShare: null,
      guidingShare: null,
      minGuided: 2,
      maxGuided: null,
      description:
        'Người dân (không phải CBCCVC): có giấy chứng nhận và hướng dẫn từ 2 người dân trong độ tuổi lao động',
      citation: `${BA_TO_LETTER} §4.1`,
    },
  ],
  tasks: [
    ...[11, 12, 13].map((n): TaskData => ({
      title: 'Thành lập tổ hướng dẫn học sinh tham gia khóa học; báo cáo UBND xã',
      assigneeId: u('02949', n),
      dueOn: '2025-11-04',
      status: 'DONE',
    })),
    ...range(14).map((n): TaskData => ({
      title:
        'Thông báo hộ dân tham dự buổi hướng dẫn; Trưởng thôn, Bí thư Chi bộ, Trưởng Ban Công tác Mặt trận thôn hoàn thành và có giấy chứng nhận',
      assigneeId: v('02949', n),
      dueOn: '2025-11-07',
      status: n >= 13 ? 'IN_PROGRESS' : 'DONE',
    })),
    {
      // 004 §4.1: "Giao Trưởng phòng Văn hóa – Xã hội tổng hợp, đề xuất khen thưởng"; UBND xã decides.
      title: 'Tổng hợp, thẩm định, đề xuất UBND xã khen thưởng',
      assigneeId: BA_TO_VHXH,
      dueOn: '2025-11-15',
      status: 'DONE',
    },
  ],
  sessions: ['2025-10-28', '2025-10-31', '2025-11-03', '2025-11-05'].flatMap((heldOn) =>
    BA_TO_VENUES.map((x) => ({
      heldOn,
      venue: x.venue,
      villageIds: x.villages.map((n) => v('02949', n)),
      note: 'Có thể tổ chức vào buổi tối',
    })),
  ),
};
