// Callback data of this area (pa:…): CB builds it, RX parses it strictly; anything else is "button expired".

export const CB = {
  types: 'pa:ty',
  type: (type: string, page = 0) => `pa:t:${type}:${page}`,
  partner: (id: number) => `pa:p:${id}`,
  teams: 'pa:tm',
  team: (id: number) => `pa:v:${id}`,
  apply: (teamId: number) => `pa:ap:${teamId}`,
  leave: (teamId: number) => `pa:lv:${teamId}`,
  approve: (teamId: number, userId: number) => `pa:ok:${teamId}:${userId}`,
  reject: (teamId: number, userId: number) => `pa:no:${teamId}:${userId}`,
  /** The same decisions from the volunteers desk, which is shown again afterwards. */
  deskApprove: (teamId: number, userId: number) => `pa:dok:${teamId}:${userId}`,
  deskReject: (teamId: number, userId: number) => `pa:dno:${teamId}:${userId}`,
  shifts: 'pa:sh',
  take: (shiftId: number) => `pa:tk:${shiftId}`,
  drop: (shiftId: number) => `pa:dr:${shiftId}`,
  hours: 'pa:hr',
  // staff
  message: (teamId: number) => `pa:msg:${teamId}`,
  messageSend: 'pa:msgy',
  offer: (teamId: number) => `pa:of:${teamId}`,
  offerSend: 'pa:ofy',
  log: (shiftId: number) => `pa:lg:${shiftId}`,
  logYes: (shiftId: number) => `pa:lgy:${shiftId}`,
  newTeam: 'pa:nt',
};

export const RX = {
  types: /^pa:ty$/,
  type: /^pa:t:(\w{1,12}):(\d{1,3})$/,
  partner: /^pa:p:(\d{1,9})$/,
  teams: /^pa:tm$/,
  team: /^pa:v:(\d{1,9})$/,
  apply: /^pa:ap:(\d{1,9})$/,
  leave: /^pa:lv:(\d{1,9})$/,
  /** Approve (ok) or reject (no) an application: team, user. */
  decide: /^pa:(ok|no):(\d{1,9}):(\d{1,15})$/,
  deskDecide: /^pa:d(ok|no):(\d{1,9}):(\d{1,15})$/,
  shifts: /^pa:sh$/,
  take: /^pa:tk:(\d{1,9})$/,
  drop: /^pa:dr:(\d{1,9})$/,
  hours: /^pa:hr$/,
  message: /^pa:msg:(\d{1,9})$/,
  messageSend: /^pa:msgy$/,
  offer: /^pa:of:(\d{1,9})$/,
  offerSend: /^pa:ofy$/,
  log: /^pa:lg:(\d{1,9})$/,
  logYes: /^pa:lgy:(\d{1,9})$/,
  newTeam: /^pa:nt$/,
};
