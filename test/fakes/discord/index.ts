/** The loopback fake Discord used by end-to-end tests, the sandbox and benchmarks. */
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type DispatchCommand, type DispatchComponent, type CommandOption } from './server.js';
export type { RecordedRestRequest, RecordedFile } from './rest.js';
export type { StoredMessage } from './messageStore.js';
export { MANAGE_MESSAGES, MEMBER_PERMISSIONS, type AttachmentSpec } from './payloads.js';
