export { isRole as isRoleName } from '../features/residents/roles';
export { grantRole, revokeRole, userCounts } from '../features/residents/service';
