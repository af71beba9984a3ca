import { registerEnumType } from 'type-graphql';

export enum PopulationGroup {
  OFFICIALS = 'OFFICIALS',
  RESIDENTS = 'RESIDENTS',
  STUDENTS = 'STUDENTS',
  WORKERS = 'WORKERS',
}
registerEnumType(PopulationGroup, {
  name: 'PopulationGroup',
  description: 'CBCCVC (officials), người dân (residents), học sinh (students), người lao động (enterprise workers)',
});
