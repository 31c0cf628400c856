export const ROLES = ['staff', 'deputy', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** Which roles a given actor may hand out by invitation. Admins can invite anyone; staff invite staff and deputies. */
export function invitableBy(actorRoles: ReadonlySet<string>): Role[] {
  if (actorRoles.has('admin')) return ['staff', 'deputy', 'partner', 'admin'];
  if (actorRoles.has('staff')) return ['staff', 'deputy', 'partner'];
  return [];
}

/** Admins can do everything staff can. */
export function hasAny(roles: ReadonlySet<string>, wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.has(r)) || (roles.has('admin') && wanted.includes('staff'));
}
