// TRANSITION (issue 12): roles live in identity/. Deleted with the last area that imports this path.
export { hasAny, invitableBy, isRole, ROLES, type Role } from '../../identity/roles';
