export { grantRole, revokeRole, userCounts } from '../features/residents/service';
export { isRole as isRoleName } from '../features/residents/roles';
