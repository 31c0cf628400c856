// Callback data of this area (rs:…): CB builds it, RX parses it strictly; anything else is "button expired".

import { ROLES, type Role } from '../../identity';

const ROLE = `(${ROLES.join('|')})`;

export const CB = {
  community: (id: number) => `rs:cm:${id}`,
  compound: (id: number) => `rs:cp:${id}`,
  back: 'rs:back',
  later: 'rs:later',
  lang: (l: 'zh-CN' | 'en') => `rs:lang:${l}`,
  editHome: 'rs:home',
  editPhone: 'rs:phone',
  deletePhone: 'rs:phone:del',
  toggleNotices: 'rs:notices',
  langMenu: 'rs:langs',
  invite: (role: Role) => `rs:inv:${role}`,
  revoke: (userId: number, role: Role) => `rs:rv:${userId}:${role}`,
  revokeYes: (userId: number, role: Role) => `rs:rvy:${userId}:${role}`,
  revokeNo: 'rs:rvn',
};

export const RX = {
  community: /^rs:cm:(\d{1,9})$/,
  compound: /^rs:cp:(\d{1,9})$/,
  back: /^rs:back$/,
  later: /^rs:later$/,
  lang: /^rs:lang:(zh-CN|en)$/,
  editHome: /^rs:home$/,
  editPhone: /^rs:phone$/,
  deletePhone: /^rs:phone:del$/,
  toggleNotices: /^rs:notices$/,
  langMenu: /^rs:langs$/,
  invite: new RegExp(`^rs:inv:${ROLE}$`),
  revoke: new RegExp(`^rs:rv:(\\d{1,15}):${ROLE}$`),
  revokeYes: new RegExp(`^rs:rvy:(\\d{1,15}):${ROLE}$`),
  revokeNo: /^rs:rvn$/,
};
