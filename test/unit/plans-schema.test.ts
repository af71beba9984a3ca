import { composeSupergraph } from '../../scripts/composition';

describe('the public contract of directives and plans (DESIGN.md)', () => {
  it('keeps the fixed names, and lets another subgraph @require the four fields of effective targets', async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    const field = (type: string, name: string) => new RegExp(`type ${type}\\b[^}]*\\n  ${name}`, 's');
    for (const [type, names] of Object.entries({
      Directive: [
        'id: ID!',
        'number: String!',
        'title: String!',
        'issuedOn: Date!',
        'targets: \\[Target!\\]!',
        'implementingPlans: \\[CommunePlan!\\]!',
        'communesWithoutPlan: \\[Commune!\\]!',
      ],
      Target: ['indicator: Indicator!', 'group: PopulationGroup!', 'threshold: Float!', 'dueOn: Date!'],
      CommunePlan: [
        'id: ID!',
        'number: String!',
        'commune: Commune!',
        'implements: \\[Directive!\\]!',
        'targets: \\[Target!\\]!',
      ],
      Province: ['directives(.*): \\[Directive!\\]!'],
      Commune: ['plans: \\[CommunePlan!\\]!', 'effectiveTargets: \\[Target!\\]!'],
    })) {
      for (const name of names) expect(supergraphSdl).toMatch(field(type, name));
    }
    expect(supergraphSdl).toMatch(/enum PopulationGroup[^}]*OFFICIALS[^}]*RESIDENTS[^}]*STUDENTS[^}]*WORKERS/s);
    expect(supergraphSdl).toMatch(
      /enum Indicator[^}]*JOINED[^}]*COMPLETED[^}]*CERTIFIED[^}]*DIGITAL_SIGNATURE[^}]*VNEID_CONFIRMED/s,
    );
    // Target is returned by both subgraphs: shareable and identical.
    const plans = subgraphs.find((s) => s.name === 'plans')!.sdl;
    const directives = subgraphs.find((s) => s.name === 'directives')!.sdl;
    const targetOf = (sdl: string) => /type Target\b[\s\S]*?\n}/.exec(sdl)?.[0];
    expect(targetOf(plans)).toContain('@shareable');
    expect(targetOf(plans)).toBe(targetOf(directives));
    expect(plans).toContain(
      'effectiveTargets: [Target!]! @listSize(assumedSize: 50) @requires(fields: "province { id }")',
    );
  });
});

describe('what the reports subgraph builds on', () => {
  it('judges Commune.targetStatus from effectiveTargets, which it @requires from plans', async () => {
    const { subgraphs } = await composeSupergraph();
    const reports = subgraphs.find((s) => s.name === 'reports')!.sdl;
    expect(reports).toMatch(
      /targetStatus\(asOf: Date @cost\(weight: \d+\)\): \[TargetStatus!\]! @listSize\(assumedSize: \d+\) @requires\(fields: "effectiveTargets \{ indicator group threshold dueOn strict source document citation demo studentLevels \}"\)/,
    );
    expect(reports).toContain('effectiveTargets: [Target!]! @external');
  });
});
