// Area ids are shared by every subgraph (and the access rules): they live in common.
export { communeId, levelOf, provinceId, unitId, villageId, type AreaLevel } from '../common/ids';
