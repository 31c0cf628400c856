export { FakeBotApi } from './server';
export type { ChatMessage, FakeBotApiOptions, FaultRule, RecordedCall } from './types';
export { FakeUser, type Sent, type UserInit } from './user';
