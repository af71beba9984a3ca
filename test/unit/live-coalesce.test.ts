import { coalesceReports } from '../../subgraphs/reports/live/rules';

describe('coalescing live publications in a burst', () => {
  it('publishes each reporter once, in the order of its first report, with one ranking per province', () => {
    const batch = [
      { reporterId: 'V02949-08', provinceId: 'P23' },
      { reporterId: 'V02032-01', provinceId: 'P23' },
      { reporterId: 'V00001-01', provinceId: 'P01' },
      { reporterId: 'V02949-08', provinceId: 'P23' },
    ];
    expect(coalesceReports(batch)).toEqual({
      areaIds: ['V02949-08', 'V02032-01', 'V00001-01'],
      provinces: ['P01', 'P23'],
      reports: 4,
    });
  });

  it('leaves out the reports whose own transaction published them', () => {
    const batch = [
      { reporterId: 'V02949-08', provinceId: 'P23', live: true },
      { reporterId: 'V02032-01', provinceId: 'P23', live: false },
      { reporterId: 'V02032-02', provinceId: 'P23' },
    ];
    expect(coalesceReports(batch)).toEqual({ areaIds: ['V02032-01', 'V02032-02'], provinces: ['P23'], reports: 2 });
  });

  it('publishes nothing for a batch its reports already published', () => {
    expect(coalesceReports([{ reporterId: 'V02949-08', provinceId: 'P23', live: true }])).toEqual({
      areaIds: [],
      provinces: [],
      reports: 0,
    });
  });
});
