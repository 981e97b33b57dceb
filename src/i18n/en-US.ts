/**
 * English (en-US) texts, the fallback locale, and the source of every key's parameters: each text declares
 * the parameters it reads, so `t(locale, key, params)` with a missing or misspelled one does not compile,
 * and zh-CN.ts must give the same keys with the same parameters.
 */
import { type Arg, type Bytes, type Money, s } from './params.js';

export const enUS = {
  // Validation problems: each names the field and the allowed values.
  'model.unknown': (p: { value: Arg; allowed: Arg }) =>
    `Model \`${s(p, 'value')}\` does not exist. Choose one of: ${s(p, 'allowed')}.`,
  'model.disabled': (p: { value: Arg; allowed: Arg }) =>
    `Model \`${s(p, 'value')}\` is switched off on this server. Choose one of: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'The prompt is empty. Describe the video you want.',
  'prompt.tooLong': (p: { length: Arg; model: Arg; max: Arg }) =>
    `The prompt is ${s(p, 'length')} characters; ${s(p, 'model')} accepts at most ${s(p, 'max')}.`,
  'duration.range': (p: { value: Arg; model: Arg; min: Arg; max: Arg; default: Arg }) =>
    `Duration ${s(p, 'value')} s is not possible on ${s(p, 'model')}: choose a whole number of seconds from ${s(p, 'min')} to ${s(p, 'max')} (default ${s(p, 'default')}).`,
  'resolution.notAllowed': (p: { value: Arg; model: Arg; allowed: Arg }) =>
    `Resolution \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p: { value: Arg; model: Arg; allowed: Arg }) =>
    `Aspect ratio \`${s(p, 'value')}\` is not available on ${s(p, 'model')}: allowed ${s(p, 'allowed')}.`,
  'orientation.invalid': (p: { value: Arg }) =>
    `Orientation \`${s(p, 'value')}\` is not valid: use landscape or portrait.`,
  'orientation.conflict': (p: { orientation: Arg; ratio: Arg }) =>
    `Orientation ${s(p, 'orientation')} contradicts aspect ratio ${s(p, 'ratio')}; the video service follows the ratio, so pick an orientation that agrees or leave it out.`,
  'images.notAccepted': (p: { model: Arg; suggest: Arg }) =>
    `${s(p, 'model')} does not take reference images. Models that do: ${s(p, 'suggest')}.`,
  'images.tooMany': (p: { count: Arg; model: Arg; max: Arg }) =>
    `${s(p, 'count')} reference images given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'images.required': (p: { model: Arg; max: Arg }) =>
    `${s(p, 'model')} makes video from images: add at least one reference image (up to ${s(p, 'max')}).`,
  'frames.notAccepted': (p: { model: Arg; suggest: Arg }) =>
    `${s(p, 'model')} does not take first/last frames. Models that do: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Reference images and first/last frames cannot be used together: use either reference images or frames.',
  'frames.bothRequired': (p: { model: Arg }) =>
    `${s(p, 'model')} needs both a first frame and a last frame in frame mode; a single frame is not supported.`,
  'frames.lastNeedsFirst': () => 'A last frame needs a first frame as well.',
  'videos.notAccepted': (p: { model: Arg; suggest: Arg }) =>
    `${s(p, 'model')} does not take reference videos. Models that do: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p: { count: Arg; model: Arg; max: Arg }) =>
    `${s(p, 'count')} reference videos given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'videos.totalDuration': (p: { total: Arg; max: Arg }) =>
    `Reference videos last ${s(p, 'total')} s together; the limit is ${s(p, 'max')} s.`,
  'videos.totalSize': (p: { total: Bytes; max: Bytes }) =>
    `Reference videos weigh ${s(p, 'total')} together; the limit is ${s(p, 'max')}.`,
  'videos.resolution': (p: { name: Arg; width: Arg; height: Arg; min: Arg; max: Arg }) =>
    `Reference video ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')}; each video's short side must be ${s(p, 'min')}–${s(p, 'max')} px.`,
  'audios.notAccepted': (p: { model: Arg; suggest: Arg }) =>
    `${s(p, 'model')} does not take reference audio. Models that do: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p: { count: Arg; model: Arg; max: Arg }) =>
    `${s(p, 'count')} reference audio clips given; ${s(p, 'model')} takes at most ${s(p, 'max')}.`,
  'audios.alone': () =>
    'Reference audio cannot be used alone: add a reference image, a reference video or first/last frames.',
  'audios.notWithFrames': (p: { model: Arg }) =>
    `${s(p, 'model')} does not accept reference audio in frame mode: drop the audio or use reference images instead of frames.`,
  'media.assetOnly': (p: { field: Arg; model: Arg; value: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'model')} takes media only as asset:// ids from the video service's media review, not \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p: { field: Arg; model: Arg; suggest: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'model')} cannot use uploaded files (it needs audited asset:// ids). Pick a model that takes uploads, for example ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p: { field: Arg; model: Arg; value: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'model')} needs a public https:// URL, not \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p: { field: Arg; value: Arg }) =>
    `${s(p, 'field')}: use a public https:// URL or an asset:// id, not \`${s(p, 'value')}\`.`,
  'media.contentType': (p: { field: Arg; name: Arg; value: Arg; allowed: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'value')}; accepted types: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p: { field: Arg; name: Arg; size: Bytes; max: Bytes }) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'size')}; the limit is ${s(p, 'max')}.`,
  'media.reviewImageSize': (p: { field: Arg; name: Arg; width: Arg; height: Arg; min: Arg; max: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')} px; the video service's media review takes images from ${s(p, 'min')} to ${s(p, 'max')} px on each side.`,
  'media.reviewImageRatio': (p: { field: Arg; name: Arg; width: Arg; height: Arg; ratio: Arg; min: Arg; max: Arg }) =>
    `${s(p, 'field')}: ${s(p, 'name')} is ${s(p, 'width')}×${s(p, 'height')} (aspect ratio ${s(p, 'ratio')}); the video service's media review takes ratios from ${s(p, 'min')} to ${s(p, 'max')} (width ÷ height).`,
  'field.invalid': (p: { field: Arg; detail: Arg }) => `${s(p, 'field')} is not valid: ${s(p, 'detail')}.`,

  // Replies and messages
  'reply.problemsTitle': (p: { count: Arg }) =>
    `Your request was not sent (${s(p, 'count')} problem${Number(p.count) === 1 ? '' : 's'}); nothing was charged:`,
  'reply.limitRefused': (p: { reason: Arg }) => `Not started, nothing charged: ${s(p, 'reason')}`,
  'task.title': () => 'Video generation',
  'task.field.model': () => 'Model',
  'task.field.params': () => 'Parameters',
  'task.field.references': () => 'References',
  'task.field.requester': () => 'Requested by',
  'task.field.cost': () => 'Usage',
  'task.field.status': () => 'Status',
  'task.field.task': () => 'Task',
  'task.field.elapsed': () => 'Time',
  'elapsed.seconds': (p: { seconds: Arg }) => `${s(p, 'seconds')}s`,
  'elapsed.minutes': (p: { minutes: Arg; seconds: Arg }) => `${s(p, 'minutes')}m ${s(p, 'seconds')}s`,
  'task.cost.perTask': () => '1 video, billed per video',
  'task.cost.perSecond': (p: { units: Arg }) => `${s(p, 'units')} s of video, billed per second`,
  'task.cost.estimate': (p: { amount: Arg }) => `≈ ${s(p, 'amount')} (estimated)`,
  'task.refs.none': () => 'none (text only)',
  'task.refs.images': (p: { count: Arg }) => `${s(p, 'count')} image(s)`,
  'task.refs.frames': (p: { which: Arg }) => `frames: ${s(p, 'which')}`,
  'task.refs.videos': (p: { count: Arg }) => `${s(p, 'count')} video(s)`,
  'task.refs.audios': (p: { count: Arg }) => `${s(p, 'count')} audio clip(s)`,
  'task.params': (p: { duration: Arg; resolution: Arg; ratio: Arg }) =>
    `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'ratio auto',
  'model.choice.images': () => 'img',
  'model.choice.frames': () => 'frames',
  'model.choice.videos': () => 'video',
  'model.choice.audios': () => 'audio',
  'model.choice.perTask': () => 'per task',
  'model.choice.perSecond': () => 'per second',
  'model.choice.reviewed': (p: { refs: Arg }) => `${s(p, 'refs')} (reviewed)`,
  'model.choice.assetOnly': () => 'asset:// only',
  'model.choice.textOnly': () => 'text',
  'status.accepted': () => '⏳ Accepted, sending to the video service…',
  'status.submitting': () => '⏳ Sending to the video service…',
  'status.reviewing': () => '🔎 Reviewing your media with the video service…',
  'status.review_submitting': () => '🔎 Reviewing your media with the video service…',
  'status.queued': () => '🕒 Sent; the video service has not started it yet',
  'status.running': (p: { progress?: Arg }) =>
    `🎬 Rendering${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')}%)` : ''}`,
  'status.delivering': () => '📤 Finished, uploading the video…',
  'status.preparing': () => '🎞️ Preparing the video for Discord…',
  'status.done': () => '✅ Done',
  'status.failed': () => '❌ Failed',
  'status.timed_out': () => '⌛ Timed out',
  'status.uncertain': () => '⚠️ Outcome unknown',
  'status.waiting': (p: { position: Arg; startsAt?: Arg }) =>
    `🕒 Queued — position ${s(p, 'position')}${p.startsAt ? ` · expected to start <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'The video service refused this request for its content. Change the prompt or the images (Remix keeps everything else); the same request would be refused again. Your usage was refunded.',
  'failure.transient': (p: { detail: Arg }) =>
    `The video service had a temporary problem (${s(p, 'detail')}). Your usage was refunded; Retry usually works.`,
  'failure.quota': () =>
    'The video service account has run out of balance or quota. Your usage was refunded, and the bot operator has been alerted.',
  'failure.invalid_input': (p: { detail: Arg }) =>
    `The video service could not use the inputs (${s(p, 'detail')}). Your usage was refunded.`,
  'failure.unknown': (p: { detail: Arg }) =>
    `The video service reported a failure: ${s(p, 'detail')}. Your usage was refunded.`,
  'failure.upstream_unavailable': (p: { detail: Arg }) =>
    `The video service could not be reached (${s(p, 'detail')}). Nothing was created and your usage was refunded; try again in a minute.`,
  'failure.auth': () =>
    'The bot could not sign in to the video service (its API key was refused). Your usage was refunded; please tell a server admin.',
  'failure.invalid_request': (p: { detail: Arg }) =>
    `The video service rejected the request: ${s(p, 'detail')}. Your usage was refunded.`,
  'failure.uncertain': () =>
    'The bot lost track of this request while sending it, so it cannot tell whether the video service made a video; if it did, it will not show up here. The bot never sends a request again on its own, and your usage was refunded. Retry sends it as a new request.',
  'failure.timed_out': (p: { minutes: Arg }) =>
    `No result after ${s(p, 'minutes')} minutes, so the bot stopped waiting. Your usage was refunded.`,
  'failure.not_found': () =>
    'The video service no longer knows this task, so no video will come. Your usage was refunded; Retry starts it again.',
  'failure.no_video': () =>
    'The video service reported the task finished but gave no video. Your usage was refunded; Retry usually works.',
  'failure.cancelled': (p: { detail: Arg }) =>
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
  'failure.review_failed': (p: { file: Arg; detail: Arg }) =>
    `The video service's media review refused ${s(p, 'file')}: ${s(p, 'detail')}. Nothing was made and your usage was refunded. Use a different file; sending the same one again will be refused again.`,
  'failure.review_timeout': (p: { minutes: Arg }) =>
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
  'modal.field.duration': (p: { min: Arg; max: Arg }) => `Duration in seconds (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Aspect ratio (e.g. 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Taking the last frame of the video for the next shot…',
  'extend.frameCaption': (p: { id: Arg }) => `Last frame of \`${s(p, 'id')}\`: the first frame of the next shot.`,
  'extend.videoGone': () =>
    'The video service no longer has this video (it keeps videos about 3 days), so its last frame cannot be taken. Nothing was charged.',
  'extend.noEncoder': () =>
    'Extend is not available on this bot right now (it needs ffmpeg). Nothing was charged; use Remix instead.',
  'extend.framePostFailed': () =>
    'The bot could not post the frame in this channel (it needs Send Messages and Attach Files). Nothing was charged.',
  'task.field.parent': () => 'From',
  'task.parent.reroll': (p: { task: Arg }) => `Re-roll of ${s(p, 'task')}`,
  'task.parent.retry': (p: { task: Arg }) => `Retry of ${s(p, 'task')}`,
  'task.parent.remix': (p: { task: Arg }) => `Remix of ${s(p, 'task')}`,
  'task.parent.extend': (p: { task: Arg }) => `Continues ${s(p, 'task')}`,
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
  'tasks.notFound': (p: { id: Arg }) => `No task \`${s(p, 'id')}\` that you can see.`,
  'tasks.line': (p: { id: Arg; status: Arg; model: Arg; when: Arg }) =>
    `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p: { reason: Arg }) =>
    `The video (${s(p, 'reason')}) is behind the Open video button. The video service keeps it for about 3 days: save it if you want to keep it.`,
  'delivery.reason.tooLarge': (p: { limit: Bytes }) => `larger than this server's ${s(p, 'limit')} upload limit`,
  'delivery.reason.fetchFailed': () => 'could not be fetched for upload',
  'delivery.reason.cannotFit': (p: { limit: Bytes }) =>
    `could not be made small enough for this server's ${s(p, 'limit')} upload limit`,
  'delivery.fitted': (p: { limit: Bytes; expiresAt: Arg }) =>
    `Made smaller to fit this server's ${s(p, 'limit')} upload limit. The full-quality video is behind the Open video button until <t:${s(p, 'expiresAt')}:f>.`,
  'delivery.reason.notFetched': () => 'its address is not one the bot may fetch from, so it was not uploaded',
  'delivery.reason.uploadFailed': () => 'Discord did not accept the upload',
  'delivery.dmReady': () => 'Your video is ready. Its message in the server is gone, so here it is.',
  'notice.ended': (p: { user: Arg }) => `<@${s(p, 'user')}> your video request ended without a video.`,
  'notice.dmEnded': () =>
    'Your video request ended without a video. Its message in the server is gone, so here is what happened.',
  'list.more': (p: { count: Arg }) => `…and ${s(p, 'count')} more`,
  'delivery.ready': (p: { user: Arg }) => `<@${s(p, 'user')}> your video is ready.`,
  'task.field.video': () => 'Video',
  'limit.cooldown': (p: { seconds: Arg; resetAt: Arg }) =>
    `please wait ${s(p, 'seconds')} s between videos (try again <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p: { used: Arg; limit: Arg }) =>
    `you already have ${s(p, 'used')} of ${s(p, 'limit')} videos rendering; wait for one to finish.`,
  'limit.guild_running': (p: { used: Arg; limit: Arg }) =>
    `this server already has ${s(p, 'used')} of ${s(p, 'limit')} videos rendering; try again when one finishes.`,
  'limit.member_running_zero': () =>
    'no video can be made for you on this server: your limit “Videos rendering at once per member” is set to 0. Ask a server admin.',
  'limit.guild_running_zero': () =>
    'no video can be made on this server: its limit “Videos rendering at once per server” is set to 0. Ask a server admin.',
  'limit.member_daily_tasks': (p: { used: Arg; limit: Arg; resetAt: Arg }) =>
    `you have used ${s(p, 'used')} of your ${s(p, 'limit')} videos today; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p: { used: Arg; limit: Arg; resetAt: Arg }) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} videos today; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p: { used: Arg; limit: Arg; resetAt: Arg }) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} videos this month; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p: { used: Arg; limit: Arg; needed: Arg; resetAt: Arg }) =>
    `this server has used ${s(p, 'used')} of its ${s(p, 'limit')} seconds of video this month and this one needs ${s(p, 'needed')}; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'generating in direct messages is switched off; use the bot in a server.',
  'limit.blocked': (p: { term: Arg }) => `the prompt contains “${s(p, 'term')}”, which this server does not allow.`,
  'limit.guild_queue': (p: { used: Arg; limit: Arg }) =>
    `every running slot is taken and this server's queue is full (${s(p, 'used')} of ${s(p, 'limit')} waiting); try again when it moves.`,
  'limit.guild_monthly_spend': (p: { used: Money; limit: Money; needed: Money; resetAt: Arg }) =>
    `this server has spent an estimated ${s(p, 'used')} of its ${s(p, 'limit')} this month and this video would cost ${s(p, 'needed')}; resets <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    "the bot's video account is unavailable right now (its API keys were refused or ran out of balance). Please tell a server admin.",
  'limit.member_queue': (p: { used: Arg; limit: Arg }) =>
    `your videos are rendering and you already have ${s(p, 'used')} of ${s(p, 'limit')} requests waiting in the queue.`,
  'policy.channel': (p: { channels: Arg }) => `videos can be made only in ${s(p, 'channels')} on this server.`,
  'policy.role': (p: { role: Arg }) => `only members with ${s(p, 'role')} can make videos on this server.`,
  'admin.denied': () => 'Only members with Manage Server can change these settings.',
  'admin.saved': (p: { what: Arg }) => `Saved: ${s(p, 'what')}.`,
  'admin.change.limit': (p: { label: Arg; value: Arg }) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p: { role: Arg; label: Arg; value: Arg }) =>
    `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p: { channel: Arg }) => `generation channels + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p: { channel: Arg }) => `generation channels − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'videos can be made in every channel',
  'admin.change.modelEnabled': (p: { model: Arg }) => `model \`${s(p, 'model')}\` enabled`,
  'admin.change.modelDisabled': (p: { model: Arg }) => `model \`${s(p, 'model')}\` disabled`,
  'admin.change.defaults': (p: { values: Arg }) => `defaults: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p: { values: Arg }) => `defaults cleared, then: ${s(p, 'values')}`,
  'admin.change.timeZone': (p: { zone: Arg }) => `time zone = ${s(p, 'zone')}`,
  'admin.change.role': (p: { role: Arg }) => `only members with ${s(p, 'role')} can make videos`,
  'admin.change.roleEveryone': () => 'every member can make videos',
  'admin.change.blocklistAdded': (p: { term: Arg }) => `blocklist + “${s(p, 'term')}”`,
  'admin.change.blocklistRemoved': (p: { term: Arg }) => `blocklist − “${s(p, 'term')}”`,
  'admin.change.galleryOff': () => 'gallery off',
  'admin.change.galleryChannel': (p: { channel: Arg }) => `gallery = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'gallery: every finished video is shared',
  'admin.change.galleryAutoOff': () => 'gallery: finished videos get a Share to gallery button',
  'admin.change.galleryDigestOn': () => 'gallery: Top 5 of the week on',
  'admin.change.galleryDigestOff': () => 'gallery: Top 5 of the week off',
  'admin.badLimit': (p: { value: Arg }) =>
    `\`${s(p, 'value')}\` is not a limit: use a whole number, none (no limit) or default.`,
  'admin.badZone': (p: { value: Arg }) =>
    `\`${s(p, 'value')}\` is not a time zone: use an IANA name such as UTC, Europe/Paris or Asia/Shanghai.`,
  'admin.badModel': (p: { value: Arg }) => `\`${s(p, 'value')}\` is not a model id.`,
  'admin.needChannel': () => 'Pick a channel to add or remove.',
  'admin.badTerm': () => 'A blocklist term must be 1 to 100 characters.',
  'admin.blocklistFull': (p: { value: Arg }) =>
    `The blocklist already has ${s(p, 'value')} terms, the most a server can have: remove one before adding another.`,
  'admin.termUnknown': (p: { value: Arg }) => `“${s(p, 'value')}” is not on the blocklist.`,
  'admin.blocklist.added': (p: { term: Arg; count: Arg; max: Arg }) =>
    `Added “${s(p, 'term')}” to the prompt blocklist (${s(p, 'count')} of ${s(p, 'max')} terms).`,
  'admin.blocklist.removed': (p: { term: Arg; count: Arg; max: Arg }) =>
    `Removed “${s(p, 'term')}” from the prompt blocklist (${s(p, 'count')} of ${s(p, 'max')} terms).`,
  'admin.blocklist.title': (p: { count: Arg }) => `Blocked prompt terms (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'No prompt terms are blocked on this server.',
  'admin.show.blocklist': (p: { count: Arg }) => `Blocked prompt terms: ${s(p, 'count')}`,
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
  'admin.show.disabled': (p: { list: Arg }) => `disabled: ${s(p, 'list')}`,
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
  'usage.line': (p: { label: Arg; used: Arg; limit: Arg; resetAt?: Arg }) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · resets <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p: { perTask: Arg; perSecond: Arg }) =>
    `This month: ${s(p, 'perTask')} per-task videos, ${s(p, 'perSecond')} s of per-second video.`,
  'usage.membersTitle': (p: { month: Arg }) => `Usage by member, ${s(p, 'month')}`,
  'usage.memberLine': (p: { user: Arg; tasks: Arg; seconds: Arg }) =>
    `<@${s(p, 'user')}>: ${s(p, 'tasks')} videos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p: { count: Arg }) => `⚠️ ${s(p, 'count')} refused for content`,
  'usage.noMembers': () => 'Nobody has made a video this month.',
  'usage.queued': (p: { list: Arg }) => `Waiting in the queue: ${s(p, 'list')}`,
  'usage.fromRole': (p: { role: Arg }) => `(from <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Role limits',
  'usage.queuedItem': (p: { id: Arg; position: Arg }) => `\`${s(p, 'id')}\` (position ${s(p, 'position')})`,
  'usage.more': (p: { count: Arg }) => `…and ${s(p, 'count')} more (use csv: True for the full list).`,
  'usage.spend': (p: { amount: Arg; limit?: Arg }) =>
    `Estimated spend this month: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p: { amount: Arg }) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p: { zone: Arg; total: Arg; month: Arg }) =>
    `Videos per day over the last 30 days (${s(p, 'zone')}): ${s(p, 'total')} in all, ${s(p, 'month')} this month.`,
  'usage.chart.title': () => 'Videos per day, last 30 days',
  'usage.chart.perDay': () => 'videos per day',
  'usage.chart.monthSoFar': () => 'this month so far (right axis)',
  'usage.chart.cap': (p: { limit: Arg }) => `monthly cap: ${s(p, 'limit')}`,
  // The chart's right axis, and the model families by the names /help and the model list use.
  'usage.chart.monthAxis': () => 'videos this month, running total',
  'usage.chart.family.manxue': () => 'Manxue full',
  'usage.chart.family.manxue-fast': () => 'Manxue fast',
  'usage.chart.family.manxue-video': () => 'Manxue video reference',
  'usage.chart.family.manxue-video-fast': () => 'Manxue video reference fast',
  'usage.chart.family.sp-economy': () => 'SP economy',
  'usage.chart.family.sp-official': () => 'SP official',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini special',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Fast image-to-video',
  'usage.chart.family.std': () => 'Standard',
  'usage.chart.family.other': () => 'other models',
  'error.generic': () => 'Something went wrong on our side; nothing was charged. Please try again.',
  'error.guildOnly': () => 'This command works in servers only.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p: { term: Arg }) =>
    `the prompt contains “${s(p, 'term')}”, which this bot does not allow anywhere.`,
  'limit.user_install_disabled': () =>
    'this bot takes requests only in servers that added it (and in its direct messages); add it to a server to use it there.',
  'limit.user_monthly_spend': (p: { used: Arg; limit: Arg; needed: Arg; resetAt: Arg }) =>
    `your monthly spend outside servers that added the bot is ${s(p, 'used')} of ${s(p, 'limit')}; this video would add ${s(p, 'needed')}. It resets <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'The bot is not in this conversation, so this card updates for 15 minutes only; if your video takes longer, it comes to you by direct message.',
  'usage.userScope': () => 'Your own use (servers without the bot, group DMs)',
  'usage.serverOnly': () => 'This works only in a server that added the bot.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p: { running: Arg; waiting: Arg }) =>
    `**This server's queue**: ${s(p, 'running')} rendering, ${s(p, 'waiting')} waiting`,
  'admin.queue.running': () => 'Rendering now',
  'admin.queue.waiting': () => 'Waiting for a free slot',
  'admin.queue.runningLine': (p: { id: Arg; user: Arg; model: Arg; since: Arg; prompt: Arg }) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · started ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p: {
    position: Arg;
    id: Arg;
    user: Arg;
    model: Arg;
    since: Arg;
    prompt: Arg;
    startsAt?: Arg;
  }) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · asked ${s(p, 'since')}${p.startsAt ? ` · expected to start <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'Nothing is rendering or waiting on this server.',
  'admin.queue.more': (p: { count: Arg }) => `…and ${s(p, 'count')} more`,
  'admin.queue.cancel': (p: { position: Arg }) => `Cancel ${s(p, 'position')}`,
  'admin.queue.cancelHint': () =>
    "Cancel takes a waiting request out of the queue and refunds it; the member's card says so.",
  'admin.queue.moderatorsOnly': () => 'Only members with Manage Messages can cancel requests here.',
  'admin.queue.cancelled': (p: { id: Arg; user: Arg }) =>
    `Cancelled \`${s(p, 'id')}\` of ${s(p, 'user')}: it was never sent to the video service and its usage was refunded.`,
  'tasks.pick.waiting': () => '🕒 waiting',
  'tasks.pick.working': () => '⏳ in progress',
  'tasks.pick.done': () => '✅ done',
  'tasks.pick.failed': () => '❌ failed',
  'tasks.pick.timedOut': () => '⌛ timed out',
  'tasks.pick.uncertain': () => '⚠️ outcome unknown',
  'tasks.pick.noPrompt': () => '(no prompt)',
  'extend.userInstall': () =>
    'Extend needs the bot in this server (it posts the last frame in the channel). Use it where the bot was added, or in its direct messages.',
  // The gallery (issue 23): admin settings, the posts and their buttons, members' choice, the top list and digest.
  'gallery.perm.ViewChannel': () => 'View Channel',
  'gallery.perm.SendMessages': () => 'Send Messages (Create Posts in a forum)',
  'gallery.perm.SendMessagesInThreads': () => 'Send Messages in Threads and Posts',
  'gallery.perm.AttachFiles': () => 'Attach Files',
  'gallery.perm.EmbedLinks': () => 'Embed Links',
  'gallery.perm.ReadMessageHistory': () => 'Read Message History',
  'gallery.perm.ManageThreads': () => 'Manage Threads and Posts',
  'gallery.perm.ManageChannels': () => 'Manage Channels (to create forum tags)',
  'gallery.admin.missing': (p: { channel: Arg; list: Arg }) =>
    `The gallery was not set: the bot lacks these permissions in <#${s(p, 'channel')}>: ${s(p, 'list')}. Grant them and try again.`,
  'gallery.admin.notVisible': (p: { channel: Arg }) =>
    `The gallery was not set: the bot cannot see <#${s(p, 'channel')}>. Give it View Channel there and try again.`,
  'admin.needGallery': () => 'Pick the gallery channel first: `/video-admin gallery channel:<forum or text channel>`.',
  'gallery.admin.badChannel': () => 'Pick a forum channel or a text channel for the gallery.',
  'gallery.admin.set': (p: { channel: Arg; mode: Arg }) => `Gallery: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'every finished video is shared',
  'gallery.admin.button': () => 'finished videos get a Share to gallery button',
  'gallery.admin.off': () => 'Gallery turned off. Posts already made stay.',
  'gallery.admin.digestOn': () => 'Top 5 of the week will be posted every Monday.',
  'gallery.admin.digestOff': () => 'No weekly Top 5.',
  'gallery.admin.tagsFull': (p: { count: Arg }) =>
    `Note: the forum already has ${s(p, 'count')} of Discord's 20 tags; the bot reuses tags but cannot add its model and ratio tags when full.`,
  'gallery.show.title': () => 'Gallery',
  'gallery.show.none': () => 'off',
  'gallery.show.deleted': (p: { channel: Arg }) =>
    `off: its channel (${s(p, 'channel')}) was deleted; set a new one with /video-admin gallery`,
  'gallery.purge.none': (p: { term: Arg }) => `No gallery post has a prompt matching “${s(p, 'term')}”.`,
  'gallery.purge.confirm': (p: { count: Arg; term: Arg }) =>
    `${s(p, 'count')} gallery posts have a prompt matching “${s(p, 'term')}”. Remove them all?`,
  'gallery.purge.button': () => 'Remove them',
  'gallery.purge.done': (p: { count: Arg }) => `Removed ${s(p, 'count')} gallery posts.`,
  'gallery.post.requester': (p: { user: Arg }) => `by <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Original card',
  'gallery.post.use': () => 'Use this prompt',
  'gallery.share': () => 'Share to gallery',
  'gallery.share.done': () => 'Shared: the video will appear in the gallery shortly.',
  'gallery.share.denied': () => 'Only the requester or members with Manage Messages can share this video.',
  'gallery.share.optedOut': () => 'The requester keeps their videos out of the gallery.',
  'gallery.share.already': () => 'This video is already in the gallery.',
  'gallery.share.noGallery': () => 'This server has no gallery.',
  'gallery.share.notDone': () => 'Only finished videos can be shared.',
  'gallery.optOut': () => 'Your videos will not be shared in this server’s gallery.',
  'gallery.optIn': () => 'Your videos may be shared in this server’s gallery again.',
  'gallery.top.title': (p: { period: Arg }) => `Most-reacted gallery videos (${s(p, 'period')})`,
  'gallery.top.none': () => 'No gallery video has reactions in this period yet.',
  'gallery.top.line': (p: { rank: Arg; title: Arg; count: Arg; link: Arg }) =>
    `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — ${s(p, 'count')} reactions`,
  'gallery.period.day': () => 'today',
  'gallery.period.week': () => 'this week',
  'gallery.period.month': () => 'this month',
  'gallery.period.all': () => 'all time',
  'gallery.digest.title': () => 'Top 5 of the week',
  'gallery.serverOnly': () => 'The gallery is a server feature.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Your settings',
  'settings.defaults': () => 'Your defaults (used by /video for what you leave out)',
  'settings.label.model': () => 'Model',
  'settings.label.ratio': () => 'Aspect ratio',
  'settings.label.resolution': () => 'Resolution',
  'settings.label.duration': () => 'Duration',
  'settings.line': (p: { label: Arg; value: Arg }) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p: { value: Arg }) => `${s(p, 'value')} s`,
  'settings.none': () => "none set: the server's defaults apply",
  'settings.offHere': () => '(switched off on this server: skipped here)',
  'settings.order': () => "Order: what you type in /video › your defaults › the server's defaults › the model's.",
  'settings.notify.on': () => '🔔 DM when a video of yours finishes or fails: **on**',
  'settings.notify.off': () => '🔕 DM when a video of yours finishes or fails: **off**',
  'settings.saved': () => 'Saved your defaults.',
  'settings.cleared': () => 'Your defaults were cleared.',
  'settings.nothing': () => 'Give at least one value (model, ratio, resolution, duration), or reset: True.',
  'settings.notifySaved.on': () =>
    'You will get a DM with the link when a video of yours finishes or fails (your DMs must be open to the bot).',
  'settings.notifySaved.off': () => 'You will no longer get a DM when a video of yours ends.',
  'settings.yourDefault': () => '★ your default',
  'task.field.memberDefaults': () => 'Your default',
  'notify.done': (p: { id: Arg; prompt: Arg }) => `✅ Your video \`${s(p, 'id')}\` is ready: “${s(p, 'prompt')}”`,
  'notify.video': (p: { url: Arg }) => `Video: ${s(p, 'url')}`,
  'notify.failed': (p: { id: Arg; prompt: Arg }) =>
    `❌ Your video request \`${s(p, 'id')}\` ended without a video: “${s(p, 'prompt')}”`,
  'notify.card': (p: { url: Arg }) => `Card: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'How to make videos',
  'help.make.title': () => 'Make a video',
  'help.make.text': () => '**Text only**: `/video text prompt: a red fox running through fresh snow`',
  'help.make.images': () => '**From images**: `/video images prompt: the cat starts dancing image1: (your picture)`',
  'help.make.frames': () =>
    '**First and last frame**: `/video frames prompt: sunrise over the city first_frame: (picture) last_frame: (picture)`',
  'help.make.references': () =>
    '**From a reference video**: `/video references prompt: same camera move, at night video1: (clip)`',
  'help.make.options': () =>
    'Add `model:`, `duration:`, `ratio:` or `resolution:` to any of them; what you leave out comes from your /settings, then the server.',
  'help.make.buttons': () =>
    'On the card: **Re-roll** (same request again), **Retry** (after a failure), **Remix** (edit prompt, length, ratio), **Extend** (next shot from the last frame), **Cancel** (while queued), **Delete**.',
  'help.models.title': (p: { family: Arg }) => `Models: ${s(p, 'family')}`,
  'help.models.ids': () => 'Model ids',
  'help.models.durations': () => 'Duration',
  'help.models.resolutions': () => 'Resolution',
  'help.models.ratios': () => 'Aspect ratios',
  'help.models.references': () => 'References',
  'help.models.billing': () => 'Billing',
  'help.models.line': (p: { label: Arg; value: Arg }) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p: { min: Arg; max: Arg; default: Arg }) =>
    `${s(p, 'min')}–${s(p, 'max')} s (default ${s(p, 'default')})`,
  'help.models.fixed': (p: { value: Arg }) => `${s(p, 'value')} (fixed)`,
  'help.models.perTask': () => 'per task',
  'help.models.perSecond': () => 'per second of video',
  'help.refs.textOnly': () => 'text only',
  'help.refs.images': (p: { max: Arg }) => `up to ${s(p, 'max')} images`,
  'help.refs.imagesRequired': (p: { max: Arg }) => `1 to ${s(p, 'max')} images (required)`,
  'help.refs.frames': () => 'first frame (last frame optional)',
  'help.refs.framesBoth': () => 'first and last frame together',
  'help.refs.videos': (p: { max: Arg; seconds: Arg }) => `up to ${s(p, 'max')} videos (${s(p, 'seconds')} s together)`,
  'help.refs.audios': (p: { max: Arg }) => `up to ${s(p, 'max')} audio clips`,
  'help.refs.reviewed': () => 'uploads go through the video service’s media review first',
  'help.refs.assetOnly': () => 'asset:// ids only (no uploads)',
  'help.models.pick': () => 'Show another model family…',
  'help.limits.title': () => 'Your limits right now',
  'help.limits.daily': (p: { left: Arg; limit: Arg; resetAt: Arg }) =>
    `Videos left today: **${s(p, 'left')}** of ${s(p, 'limit')} (resets <t:${s(p, 'resetAt')}:R>)`,
  'help.limits.dailyNone': () => 'Videos per day: no limit',
  'help.limits.running': (p: { used: Arg; limit: Arg }) =>
    `Rendering now: **${s(p, 'used')}** of ${s(p, 'limit')} at once`,
  'help.limits.runningNone': (p: { used: Arg }) => `Rendering now: **${s(p, 'used')}** (no cap)`,
  'help.limits.spend': (p: { amount: Arg; limit?: Arg }) =>
    `Estimated spend this month: **${s(p, 'amount')}**${p.limit ? ` of ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Where to look next',
  'help.next.body': () =>
    '`/usage me`: your usage and every limit · `/tasks list`: your recent videos · `/settings`: your defaults and DM notices',
  'help.admin.title': () => 'For admins (Manage Server)',
  'help.admin.body': () =>
    '`/video-admin show` settings and limits · `limit` and `role-limit` caps · `channel` and `role` who and where · `model` switch models · `defaults` server defaults · `blocklist` prompt terms · `timezone` resets · `usage members` and `usage chart` reports · `queue` what renders and waits',
  // The Animate and Use as references context menus (a form, then a card linking back to the message).
  'source.card.animate': (p: { message: Arg }) => `Animated from ${s(p, 'message')}`,
  'source.card.references': (p: { message: Arg }) => `References from ${s(p, 'message')}`,
  'source.card.messageLink': () => 'this message',
  'source.help': () =>
    '**From any message**: Apps → **Animate** (its image starts the video) or **Use as references** (its images and video)',
  'source.title.animate': () => 'Animate this message',
  'source.title.references': () => 'Use as references',
  'source.model.member': (p: { model: Arg }) => `Model: ${s(p, 'model')} (your default)`,
  'source.model.server': (p: { model: Arg }) => `Model: ${s(p, 'model')} (this server's default)`,
  'source.model.catalog': (p: { model: Arg }) =>
    `Model: ${s(p, 'model')} (the first that takes these files; your default does not)`,
  'source.field.pick': () => 'Which image',
  'source.field.pickHelp': (p: { how: Arg }) => `It becomes the ${s(p, 'how')}`,
  'source.pick.firstFrame': () => 'first frame',
  'source.pick.reference': () => 'reference image',
  'source.pick.image': (p: { n: Arg; name: Arg }) => `Image ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p: { count: Arg }) => `All ${s(p, 'count')} images as references`,
  'source.noMedia.animate': () =>
    'That message has no image to animate (an image attachment or an image embed). Nothing was created.',
  'source.noMedia.references': () => 'That message has no image or video to use as references. Nothing was created.',
  'source.noModel': () => 'No model enabled here takes the files of that message. Nothing was created.',
  'source.gone': () =>
    'That message could not be read again (deleted, or the bot cannot see that channel): open the form again from the message. Nothing was created.',
  'source.mediaExpired': () =>
    'The files of that message could not be fetched fresh from Discord. Try again in a moment; nothing was created.',
} as const;

export type MessageKey = keyof typeof enUS;
