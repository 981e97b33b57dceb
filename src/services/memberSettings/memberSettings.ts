/**
 * A member's own settings, kept once for every server (`member_settings:<userId>`): the defaults their
 * /video requests start from, and whether they want a DM when a video of theirs ends. Read them, or change
 * them in one transaction logged with who made it.
 */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';

export interface MemberDefaults {
  model?: string;
  ratio?: string;
  resolution?: string;
  duration?: number;
}

export interface MemberSettingsRecord {
  defaults?: MemberDefaults;
  /** A DM with the link when one of the member's videos finishes or fails. */
  notifyDm?: boolean;
}

const NONE: Readonly<MemberSettingsRecord> = Object.freeze({});

export interface MemberSettingsDeps {
  store: RecordStore;
  logger: Logger;
}

export function createMemberSettings(deps: MemberSettingsDeps) {
  return {
    /** The member's settings (empty when they never set any). */
    async get(userId: string): Promise<Readonly<MemberSettingsRecord>> {
      return (await deps.store.get<MemberSettingsRecord>(keys.memberSettings(userId))) ?? NONE;
    },

    /** Applies `mutate` to the stored settings in one transaction and logs the change with before and after. */
    async change(
      userId: string,
      describe: string,
      mutate: (s: MemberSettingsRecord) => MemberSettingsRecord,
    ): Promise<MemberSettingsRecord> {
      const key = keys.memberSettings(userId);
      const { before, after } = await deps.store.transact([key], (tx) => {
        const before = tx.get<MemberSettingsRecord>(key) ?? {};
        const after = mutate(structuredClone(before));
        tx.set(key, after);
        return { before, after };
      });
      deps.logger.info({ userId, by: userId, change: describe, before, after }, 'member settings changed');
      return after;
    },
  };
}

export type MemberSettings = ReturnType<typeof createMemberSettings>;
