import type { PopulationGroupName } from '../../../../../shared/pure/values';

/**
 * The groups a unit's form asks for, by the unit's type. The API takes every group from every reporter; the form
 * shows only those a unit of that type has people in, so a clerk is not asked about residents in a police station.
 * The letters ask units for their cán bộ, công chức, viên chức (004, 002), schools also for their students by level
 * (003 §II), enterprises and cooperatives for their workers; a digital team's members are residents (illustrative:
 * the letters do not say how a team counts its own members).
 */
export function groupsForUnit(type: string): PopulationGroupName[] {
  switch (type) {
    case 'SCHOOL':
      return ['OFFICIALS', 'STUDENTS'];
    case 'ENTERPRISE':
    case 'COOPERATIVE':
      return ['WORKERS'];
    case 'DIGITAL_TEAM':
      return ['RESIDENTS'];
    default:
      return ['OFFICIALS'];
  }
}
