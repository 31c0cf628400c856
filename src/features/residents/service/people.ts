import { displayName } from '../../../core/names';
import { ROLES, type Role, type User } from '../../../identity';
import type { Platform } from '../../../platform';
import { OwnAdminRole, QueryTooShort } from '../errors';
import { residentsPolicy } from '../policy';
import type { HomeFilter } from '../store';
import * as store from '../store';

/** A person as the admin's list shows them: who, and which roles they hold. */
export interface Person {
  user: User;
  roles: Role[];
}

const byName = (a: Person, b: Person) => displayName(a.user).localeCompare(displayName(b.user), 'zh-CN');

/**
 * The admin's people list: everyone holding a role, or whoever a search finds (a part of the name, the phone's last
 * digits); each person's roles toggled one by one (identity checks the admin and audits every change).
 */
export function peopleDirectory({ db, identity }: Pick<Platform, 'db' | 'identity'>) {
  const sortRoles = (roles: ReadonlySet<Role>) => ROLES.filter((r) => roles.has(r));
  /** Role holders are few (staff, deputies, admins): one read of all of them rather than one per person listed. */
  async function rolesByUser(): Promise<Map<number, { user: User; roles: Set<Role> }>> {
    const out = new Map<number, { user: User; roles: Set<Role> }>();
    for (const { user, role } of await identity.privileged()) {
      const p = out.get(user.id) ?? { user, roles: new Set<Role>() };
      p.roles.add(role);
      out.set(user.id, p);
    }
    return out;
  }
  const withRoles = async (users: User[]): Promise<Person[]> => {
    const held = await rolesByUser();
    return users.map((user) => ({ user, roles: sortRoles(held.get(user.id)?.roles ?? new Set()) }));
  };

  return {
    /** How many people live in each community and compound (null: not said). */
    homeCounts: () => store.homeCounts(db),
    /** A page of the people living in a community or compound, each with their roles; the last page past the end. */
    async livingIn(filter: HomeFilter, page: number, size: number) {
      const first = await store.peoplePage(db, filter, Math.max(0, page), size);
      const pages = Math.max(1, Math.ceil(first.total / size));
      const at = Math.min(Math.max(0, page), pages - 1);
      const { users, total } = at === page ? first : await store.peoplePage(db, filter, at, size);
      return { people: await withRoles(users), total, page: at, pages };
    },
    /** Everyone who holds a role, by name. */
    async roleHolders(): Promise<Person[]> {
      return [...(await rolesByUser()).values()].map((p) => ({ user: p.user, roles: sortRoles(p.roles) })).sort(byName);
    },
    /** At most `searchLimit` people; `more` says there were others (the admin narrows the search). */
    async search(query: string): Promise<{ people: Person[]; more: boolean }> {
      const q = query.trim();
      if (!q || (/^\d+$/.test(q) && !store.isPhoneTail(q))) throw new QueryTooShort();
      const found = await store.searchPeople(db, q, residentsPolicy.searchLimit + 1);
      const people = await withRoles(found.slice(0, residentsPolicy.searchLimit));
      return { people, more: found.length > residentsPolicy.searchLimit };
    },
    async person(id: number): Promise<Person | undefined> {
      const user = await identity.user(id);
      return user && (await withRoles([user]))[0];
    },
    /** Gives the role (identity refuses anyone but an admin, and audits it). */
    grant: (actorId: number, userId: number, role: Role) => identity.grant(actorId, userId, role),
    /** Takes it away, after the admin confirmed; never an admin's own admin role. */
    async revoke(actorId: number, userId: number, role: Role): Promise<boolean> {
      if (actorId === userId && role === 'admin') throw new OwnAdminRole();
      return identity.revoke(actorId, userId, role);
    },
  };
}
