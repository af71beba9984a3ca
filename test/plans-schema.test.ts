import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { composeSupergraph } from '../gateway/supergraph';

describe('the public contract of directives and plans (DESIGN.md)', () => {
  it('keeps the fixed names, and lets another subgraph @require the four fields of effective targets', async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    const field = (type: string, name: string) => new RegExp(`type ${type}\\b[^}]*\\n  ${name}`, 's');
    for (const [type, names] of Object.entries({
      Directive: ['id: ID!', 'number: String!', 'title: String!', 'issuedOn: Date!', 'targets: \\[Target!\\]!', 'implementingPlans: \\[CommunePlan!\\]!', 'communesWithoutPlan: \\[Commune!\\]!'],
      Target: ['indicator: Indicator!', 'group: PopulationGroup!', 'threshold: Float!', 'dueOn: Date!'],
      CommunePlan: ['id: ID!', 'number: String!', 'commune: Commune!', 'implements: \\[Directive!\\]!', 'targets: \\[Target!\\]!'],
      Province: ['directives(.*): \\[Directive!\\]!'],
      Commune: ['plans: \\[CommunePlan!\\]!', 'effectiveTargets: \\[Target!\\]!'],
    })) {
      for (const name of names) expect(supergraphSdl).toMatch(field(type, name));
    }
    expect(supergraphSdl).toMatch(/enum PopulationGroup[^}]*OFFICIALS[^}]*RESIDENTS[^}]*STUDENTS[^}]*WORKERS/s);
    expect(supergraphSdl).toMatch(/enum Indicator[^}]*JOINED[^}]*COMPLETED[^}]*CERTIFIED[^}]*DIGITAL_SIGNATURE[^}]*VNEID_CONFIRMED/s);
    // Target is returned by both subgraphs: shareable and identical.
    const plans = subgraphs.find((s) => s.name === 'plans')!.sdl;
    const directives = subgraphs.find((s) => s.name === 'directives')!.sdl;
    const targetOf = (sdl: string) => /type Target\b[\s\S]*?\n}/.exec(sdl)?.[0];
    expect(targetOf(plans)).toContain('@shareable');
    expect(targetOf(plans)).toBe(targetOf(directives));
    expect(plans).toContain('effectiveTargets: [Target!]! @requires(fields: "province { id }")');
  });
});

describe('what the reports subgraph will build on', () => {
  it('composes a subgraph that @requires effectiveTargets { indicator group threshold dueOn } on Commune', async () => {
    const { subgraphs } = await composeSupergraph();
    const probe = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])
      scalar Date
      enum Indicator { JOINED COMPLETED CERTIFIED DIGITAL_SIGNATURE VNEID_CONFIRMED }
      enum PopulationGroup { OFFICIALS RESIDENTS STUDENTS WORKERS }
      type Target @shareable { indicator: Indicator!  group: PopulationGroup!  threshold: Float!  dueOn: Date! }
      type Commune @key(fields: "id") {
        id: ID!
        effectiveTargets: [Target!]! @external
        targetStatus: String @requires(fields: "effectiveTargets { indicator group threshold dueOn }")
      }
      type Query { probe: Int }`;
    const result = composeServices([
      ...subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: `http://localhost/${s.name}` })),
      { name: 'probe', typeDefs: parse(probe), url: 'http://localhost/probe' },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
  });
});
