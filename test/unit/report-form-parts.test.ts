import {
  emptyLevels,
  levelErrorsByLevel,
  levelsInput,
  levelsOf,
  validateLevels,
} from '../../gateway/web/src/pages/report/levels';
import { newPerson, peopleInput, validatePeople } from '../../gateway/web/src/pages/report/people';
import { groupsForUnit } from '../../gateway/web/src/pages/report/unitGroups';
import { checkStudentLevels } from '../../subgraphs/reports/intake/student-levels';
import { withoutEnglish } from '../../gateway/web/src/words';
import { homePath } from '../../subgraphs/registry/account-area';

/** The unit form's own checks: students by level and named people, in the API's words, before anything is sent. */
const students = (registered: string, completed: string, certified: string) => ({ registered, completed, certified });

describe('students by level', () => {
  it('sends only the levels filled in, reading "1.200" as 1200', () => {
    const levels = emptyLevels();
    levels.LOWER_SECONDARY = { enrolled: '1.200', registered: '300', completed: '200', certified: '100' };
    expect(levelsInput(levels)).toEqual([
      { level: 'LOWER_SECONDARY', enrolled: 1200, registered: 300, completed: 200, certified: 100 },
    ]);
    expect(levelsInput(emptyLevels())).toBeNull();
    expect(levelsOf(levelsInput(levels)).LOWER_SECONDARY.enrolled).toBe('1200');
  });

  it('refuses levels adding up to more than the students, with the sentence the API says', () => {
    const levels = emptyLevels();
    levels.PRIMARY = { enrolled: '200', registered: '150', completed: '100', certified: '50' };
    levels.LOWER_SECONDARY = { enrolled: '200', registered: '100', completed: '50', certified: '10' };
    const errors = validateLevels(levels, students('200', '150', '60'));
    let api = '';
    try {
      checkStudentLevels(levelsInput(levels)!, { registered: 200, completed: 150, certified: 60 });
    } catch (e) {
      api = withoutEnglish((e as Error).message);
    }
    expect(errors.studentLevels).toBe(api);
    expect(errors.studentLevels).toContain('Tổng số học sinh theo cấp học (250)');
    expect(validateLevels(levels, students('250', '150', '60'))).toEqual({});
  });

  it('refuses a step above the one before, on its box', () => {
    const levels = emptyLevels();
    levels.UPPER_SECONDARY = { enrolled: '100', registered: '80', completed: '40', certified: '41' };
    const errors = validateLevels(levels, students('80', '40', '41'));
    expect(errors['studentLevels.UPPER_SECONDARY.certified']).toBe(
      'Số học sinh trung học phổ thông đã được cấp chứng nhận (41) không thể lớn hơn ' +
        'số học sinh trung học phổ thông đã hoàn thành 5 chuyên đề (40)',
    );
    levels.UPPER_SECONDARY.enrolled = '1,5';
    expect(validateLevels(levels, students('80', '40', '41'))['studentLevels.UPPER_SECONDARY.enrolled']).toMatch(
      /phải là số nguyên không âm/,
    );
  });

  it("puts the API's refusal of the second level sent on that level's box", () => {
    const sent = levelsInput({
      ...emptyLevels(),
      PRIMARY: { enrolled: '1', registered: '1', completed: '1', certified: '1' },
      UPPER_SECONDARY: { enrolled: '1', registered: '1', completed: '1', certified: '1' },
    });
    expect(levelErrorsByLevel({ 'studentLevels[1].completed': 'x', note: 'y' }, sent)).toEqual({
      'studentLevels.UPPER_SECONDARY.completed': 'x',
      note: 'y',
    });
  });
});

describe('named people', () => {
  it('leaves out blank rows, refuses a row without a name or with a bad count', () => {
    const rows = [
      { ...newPerson('OFFICIAL'), name: '  Nguyễn   Văn An ', certified: true, guided: '1.020' },
      newPerson('RESIDENT'),
      { ...newPerson('RESIDENT'), guided: '3' },
      { ...newPerson('RESIDENT'), name: 'Lê Thị Bình', guided: '-2' },
    ];
    const errors = validatePeople(rows);
    expect(errors['people.2.name']).toBe('Hãy nhập họ tên người được đề nghị khen thưởng');
    expect(errors['people.3.guided']).toMatch(/^Số người Lê Thị Bình đã hướng dẫn phải là số nguyên không âm/);
    expect(Object.keys(errors)).toHaveLength(2);
    expect(peopleInput(rows.slice(0, 2))).toEqual([
      { name: 'Nguyễn Văn An', role: 'OFFICIAL', certified: true, guided: 1020 },
    ]);
    expect(peopleInput([newPerson('OFFICIAL')])).toBeNull();
  });
});

describe('the groups a unit reports', () => {
  it.each([
    ['SCHOOL', ['OFFICIALS', 'STUDENTS']],
    ['AGENCY', ['OFFICIALS']],
    ['POLICE', ['OFFICIALS']],
    ['COOPERATIVE', ['WORKERS']],
    ['DIGITAL_TEAM', ['RESIDENTS']],
  ])('%s: %j', (type, groups) => expect(groupsForUnit(type)).toEqual(groups));
});

describe('where an invite link leads', () => {
  it("a unit's reporter to the unit's form, a village head to the village's", () => {
    const area = (id: string) => ({ id, provinceCode: '23', communeId: 'C02949' });
    expect(homePath('UNIT_REPORTER', area('U02949-07'))).toBe('/unit/U02949-07/report');
    expect(homePath('VILLAGE_REPORTER', area('V02949-08'))).toBe('/village/V02949-08/report');
    expect(homePath('COMMUNE_OFFICER', area('C02949'))).toBe('/commune/C02949');
  });
});
