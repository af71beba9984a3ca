export { Area } from './Area';
export { PopulationFact } from './PopulationFact';
export { PortalStatistic } from './PortalStatistic';
export { ReportPerson } from './ReportPerson';
export { UnitReport } from './UnitReport';
export { DirectiveTarget } from './DirectiveTarget';
export { CommuneReport } from './CommuneReport';
