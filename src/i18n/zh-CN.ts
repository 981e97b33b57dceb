/** Simplified Chinese (zh-CN) texts; every key of en-US.ts must exist here (checked by the compiler). */
import type { MessageKey } from './en-US.js';

type P = Record<string, string | number>;
const s = (p: P, k: string) => String(p[k] ?? '');

export const zhCN: Record<MessageKey, (p: P) => string> = {
  'model.unknown': (p) => `模型 \`${s(p, 'value')}\` 不存在。可选：${s(p, 'allowed')}。`,
  'model.disabled': (p) => `本服务器已停用模型 \`${s(p, 'value')}\`。可选：${s(p, 'allowed')}。`,
  'prompt.required': () => '提示词为空，请描述你想要的视频。',
  'prompt.tooLong': (p) => `提示词有 ${s(p, 'length')} 个字符；${s(p, 'model')} 最多接受 ${s(p, 'max')} 个。`,
  'duration.range': (p) => `${s(p, 'model')} 不支持时长 ${s(p, 'value')} 秒：请选择 ${s(p, 'min')}–${s(p, 'max')} 之间的整数秒（默认 ${s(p, 'default')}）。`,
  'resolution.notAllowed': (p) => `${s(p, 'model')} 不支持分辨率 \`${s(p, 'value')}\`：可选 ${s(p, 'allowed')}。`,
  'ratio.notAllowed': (p) => `${s(p, 'model')} 不支持画面比例 \`${s(p, 'value')}\`：可选 ${s(p, 'allowed')}。`,
  'orientation.invalid': (p) => `方向 \`${s(p, 'value')}\` 无效：请使用 landscape（横屏）或 portrait（竖屏）。`,
  'orientation.conflict': (p) => `方向 ${s(p, 'orientation')} 与画面比例 ${s(p, 'ratio')} 矛盾；上游以比例为准，请选择一致的方向或不填方向。`,
  'images.notAccepted': (p) => `${s(p, 'model')} 不接受参考图。支持参考图的模型：${s(p, 'suggest')}。`,
  'images.tooMany': (p) => `提供了 ${s(p, 'count')} 张参考图；${s(p, 'model')} 最多 ${s(p, 'max')} 张。`,
  'images.required': (p) => `${s(p, 'model')} 是图生视频：请至少添加一张参考图（最多 ${s(p, 'max')} 张）。`,
  'frames.notAccepted': (p) => `${s(p, 'model')} 不接受首尾帧。支持首尾帧的模型：${s(p, 'suggest')}。`,
  'frames.exclusiveWithImages': () => '参考图与首尾帧不能同时使用：请只用参考图或只用首尾帧。',
  'frames.bothRequired': (p) => `${s(p, 'model')} 的首尾帧模式必须同时提供首帧和尾帧，不支持只给一帧。`,
  'frames.lastNeedsFirst': () => '提供尾帧时也必须提供首帧。',
  'videos.notAccepted': (p) => `${s(p, 'model')} 不接受参考视频。支持参考视频的模型：${s(p, 'suggest')}。`,
  'videos.tooMany': (p) => `提供了 ${s(p, 'count')} 个参考视频；${s(p, 'model')} 最多 ${s(p, 'max')} 个。`,
  'videos.totalDuration': (p) => `参考视频总时长 ${s(p, 'total')} 秒，上限为 ${s(p, 'max')} 秒。`,
  'videos.totalSize': (p) => `参考视频总大小 ${s(p, 'total')}，上限为 ${s(p, 'max')}。`,
  'videos.resolution': (p) => `参考视频 ${s(p, 'name')} 为 ${s(p, 'width')}×${s(p, 'height')}；每个视频的短边须在 ${s(p, 'min')}–${s(p, 'max')} 像素之间。`,
  'audios.notAccepted': (p) => `${s(p, 'model')} 不接受参考音频。支持参考音频的模型：${s(p, 'suggest')}。`,
  'audios.tooMany': (p) => `提供了 ${s(p, 'count')} 段参考音频；${s(p, 'model')} 最多 ${s(p, 'max')} 段。`,
  'audios.alone': () => '参考音频不能单独使用：请同时提供参考图、参考视频或首尾帧。',
  'audios.notWithFrames': (p) => `${s(p, 'model')} 的首尾帧模式不支持参考音频：请去掉音频，或改用参考图。`,
  'media.assetOnly': (p) => `${s(p, 'field')}：${s(p, 'model')} 只接受素材审核后得到的 asset:// ID，不接受 \`${s(p, 'value')}\`。`,
  'media.assetOnlyAttachment': (p) => `${s(p, 'field')}：${s(p, 'model')} 不能使用上传的文件（需要审核后的 asset:// ID）。请改用支持上传的模型，例如 ${s(p, 'suggest')}。`,
  'media.httpsOnly': (p) => `${s(p, 'field')}：${s(p, 'model')} 需要公开的 https:// 链接，不接受 \`${s(p, 'value')}\`。`,
  'media.httpsOrAsset': (p) => `${s(p, 'field')}：请使用公开的 https:// 链接或 asset:// ID，不接受 \`${s(p, 'value')}\`。`,
  'media.contentType': (p) => `${s(p, 'field')}：${s(p, 'name')} 的类型是 ${s(p, 'value')}；可接受的类型：${s(p, 'allowed')}。`,
  'media.tooLarge': (p) => `${s(p, 'field')}：${s(p, 'name')} 大小为 ${s(p, 'size')}，上限为 ${s(p, 'max')}。`,
  'field.invalid': (p) => `${s(p, 'field')} 无效：${s(p, 'detail')}。`,
};
