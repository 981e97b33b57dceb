/**
 * The loopback fake Discord (REST v10 + gateway) used by end-to-end tests, the sandbox and benchmarks.
 *
 *   const discord = await startFakeDiscord({ guilds: 3 });
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl } });
 *   await client.login(discord.botToken);            // GET /gateway/bot → ws://127.0.0.1:PORT/gateway
 *   await discord.waitForReady();
 *   const ix = discord.dispatchCommand({ name: 'video', subcommand: 'text', options: [{ name: 'prompt', value: 'a fox' }] });
 *   await discord.waitForResponse(ix.id);             // { type: 5 } after deferReply()
 *   discord.requestsTo('PATCH /webhooks/:appId/:token/messages/:messageId');
 *   discord.originalMessage(ix.id);                    // the message with every edit applied
 *   await client.destroy(); await discord.close();
 */
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type PostMessage } from './server.js';
export type { IdentifyRecord, ResumeRecord } from './gateway.js';
export type {
  CommandOption,
  DispatchBase,
  DispatchCommand,
  DispatchComponent,
  DispatchMessageCommand,
  DispatchModalSubmit,
  DispatchedInteraction,
  InteractionCallback,
  InteractionState,
} from './interactions.js';
export type { RestFault, RestFaultHook } from './faults.js';
export { requestsTo, type RecordedRestRequest, type RecordedFile, type JsonBody } from './recorder.js';
export {
  COMPONENTS_V2,
  EPHEMERAL,
  LOADING,
  SUPPRESS_EMBEDS,
  type StoredMessage,
  type StoredAttachment,
  type MessageKind,
  MessageStore,
} from './messageStore.js';
export type { StoredCommand, FakeChannel } from './restRoutes.js';
export {
  ALL_PERMISSIONS,
  DEFAULT_ATTACHMENT_SIZE_LIMIT,
  MANAGE_GUILD,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  shardOf,
  uploadLimitForTier,
  type AttachmentSpec,
  type FakeGuild,
  type FakeGuildSpec,
} from './payloads.js';
export { snowflake } from './snowflake.js';
