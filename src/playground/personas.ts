import type { App } from '../app';
import type { Role } from '../identity';

export interface Persona {
  id: number;
  first_name: string;
  last_name?: string;
  language_code: string;
  /** What the persona switcher says about them. */
  label: string;
  role: Role | 'resident';
  /** What request_contact buttons share for this persona. */
  phone: string;
  /** Shown in the first columns when the page opens. */
  open: boolean;
}

// Fixed ids so a kept playground database recognises the same people after a restart. They are far from the
// demo residents of other areas (negative ids) and from any real Telegram id a developer might configure.
export const PERSONAS: readonly Persona[] = [
  {
    id: 900_001,
    first_name: '王阿姨',
    language_code: 'zh-hans',
    label: '居民 resident',
    role: 'resident',
    phone: '+8613800000001',
    open: true,
  },
  {
    id: 900_002,
    first_name: 'Tom',
    last_name: 'Baker',
    language_code: 'en',
    label: 'resident (English)',
    role: 'resident',
    phone: '+8613800000002',
    open: false,
  },
  {
    id: 900_003,
    first_name: '刘社工',
    language_code: 'zh-hans',
    label: '工作人员 staff',
    role: 'staff',
    phone: '+8613800000003',
    open: true,
  },
  {
    id: 900_004,
    first_name: '张代表',
    language_code: 'zh-hans',
    label: '人大代表 deputy',
    role: 'deputy',
    phone: '+8613800000004',
    open: true,
  },
  {
    id: 900_005,
    first_name: '陈主任',
    language_code: 'zh-hans',
    label: '管理员 admin',
    role: 'admin',
    phone: '+8613800000005',
    open: false,
  },
];

/** A fixed spot in 月塘街道 for request_location buttons. */
export const DEMO_LOCATION = { latitude: 27.8409, longitude: 113.1798 };

export const personaById = (id: number): Persona | undefined => PERSONAS.find((p) => p.id === id);

/**
 * Staff, deputy and admin get their roles and a home so they can work at once; residents stay new so that
 * onboarding can be tried by clicking. Idempotent: runs at every start.
 */
export async function preparePersonas(app: App): Promise<void> {
  const { identity, services } = app;
  const compounds = await services.residents.compounds();
  const communities = await services.residents.communities();
  for (const p of PERSONAS) {
    if (p.role === 'resident') continue;
    const user = await identity.touch({
      id: p.id,
      first_name: p.first_name,
      last_name: p.last_name,
      language_code: p.language_code,
    });
    if (!user.onboarded && compounds[0]) {
      await services.residents.setHome(p.id, compounds[0].id);
      await services.residents.setPhone(p.id, p.phone);
    }
    await identity.grant(null, p.id, p.role);
    // The deputy covers every community, so any petition filed in the playground reaches them.
    if (p.role === 'deputy') for (const c of communities) await services.petitions.assignDeputy(null, p.id, c.id, null);
  }
}
