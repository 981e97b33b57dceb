/** The loopback fake Discord (REST v10 + gateway) used by end-to-end tests, the sandbox and benchmarks. */
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './server.js';
export type { IdentifyRecord } from './gateway.js';
export type { CommandOption, DispatchBase, DispatchCommand, DispatchComponent, DispatchModalSubmit, DispatchedInteraction, InteractionCallback, InteractionState } from './interactions.js';
export type { RestFault } from './faults.js';
export { requestsTo, type RecordedRestRequest, type RecordedFile, type JsonBody } from './recorder.js';
export { EPHEMERAL, LOADING, type StoredMessage, type StoredAttachment, type MessageKind, MessageStore } from './messageStore.js';
export type { StoredCommand, FakeChannel } from './restRoutes.js';
export { ALL_PERMISSIONS, DEFAULT_ATTACHMENT_SIZE_LIMIT, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER_PERMISSIONS, type AttachmentSpec, type FakeGuild, type FakeGuildSpec } from './payloads.js';
export { snowflake } from './snowflake.js';
