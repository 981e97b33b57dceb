/** Recognises the Discord API errors the bot handles on purpose (by their JSON error code). */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

export const discordCode = (err: unknown): number | string | undefined =>
  err instanceof DiscordAPIError ? err.code : undefined;

/** Another process (same token) or a late reply already used this interaction. */
export const isAckLost = (err: unknown) =>
  [RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, RESTJSONErrorCodes.UnknownInteraction].includes(
    discordCode(err) as number,
  );

/** The message or its webhook is gone (deleted, or the 15-minute token expired). */
export const isGone = (err: unknown) =>
  [
    RESTJSONErrorCodes.UnknownMessage,
    RESTJSONErrorCodes.UnknownWebhook,
    RESTJSONErrorCodes.InvalidWebhookToken,
    RESTJSONErrorCodes.UnknownChannel,
    RESTJSONErrorCodes.MissingAccess,
  ].includes(discordCode(err) as number);
