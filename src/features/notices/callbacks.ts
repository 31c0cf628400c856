// Callback data of this area (nt:…): CB builds it, RX parses it strictly; anything else is "button expired".
// The formats stay as they are: buttons already in staff members' chats must keep working.

import { AUDIENCE_ROLES, type AudienceRole } from './audience';

/** A draft's one-time key (see draft.ts): 6 random bytes in base64url. */
const KEY = '([\\w-]{8})';

export const CB = {
  all: 'nt:a:all',
  audienceMenu: 'nt:a:menu',
  communities: 'nt:a:cm',
  community: (id: number) => `nt:a:cm:${id}`,
  compoundCommunities: 'nt:a:cp',
  compoundsOf: (communityId: number) => `nt:a:cq:${communityId}`,
  compound: (id: number) => `nt:a:cp:${id}`,
  role: (role: AudienceRole) => `nt:a:r:${role}`,
  area: (key: string) => `nt:a:x:${key}`,
  send: (key: string) => `nt:go:${key}`,
  schedule: (key: string) => `nt:sch:${key}`,
  discard: (key: string) => `nt:no:${key}`,
  stop: (id: number) => `nt:s:${id}`,
  stopYes: (id: number) => `nt:sy:${id}`,
  stopNo: 'nt:sn',
  page: (n: number) => `nt:p:${n}`,
  compose: 'nt:new',
};

export const RX = {
  all: /^nt:a:all$/,
  audienceMenu: /^nt:a:menu$/,
  communities: /^nt:a:cm$/,
  community: /^nt:a:cm:(\d{1,9})$/,
  compoundCommunities: /^nt:a:cp$/,
  compoundsOf: /^nt:a:cq:(\d{1,9})$/,
  compound: /^nt:a:cp:(\d{1,9})$/,
  role: new RegExp(`^nt:a:r:(${AUDIENCE_ROLES.join('|')})$`),
  area: /^nt:a:x:([a-z]+\.[A-Za-z]+)$/,
  send: new RegExp(`^nt:go:${KEY}$`),
  schedule: new RegExp(`^nt:sch:${KEY}$`),
  discard: new RegExp(`^nt:no:${KEY}$`),
  stop: /^nt:s:(\d{1,9})$/,
  stopYes: /^nt:sy:(\d{1,9})$/,
  stopNo: /^nt:sn$/,
  page: /^nt:p:(\d{1,4})$/,
  compose: /^nt:new$/,
};
