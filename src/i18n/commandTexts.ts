/**
 * Names and descriptions of slash commands, options and choices in en-US and zh-CN.
 * Discord limits: names 1–32 lowercase characters, descriptions 1–100.
 */
export interface CommandText {
  name: string;
  zhName: string;
  description: string;
  zhDescription: string;
}

const c = (name: string, zhName: string, description: string, zhDescription: string): CommandText => ({ name, zhName, description, zhDescription });

export const COMMAND_TEXTS = {
  video: c('video', '视频', 'Generate a video with Seedance 2.0', '用 Seedance 2.0 生成视频'),
  'video.text': c('text', '文本', 'From a text prompt only', '仅根据文字提示生成'),
  'video.images': c('images', '参考图', 'From reference images (and optional audio)', '根据参考图生成（可加音频）'),
  'video.frames': c('frames', '首尾帧', 'From a first frame and optional last frame', '根据首帧（可选尾帧）生成'),
  'video.references': c('references', '参考视频', 'From reference videos (with optional images and audio)', '根据参考视频生成（可加图片和音频）'),
  prompt: c('prompt', '提示词', 'Describe the video', '描述你想要的视频'),
  model: c('model', '模型', 'Seedance model (type to search; shows what each takes)', 'Seedance 模型（可搜索，显示各自支持的内容）'),
  duration: c('duration', '时长', 'Length in seconds (allowed range depends on the model)', '时长（秒），范围取决于模型'),
  ratio: c('ratio', '比例', 'Aspect ratio', '画面比例'),
  resolution: c('resolution', '分辨率', 'Output resolution (some models have one fixed size)', '输出分辨率（部分模型固定）'),
  image: c('image', '图片', 'Reference image', '参考图'),
  first_frame: c('first_frame', '首帧', 'First frame image', '首帧图片'),
  last_frame: c('last_frame', '尾帧', 'Last frame image', '尾帧图片'),
  video_ref: c('video', '视频', 'Reference video', '参考视频'),
  audio: c('audio', '音频', 'Reference audio (needs an image, video or frames too)', '参考音频（需同时提供图片、视频或首尾帧）'),
  tasks: c('tasks', '任务', 'Your video tasks', '你的视频任务'),
  'tasks.list': c('list', '列表', 'Your recent tasks', '你最近的任务'),
  'tasks.status': c('status', '状态', 'Status of one task by id', '按 ID 查看任务状态'),
  task_id: c('id', '编号', 'Task id (shown on the video message)', '任务 ID（显示在视频消息上）'),
} as const;

export type CommandTextKey = keyof typeof COMMAND_TEXTS;
