/**
 * The few facts the bot needs from the gateway that discord.js keeps only in caches we do without (see
 * createDiscordClient.ts): which servers this process serves (their ids from READY, for the start-up line and
 * the shard tests) and, for an interaction from a thread or forum post, the channel it belongs to (a server's
 * channel allow-list counts a thread as its parent). Both come from the raw dispatches, so they cost about 100
 * bytes per server instead of the tens of KB a cached Guild with its channels, roles and emojis holds.
 */
import { ChannelType, type Client, type GatewayDispatchPayload } from 'discord.js';

export interface GatewayFacts {
  /** Ids of the servers this process's shards serve, as READY listed them (and GUILD_CREATE/DELETE, if sent). */
  guildIds: ReadonlySet<string>;
  /** The parent channel of a thread or forum post an interaction came from. */
  threadParentOf(interactionId: string): string | undefined;
}

const THREADS = new Set<number>([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);
/** Interactions answered within seconds; the last 10,000 from threads are more than enough to look back on. */
const MAX_REMEMBERED = 10_000;
const facts = new WeakMap<Client, GatewayFacts>();

export function trackGatewayFacts(client: Client): GatewayFacts {
  const guildIds = new Set<string>();
  const threadParents = new Map<string, string>();
  client.on('raw', (packet: GatewayDispatchPayload) => {
    switch (packet.t) {
      case 'READY':
        // Without the GUILDS intent this is the only list of servers the gateway gives (per shard).
        for (const g of packet.d.guilds) guildIds.add(g.id);
        break;
      case 'GUILD_CREATE':
        if (!('unavailable' in packet.d && packet.d.unavailable)) guildIds.add(packet.d.id);
        break;
      case 'GUILD_DELETE':
        // `unavailable` means an outage, not that the bot left.
        if (!packet.d.unavailable) guildIds.delete(packet.d.id);
        break;
      case 'INTERACTION_CREATE': {
        const channel = packet.d.channel as { type?: number; parent_id?: string | null } | undefined;
        if (channel?.type !== undefined && THREADS.has(channel.type) && channel.parent_id) {
          threadParents.set(packet.d.id, channel.parent_id);
          if (threadParents.size > MAX_REMEMBERED) threadParents.delete(threadParents.keys().next().value!);
        }
        break;
      }
    }
  });
  const tracked: GatewayFacts = { guildIds, threadParentOf: (id) => threadParents.get(id) };
  facts.set(client, tracked);
  return tracked;
}

export function gatewayFacts(client: Client): GatewayFacts | undefined {
  return facts.get(client);
}
