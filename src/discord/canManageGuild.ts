/**
 * Whether a member may manage a server right now (Manage Server, Administrator or owner), asked of Discord through
 * the bot's REST (the bot has no member or role caches: no privileged intents): the guild (owner, roles with their
 * permissions) and the member (their roles). The web console calls it before every write, so a permission removed
 * in Discord after the member signed in counts at once.
 */
import { DiscordAPIError, type REST, Routes } from 'discord.js';

const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** The member's server-wide permissions, as Discord computes them before channel overwrites. */
export function guildPermissions(p: {
  guildId: string;
  ownerId?: string;
  userId: string;
  memberRoleIds: readonly string[];
  roles: ReadonlyArray<{ id: string; permissions: string }>;
}): bigint {
  if (p.ownerId === p.userId) return ~0n;
  const byId = new Map(p.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let perms = byId.get(p.guildId) ?? 0n;
  for (const id of p.memberRoleIds) perms |= byId.get(id) ?? 0n;
  return perms & ADMINISTRATOR ? ~0n : perms;
}

/** `canManage(guildId, userId)`: false when the bot is not in the server or the member is not in it. */
export function createCanManageGuild(rest: REST) {
  return async (guildId: string, userId: string): Promise<boolean> => {
    let guild: { owner_id?: string; roles: Array<{ id: string; permissions: string }> };
    let member: { roles: string[] };
    try {
      [guild, member] = (await Promise.all([
        rest.get(Routes.guild(guildId)),
        rest.get(Routes.guildMember(guildId, userId)),
      ])) as [typeof guild, typeof member];
    } catch (err) {
      // Unknown guild (the bot is not there), unknown member, no access: not theirs to manage.
      if (err instanceof DiscordAPIError && [10004, 10007, 10013, 50001].includes(Number(err.code))) return false;
      throw err;
    }
    const perms = guildPermissions({
      guildId,
      ownerId: guild.owner_id,
      userId,
      memberRoleIds: member.roles,
      roles: guild.roles,
    });
    return (perms & MANAGE_GUILD) !== 0n;
  };
}
