export { FakeBotApi } from './server';
export { FakeUser, type Sent, type UserInit } from './user';
export type { ChatMessage, FakeBotApiOptions, FaultRule, RecordedCall } from './types';
