/**
 * Names and descriptions of slash commands, options and choices in en-US and zh-CN, keyed by what they
 * produce: `'/video images'` is that sub-command, `video` the option named video (video1..3 when numbered).
 * Discord limits: names 1–32 lowercase characters, descriptions 1–100.
 */
export interface CommandText {
  name: string;
  zhName: string;
  description: string;
  zhDescription: string;
}

/** `name` keeps its literal type: command definitions derive their handlers' argument names from it. */
const c = <N extends string>(
  name: N,
  zhName: string,
  description: string,
  zhDescription: string,
): CommandText & { name: N } => ({
  name,
  zhName,
  description,
  zhDescription,
});

export const COMMAND_TEXTS = {
  '/video': c('video', '视频', 'Generate a video with Seedance 2.0', '用 Seedance 2.0 生成视频'),
  '/video text': c('text', '文本', 'From a text prompt only', '仅根据文字提示生成'),
  '/video images': c('images', '参考图', 'From reference images (and optional audio)', '根据参考图生成（可加音频）'),
  '/video frames': c('frames', '首尾帧', 'From a first frame and optional last frame', '根据首帧（可选尾帧）生成'),
  '/video references': c(
    'references',
    '参考视频',
    'From reference videos (with optional images and audio)',
    '根据参考视频生成（可加图片和音频）',
  ),
  prompt: c('prompt', '提示词', 'Describe the video', '描述你想要的视频'),
  model: c(
    'model',
    '模型',
    'Seedance model (type to search; shows what each takes)',
    'Seedance 模型（可搜索，显示各自支持的内容）',
  ),
  duration: c(
    'duration',
    '时长',
    'Length in seconds (allowed range depends on the model)',
    '时长（秒），范围取决于模型',
  ),
  ratio: c('ratio', '比例', 'Aspect ratio', '画面比例'),
  resolution: c(
    'resolution',
    '分辨率',
    'Output resolution (some models have one fixed size)',
    '输出分辨率（部分模型固定）',
  ),
  image: c('image', '图片', 'Reference image', '参考图'),
  first_frame: c('first_frame', '首帧', 'First frame image', '首帧图片'),
  last_frame: c('last_frame', '尾帧', 'Last frame image', '尾帧图片'),
  video: c('video', '视频', 'Reference video', '参考视频'),
  audio: c(
    'audio',
    '音频',
    'Reference audio (needs an image, video or frames too)',
    '参考音频（需同时提供图片、视频或首尾帧）',
  ),
  '/tasks': c('tasks', '任务', 'Your video tasks', '你的视频任务'),
  '/tasks list': c('list', '列表', 'Your recent tasks', '你最近的任务'),
  '/tasks status': c('status', '状态', 'Status of one task by id', '按 ID 查看任务状态'),
  id: c(
    'id',
    '编号',
    'Task id: pick one of your recent tasks or paste an id',
    '任务 ID：从你最近的任务中选择，或粘贴 ID',
  ),
  '/video-admin': c(
    'video-admin',
    '视频管理',
    'Server settings for video generation (Manage Server)',
    '视频生成的服务器设置（需管理服务器权限）',
  ),
  '/video-admin show': c('show', '查看', "Show this server's settings and limits", '查看本服务器的设置和限制'),
  '/video-admin limit': c('limit', '限制', 'Set or clear one limit', '设置或清除一项限制'),
  '/video-admin channel': c('channel', '频道', 'Allow generation only in listed channels', '只允许在列出的频道中生成'),
  '/video-admin model': c('model', '模型', 'Enable or disable a model on this server', '在本服务器启用或停用模型'),
  '/video-admin defaults': c(
    'defaults',
    '默认值',
    'Default model, ratio, resolution and duration',
    '默认模型、比例、分辨率和时长',
  ),
  '/video-admin timezone': c('timezone', '时区', 'Time zone for daily and monthly resets', '每日和每月重置使用的时区'),
  '/video-admin role': c(
    'role',
    '身份组',
    'Only members with this role may generate (empty: everyone)',
    '只有该身份组成员可生成（留空：所有人）',
  ),
  '/video-admin role-limit': c(
    'role-limit',
    '身份组限制',
    'Set a member limit for members holding a role (the most generous role applies)',
    '为拥有某身份组的成员设置成员限制（取最宽松的身份组）',
  ),
  '/video-admin blocklist': c(
    'blocklist',
    '屏蔽词',
    'Add, remove or list prompt terms refused on this server',
    '添加、移除或列出本服务器拒绝的提示词',
  ),
  term: c(
    'term',
    '词语',
    'A word or phrase (whole word; Chinese/Japanese/Korean as written)',
    '词语或短语（整词匹配；中日韩文字按原样匹配）',
  ),
  name: c('name', '名称', 'Which limit', '哪一项限制'),
  value: c('value', '数值', 'A whole number, none (no limit) or default', '整数、none（不限）或 default（默认）'),
  action: c('action', '操作', 'What to do', '要做什么'),
  channel: c('channel', '频道', 'A channel', '频道'),
  role: c('role', '身份组', 'A role', '身份组'),
  zone: c('zone', '时区', 'IANA time zone, e.g. Asia/Shanghai or UTC', 'IANA 时区，例如 Asia/Shanghai 或 UTC'),
  reset: c('reset', '重置', 'Clear every default first', '先清除所有默认值'),
  '/usage': c('usage', '用量', 'Video usage and limits', '视频用量和限制'),
  '/usage me': c('me', '我的', "Your usage and this server's, against each limit", '你和本服务器的用量及限制'),
  // The server's reports and queue, for admins (issue 25: /usage members and /usage server moved here).
  '/video-admin usage': c('usage', '用量', "This server's usage reports", '本服务器的用量报告'),
  '/video-admin usage members': c(
    'members',
    '成员',
    'Per-member usage this month (CSV on request)',
    '本月各成员用量（可附 CSV）',
  ),
  '/video-admin usage chart': c(
    'chart',
    '图表',
    "Chart of this server's videos per day, last 30 days",
    '本服务器最近 30 天每日视频数图表',
  ),
  '/video-admin queue': c(
    'queue',
    '队列',
    'What is rendering and waiting on this server (moderators can cancel)',
    '本服务器正在生成和排队的视频（版主可取消）',
  ),
  csv: c('csv', 'csv', 'Attach the full list as a CSV file', '附上完整 CSV 文件'),
  // The gallery (issue 23).
  '/video-admin gallery': c(
    'gallery',
    '画廊',
    'Share finished videos in a forum or text channel',
    '在论坛或文字频道中分享完成的视频',
  ),
  '/video-admin gallery-purge': c(
    'gallery-purge',
    '画廊清理',
    'Remove gallery posts whose prompt matches a term',
    '移除提示词匹配某词语的画廊帖子',
  ),
  auto: c('auto', '自动', 'Share every finished video (else a Share button)', '分享每个完成的视频（否则显示分享按钮）'),
  digest: c('digest', '周榜', 'Post “Top 5 of the week” every Monday', '每周一发布“本周前五”'),
  off: c('off', '关闭', 'Turn the gallery off', '关闭画廊'),
  '/gallery': c('gallery', '画廊', "This server's video gallery", '本服务器的视频画廊'),
  '/gallery opt-out': c('opt-out', '退出', 'Keep your videos out of the gallery', '不在画廊中展示你的视频'),
  '/gallery opt-in': c('opt-in', '加入', 'Let your videos into the gallery again', '允许你的视频再次进入画廊'),
  '/gallery top': c('top', '排行', 'Most-reacted gallery videos', '画廊中反应最多的视频'),
  period: c('period', '时段', 'Which period', '哪个时段'),
  '/settings': c('settings', '设置', 'Your own video defaults and notices', '你自己的视频默认值和通知'),
  '/settings show': c('show', '查看', 'Show your defaults and notices', '查看你的默认值和通知'),
  '/settings defaults': c(
    'defaults',
    '默认值',
    'Your default model, ratio, resolution and duration for /video',
    '你在 /video 中的默认模型、比例、分辨率和时长',
  ),
  '/settings notify': c(
    'notify',
    '通知',
    'A DM with the link when a video of yours finishes or fails',
    '你的视频完成或失败时私信你链接',
  ),
  dm: c('dm', '私信', 'Send me a DM: True or False', '是否私信我：True 或 False'),
  '/settings gallery': c(
    'gallery',
    '画廊',
    "Whether this server's gallery may share your videos",
    '本服务器的画廊是否可以分享你的视频',
  ),
  share: c('share', '分享', 'Share my videos in the gallery: True or False', '是否在画廊中分享我的视频：True 或 False'),
  '/help': c('help', '帮助', 'How to make videos, the models, and your limits', '如何生成视频、模型说明和你的限制'),
} as const;

export type CommandTextKey = keyof typeof COMMAND_TEXTS;

/**
 * Names of the message context menu commands (Apps → …): up to 32 characters, spaces and capitals allowed, no
 * description (Discord shows none for them).
 */
export const MESSAGE_COMMAND_TEXTS = {
  animate: { name: 'Animate', zhName: '生成动画' },
  references: { name: 'Use as references', zhName: '用作参考' },
} as const;

export type MessageCommandKey = keyof typeof MESSAGE_COMMAND_TEXTS;
