/** Korean (ko) texts, polite 합니다/하세요 form, Discord's Korean UI terms; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const ko: Messages = {
  'model.unknown': (p) => `\`${s(p, 'value')}\` 모델은 없습니다. 다음 중에서 선택하세요: ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `\`${s(p, 'value')}\` 모델은 이 서버에서 꺼져 있습니다. 다음 중에서 선택하세요: ${s(p, 'allowed')}.`,
  'prompt.required': () => '프롬프트가 비어 있습니다. 원하는 동영상을 설명해 주세요.',
  'prompt.tooLong': (p) =>
    `프롬프트가 ${s(p, 'length')}자입니다. ${s(p, 'model')}에서는 최대 ${s(p, 'max')}자까지 쓸 수 있습니다.`,
  'duration.range': (p) =>
    `${s(p, 'model')}에서는 ${s(p, 'value')}초 길이를 쓸 수 없습니다. ${s(p, 'min')}~${s(p, 'max')} 사이의 정수 초를 선택하세요(기본값 ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `${s(p, 'model')}에서는 \`${s(p, 'value')}\` 해상도를 쓸 수 없습니다. 사용 가능: ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `${s(p, 'model')}에서는 \`${s(p, 'value')}\` 화면 비율을 쓸 수 없습니다. 사용 가능: ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `\`${s(p, 'value')}\` 방향은 올바르지 않습니다. landscape(가로) 또는 portrait(세로)를 사용하세요.`,
  'orientation.conflict': (p) =>
    `${s(p, 'orientation')} 방향이 화면 비율 ${s(p, 'ratio')}와 맞지 않습니다. 동영상 서비스에서는 비율이 우선하므로, 비율과 맞는 방향을 고르거나 방향을 비워 두세요.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')}은(는) 참조 이미지를 받지 않습니다. 참조 이미지를 받는 모델: ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `참조 이미지가 ${s(p, 'count')}개입니다. ${s(p, 'model')}은(는) 최대 ${s(p, 'max')}개까지 받습니다.`,
  'images.required': (p) =>
    `${s(p, 'model')}은(는) 이미지로 동영상을 만듭니다. 참조 이미지를 1개 이상 추가하세요(최대 ${s(p, 'max')}개).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')}은(는) 첫 프레임/마지막 프레임을 받지 않습니다. 받는 모델: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    '참조 이미지와 첫 프레임/마지막 프레임은 함께 쓸 수 없습니다. 둘 중 하나만 사용하세요.',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')}의 프레임 모드에는 첫 프레임과 마지막 프레임이 모두 필요합니다. 프레임 하나만으로는 쓸 수 없습니다.`,
  'frames.lastNeedsFirst': () => '마지막 프레임을 쓰려면 첫 프레임도 필요합니다.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')}은(는) 참조 동영상을 받지 않습니다. 참조 동영상을 받는 모델: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) =>
    `참조 동영상이 ${s(p, 'count')}개입니다. ${s(p, 'model')}은(는) 최대 ${s(p, 'max')}개까지 받습니다.`,
  'videos.totalDuration': (p) => `참조 동영상의 총 길이가 ${s(p, 'total')}초입니다. 한도는 ${s(p, 'max')}초입니다.`,
  'videos.totalSize': (p) => `참조 동영상의 총 크기가 ${s(p, 'total')}입니다. 한도는 ${s(p, 'max')}입니다.`,
  'videos.resolution': (p) =>
    `참조 동영상 ${s(p, 'name')}은(는) ${s(p, 'width')}×${s(p, 'height')}입니다. 각 동영상의 짧은 변은 ${s(p, 'min')}~${s(p, 'max')}px이어야 합니다.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')}은(는) 참조 오디오를 받지 않습니다. 참조 오디오를 받는 모델: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) =>
    `참조 오디오가 ${s(p, 'count')}개입니다. ${s(p, 'model')}은(는) 최대 ${s(p, 'max')}개까지 받습니다.`,
  'audios.alone': () =>
    '참조 오디오만으로는 쓸 수 없습니다. 참조 이미지, 참조 동영상 또는 첫 프레임/마지막 프레임을 함께 추가하세요.',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')}의 프레임 모드에서는 참조 오디오를 쓸 수 없습니다. 오디오를 빼거나 프레임 대신 참조 이미지를 사용하세요.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')}은(는) 동영상 서비스의 소재 심사를 거친 asset:// ID만 받습니다. \`${s(p, 'value')}\`은(는) 쓸 수 없습니다.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')}은(는) 업로드한 파일을 쓸 수 없습니다(심사를 거친 asset:// ID가 필요합니다). 업로드를 받는 모델을 선택하세요. 예: ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')}에는 공개된 https:// URL이 필요합니다. \`${s(p, 'value')}\`은(는) 쓸 수 없습니다.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}: 공개된 https:// URL이나 asset:// ID를 사용하세요. \`${s(p, 'value')}\`은(는) 쓸 수 없습니다.`,
  'media.contentType': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')}의 형식은 ${s(p, 'value')}입니다. 허용 형식: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')}의 크기는 ${s(p, 'size')}입니다. 한도는 ${s(p, 'max')}입니다.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')}은(는) ${s(p, 'width')}×${s(p, 'height')}px입니다. 동영상 서비스의 소재 심사는 각 변이 ${s(p, 'min')}~${s(p, 'max')}px인 이미지만 받습니다.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')}은(는) ${s(p, 'width')}×${s(p, 'height')}(화면 비율 ${s(p, 'ratio')})입니다. 동영상 서비스의 소재 심사는 ${s(p, 'min')}~${s(p, 'max')}(너비 ÷ 높이) 비율만 받습니다.`,
  'field.invalid': (p) => `${s(p, 'field')} 값이 올바르지 않습니다: ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) => `요청을 보내지 않았습니다(문제 ${s(p, 'count')}개). 사용량은 차감되지 않았습니다:`,
  'reply.limitRefused': (p) => `시작하지 않았습니다. 사용량은 차감되지 않았습니다: ${s(p, 'reason')}`,
  'task.title': () => '동영상 생성',
  'task.field.model': () => '모델',
  'task.field.params': () => '매개변수',
  'task.field.references': () => '참조 자료',
  'task.field.requester': () => '요청자',
  'task.field.cost': () => '사용량',
  'task.field.status': () => '상태',
  'task.field.task': () => '작업',
  'task.field.elapsed': () => '시간',
  'elapsed.seconds': (p) => `${s(p, 'seconds')}초`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')}분 ${s(p, 'seconds')}초`,
  'task.cost.perTask': () => '동영상 1개(개당 과금)',
  'task.cost.perSecond': (p) => `동영상 ${s(p, 'units')}초(초당 과금)`,
  'task.cost.estimate': (p) => `약 ${s(p, 'amount')}(추정)`,
  'task.refs.none': () => '없음(텍스트만)',
  'task.refs.images': (p) => `이미지 ${s(p, 'count')}개`,
  'task.refs.frames': (p) => `프레임: ${s(p, 'which')}`,
  'task.refs.videos': (p) => `동영상 ${s(p, 'count')}개`,
  'task.refs.audios': (p) => `오디오 ${s(p, 'count')}개`,
  'task.params': (p) => `${s(p, 'duration')}초 · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => '화면 비율 자동',
  'model.choice.images': () => '이미지',
  'model.choice.frames': () => '프레임',
  'model.choice.videos': () => '동영상',
  'model.choice.audios': () => '오디오',
  'model.choice.perTask': () => '작업당',
  'model.choice.perSecond': () => '초당',
  'model.choice.reviewed': (p) => `${s(p, 'refs')}(소재 심사)`,
  'model.choice.assetOnly': () => 'asset://만',
  'model.choice.textOnly': () => '텍스트',
  'status.accepted': () => '⏳ 접수했습니다. 동영상 서비스로 보내는 중…',
  'status.submitting': () => '⏳ 동영상 서비스로 보내는 중…',
  'status.reviewing': () => '🔎 동영상 서비스에서 소재를 심사하는 중…',
  'status.review_submitting': () => '🔎 동영상 서비스에서 소재를 심사하는 중…',
  'status.queued': () => '🕒 보냈습니다. 동영상 서비스에서 아직 시작하지 않았습니다',
  'status.running': (p) => `🎬 생성 중${p.progress !== undefined && p.progress !== '' ? `(${s(p, 'progress')}%)` : ''}`,
  'status.delivering': () => '📤 완성되어 동영상을 업로드하는 중…',
  'status.preparing': () => '🎞️ Discord에 맞게 동영상을 준비하는 중…',
  'status.done': () => '✅ 완료',
  'status.failed': () => '❌ 실패',
  'status.timed_out': () => '⌛ 시간 초과',
  'status.uncertain': () => '⚠️ 결과 알 수 없음',
  'status.waiting': (p) =>
    `🕒 대기 중 — ${s(p, 'position')}번째${p.startsAt ? ` · <t:${s(p, 'startsAt')}:R> 시작 예정` : ''}`,
  'failure.moderation': () =>
    "동영상 서비스가 내용을 이유로 이 요청을 거부했습니다. 프롬프트나 이미지를 바꿔 주세요('리믹스'는 나머지 설정을 그대로 둡니다). 같은 요청은 다시 거부됩니다. 사용량은 차감되지 않았습니다.",
  'failure.transient': (p) =>
    `동영상 서비스에 일시적인 문제가 있었습니다(${s(p, 'detail')}). 사용량은 차감되지 않았습니다. 대개 '재시도'하면 됩니다.`,
  'failure.quota': () =>
    '동영상 서비스 계정의 잔액 또는 할당량이 소진되었습니다. 사용량은 차감되지 않았으며, 봇 운영자에게 경고를 보냈습니다.',
  'failure.invalid_input': (p) =>
    `동영상 서비스가 입력을 사용할 수 없었습니다(${s(p, 'detail')}). 사용량은 차감되지 않았습니다.`,
  'failure.unknown': (p) => `동영상 서비스가 실패를 보고했습니다: ${s(p, 'detail')}. 사용량은 차감되지 않았습니다.`,
  'failure.upstream_unavailable': (p) =>
    `동영상 서비스에 연결할 수 없었습니다(${s(p, 'detail')}). 아무것도 만들어지지 않았고 사용량은 차감되지 않았습니다. 1분 뒤에 다시 시도하세요.`,
  'failure.auth': () =>
    '봇이 동영상 서비스에 로그인하지 못했습니다(API 키가 거부됨). 사용량은 차감되지 않았습니다. 서버 관리자에게 알려 주세요.',
  'failure.invalid_request': (p) =>
    `동영상 서비스가 요청을 거부했습니다: ${s(p, 'detail')}. 사용량은 차감되지 않았습니다.`,
  'failure.uncertain': () =>
    "봇이 이 요청을 보내는 도중 추적을 놓쳐 동영상 서비스가 동영상을 만들었는지 알 수 없습니다. 만들어졌더라도 여기에는 표시되지 않습니다. 봇은 스스로 다시 보내지 않으며, 사용량은 차감되지 않았습니다. '재시도'를 누르면 새 요청으로 보냅니다.",
  'failure.timed_out': (p) =>
    `${s(p, 'minutes')}분이 지나도 결과가 없어 봇이 기다리기를 멈췄습니다. 사용량은 차감되지 않았습니다.`,
  'failure.not_found': () =>
    "동영상 서비스가 더 이상 이 작업을 알지 못해 동영상이 오지 않습니다. 사용량은 차감되지 않았습니다. '재시도'로 다시 시작할 수 있습니다.",
  'failure.no_video': () =>
    "동영상 서비스가 작업 완료를 보고했지만 동영상을 주지 않았습니다. 사용량은 차감되지 않았습니다. 대개 '재시도'하면 됩니다.",
  'failure.cancelled': (p) =>
    `동영상 서비스가 이 작업을 취소했거나 작업이 만료되었습니다(${s(p, 'detail')}). 사용량은 차감되지 않았습니다. '재시도'로 다시 시작할 수 있습니다.`,
  'failure.restart_stale': () =>
    "이 요청을 보내기 전에 봇이 다시 시작되었고, 지금 보내기에는 너무 오래되었습니다. 아무것도 만들어지지 않았고 사용량은 차감되지 않았습니다. '재시도'를 사용하세요.",
  'failure.reply_failed': () =>
    'Discord가 봇의 응답을 허용하지 않아 동영상 서비스에 아무것도 보내지 않았습니다. 사용량은 차감되지 않았습니다.',
  'failure.message_deleted': () =>
    '동영상은 만들어졌지만 메시지가 삭제되었고, 봇이 개인 메시지도 보낼 수 없습니다. 사용량은 차감되지 않았습니다.',
  'failure.undeliverable': () =>
    '동영상은 만들어졌지만 Discord가 봇이 어디에도 올리지 못하게 했습니다(개인 메시지 포함). 사용량은 차감되지 않았습니다.',
  'failure.account_unavailable': () =>
    '봇의 동영상 서비스 계정을 지금 사용할 수 없습니다(API 키가 거부되었거나 잔액이 소진됨). 아무것도 만들어지지 않았고 사용량은 차감되지 않았습니다. 서버 관리자에게 알려 주세요.',
  'failure.review_failed': (p) =>
    `동영상 서비스의 소재 심사에서 ${s(p, 'file')}이(가) 거부되었습니다: ${s(p, 'detail')}. 동영상은 만들어지지 않았고 사용량은 차감되지 않았습니다. 다른 파일을 사용하세요. 같은 파일을 다시 보내도 거부됩니다.`,
  'failure.review_timeout': (p) =>
    `동영상 서비스의 소재 심사가 ${s(p, 'minutes')}분 안에 끝나지 않아 봇이 기다리기를 멈췄습니다. 동영상은 만들어지지 않았고 사용량은 차감되지 않았습니다. '재시도'하면 심사를 다시 시작합니다.`,
  'failure.member_cancelled': () =>
    '대기열에서 기다리는 동안 취소되었습니다. 동영상 서비스에 아무것도 보내지 않았고 사용량은 차감되지 않았습니다.',
  'button.reroll': () => '다시 생성',
  'button.retry': () => '재시도',
  'button.delete': () => '삭제',
  'button.cancel': () => '취소',
  'button.cancelDenied': () => "이 동영상을 요청한 멤버나 '메시지 관리하기' 권한이 있는 멤버만 취소할 수 있습니다.",
  'button.cancelTooLate': () => '이 요청은 이미 대기열을 벗어나 동영상 서비스로 보내졌기 때문에 취소할 수 없습니다.',
  'button.open': () => '동영상 열기',
  'button.remix': () => '리믹스',
  'button.extend': () => '이어서 만들기',
  'button.extendUnavailable': () =>
    "이 동영상의 모델은 프레임에서 시작할 수 없어 이어서 만들 수 없습니다. '리믹스'나 새 /video를 사용하세요.",
  'modal.remix.title': () => '이 동영상 리믹스',
  'modal.extend.title': () => '이어서 만들기: 다음 장면',
  'modal.field.prompt': () => '프롬프트',
  'modal.field.extendPrompt': () => '다음 장면의 프롬프트',
  'modal.field.duration': (p) => `길이(초, ${s(p, 'min')}~${s(p, 'max')})`,
  'modal.field.ratio': () => '화면 비율(예: 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ 다음 장면을 위해 동영상의 마지막 프레임을 가져오는 중…',
  'extend.frameCaption': (p) => `\`${s(p, 'id')}\`의 마지막 프레임: 다음 장면의 첫 프레임입니다.`,
  'extend.videoGone': () =>
    '동영상 서비스에 이 동영상이 더 이상 없어(약 3일 동안 보관) 마지막 프레임을 가져올 수 없습니다. 사용량은 차감되지 않았습니다.',
  'extend.noEncoder': () =>
    "지금은 이 봇에서 이어서 만들기를 쓸 수 없습니다(ffmpeg 필요). 사용량은 차감되지 않았습니다. 대신 '리믹스'를 사용하세요.",
  'extend.framePostFailed': () =>
    "봇이 이 채널에 프레임을 올리지 못했습니다('메시지 보내기'와 '파일 첨부' 권한이 필요합니다). 사용량은 차감되지 않았습니다.",
  'task.field.parent': () => '원본',
  'task.parent.reroll': (p) => `${s(p, 'task')} 다시 생성`,
  'task.parent.retry': (p) => `${s(p, 'task')} 재시도`,
  'task.parent.remix': (p) => `${s(p, 'task')} 리믹스`,
  'task.parent.extend': (p) => `${s(p, 'task')}에서 이어짐`,
  'button.deleteDenied': () => "이 동영상을 요청한 멤버나 '메시지 관리하기' 권한이 있는 멤버만 삭제할 수 있습니다.",
  'button.deleted': () => '삭제했습니다.',
  'button.unknownTask': () => '봇이 더 이상 이 작업을 알지 못합니다.',
  'button.mediaExpired': () =>
    '이 요청의 이미지나 클립을 더 이상 Discord에서 가져올 수 없습니다. 새 /video를 시작해 다시 업로드하세요. 사용량은 차감되지 않았습니다.',
  'button.reviewFailed': () =>
    '동영상 서비스의 소재 심사에서 이 요청의 파일이 거부되어 그대로 다시 보낼 수 없습니다. 다른 파일로 새 /video를 시작하세요.',
  'button.notFinished': () => '이 작업은 아직 끝나지 않았습니다.',
  'tasks.none': () => '아직 작업이 없습니다. /video로 시작해 보세요.',
  'tasks.recentTitle': () => '최근 작업',
  'tasks.notFound': (p) => `볼 수 있는 작업 중 \`${s(p, 'id')}\`이(가) 없습니다.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `동영상(${s(p, 'reason')})은 '동영상 열기' 버튼으로 볼 수 있습니다. 동영상 서비스는 약 3일 동안 보관하므로, 간직하려면 저장하세요.`,
  'delivery.reason.tooLarge': (p) => `이 서버의 업로드 한도 ${s(p, 'limit')}보다 큼`,
  'delivery.reason.fetchFailed': () => '업로드용으로 가져오지 못함',
  'delivery.reason.cannotFit': (p) => `이 서버의 업로드 한도 ${s(p, 'limit')}에 맞게 줄이지 못함`,
  'delivery.fitted': (p) =>
    `이 서버의 업로드 한도 ${s(p, 'limit')}에 맞게 줄였습니다. 원본 화질 동영상은 '동영상 열기' 버튼으로 <t:${s(p, 'expiresAt')}:f>까지 볼 수 있습니다.`,
  'delivery.reason.notFetched': () => '봇이 가져올 수 없는 주소라 업로드하지 않음',
  'delivery.reason.uploadFailed': () => 'Discord가 업로드를 받지 않음',
  'delivery.dmReady': () => '동영상이 완성되었습니다. 서버의 메시지가 사라져서 여기로 보내 드립니다.',
  'notice.ended': (p) => `<@${s(p, 'user')}> 동영상 요청이 동영상 없이 끝났습니다.`,
  'notice.dmEnded': () =>
    '동영상 요청이 동영상 없이 끝났습니다. 서버의 메시지가 사라져서 무슨 일이 있었는지 여기로 알려 드립니다.',
  'list.more': (p) => `…외 ${s(p, 'count')}개`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> 동영상이 완성되었습니다.`,
  'task.field.video': () => '동영상',
  'limit.cooldown': (p) => `다음 동영상까지 ${s(p, 'seconds')}초 기다려 주세요(<t:${s(p, 'resetAt')}:R> 다시 시도).`,
  'limit.member_running': (p) =>
    `이미 동영상 ${s(p, 'used')}/${s(p, 'limit')}개를 생성하고 있습니다. 하나가 끝날 때까지 기다려 주세요.`,
  'limit.guild_running': (p) =>
    `이 서버에서 이미 동영상 ${s(p, 'used')}/${s(p, 'limit')}개를 생성하고 있습니다. 하나가 끝나면 다시 시도하세요.`,
  'limit.member_running_zero': () =>
    "이 서버에서는 동영상을 만들 수 없습니다. 적용된 '멤버별 동시 생성 수' 제한이 0으로 설정되어 있습니다. 서버 관리자에게 문의하세요.",
  'limit.guild_running_zero': () =>
    "이 서버에서는 동영상을 만들 수 없습니다. '서버 동시 생성 수' 제한이 0으로 설정되어 있습니다. 서버 관리자에게 문의하세요.",
  'limit.member_daily_tasks': (p) =>
    `오늘 동영상 ${s(p, 'limit')}개 중 ${s(p, 'used')}개를 사용했습니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'limit.guild_daily_tasks': (p) =>
    `이 서버는 오늘 동영상 ${s(p, 'limit')}개 중 ${s(p, 'used')}개를 사용했습니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'limit.guild_monthly_tasks': (p) =>
    `이 서버는 이번 달 동영상 ${s(p, 'limit')}개 중 ${s(p, 'used')}개를 사용했습니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'limit.guild_monthly_seconds': (p) =>
    `이 서버는 이번 달 동영상 ${s(p, 'limit')}초 중 ${s(p, 'used')}초를 사용했고, 이 동영상에는 ${s(p, 'needed')}초가 필요합니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'limit.dm_disabled': () => '개인 메시지에서의 생성은 꺼져 있습니다. 서버에서 봇을 사용하세요.',
  'limit.blocked': (p) => `프롬프트에 이 서버에서 허용하지 않는 “${s(p, 'term')}”이(가) 들어 있습니다.`,
  'limit.guild_queue': (p) =>
    `생성 자리가 모두 찼고 이 서버의 대기열도 가득 찼습니다(${s(p, 'used')}/${s(p, 'limit')}개 대기 중). 대기열이 줄어들면 다시 시도하세요.`,
  'limit.guild_monthly_spend': (p) =>
    `이 서버의 이번 달 추정 비용은 ${s(p, 'used')}(한도 ${s(p, 'limit')})이며, 이 동영상의 비용은 ${s(p, 'needed')}입니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'limit.account_unavailable': () =>
    '봇의 동영상 서비스 계정을 지금 사용할 수 없습니다(API 키가 거부되었거나 잔액이 소진됨). 서버 관리자에게 알려 주세요.',
  'limit.member_queue': (p) =>
    `동영상이 이미 생성 중이며, 대기열에도 이미 요청 ${s(p, 'used')}/${s(p, 'limit')}개가 기다리고 있습니다.`,
  'policy.channel': (p) => `이 서버에서는 ${s(p, 'channels')}에서만 동영상을 만들 수 있습니다.`,
  'policy.role': (p) => `이 서버에서는 ${s(p, 'role')} 역할이 있는 멤버만 동영상을 만들 수 있습니다.`,
  'admin.denied': () => "'서버 관리하기' 권한이 있는 멤버만 이 설정을 바꿀 수 있습니다.",
  'admin.saved': (p) => `저장했습니다: ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `생성 채널 + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `생성 채널 − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => '모든 채널에서 동영상을 만들 수 있음',
  'admin.change.modelEnabled': (p) => `\`${s(p, 'model')}\` 모델 켬`,
  'admin.change.modelDisabled': (p) => `\`${s(p, 'model')}\` 모델 끔`,
  'admin.change.defaults': (p) => `기본값: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `기본값을 지운 뒤 설정: ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `시간대 = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `${s(p, 'role')} 역할이 있는 멤버만 동영상을 만들 수 있음`,
  'admin.change.roleEveryone': () => '모든 멤버가 동영상을 만들 수 있음',
  'admin.change.blocklistAdded': (p) => `차단 목록 + “${s(p, 'term')}”`,
  'admin.change.blocklistRemoved': (p) => `차단 목록 − “${s(p, 'term')}”`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\`은(는) 제한 값이 아닙니다. 정수, none(제한 없음) 또는 default(기본값)를 사용하세요.`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\`은(는) 시간대가 아닙니다. UTC, Asia/Seoul, Europe/Paris 같은 IANA 이름을 사용하세요.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\`은(는) 모델 ID가 아닙니다.`,
  'admin.needChannel': () => '추가하거나 제거할 채널을 선택하세요.',
  'admin.badTerm': () => '차단 목록의 단어는 1~100자여야 합니다.',
  'admin.blocklistFull': (p) =>
    `차단 목록에 이미 단어가 ${s(p, 'value')}개 있어 서버 최대치입니다. 추가하기 전에 하나를 제거하세요.`,
  'admin.termUnknown': (p) => `“${s(p, 'value')}”은(는) 차단 목록에 없습니다.`,
  'admin.blocklist.added': (p) =>
    `“${s(p, 'term')}”을(를) 프롬프트 차단 목록에 추가했습니다(${s(p, 'count')}/${s(p, 'max')}개).`,
  'admin.blocklist.removed': (p) =>
    `“${s(p, 'term')}”을(를) 프롬프트 차단 목록에서 제거했습니다(${s(p, 'count')}/${s(p, 'max')}개).`,
  'admin.blocklist.title': (p) => `차단된 프롬프트 단어(${s(p, 'count')}개):`,
  'admin.blocklist.empty': () => '이 서버에서 차단된 프롬프트 단어가 없습니다.',
  'admin.show.blocklist': (p) => `차단된 프롬프트 단어: ${s(p, 'count')}개`,
  'admin.show.title': () => '동영상 생성 설정',
  'admin.show.limits': () => '제한',
  'admin.show.where': () => '장소와 대상',
  'admin.show.models': () => '모델',
  'admin.show.defaults': () => '기본값',
  'admin.show.everywhere': () => '모든 채널',
  'admin.show.everyone': () => '모두',
  'admin.show.noLimit': () => '제한 없음',
  'admin.show.fromDefault': () => '(봇 기본값)',
  'admin.show.allModels': () => '모든 모델 사용 중',
  'admin.show.disabled': (p) => `꺼짐: ${s(p, 'list')}`,
  'admin.show.none': () => '설정 안 됨',
  'limit.label.guild_daily_tasks': () => '서버 하루 동영상 수',
  'limit.label.guild_monthly_tasks': () => '서버 한 달 동영상 수',
  'limit.label.guild_monthly_seconds': () => '서버 한 달 동영상 초',
  'limit.label.member_daily_tasks': () => '멤버 하루 동영상 수',
  'limit.label.member_running': () => '멤버별 동시 생성 수',
  'limit.label.guild_running': () => '서버 동시 생성 수',
  'limit.label.cooldown_seconds': () => '요청 간 대기 시간(초)',
  'limit.label.guild_queue': () => '서버 대기열의 요청 수',
  'limit.label.member_queue': () => '멤버별 대기열의 요청 수',
  'limit.label.guild_monthly_spend': () => '서버 한 달 추정 비용',
  'usage.title': () => '동영상 사용량',
  'usage.you': () => '나',
  'usage.server': () => '이 서버',
  'usage.line': (p) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · <t:${s(p, 'resetAt')}:R> 초기화` : ''}`,
  'usage.billing': (p) => `이번 달: 작업당 과금 동영상 ${s(p, 'perTask')}개, 초당 과금 동영상 ${s(p, 'perSecond')}초.`,
  'usage.membersTitle': (p) => `멤버별 사용량, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>: 동영상 ${s(p, 'tasks')}개 · ${s(p, 'seconds')}초`,
  'usage.moderated': (p) => `⚠️ 내용으로 ${s(p, 'count')}건 거부됨`,
  'usage.noMembers': () => '이번 달에는 아직 아무도 동영상을 만들지 않았습니다.',
  'usage.queued': (p) => `대기열에서 기다리는 중: ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(<@&${s(p, 'role')}> 역할 기준)`,
  'admin.show.roleLimits': () => '역할별 제한',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\`(${s(p, 'position')}번째)`,
  'usage.more': (p) => `…외 ${s(p, 'count')}명(전체 목록은 csv: True 사용).`,
  'usage.spend': (p) => `이번 달 추정 비용: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `약 ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `최근 30일 하루 동영상 수(${s(p, 'zone')}): 전체 ${s(p, 'total')}개, 이번 달 ${s(p, 'month')}개.`,
  'usage.chart.title': () => '하루 동영상 수, 최근 30일',
  'usage.chart.perDay': () => '하루 동영상 수',
  'usage.chart.monthSoFar': () => '이번 달 누적(오른쪽 축)',
  'usage.chart.cap': (p) => `월 한도: ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => '이번 달 누적 동영상 수',
  'usage.chart.family.manxue': () => 'Manxue 풀',
  'usage.chart.family.manxue-fast': () => 'Manxue 고속',
  'usage.chart.family.manxue-video': () => 'Manxue 동영상 참조',
  'usage.chart.family.manxue-video-fast': () => 'Manxue 동영상 참조 고속',
  'usage.chart.family.sp-economy': () => 'SP 이코노미',
  'usage.chart.family.sp-official': () => 'SP 공식',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini 특가',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => '고속 이미지→동영상',
  'usage.chart.family.std': () => '스탠다드',
  'usage.chart.family.other': () => '기타 모델',
  'error.generic': () => '저희 쪽에서 문제가 생겼습니다. 사용량은 차감되지 않았습니다. 다시 시도해 주세요.',
  'error.guildOnly': () => '이 명령어는 서버에서만 쓸 수 있습니다.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) =>
    `프롬프트에 이 봇이 어디에서도 허용하지 않는 “${s(p, 'term')}”이(가) 들어 있습니다.`,
  'limit.user_install_disabled': () =>
    '이 봇은 봇을 추가한 서버(와 봇과의 개인 메시지)에서만 요청을 받습니다. 서버에 추가한 뒤 사용하세요.',
  'limit.user_monthly_spend': (p) =>
    `봇을 추가하지 않은 곳에서의 이번 달 추정 비용은 ${s(p, 'used')}(한도 ${s(p, 'limit')})이며, 이 동영상은 ${s(p, 'needed')}이(가) 더 듭니다. <t:${s(p, 'resetAt')}:R> 초기화됩니다.`,
  'card.userInstallNote': () =>
    '봇이 이 대화에 없어서 이 카드는 15분 동안만 업데이트됩니다. 동영상이 더 오래 걸리면 개인 메시지로 보내 드립니다.',
  'usage.userScope': () => '내 개인 사용량(봇이 없는 서버, 그룹 메시지)',
  'usage.serverOnly': () => '봇을 추가한 서버에서만 사용할 수 있습니다.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) => `**이 서버의 대기열**: 생성 중 ${s(p, 'running')}개, 대기 중 ${s(p, 'waiting')}개`,
  'admin.queue.running': () => '생성 중',
  'admin.queue.waiting': () => '빈자리 대기 중',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · ${s(p, 'since')} 시작 · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · ${s(p, 'since')} 요청${p.startsAt ? ` · <t:${s(p, 'startsAt')}:R> 시작 예상` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => '이 서버에서 생성 중이거나 대기 중인 동영상이 없습니다.',
  'admin.queue.more': (p) => `…외 ${s(p, 'count')}개`,
  'admin.queue.cancel': (p) => `${s(p, 'position')}번 취소`,
  'admin.queue.cancelHint': () =>
    "'취소'는 대기 중인 요청을 대기열에서 뺍니다(사용량은 차감되지 않습니다). 멤버의 카드에도 표시됩니다.",
  'admin.queue.moderatorsOnly': () => "'메시지 관리하기' 권한이 있는 멤버만 여기서 요청을 취소할 수 있습니다.",
  'admin.queue.cancelled': (p) =>
    `${s(p, 'user')}의 \`${s(p, 'id')}\` 요청을 취소했습니다: 동영상 서비스로 보내지 않았고 사용량은 차감되지 않았습니다.`,
  'tasks.pick.waiting': () => '🕒 대기 중',
  'tasks.pick.working': () => '⏳ 진행 중',
  'tasks.pick.done': () => '✅ 완료',
  'tasks.pick.failed': () => '❌ 실패',
  'tasks.pick.timedOut': () => '⌛ 시간 초과',
  'tasks.pick.uncertain': () => '⚠️ 결과 알 수 없음',
  'tasks.pick.noPrompt': () => '(프롬프트 없음)',
  'extend.userInstall': () =>
    '이어서 만들기는 봇이 이 서버에 있어야 합니다(마지막 프레임을 채널에 올리기 때문입니다). 봇을 추가한 곳이나 봇과의 개인 메시지에서 사용하세요.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => '내 설정',
  'settings.defaults': () => '내 기본값(/video에서 비워 둔 항목에 사용)',
  'settings.label.model': () => '모델',
  'settings.label.ratio': () => '화면 비율',
  'settings.label.resolution': () => '해상도',
  'settings.label.duration': () => '길이',
  'settings.line': (p) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')}초`,
  'settings.none': () => '설정 없음: 서버 기본값이 적용됩니다',
  'settings.offHere': () => '(이 서버에서 꺼져 있어 여기서는 건너뜀)',
  'settings.order': () => '우선순위: /video에 입력한 값 › 내 기본값 › 서버 기본값 › 모델 기본값.',
  'settings.notify.on': () => '🔔 동영상 완료·실패 시 개인 메시지 알림: **켜짐**',
  'settings.notify.off': () => '🔕 동영상 완료·실패 시 개인 메시지 알림: **꺼짐**',
  'settings.saved': () => '기본값을 저장했습니다.',
  'settings.cleared': () => '기본값을 지웠습니다.',
  'settings.nothing': () => '값을 하나 이상(모델, 화면 비율, 해상도, 길이) 입력하거나 reset: True를 선택하세요.',
  'settings.notifySaved.on': () =>
    '동영상이 완료되거나 실패하면 링크를 개인 메시지로 보내 드립니다(봇의 개인 메시지를 허용해 두어야 합니다).',
  'settings.notifySaved.off': () => '이제 동영상이 끝나도 개인 메시지를 보내지 않습니다.',
  'settings.yourDefault': () => '★ 내 기본값',
  'task.field.memberDefaults': () => '내 기본값',
  'notify.done': (p) => `✅ 동영상 \`${s(p, 'id')}\`이(가) 완성되었습니다: “${s(p, 'prompt')}”`,
  'notify.video': (p) => `동영상: ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ 동영상 요청 \`${s(p, 'id')}\`이(가) 동영상 없이 끝났습니다: “${s(p, 'prompt')}”`,
  'notify.card': (p) => `카드: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => '동영상 만드는 방법',
  'help.make.title': () => '동영상 만들기',
  'help.make.text': () => '**텍스트만**: `/video text prompt: 갓 내린 눈 위를 달리는 붉은 여우`',
  'help.make.images': () => '**이미지로**: `/video images prompt: 고양이가 춤추기 시작한다 image1: (내 사진)`',
  'help.make.frames': () =>
    '**첫 프레임과 마지막 프레임**: `/video frames prompt: 도시의 해돋이 first_frame: (사진) last_frame: (사진)`',
  'help.make.references': () =>
    '**참조 동영상으로**: `/video references prompt: 같은 카메라 움직임, 밤 장면 video1: (클립)`',
  'help.make.options': () =>
    '어느 것에나 `model:`, `duration:`, `ratio:`, `resolution:`을 더할 수 있습니다. 비워 둔 값은 내 /settings, 그다음 서버 설정을 따릅니다.',
  'help.make.buttons': () =>
    '카드 버튼: **다시 생성**(같은 요청 한 번 더), **재시도**(실패 후), **리믹스**(프롬프트·길이·화면 비율 수정), **이어서 만들기**(마지막 프레임에서 다음 장면), **취소**(대기 중), **삭제**.',
  'help.models.title': (p) => `모델: ${s(p, 'family')}`,
  'help.models.ids': () => '모델 ID',
  'help.models.durations': () => '길이',
  'help.models.resolutions': () => '해상도',
  'help.models.ratios': () => '화면 비율',
  'help.models.references': () => '참조 자료',
  'help.models.billing': () => '과금',
  'help.models.line': (p) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}~${s(p, 'max')}초(기본값 ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')}(고정)`,
  'help.models.perTask': () => '작업당',
  'help.models.perSecond': () => '동영상 초당',
  'help.refs.textOnly': () => '텍스트만',
  'help.refs.images': (p) => `이미지 최대 ${s(p, 'max')}개`,
  'help.refs.imagesRequired': (p) => `이미지 1~${s(p, 'max')}개(필수)`,
  'help.refs.frames': () => '첫 프레임(마지막 프레임은 선택)',
  'help.refs.framesBoth': () => '첫 프레임과 마지막 프레임 함께',
  'help.refs.videos': (p) => `동영상 최대 ${s(p, 'max')}개(합계 ${s(p, 'seconds')}초)`,
  'help.refs.audios': (p) => `오디오 최대 ${s(p, 'max')}개`,
  'help.refs.reviewed': () => '업로드한 파일은 먼저 동영상 서비스의 소재 심사를 거칩니다',
  'help.refs.assetOnly': () => 'asset:// ID만(업로드 불가)',
  'help.models.pick': () => '다른 모델 계열 보기…',
  'help.limits.title': () => '지금 내 제한',
  'help.limits.daily': (p) =>
    `오늘 남은 동영상: **${s(p, 'left')}** / ${s(p, 'limit')}(<t:${s(p, 'resetAt')}:R> 초기화)`,
  'help.limits.dailyNone': () => '하루 동영상: 제한 없음',
  'help.limits.running': (p) => `생성 중: **${s(p, 'used')}** / 동시에 ${s(p, 'limit')}개`,
  'help.limits.runningNone': (p) => `생성 중: **${s(p, 'used')}**(제한 없음)`,
  'help.limits.spend': (p) => `이번 달 추정 비용: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => '더 알아보기',
  'help.next.body': () =>
    '`/usage me`: 내 사용량과 모든 제한 · `/tasks list`: 최근 동영상 · `/settings`: 내 기본값과 개인 메시지 알림',
  'help.admin.title': () => '관리자용(서버 관리하기)',
  'help.admin.body': () =>
    '`/video-admin show` 설정과 제한 · `limit`, `role-limit` 한도 · `channel`, `role` 누가 어디서 · `model` 모델 켜기/끄기 · `defaults` 서버 기본값 · `blocklist` 차단할 프롬프트 단어 · `timezone` 초기화 시간대 · `usage members`, `usage chart` 보고서 · `queue` 생성 중·대기 중인 동영상',
  'source.card.animate': (p) => `${s(p, 'message')}에서 만든 동영상`,
  'source.card.references': (p) => `${s(p, 'message')}을(를) 참조한 동영상`,
  'source.card.messageLink': () => '이 메시지',
  'source.help': () =>
    '**어떤 메시지에서든**: 앱 → **동영상으로 만들기**(그 이미지로 동영상 시작) 또는 **참조로 사용하기**(그 이미지와 동영상 사용)',
  'source.title.animate': () => '이 메시지를 동영상으로 만들기',
  'source.title.references': () => '참조로 사용하기',
  'source.model.member': (p) => `모델: ${s(p, 'model')}(내 기본값)`,
  'source.model.server': (p) => `모델: ${s(p, 'model')}(이 서버의 기본값)`,
  'source.model.catalog': (p) => `모델: ${s(p, 'model')}(이 파일들을 받는 첫 번째 모델, 내 기본값은 받지 않음)`,
  'source.field.pick': () => '사용할 이미지',
  'source.field.pickHelp': (p) => `선택한 이미지는 ${s(p, 'how')}(으)로 사용됩니다`,
  'source.pick.firstFrame': () => '첫 프레임',
  'source.pick.reference': () => '참조 이미지',
  'source.pick.image': (p) => `이미지 ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p) => `이미지 ${s(p, 'count')}개 모두 참조 이미지로`,
  'source.noMedia.animate': () =>
    '이 메시지에는 동영상으로 만들 이미지(첨부된 이미지 또는 임베드된 이미지)가 없습니다. 아무것도 만들어지지 않았습니다.',
  'source.noMedia.references': () =>
    '이 메시지에는 참조로 사용할 이미지나 동영상이 없습니다. 아무것도 만들어지지 않았습니다.',
  'source.noModel': () =>
    '여기서 활성화된 모델 중 이 메시지의 파일을 받는 모델이 없습니다. 아무것도 만들어지지 않았습니다.',
  'source.gone': () =>
    '이 메시지를 다시 읽을 수 없습니다(삭제되었거나 봇이 그 채널을 볼 수 없음). 메시지에서 양식을 다시 여세요. 아무것도 만들어지지 않았습니다.',
  'source.mediaExpired': () =>
    '이 메시지의 파일을 Discord에서 새로 가져오지 못했습니다. 잠시 후 다시 시도하세요. 아무것도 만들어지지 않았습니다.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => '갤러리 끔',
  'admin.change.galleryChannel': (p) => `갤러리 = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => '갤러리: 완성된 동영상을 모두 공유',
  'admin.change.galleryAutoOff': () => "갤러리: 완성된 동영상에 '갤러리에 공유' 버튼 표시",
  'admin.change.galleryDigestOn': () => '갤러리: 이번 주 Top 5 켬',
  'admin.change.galleryDigestOff': () => '갤러리: 이번 주 Top 5 끔',
  'gallery.perm.ViewChannel': () => '채널 보기',
  'gallery.perm.SendMessages': () => '메시지 보내기 (포럼에서는 게시물 만들기)',
  'gallery.perm.SendMessagesInThreads': () => '스레드와 게시물에서 메시지 보내기',
  'gallery.perm.AttachFiles': () => '파일 첨부',
  'gallery.perm.EmbedLinks': () => '링크 첨부',
  'gallery.perm.ReadMessageHistory': () => '메시지 기록 보기',
  'gallery.perm.ManageThreads': () => '스레드와 게시물 관리하기',
  'gallery.perm.ManageChannels': () => '채널 관리하기 (포럼 태그를 만들 때 필요)',
  'gallery.admin.missing': (p) =>
    `갤러리가 설정되지 않았습니다: 봇에게 <#${s(p, 'channel')}>에서 다음 권한이 없습니다: ${s(p, 'list')}. 권한을 준 뒤 다시 시도하세요.`,
  'gallery.admin.notVisible': (p) =>
    `갤러리가 설정되지 않았습니다: 봇이 <#${s(p, 'channel')}> 채널을 볼 수 없습니다. 그 채널에서 '채널 보기' 권한을 준 뒤 다시 시도하세요.`,
  'admin.needGallery': () => '먼저 갤러리 채널을 고르세요: `/video-admin gallery channel:<포럼 또는 텍스트 채널>`.',
  'gallery.admin.badChannel': () => '갤러리에 쓸 포럼 채널이나 텍스트 채널을 고르세요.',
  'gallery.admin.set': (p) => `갤러리: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => '완성된 동영상을 모두 공유합니다',
  'gallery.admin.button': () => "완성된 동영상에 '갤러리에 공유' 버튼이 붙습니다",
  'gallery.admin.off': () => '갤러리를 껐습니다. 이미 올라간 게시물은 남습니다.',
  'gallery.admin.digestOn': () => '매주 월요일에 이번 주 Top 5를 게시합니다.',
  'gallery.admin.digestOff': () => '이번 주 Top 5를 게시하지 않습니다.',
  'gallery.admin.tagsFull': (p) =>
    `참고: 이 포럼에는 Discord 한도 20개 중 ${s(p, 'count')}개의 태그가 이미 있습니다. 봇은 기존 태그를 다시 쓰지만, 한도가 차면 모델과 화면 비율 태그를 추가할 수 없습니다.`,
  'gallery.show.title': () => '갤러리',
  'gallery.show.none': () => '꺼짐',
  'gallery.show.deleted': (p) =>
    `꺼짐: 채널(${s(p, 'channel')})이 삭제되었습니다. /video-admin gallery로 새 채널을 설정하세요`,
  'gallery.purge.none': (p) => `프롬프트가 “${s(p, 'term')}”와 일치하는 갤러리 게시물이 없습니다.`,
  'gallery.purge.confirm': (p) =>
    `프롬프트가 “${s(p, 'term')}”와 일치하는 갤러리 게시물이 ${s(p, 'count')}개 있습니다. 모두 삭제할까요?`,
  'gallery.purge.button': () => '모두 삭제',
  'gallery.purge.done': (p) => `갤러리 게시물 ${s(p, 'count')}개를 삭제했습니다.`,
  'gallery.post.requester': (p) => `만든 사람: <@${s(p, 'user')}>`,
  'gallery.post.card': () => '원본 카드',
  'gallery.post.use': () => '이 프롬프트 사용',
  'gallery.share': () => '갤러리에 공유',
  'gallery.share.done': () => '공유했습니다. 동영상이 곧 갤러리에 올라옵니다.',
  'gallery.share.denied': () => "이 동영상은 요청한 멤버나 '메시지 관리하기' 권한이 있는 멤버만 공유할 수 있습니다.",
  'gallery.share.optedOut': () => '요청한 멤버가 자신의 동영상을 갤러리에 올리지 않도록 설정했습니다.',
  'gallery.share.already': () => '이 동영상은 이미 갤러리에 있습니다.',
  'gallery.share.noGallery': () => '이 서버에는 갤러리가 없습니다.',
  'gallery.share.notDone': () => '완성된 동영상만 공유할 수 있습니다.',
  'gallery.optOut': () => '이제 내 동영상은 이 서버의 갤러리에 공유되지 않습니다.',
  'gallery.optIn': () => '이제 내 동영상이 다시 이 서버의 갤러리에 공유될 수 있습니다.',
  'gallery.top.title': (p) => `갤러리에서 반응이 가장 많은 동영상 (${s(p, 'period')})`,
  'gallery.top.none': () => '이 기간에는 아직 반응을 받은 갤러리 동영상이 없습니다.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — 반응 ${s(p, 'count')}개`,
  'gallery.period.day': () => '오늘',
  'gallery.period.week': () => '이번 주',
  'gallery.period.month': () => '이번 달',
  'gallery.period.all': () => '전체 기간',
  'gallery.digest.title': () => '이번 주 Top 5',
  'gallery.serverOnly': () => '갤러리는 서버 기능입니다.',
};
