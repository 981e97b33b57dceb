/** English (en-US) texts, the fallback locale. Keys are shared with zh-CN.ts. */
type P = Record<string, string | number>;
const s = (p: P, k: string) => String(p[k] ?? '');

export const enUS = {
  // Validation problems: each names the field and the allowed values.
  'model.unknown': (p: P) => `Model \`${s(p, 'value')}\` does not exist. Choose one of: ${s(p, 'allowed')}.`,
  'model.disabled': (p: P) =>
    `Model \`${s(p, 'value')}\` is switched off on this server. Choose one of: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'The prompt is empty. Describe the video you want.',
  'prompt.tooLong': (p: P) =>
    `The prompt is ${s(p, 'length')} characters; ${s(p, 'model')} accepts at most ${s(p, 'max')}.`,
  'duration.range': (p: P) =>
    `Duration ${s(p, 'value')} s is not possible on ${s(p, 'model')}: choose a whole number of seconds from ${s(p, 'min')} to ${s(p, 'max')} (default ${s(p, 'default')}).`,
  'resolution.notAllowed': (p: P) =>
    `Resolution \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p: P) =>
    `Aspect ratio \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'orientation.invalid': (p: P) => `Orientation \`${s(p, 'value')}\` is not valid: use landscape or portrait.`,
  'orientation.conflict': (p: P) =>
    `Orientation ${s(p, 'orientation')} contradicts aspect ratio ${s(p, 'ratio')}; the ratio wins upstream, so pick one that agrees or leave orientation out.`,
  'images.notAccepted': (p: P) =>
    `${s(p, 'model')} does not take reference images. Models that do: ${s(p, 'suggest')}.`,
  'images.tooMany': (p: P) => `${s(p, 'count')} reference images given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'images.required': (p: P) =>
    `${s(p, 'model')} makes video from images: add at least one reference image (up to ${s(p, 'max')}).`,
  'frames.notAccepted': (p: P) =>
    `${s(p, 'model')} does not take first/last frames. Models that do: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Reference images and first/last frames cannot be used together: use either reference images or frames.',
  'frames.bothRequired': (p: P) =>
    `${s(p, 'model')} needs both a first frame and a last frame in frame mode; a single frame is not supported.`,
  'frames.lastNeedsFirst': () => 'A last frame needs a first frame as well.',
  'videos.notAccepted': (p: P) =>
    `${s(p, 'model')} does not take reference videos. Models that do: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p: P) => `${s(p, 'count')} reference videos given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'videos.totalDuration': (p: P) => `Reference videos last ${s(p, 'total')} s together; the limit is ${s(p, 'max')} s.`,
  'videos.totalSize': (p: P) => `Reference videos weigh ${s(p, 'total')} together; the limit is ${s(p, 'max')}.`,
  'videos.resolution': (p: P) =>
    `Reference video ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')}; each video's short side must be ${s(p, 'min')}–${s(p, 'max')} px.`,
  'audios.notAccepted': (p: P) => `${s(p, 'model')} does not take reference audio. Models that do: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p: P) =>
    `${s(p, 'count')} reference audio clips given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'audios.alone': () =>
    'Reference audio cannot be used alone: add a reference image, a reference video or first/last frames.',
  'audios.notWithFrames': (p: P) =>
    `${s(p, 'model')} does not accept reference audio in frame mode: drop the audio or use reference images instead of frames.`,
  'media.assetOnly': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'model')} takes media only as asset:// ids from the vendor's asset audit, not \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'model')} cannot use uploaded files (it needs audited asset:// ids). Pick a model that takes uploads, for example ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'model')} needs a public https:// URL, not \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p: P) =>
    `${s(p, 'field')}: use a public https:// URL or an asset:// id, not \`${s(p, 'value')}\`.`,
  'media.contentType': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'value')}; accepted types: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p: P) => `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'size')}; the limit is ${s(p, 'max')}.`,
  'media.reviewImageSize': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')} px; the video service's media review takes images from ${s(p, 'min')} to ${s(p, 'max')} px on each side.`,
  'media.reviewImageRatio': (p: P) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')} (aspect ratio ${s(p, 'ratio')}); the video service's media review takes ratios from ${s(p, 'min')} to ${s(p, 'max')} (width ÷ height).`,
  'field.invalid': (p: P) => `${s(p, 'field')} is not valid: ${s(p, 'detail')}.`,

  // Replies and messages
  'reply.problemsTitle': (p: P) =>
    `Your request was not sent (${s(p, 'count')} problem${Number(p.count) === 1 ? '' : 's'}); nothing was charged:`,
  'reply.limitRefused': (p: P) => `Not started, nothing charged: ${s(p, 'reason')}`,
  'task.title': () => 'Video generation',
  'task.field.model': () => 'Model',
  'task.field.params': () => 'Parameters',
  'task.field.references': () => 'References',
  'task.field.requester': () => 'Requested by',
  'task.field.cost': () => 'Usage',
  'task.field.status': () => 'Status',
  'task.field.task': () => 'Task',
  'task.field.elapsed': () => 'Time',
  'task.cost.perTask': (p: P) => `1 task (${s(p, 'billedAs')})`,
  'task.cost.perSecond': (p: P) => `${s(p, 'units')} s of video (${s(p, 'billedAs')})`,
  'task.cost.estimate': (p: P) => `≈ ${s(p, 'amount')} (estimated)`,
  'task.refs.none': () => 'none (text only)',
  'task.refs.images': (p: P) => `${s(p, 'count')} image(s)`,
  'task.refs.frames': (p: P) => `frames: ${s(p, 'which')}`,
  'task.refs.videos': (p: P) => `${s(p, 'count')} video(s)`,
  'task.refs.audios': (p: P) => `${s(p, 'count')} audio clip(s)`,
  'task.params': (p: P) => `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'ratio auto',
  'status.accepted': () => '⏳ Accepted, sending to Seedance…',
  'status.submitting': () => '⏳ Sending to Seedance…',
  'status.reviewing': () => '🔎 Reviewing your media with the video service…',
  'status.review_submitting': () => '🔎 Reviewing your media with the video service…',
  'status.queued': () => '🕒 Queued upstream',
  'status.running': (p: P) =>
    `🎬 Rendering${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')}%)` : ''}`,
  'status.delivering': () => '📤 Finished, uploading the video…',
  'status.preparing': () => '🎞️ Finished, preparing the video for Discord…',
  'status.done': () => '✅ Done',
  'status.failed': () => '❌ Failed',
  'status.timed_out': () => '⌛ Timed out',
  'status.uncertain': () => '⚠️ Outcome unknown',
  'status.waiting': (p: P) =>
    `🕒 Queued — position ${s(p, 'position')}${p.startsAt ? ` · starts about <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': (p: P) =>
    `The video service refused this request for its content (${s(p, 'detail')}). Change the prompt or the images; retrying the same request will be refused again. Your usage was refunded.`,
  'failure.transient': (p: P) =>
    `The video service had a temporary problem (${s(p, 'detail')}). Your usage was refunded; Retry usually works.`,
  'failure.quota': () =>
    'The video service account has run out of balance or quota. Your usage was refunded; the bot operator has been told.',
  'failure.invalid_input': (p: P) =>
    `The video service could not use the inputs (${s(p, 'detail')}). Your usage was refunded.`,
  'failure.unknown': (p: P) => `The video service reported a failure: ${s(p, 'detail')}. Your usage was refunded.`,
  'failure.upstream_unavailable': (p: P) =>
    `The video service could not be reached (${s(p, 'detail')}). Nothing was created and your usage was refunded; try again in a minute.`,
  'failure.auth': () =>
    'The bot could not sign in to the video service (its API key was refused). Your usage was refunded; please tell a server admin.',
  'failure.invalid_request': (p: P) =>
    `The video service rejected the request: ${s(p, 'detail')}. Your usage was refunded.`,
  'failure.uncertain': () =>
    'The bot lost track of this request while sending it, so it cannot know whether a video was made. It will not be sent twice; your usage was refunded. Use Retry to try again.',
  'failure.timed_out': (p: P) =>
    `No result after ${s(p, 'minutes')} minutes, so the bot stopped waiting. Your usage was refunded.`,
  'failure.not_found': () =>
    'The video service no longer knows this task, so no video will come. Your usage was refunded; Retry starts it again.',
  'failure.no_video': () =>
    'The video service reported the task finished but gave no video. Your usage was refunded; Retry usually works.',
  'failure.cancelled': (p: P) =>
    `The video service cancelled or expired this task (${s(p, 'detail')}). Your usage was refunded; Retry starts it again.`,
  'failure.restart_stale': () =>
    'The bot restarted before it could send this request, and it is too old to send now. Nothing was created and your usage was refunded; use Retry.',
  'failure.reply_failed': () =>
    'Discord did not let the bot answer this request, so nothing was sent to the video service. Your usage was refunded.',
  'failure.message_deleted': () =>
    'The video was made, but its message was deleted and the bot cannot send you a direct message. Your usage was refunded.',
  'failure.undeliverable': () =>
    'The video was made, but Discord would not let the bot post it anywhere, not even by direct message. Your usage was refunded.',
  'failure.account_unavailable': () =>
    "The bot's video account is unavailable right now (its API keys were refused or ran out of balance). Nothing was created and your usage was refunded; please tell a server admin.",
  'failure.review_failed': (p: P) =>
    `The video service's media review refused ${s(p, 'file')}: ${s(p, 'detail')}. Nothing was made and your usage was refunded. Use a different file; sending the same one again will be refused again.`,
  'failure.review_timeout': (p: P) =>
    `The video service's media review did not finish within ${s(p, 'minutes')} minutes, so the bot stopped waiting. Nothing was made and your usage was refunded; Retry starts the review again.`,
  'failure.member_cancelled': () =>
    'Cancelled while waiting in the queue. Nothing was sent to the video service and your usage was refunded.',
  'button.reroll': () => 'Re-roll',
  'button.retry': () => 'Retry',
  'button.delete': () => 'Delete',
  'button.cancel': () => 'Cancel',
  'button.cancelDenied': () =>
    'Only the member who asked for this video, or someone with Manage Messages, can cancel it.',
  'button.cancelTooLate': () =>
    'This request has already left the queue and been sent to the video service, which cannot cancel it.',
  'button.open': () => 'Open video',
  'button.remix': () => 'Remix',
  'button.extend': () => 'Extend',
  'button.extendUnavailable': () =>
    "This video's model cannot start from a frame, so it cannot be extended. Use Remix or a new /video instead.",
  'modal.remix.title': () => 'Remix this video',
  'modal.extend.title': () => 'Extend: the next shot',
  'modal.field.prompt': () => 'Prompt',
  'modal.field.extendPrompt': () => 'Prompt for the next shot',
  'modal.field.duration': (p: P) => `Duration in seconds (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Aspect ratio (e.g. 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Taking the last frame of the video for the next shot…',
  'extend.frameCaption': (p: P) => `Last frame of \`${s(p, 'id')}\`: the first frame of the next shot.`,
  'extend.videoGone': () =>
    'The video service no longer has this video (it keeps videos about 3 days), so its last frame cannot be taken. Nothing was charged.',
  'extend.noEncoder': () =>
    'Extend is not available on this bot right now (it needs ffmpeg). Nothing was charged; use Remix instead.',
  'extend.framePostFailed': () =>
    'The bot could not post the frame in this channel (it needs Send Messages and Attach Files). Nothing was charged.',
  'task.field.parent': () => 'From',
  'task.parent.reroll': (p: P) => `Re-roll of ${s(p, 'task')}`,
  'task.parent.retry': (p: P) => `Retry of ${s(p, 'task')}`,
  'task.parent.remix': (p: P) => `Remix of ${s(p, 'task')}`,
  'task.parent.extend': (p: P) => `Continues ${s(p, 'task')}`,
  'button.deleteDenied': () =>
    'Only the member who asked for this video, or someone with Manage Messages, can delete it.',
  'button.deleted': () => 'Deleted.',
  'button.unknownTask': () => 'This task is no longer known to the bot.',
  'button.mediaExpired': () =>
    'The images or clips of this request are no longer available from Discord. Start a new /video and upload them again; nothing was charged.',
  'button.reviewFailed': () =>
    'The video service refused a file of this request in its media review, so it cannot be sent again as it is. Start a new /video with a different file.',
  'button.notFinished': () => 'This task has not finished yet.',
  'tasks.none': () => 'You have no tasks yet. Start one with /video.',
  'tasks.recentTitle': () => 'Your recent tasks',
  'tasks.notFound': (p: P) => `No task \`${s(p, 'id')}\` that you can see.`,
  'tasks.line': (p: P) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p: P) =>
    `The video (${s(p, 'reason')}) is behind the Open video button. The video service keeps it for about 3 days: save it if you want to keep it.`,
  'delivery.reason.tooLarge': (p: P) => `larger than this server's ${s(p, 'limit')} upload limit`,
  'delivery.reason.fetchFailed': () => 'could not be fetched for upload',
  'delivery.reason.cannotFit': (p: P) =>
    `could not be made small enough for this server's ${s(p, 'limit')} upload limit`,
  'delivery.fitted': (p: P) =>
    `Made smaller to fit this server's ${s(p, 'limit')} upload limit. Full quality: the Open video button (the video service keeps it until <t:${s(p, 'expiresAt')}:f>, <t:${s(p, 'expiresAt')}:R>).`,
  'delivery.reason.notFetched': () => 'its address is not one the bot may fetch from, so it was not uploaded',
  'delivery.reason.uploadFailed': () => 'Discord did not accept the upload',
  'delivery.dmReady': () => 'Your video is ready. Its message in the server is gone, so here it is.',
  'notice.ended': (p: P) => `<@${s(p, 'user')}> your video request ended without a video.`,
  'notice.dmEnded': () =>
    'Your video request ended without a video. Its message in the server is gone, so here is what happened.',
  'list.more': (p: P) => `…and ${s(p, 'count')} more`,
  'delivery.ready': (p: P) => `<@${s(p, 'user')}> your video is ready.`,
  'task.field.video': () => 'Video',
  'limit.cooldown': (p: P) => `please wait ${s(p, 'seconds')} s between videos (try again <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p: P) =>
    `you already have ${s(p, 'used')} of ${s(p, 'limit')} videos rendering; wait for one to finish.`,
  'limit.guild_running': (p: P) =>
    `this server already has ${s(p, 'used')} of ${s(p, 'limit')} videos rendering; try again when one finishes.`,
  'limit.member_daily_tasks': (p: P) =>
    `you have used ${s(p, 'used')} of your ${s(p, 'limit')} videos today; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p: P) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} videos today; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p: P) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} videos this month; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p: P) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} seconds of video this month and this one needs ${s(p, 'needed')}; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'generating in direct messages is switched off; use the bot in a server.',
  'limit.blocked': (p: P) => `the prompt contains “${s(p, 'term')}”, which this server does not allow.`,
  'limit.guild_queue': (p: P) =>
    `every running slot is taken and this server's queue is full (${s(p, 'used')} of ${s(p, 'limit')} waiting); try again when it moves.`,
  'limit.guild_monthly_spend': (p: P) =>
    `this server has spent an estimated ${s(p, 'used')} of its ${s(p, 'limit')} this month and this video would cost ${s(p, 'needed')}; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    "the bot's video account is unavailable right now (its API keys were refused or ran out of balance). Please tell a server admin.",
  'limit.member_queue': (p: P) =>
    `your videos are rendering and you already have ${s(p, 'used')} of ${s(p, 'limit')} requests waiting in the queue.`,
  'policy.channel': (p: P) => `videos can be made only in ${s(p, 'channels')} on this server.`,
  'policy.role': (p: P) => `only members with ${s(p, 'role')} can make videos on this server.`,
  'admin.denied': () => 'Only members with Manage Server can change these settings.',
  'admin.saved': (p: P) => `Saved: ${s(p, 'what')}.`,
  'admin.badLimit': (p: P) => `\`${s(p, 'value')}\` is not a limit: use a whole number, none (no limit) or default.`,
  'admin.badZone': (p: P) =>
    `\`${s(p, 'value')}\` is not a time zone: use an IANA name such as UTC, Europe/Paris or Asia/Shanghai.`,
  'admin.badModel': (p: P) => `\`${s(p, 'value')}\` is not a model id.`,
  'admin.needChannel': () => 'Pick a channel to add or remove.',
  'admin.badTerm': () => 'A blocklist term must be 1 to 100 characters.',
  'admin.blocklistFull': (p: P) =>
    `The blocklist already has ${s(p, 'value')} terms, the most a server can have: remove one before adding another.`,
  'admin.termUnknown': (p: P) => `“${s(p, 'value')}” is not on the blocklist.`,
  'admin.blocklist.added': (p: P) =>
    `Added “${s(p, 'term')}” to the prompt blocklist (${s(p, 'count')} of ${s(p, 'max')} terms).`,
  'admin.blocklist.removed': (p: P) =>
    `Removed “${s(p, 'term')}” from the prompt blocklist (${s(p, 'count')} of ${s(p, 'max')} terms).`,
  'admin.blocklist.title': (p: P) => `Blocked prompt terms (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'No prompt terms are blocked on this server.',
  'admin.show.blocklist': (p: P) => `Blocked prompt terms: ${s(p, 'count')}`,
  'admin.show.title': () => 'Video generation settings',
  'admin.show.limits': () => 'Limits',
  'admin.show.where': () => 'Where and who',
  'admin.show.models': () => 'Models',
  'admin.show.defaults': () => 'Defaults',
  'admin.show.everywhere': () => 'every channel',
  'admin.show.everyone': () => 'everyone',
  'admin.show.noLimit': () => 'no limit',
  'admin.show.fromDefault': () => '(bot default)',
  'admin.show.allModels': () => 'all models enabled',
  'admin.show.disabled': (p: P) => `disabled: ${s(p, 'list')}`,
  'admin.show.none': () => 'none set',
  'limit.label.guild_daily_tasks': () => 'Server videos per day',
  'limit.label.guild_monthly_tasks': () => 'Server videos per month',
  'limit.label.guild_monthly_seconds': () => 'Server seconds of video per month',
  'limit.label.member_daily_tasks': () => 'Member videos per day',
  'limit.label.member_running': () => 'Videos rendering at once per member',
  'limit.label.guild_running': () => 'Videos rendering at once per server',
  'limit.label.cooldown_seconds': () => 'Cooldown between requests (s)',
  'limit.label.guild_queue': () => 'Requests waiting in the server queue',
  'limit.label.member_queue': () => 'Requests waiting in the queue per member',
  'limit.label.guild_monthly_spend': () => 'Server estimated spend per month',
  'usage.title': () => 'Video usage',
  'usage.you': () => 'You',
  'usage.server': () => 'This server',
  'usage.line': (p: P) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · resets <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p: P) =>
    `This month: ${s(p, 'perTask')} per-task videos, ${s(p, 'perSecond')} s of per-second video.`,
  'usage.membersTitle': (p: P) => `Usage by member, ${s(p, 'month')}`,
  'usage.memberLine': (p: P) => `<@${s(p, 'user')}>: ${s(p, 'tasks')} videos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p: P) => `⚠️ ${s(p, 'count')} refused for content`,
  'usage.noMembers': () => 'Nobody has made a video this month.',
  'usage.queued': (p: P) => `Waiting in the queue: ${s(p, 'list')}`,
  'usage.fromRole': (p: P) => `(from <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Role limits',
  'usage.queuedItem': (p: P) => `\`${s(p, 'id')}\` (position ${s(p, 'position')})`,
  'usage.more': (p: P) => `…and ${s(p, 'count')} more (use csv: True for the full list).`,
  'usage.spend': (p: P) => `Estimated cost this month: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p: P) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p: P) =>
    `Videos per day over the last 30 days (${s(p, 'zone')}): ${s(p, 'total')} in all, ${s(p, 'month')} this month.`,
  'usage.chart.title': () => 'Videos per day, last 30 days',
  'usage.chart.perDay': () => 'videos per day',
  'usage.chart.monthSoFar': () => 'this month so far (right axis)',
  'usage.chart.cap': (p: P) => `monthly cap: ${s(p, 'limit')}`,
  'error.generic': () => 'Something went wrong on our side; nothing was charged. Please try again.',
  'error.guildOnly': () => 'This command works in servers only.',
} as const;

export type MessageKey = keyof typeof enUS;
