/** Japanese (ja) texts, polite です/ます form, Discord's Japanese UI terms; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const ja: Messages = {
  'model.unknown': (p) => `モデル \`${s(p, 'value')}\` は存在しません。次から選んでください：${s(p, 'allowed')}。`,
  'model.disabled': (p) =>
    `モデル \`${s(p, 'value')}\` はこのサーバーで無効になっています。次から選んでください：${s(p, 'allowed')}。`,
  'prompt.required': () => 'プロンプトが空です。作りたい動画の内容を入力してください。',
  'prompt.tooLong': (p) =>
    `プロンプトは ${s(p, 'length')} 文字です。${s(p, 'model')} で使えるのは最大 ${s(p, 'max')} 文字です。`,
  'duration.range': (p) =>
    `${s(p, 'model')} では ${s(p, 'value')} 秒の長さは指定できません。${s(p, 'min')}〜${s(p, 'max')} の整数の秒数を選んでください（デフォルト ${s(p, 'default')}）。`,
  'resolution.notAllowed': (p) =>
    `${s(p, 'model')} では解像度 \`${s(p, 'value')}\` は使えません。使用可能：${s(p, 'allowed')}。`,
  'ratio.notAllowed': (p) =>
    `${s(p, 'model')} ではアスペクト比 \`${s(p, 'value')}\` は使えません。使用可能：${s(p, 'allowed')}。`,
  'orientation.invalid': (p) =>
    `向き \`${s(p, 'value')}\` は無効です。landscape（横向き）または portrait（縦向き）を指定してください。`,
  'orientation.conflict': (p) =>
    `向き ${s(p, 'orientation')} がアスペクト比 ${s(p, 'ratio')} と矛盾しています。動画サービスではアスペクト比が優先されるため、一致する向きを選ぶか、向きを指定しないでください。`,
  'images.notAccepted': (p) => `${s(p, 'model')} は参照画像を使えません。参照画像を使えるモデル：${s(p, 'suggest')}。`,
  'images.tooMany': (p) =>
    `参照画像が ${s(p, 'count')} 枚あります。${s(p, 'model')} で使えるのは最大 ${s(p, 'max')} 枚です。`,
  'images.required': (p) =>
    `${s(p, 'model')} は画像から動画を作るモデルです。参照画像を 1 枚以上追加してください（最大 ${s(p, 'max')} 枚）。`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} は最初／最後のフレームを使えません。使えるモデル：${s(p, 'suggest')}。`,
  'frames.exclusiveWithImages': () =>
    '参照画像と最初／最後のフレームは同時に使えません。どちらか一方だけを使ってください。',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')} のフレームモードでは、最初のフレームと最後のフレームの両方が必要です。1 枚だけでは使えません。`,
  'frames.lastNeedsFirst': () => '最後のフレームを使うには、最初のフレームも必要です。',
  'videos.notAccepted': (p) => `${s(p, 'model')} は参照動画を使えません。参照動画を使えるモデル：${s(p, 'suggest')}。`,
  'videos.tooMany': (p) =>
    `参照動画が ${s(p, 'count')} 本あります。${s(p, 'model')} で使えるのは最大 ${s(p, 'max')} 本です。`,
  'videos.totalDuration': (p) => `参照動画の合計は ${s(p, 'total')} 秒です。上限は ${s(p, 'max')} 秒です。`,
  'videos.totalSize': (p) => `参照動画の合計サイズは ${s(p, 'total')} です。上限は ${s(p, 'max')} です。`,
  'videos.resolution': (p) =>
    `参照動画 ${s(p, 'name')} は ${s(p, 'width')}×${s(p, 'height')} です。各動画の短辺は ${s(p, 'min')}〜${s(p, 'max')} px にしてください。`,
  'audios.notAccepted': (p) => `${s(p, 'model')} は参照音声を使えません。参照音声を使えるモデル：${s(p, 'suggest')}。`,
  'audios.tooMany': (p) =>
    `参照音声が ${s(p, 'count')} 件あります。${s(p, 'model')} で使えるのは最大 ${s(p, 'max')} 件です。`,
  'audios.alone': () =>
    '参照音声だけでは使えません。参照画像、参照動画、または最初／最後のフレームも追加してください。',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')} のフレームモードでは参照音声を使えません。音声を外すか、フレームの代わりに参照画像を使ってください。`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}：${s(p, 'model')} は動画サービスの素材審査を通った asset:// ID しか使えません。\`${s(p, 'value')}\` は使えません。`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}：${s(p, 'model')} はアップロードしたファイルを使えません（審査済みの asset:// ID が必要です）。アップロードに対応したモデル（例：${s(p, 'suggest')}）を選んでください。`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}：${s(p, 'model')} には公開された https:// の URL が必要です。\`${s(p, 'value')}\` は使えません。`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}：公開された https:// の URL か asset:// ID を使ってください。\`${s(p, 'value')}\` は使えません。`,
  'media.contentType': (p) =>
    `${s(p, 'field')}：${s(p, 'name')} の形式は ${s(p, 'value')} です。使える形式：${s(p, 'allowed')}。`,
  'media.tooLarge': (p) =>
    `${s(p, 'field')}：${s(p, 'name')} のサイズは ${s(p, 'size')} です。上限は ${s(p, 'max')} です。`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}：${s(p, 'name')} は ${s(p, 'width')}×${s(p, 'height')} px です。動画サービスの素材審査で使える画像は、各辺 ${s(p, 'min')}〜${s(p, 'max')} px です。`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}：${s(p, 'name')} は ${s(p, 'width')}×${s(p, 'height')}（アスペクト比 ${s(p, 'ratio')}）です。動画サービスの素材審査で使えるアスペクト比は ${s(p, 'min')}〜${s(p, 'max')}（幅 ÷ 高さ）です。`,
  'field.invalid': (p) => `${s(p, 'field')} が無効です：${s(p, 'detail')}。`,

  'reply.problemsTitle': (p) =>
    `リクエストは送信されませんでした（問題 ${s(p, 'count')} 件）。利用枠は消費されていません：`,
  'reply.limitRefused': (p) => `開始されませんでした。利用枠は消費されていません：${s(p, 'reason')}`,
  'task.title': () => '動画生成',
  'task.field.model': () => 'モデル',
  'task.field.params': () => 'パラメーター',
  'task.field.references': () => '参照素材',
  'task.field.requester': () => 'リクエストした人',
  'task.field.cost': () => '利用量',
  'task.field.status': () => 'ステータス',
  'task.field.task': () => 'タスク',
  'task.field.elapsed': () => '時間',
  'elapsed.seconds': (p) => `${s(p, 'seconds')}秒`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')}分${s(p, 'seconds')}秒`,
  'task.cost.perTask': () => '動画 1 本（1 本ごとの課金）',
  'task.cost.perSecond': (p) => `動画 ${s(p, 'units')} 秒（秒単位の課金）`,
  'task.cost.estimate': (p) => `約 ${s(p, 'amount')}（推定）`,
  'task.refs.none': () => 'なし（テキストのみ）',
  'task.refs.images': (p) => `画像 ${s(p, 'count')} 枚`,
  'task.refs.frames': (p) => `フレーム：${s(p, 'which')}`,
  'task.refs.videos': (p) => `動画 ${s(p, 'count')} 本`,
  'task.refs.audios': (p) => `音声 ${s(p, 'count')} 件`,
  'task.params': (p) => `${s(p, 'duration')} 秒 · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'アスペクト比：自動',
  'model.choice.images': () => '画像',
  'model.choice.frames': () => 'フレーム',
  'model.choice.videos': () => '動画',
  'model.choice.audios': () => '音声',
  'model.choice.perTask': () => 'タスク単位',
  'model.choice.perSecond': () => '秒単位',
  'model.choice.reviewed': (p) => `${s(p, 'refs')}（素材審査あり）`,
  'model.choice.assetOnly': () => 'asset:// のみ',
  'model.choice.textOnly': () => 'テキスト',
  'status.accepted': () => '⏳ 受け付けました。動画サービスに送信しています…',
  'status.submitting': () => '⏳ 動画サービスに送信しています…',
  'status.reviewing': () => '🔎 動画サービスが素材を審査しています…',
  'status.review_submitting': () => '🔎 動画サービスが素材を審査しています…',
  'status.queued': () => '🕒 送信済み。動画サービスはまだ生成を始めていません',
  'status.running': (p) =>
    `🎬 生成中${p.progress !== undefined && p.progress !== '' ? `（${s(p, 'progress')}%）` : ''}`,
  'status.delivering': () => '📤 完成しました。動画をアップロードしています…',
  'status.preparing': () => '🎞️ Discord 用に動画を準備しています…',
  'status.done': () => '✅ 完了',
  'status.failed': () => '❌ 失敗',
  'status.timed_out': () => '⌛ タイムアウト',
  'status.uncertain': () => '⚠️ 結果不明',
  'status.waiting': (p) =>
    `🕒 順番待ち — ${s(p, 'position')} 番目${p.startsAt ? ` · <t:${s(p, 'startsAt')}:R>に開始予定` : ''}`,
  'failure.moderation': () =>
    '動画サービスが内容を理由にこのリクエストを拒否しました。プロンプトや画像を変更してください（「リミックス」ならほかの設定はそのままです）。同じリクエストは再び拒否されます。利用枠は消費されていません。',
  'failure.transient': (p) =>
    `動画サービスで一時的な問題が発生しました（${s(p, 'detail')}）。利用枠は消費されていません。「再試行」で多くの場合うまくいきます。`,
  'failure.quota': () =>
    '動画サービスのアカウントの残高または割り当てが不足しています。利用枠は消費されておらず、ボットの運営者に警告を送りました。',
  'failure.invalid_input': (p) =>
    `動画サービスが入力を処理できませんでした（${s(p, 'detail')}）。利用枠は消費されていません。`,
  'failure.unknown': (p) => `動画サービスがエラーを報告しました：${s(p, 'detail')}。利用枠は消費されていません。`,
  'failure.upstream_unavailable': (p) =>
    `動画サービスに接続できませんでした（${s(p, 'detail')}）。何も作成されておらず、利用枠は消費されていません。1 分ほどしてからもう一度お試しください。`,
  'failure.auth': () =>
    'ボットが動画サービスにログインできませんでした（API キーが拒否されました）。利用枠は消費されていません。サーバーの管理者にお知らせください。',
  'failure.invalid_request': (p) =>
    `動画サービスがリクエストを拒否しました：${s(p, 'detail')}。利用枠は消費されていません。`,
  'failure.uncertain': () =>
    '送信中にボットがこのリクエストを見失ったため、動画サービスが動画を作成したかどうか分かりません。作成されていても、ここには表示されません。ボットが自動で再送信することはなく、利用枠は消費されていません。「再試行」を押すと新しいリクエストとして送信します。',
  'failure.timed_out': (p) =>
    `${s(p, 'minutes')} 分経っても結果が出なかったため、ボットは待つのをやめました。利用枠は消費されていません。`,
  'failure.not_found': () =>
    '動画サービスがこのタスクを認識しなくなったため、動画は届きません。利用枠は消費されていません。「再試行」でやり直せます。',
  'failure.no_video': () =>
    '動画サービスはタスクの完了を報告しましたが、動画がありませんでした。利用枠は消費されていません。「再試行」で多くの場合うまくいきます。',
  'failure.cancelled': (p) =>
    `動画サービスがこのタスクをキャンセルしたか、期限切れになりました（${s(p, 'detail')}）。利用枠は消費されていません。「再試行」でやり直せます。`,
  'failure.restart_stale': () =>
    'このリクエストを送信する前にボットが再起動し、今から送るには古くなりすぎました。何も作成されておらず、利用枠は消費されていません。「再試行」を使ってください。',
  'failure.reply_failed': () =>
    'Discord がこのリクエストへのボットの返信を許可しなかったため、動画サービスには何も送信されていません。利用枠は消費されていません。',
  'failure.message_deleted': () =>
    '動画は完成しましたが、そのメッセージが削除されており、ボットからダイレクトメッセージも送れません。利用枠は消費されていません。',
  'failure.undeliverable': () =>
    '動画は完成しましたが、Discord がボットによる投稿をどこにも許可しませんでした（ダイレクトメッセージも含む）。利用枠は消費されていません。',
  'failure.account_unavailable': () =>
    'ボットの動画サービスのアカウントが現在使えません（API キーが拒否されたか、残高が不足しています）。何も作成されておらず、利用枠は消費されていません。サーバーの管理者にお知らせください。',
  'failure.review_failed': (p) =>
    `動画サービスの素材審査で ${s(p, 'file')} が拒否されました：${s(p, 'detail')}。動画は作成されておらず、利用枠は消費されていません。別のファイルを使ってください。同じファイルを再度送っても拒否されます。`,
  'failure.review_timeout': (p) =>
    `動画サービスの素材審査が ${s(p, 'minutes')} 分以内に終わらなかったため、ボットは待つのをやめました。動画は作成されておらず、利用枠は消費されていません。「再試行」で審査をやり直せます。`,
  'failure.member_cancelled': () =>
    'キューで待機中にキャンセルされました。動画サービスには何も送信されておらず、利用枠は消費されていません。',
  'button.reroll': () => '再生成',
  'button.retry': () => '再試行',
  'button.delete': () => '削除',
  'button.cancel': () => 'キャンセル',
  'button.cancelDenied': () =>
    'キャンセルできるのは、この動画をリクエストしたメンバーか「メッセージの管理」権限を持つメンバーだけです。',
  'button.cancelTooLate': () =>
    'このリクエストはすでにキューを出て動画サービスに送信されているため、キャンセルできません。',
  'button.open': () => '動画を開く',
  'button.remix': () => 'リミックス',
  'button.extend': () => '続きを作成',
  'button.extendUnavailable': () =>
    'この動画のモデルはフレームから開始できないため、続きを作成できません。「リミックス」か新しい /video を使ってください。',
  'modal.remix.title': () => 'この動画をリミックス',
  'modal.extend.title': () => '続きを作成：次のショット',
  'modal.field.prompt': () => 'プロンプト',
  'modal.field.extendPrompt': () => '次のショットのプロンプト',
  'modal.field.duration': (p) => `長さ（秒、${s(p, 'min')}〜${s(p, 'max')}）`,
  'modal.field.ratio': () => 'アスペクト比（例：16:9、9:16、1:1）',
  'extend.working': () => '🎞️ 次のショットのために動画の最後のフレームを取り出しています…',
  'extend.frameCaption': (p) => `\`${s(p, 'id')}\` の最後のフレーム：次のショットの最初のフレームです。`,
  'extend.videoGone': () =>
    '動画サービスにこの動画が残っていないため（保存期間は約 3 日）、最後のフレームを取り出せません。利用枠は消費されていません。',
  'extend.noEncoder': () =>
    '現在このボットでは「続きを作成」を使えません（ffmpeg が必要です）。利用枠は消費されていません。「リミックス」を使ってください。',
  'extend.framePostFailed': () =>
    'ボットがこのチャンネルにフレームを投稿できませんでした（「メッセージを送信」と「ファイルを添付」の権限が必要です）。利用枠は消費されていません。',
  'task.field.parent': () => '元',
  'task.parent.reroll': (p) => `${s(p, 'task')} の再生成`,
  'task.parent.retry': (p) => `${s(p, 'task')} の再試行`,
  'task.parent.remix': (p) => `${s(p, 'task')} のリミックス`,
  'task.parent.extend': (p) => `${s(p, 'task')} の続き`,
  'button.deleteDenied': () =>
    '削除できるのは、この動画をリクエストしたメンバーか「メッセージの管理」権限を持つメンバーだけです。',
  'button.deleted': () => '削除しました。',
  'button.unknownTask': () => 'このタスクはボットにもう記録されていません。',
  'button.mediaExpired': () =>
    'このリクエストの画像やクリップは Discord から取得できなくなりました。新しく /video を使って、もう一度アップロードしてください。利用枠は消費されていません。',
  'button.reviewFailed': () =>
    '動画サービスの素材審査でこのリクエストのファイルが拒否されたため、このままでは再送信できません。別のファイルで新しく /video を使ってください。',
  'button.notFinished': () => 'このタスクはまだ完了していません。',
  'tasks.none': () => 'タスクはまだありません。/video で始めましょう。',
  'tasks.recentTitle': () => '最近のタスク',
  'tasks.notFound': (p) => `表示できるタスク \`${s(p, 'id')}\` はありません。`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `動画（${s(p, 'reason')}）は「動画を開く」ボタンから見られます。動画サービスでの保存期間は約 3 日なので、残したい場合は保存してください。`,
  'delivery.reason.tooLarge': (p) => `このサーバーのアップロード上限 ${s(p, 'limit')} を超えています`,
  'delivery.reason.fetchFailed': () => 'アップロード用に取得できませんでした',
  'delivery.reason.cannotFit': (p) => `このサーバーのアップロード上限 ${s(p, 'limit')} まで小さくできませんでした`,
  'delivery.fitted': (p) =>
    `このサーバーのアップロード上限 ${s(p, 'limit')} に収まるよう小さくしました。元の画質の動画は「動画を開く」ボタンから <t:${s(p, 'expiresAt')}:f> まで見られます。`,
  'delivery.reason.notFetched': () => 'ボットが取得を許可されていないアドレスのため、アップロードしませんでした',
  'delivery.reason.uploadFailed': () => 'Discord がアップロードを受け付けませんでした',
  'delivery.dmReady': () => '動画が完成しました。サーバーのメッセージが削除されていたため、こちらにお送りします。',
  'notice.ended': (p) => `<@${s(p, 'user')}> 動画のリクエストは動画が作成されずに終了しました。`,
  'notice.dmEnded': () =>
    '動画のリクエストは動画が作成されずに終了しました。サーバーのメッセージが削除されていたため、経緯をこちらにお送りします。',
  'list.more': (p) => `…ほか ${s(p, 'count')} 件`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> 動画が完成しました。`,
  'task.field.video': () => '動画',
  'limit.cooldown': (p) =>
    `次の動画まで ${s(p, 'seconds')} 秒空けてください（<t:${s(p, 'resetAt')}:R> にもう一度お試しください）。`,
  'limit.member_running': (p) =>
    `すでに ${s(p, 'used')}/${s(p, 'limit')} 本の動画を生成中です。どれかが終わるまでお待ちください。`,
  'limit.guild_running': (p) =>
    `このサーバーではすでに ${s(p, 'used')}/${s(p, 'limit')} 本の動画を生成中です。どれかが終わってからもう一度お試しください。`,
  'limit.member_running_zero': () =>
    'このサーバーではあなたの動画を作成できません。「メンバーごとの同時生成数」の制限が 0 に設定されています。サーバーの管理者にお問い合わせください。',
  'limit.guild_running_zero': () =>
    'このサーバーでは動画を作成できません。「サーバーの同時生成数」の制限が 0 に設定されています。サーバーの管理者にお問い合わせください。',
  'limit.member_daily_tasks': (p) =>
    `今日の動画 ${s(p, 'limit')} 本のうち ${s(p, 'used')} 本を使いました。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'limit.guild_daily_tasks': (p) =>
    `このサーバーは今日の動画 ${s(p, 'limit')} 本のうち ${s(p, 'used')} 本を使いました。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'limit.guild_monthly_tasks': (p) =>
    `このサーバーは今月の動画 ${s(p, 'limit')} 本のうち ${s(p, 'used')} 本を使いました。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'limit.guild_monthly_seconds': (p) =>
    `このサーバーは今月の動画 ${s(p, 'limit')} 秒のうち ${s(p, 'used')} 秒を使っており、この動画には ${s(p, 'needed')} 秒必要です。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'limit.dm_disabled': () => 'ダイレクトメッセージでの生成はオフになっています。サーバーでボットを使ってください。',
  'limit.blocked': (p) => `プロンプトに、このサーバーで許可されていない「${s(p, 'term')}」が含まれています。`,
  'limit.guild_queue': (p) =>
    `生成枠がすべて使用中で、このサーバーのキューも満杯です（${s(p, 'used')}/${s(p, 'limit')} 件待機中）。キューが進んでからもう一度お試しください。`,
  'limit.guild_monthly_spend': (p) =>
    `このサーバーは今月 ${s(p, 'limit')} のうち推定 ${s(p, 'used')} を使っており、この動画には ${s(p, 'needed')} かかります。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'limit.account_unavailable': () =>
    'ボットの動画サービスのアカウントが現在使えません（API キーが拒否されたか、残高が不足しています）。サーバーの管理者にお知らせください。',
  'limit.member_queue': (p) =>
    `あなたの動画は生成中で、キューで待機中のリクエストもすでに ${s(p, 'used')}/${s(p, 'limit')} 件あります。`,
  'policy.channel': (p) => `このサーバーで動画を作れるのは ${s(p, 'channels')} だけです。`,
  'policy.role': (p) => `このサーバーで動画を作れるのは ${s(p, 'role')} のロールを持つメンバーだけです。`,
  'admin.denied': () => 'これらの設定を変更できるのは「サーバー管理」権限を持つメンバーだけです。',
  'admin.saved': (p) => `保存しました：${s(p, 'what')}。`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `生成できるチャンネル + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `生成できるチャンネル − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'すべてのチャンネルで動画を作成できます',
  'admin.change.modelEnabled': (p) => `モデル \`${s(p, 'model')}\` を有効化`,
  'admin.change.modelDisabled': (p) => `モデル \`${s(p, 'model')}\` を無効化`,
  'admin.change.defaults': (p) => `デフォルト：${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `デフォルトを消去してから設定：${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `タイムゾーン = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `${s(p, 'role')} のロールを持つメンバーだけが動画を作成できます`,
  'admin.change.roleEveryone': () => '全メンバーが動画を作成できます',
  'admin.change.blocklistAdded': (p) => `ブロックリスト + 「${s(p, 'term')}」`,
  'admin.change.blocklistRemoved': (p) => `ブロックリスト − 「${s(p, 'term')}」`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` は制限値として使えません。整数、none（制限なし）、default（デフォルト）のいずれかを指定してください。`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` はタイムゾーンではありません。UTC、Asia/Tokyo、Europe/Paris のような IANA 名を指定してください。`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` はモデル ID ではありません。`,
  'admin.needChannel': () => '追加または削除するチャンネルを選んでください。',
  'admin.badTerm': () => 'ブロックリストの語句は 1〜100 文字にしてください。',
  'admin.blocklistFull': (p) =>
    `ブロックリストにはすでに ${s(p, 'value')} 語あり、サーバーの上限に達しています。追加する前にどれかを削除してください。`,
  'admin.termUnknown': (p) => `「${s(p, 'value')}」はブロックリストにありません。`,
  'admin.blocklist.added': (p) =>
    `「${s(p, 'term')}」をプロンプトのブロックリストに追加しました（${s(p, 'count')}/${s(p, 'max')} 語）。`,
  'admin.blocklist.removed': (p) =>
    `「${s(p, 'term')}」をプロンプトのブロックリストから削除しました（${s(p, 'count')}/${s(p, 'max')} 語）。`,
  'admin.blocklist.title': (p) => `ブロックされているプロンプトの語句（${s(p, 'count')}）：`,
  'admin.blocklist.empty': () => 'このサーバーでブロックされているプロンプトの語句はありません。',
  'admin.show.blocklist': (p) => `ブロックされている語句：${s(p, 'count')}`,
  'admin.show.title': () => '動画生成の設定',
  'admin.show.limits': () => '制限',
  'admin.show.where': () => '場所と対象者',
  'admin.show.models': () => 'モデル',
  'admin.show.defaults': () => 'デフォルト',
  'admin.show.everywhere': () => 'すべてのチャンネル',
  'admin.show.everyone': () => '全員',
  'admin.show.noLimit': () => '制限なし',
  'admin.show.fromDefault': () => '（ボットのデフォルト）',
  'admin.show.allModels': () => 'すべてのモデルが有効',
  'admin.show.disabled': (p) => `無効：${s(p, 'list')}`,
  'admin.show.none': () => '未設定',
  'limit.label.guild_daily_tasks': () => 'サーバーの 1 日あたりの動画数',
  'limit.label.guild_monthly_tasks': () => 'サーバーの 1 か月あたりの動画数',
  'limit.label.guild_monthly_seconds': () => 'サーバーの 1 か月あたりの動画秒数',
  'limit.label.member_daily_tasks': () => 'メンバーの 1 日あたりの動画数',
  'limit.label.member_running': () => 'メンバーごとの同時生成数',
  'limit.label.guild_running': () => 'サーバーの同時生成数',
  'limit.label.cooldown_seconds': () => 'リクエストの間隔（秒）',
  'limit.label.guild_queue': () => 'サーバーのキューで待機中のリクエスト数',
  'limit.label.member_queue': () => 'メンバーごとのキューで待機中のリクエスト数',
  'limit.label.guild_monthly_spend': () => 'サーバーの 1 か月あたりの推定費用',
  'usage.title': () => '動画の利用状況',
  'usage.you': () => 'あなた',
  'usage.server': () => 'このサーバー',
  'usage.line': (p) =>
    `${s(p, 'label')}：**${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · <t:${s(p, 'resetAt')}:R> にリセット` : ''}`,
  'usage.billing': (p) => `今月：タスク単位の動画 ${s(p, 'perTask')} 本、秒単位の動画 ${s(p, 'perSecond')} 秒。`,
  'usage.membersTitle': (p) => `メンバー別の利用状況（${s(p, 'month')}）`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>：動画 ${s(p, 'tasks')} 本 · ${s(p, 'seconds')} 秒`,
  'usage.moderated': (p) => `⚠️ 内容により ${s(p, 'count')} 件拒否`,
  'usage.noMembers': () => '今月はまだ誰も動画を作成していません。',
  'usage.queued': (p) => `キューで待機中：${s(p, 'list')}`,
  'usage.fromRole': (p) => `（<@&${s(p, 'role')}> による）`,
  'admin.show.roleLimits': () => 'ロールごとの制限',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\`（${s(p, 'position')} 番目）`,
  'usage.more': (p) => `…ほか ${s(p, 'count')} 人（全一覧は csv: True で取得できます）。`,
  'usage.spend': (p) => `今月の推定費用：**${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `約 ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `過去 30 日間の 1 日あたりの動画数（${s(p, 'zone')}）：合計 ${s(p, 'total')} 本、今月 ${s(p, 'month')} 本。`,
  'usage.chart.title': () => '1 日あたりの動画数（過去 30 日間）',
  'usage.chart.perDay': () => '1 日あたりの動画数',
  'usage.chart.monthSoFar': () => '今月の累計（右軸）',
  'usage.chart.cap': (p) => `月間上限：${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => '今月の累計動画数',
  'usage.chart.family.manxue': () => 'Manxue フル',
  'usage.chart.family.manxue-fast': () => 'Manxue 高速',
  'usage.chart.family.manxue-video': () => 'Manxue 動画参照',
  'usage.chart.family.manxue-video-fast': () => 'Manxue 動画参照・高速',
  'usage.chart.family.sp-economy': () => 'SP エコノミー',
  'usage.chart.family.sp-official': () => 'SP 公式',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini 特価',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => '高速 画像から動画',
  'usage.chart.family.std': () => 'スタンダード',
  'usage.chart.family.other': () => 'その他のモデル',
  'error.generic': () => 'こちら側で問題が発生しました。利用枠は消費されていません。もう一度お試しください。',
  'error.guildOnly': () => 'このコマンドはサーバー内でのみ使えます。',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) =>
    `プロンプトに、このボットではどこでも許可されていない「${s(p, 'term')}」が含まれています。`,
  'limit.user_install_disabled': () =>
    'このボットは、ボットを追加したサーバー（とボットとのダイレクトメッセージ）でのみリクエストを受け付けます。使うにはサーバーに追加してください。',
  'limit.user_monthly_spend': (p) =>
    `ボットを追加していない場所でのあなたの今月の推定費用は ${s(p, 'limit')} のうち ${s(p, 'used')} で、この動画には ${s(p, 'needed')} かかります。<t:${s(p, 'resetAt')}:R> にリセットされます。`,
  'card.userInstallNote': () =>
    'ボットはこの会話に参加していないため、このカードは 15 分間だけ更新されます。動画がそれより長くかかった場合は、ダイレクトメッセージでお届けします。',
  'usage.userScope': () => 'あなた個人の利用状況（ボットのいないサーバー、グループ DM）',
  'usage.serverOnly': () => 'これはボットを追加したサーバーでのみ使えます。',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) => `**このサーバーのキュー**：生成中 ${s(p, 'running')} 件、待機中 ${s(p, 'waiting')} 件`,
  'admin.queue.running': () => '生成中',
  'admin.queue.waiting': () => '空き待ち',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · ${s(p, 'since')}に開始 · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · ${s(p, 'since')}にリクエスト${p.startsAt ? ` · 開始見込み <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'このサーバーで生成中・待機中の動画はありません。',
  'admin.queue.more': (p) => `…ほか ${s(p, 'count')} 件`,
  'admin.queue.cancel': (p) => `${s(p, 'position')} 番をキャンセル`,
  'admin.queue.cancelHint': () =>
    '「キャンセル」は待機中のリクエストをキューから外します（利用枠は消費されません）。メンバーのカードにもそう表示されます。',
  'admin.queue.moderatorsOnly': () =>
    'ここでリクエストをキャンセルできるのは「メッセージの管理」権限を持つメンバーだけです。',
  'admin.queue.cancelled': (p) =>
    `${s(p, 'user')} の \`${s(p, 'id')}\` をキャンセルしました：動画サービスには送られておらず、利用枠は消費されていません。`,
  'tasks.pick.waiting': () => '🕒 待機中',
  'tasks.pick.working': () => '⏳ 処理中',
  'tasks.pick.done': () => '✅ 完了',
  'tasks.pick.failed': () => '❌ 失敗',
  'tasks.pick.timedOut': () => '⌛ タイムアウト',
  'tasks.pick.uncertain': () => '⚠️ 結果不明',
  'tasks.pick.noPrompt': () => '（プロンプトなし）',
  'extend.userInstall': () =>
    '続きを作成するには、ボットがこのサーバーにいる必要があります（最後のフレームをチャンネルに投稿するため）。ボットを追加したサーバーか、ボットとのダイレクトメッセージで使ってください。',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'あなたの設定',
  'settings.defaults': () => 'あなたのデフォルト（/video で省略した項目に使われます）',
  'settings.label.model': () => 'モデル',
  'settings.label.ratio': () => 'アスペクト比',
  'settings.label.resolution': () => '解像度',
  'settings.label.duration': () => '長さ',
  'settings.line': (p) => `${s(p, 'label')}：**${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} 秒`,
  'settings.none': () => '未設定：サーバーのデフォルトが使われます',
  'settings.offHere': () => '（このサーバーではオフ：ここでは使われません）',
  'settings.order': () =>
    '優先順位：/video で入力した値 › あなたのデフォルト › サーバーのデフォルト › モデルのデフォルト。',
  'settings.notify.on': () => '🔔 動画の完成・失敗時にダイレクトメッセージで通知：**オン**',
  'settings.notify.off': () => '🔕 動画の完成・失敗時にダイレクトメッセージで通知：**オフ**',
  'settings.saved': () => 'デフォルトを保存しました。',
  'settings.cleared': () => 'デフォルトを消去しました。',
  'settings.nothing': () =>
    '少なくとも 1 つの値（モデル、アスペクト比、解像度、長さ）を指定するか、reset: True にしてください。',
  'settings.notifySaved.on': () =>
    '動画が完成または失敗したら、リンクをダイレクトメッセージでお送りします（ボットからのダイレクトメッセージを受け取れるようにしておいてください）。',
  'settings.notifySaved.off': () => '動画が終わっても、ダイレクトメッセージは届かなくなります。',
  'settings.yourDefault': () => '★ あなたのデフォルト',
  'task.field.memberDefaults': () => 'あなたのデフォルト',
  'notify.done': (p) => `✅ 動画 \`${s(p, 'id')}\` が完成しました：「${s(p, 'prompt')}」`,
  'notify.video': (p) => `動画：${s(p, 'url')}`,
  'notify.failed': (p) => `❌ 動画のリクエスト \`${s(p, 'id')}\` は動画ができずに終わりました：「${s(p, 'prompt')}」`,
  'notify.card': (p) => `カード：${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => '動画の作り方',
  'help.make.title': () => '動画を作る',
  'help.make.text': () => '**テキストのみ**：`/video text prompt: 新雪の中を走る赤いキツネ`',
  'help.make.images': () => '**画像から**：`/video images prompt: 猫が踊り出す image1:（あなたの画像）`',
  'help.make.frames': () =>
    '**最初と最後のフレーム**：`/video frames prompt: 街の日の出 first_frame:（画像） last_frame:（画像）`',
  'help.make.references': () =>
    '**参照動画から**：`/video references prompt: 同じカメラワークで夜に video1:（クリップ）`',
  'help.make.options': () =>
    'どれにも `model:`、`duration:`、`ratio:`、`resolution:` を付けられます。省略した項目はあなたの /settings、次にサーバーの設定から決まります。',
  'help.make.buttons': () =>
    'カードのボタン：**再生成**（同じリクエストをもう一度）、**再試行**（失敗後）、**リミックス**（プロンプト・長さ・アスペクト比を編集）、**続きを作成**（最後のフレームから次のショット）、**キャンセル**（キューで待機中）、**削除**。',
  'help.models.title': (p) => `モデル：${s(p, 'family')}`,
  'help.models.ids': () => 'モデル ID',
  'help.models.durations': () => '長さ',
  'help.models.resolutions': () => '解像度',
  'help.models.ratios': () => 'アスペクト比',
  'help.models.references': () => '参照素材',
  'help.models.billing': () => '課金',
  'help.models.line': (p) => `**${s(p, 'label')}**：${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}〜${s(p, 'max')} 秒（デフォルト ${s(p, 'default')}）`,
  'help.models.fixed': (p) => `${s(p, 'value')}（固定）`,
  'help.models.perTask': () => 'タスク単位',
  'help.models.perSecond': () => '動画の秒単位',
  'help.refs.textOnly': () => 'テキストのみ',
  'help.refs.images': (p) => `画像 ${s(p, 'max')} 枚まで`,
  'help.refs.imagesRequired': (p) => `画像 1〜${s(p, 'max')} 枚（必須）`,
  'help.refs.frames': () => '最初のフレーム（最後のフレームは任意）',
  'help.refs.framesBoth': () => '最初と最後のフレームを両方',
  'help.refs.videos': (p) => `動画 ${s(p, 'max')} 本まで（合計 ${s(p, 'seconds')} 秒）`,
  'help.refs.audios': (p) => `音声 ${s(p, 'max')} 件まで`,
  'help.refs.reviewed': () => 'アップロードは先に動画サービスの素材審査を通ります',
  'help.refs.assetOnly': () => 'asset:// ID のみ（アップロード不可）',
  'help.models.pick': () => 'ほかのモデルシリーズを表示…',
  'help.limits.title': () => '現在のあなたの制限',
  'help.limits.daily': (p) =>
    `今日の残り動画数：**${s(p, 'left')}** / ${s(p, 'limit')}（<t:${s(p, 'resetAt')}:R> にリセット）`,
  'help.limits.dailyNone': () => '1 日の動画数：制限なし',
  'help.limits.running': (p) => `生成中：**${s(p, 'used')}**（同時に ${s(p, 'limit')} 本まで）`,
  'help.limits.runningNone': (p) => `生成中：**${s(p, 'used')}**（上限なし）`,
  'help.limits.spend': (p) => `今月の推定費用：**${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => '次に見るところ',
  'help.next.body': () =>
    '`/usage me`：利用量とすべての制限 · `/tasks list`：最近の動画 · `/settings`：デフォルトとダイレクトメッセージ通知',
  'help.admin.title': () => '管理者向け（サーバー管理）',
  'help.admin.body': () =>
    '`/video-admin show` 設定と制限 · `limit` と `role-limit` 上限 · `channel` と `role` 誰がどこで使えるか · `model` モデルの有効化・無効化 · `defaults` サーバーのデフォルト · `blocklist` ブロックするプロンプトの語句 · `timezone` リセットのタイムゾーン · `usage members` と `usage chart` レポート · `queue` 生成中・待機中の動画',
  'source.card.animate': (p) => `${s(p, 'message')} の画像から作成`,
  'source.card.references': (p) => `${s(p, 'message')} を参照して作成`,
  'source.card.messageLink': () => 'このメッセージ',
  'source.help': () =>
    '**どのメッセージからでも**：アプリ → **動画にする**（その画像から動画が始まります）または **参照として使用**（その画像と動画を使います）',
  'source.title.animate': () => 'このメッセージを動画にする',
  'source.title.references': () => '参照として使用',
  'source.model.member': (p) => `モデル：${s(p, 'model')}（あなたのデフォルト）`,
  'source.model.server': (p) => `モデル：${s(p, 'model')}（このサーバーのデフォルト）`,
  'source.model.catalog': (p) =>
    `モデル：${s(p, 'model')}（これらのファイルを使える最初のモデル。あなたのデフォルトでは使えません）`,
  'source.field.pick': () => '使う画像',
  'source.field.pickHelp': (p) => `選んだ画像が${s(p, 'how')}になります`,
  'source.pick.firstFrame': () => '最初のフレーム',
  'source.pick.reference': () => '参照画像',
  'source.pick.image': (p) => `画像 ${s(p, 'n')}：${s(p, 'name')}`,
  'source.pick.all': (p) => `画像 ${s(p, 'count')} 枚すべてを参照画像に`,
  'source.noMedia.animate': () =>
    'このメッセージには動画にできる画像（添付された画像または埋め込みの画像）がありません。何も作成されていません。',
  'source.noMedia.references': () =>
    'このメッセージには参照として使える画像や動画がありません。何も作成されていません。',
  'source.noModel': () =>
    'ここで有効なモデルには、このメッセージのファイルを使えるものがありません。何も作成されていません。',
  'source.gone': () =>
    'このメッセージをもう一度読み込めませんでした（削除されたか、ボットがそのチャンネルを見られません）。メッセージからもう一度フォームを開いてください。何も作成されていません。',
  'source.mediaExpired': () =>
    'このメッセージのファイルを Discord から取得し直せませんでした。少し待ってからもう一度お試しください。何も作成されていません。',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'ギャラリーをオフ',
  'admin.change.galleryChannel': (p) => `ギャラリー = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'ギャラリー：完成した動画をすべて共有',
  'admin.change.galleryAutoOff': () => 'ギャラリー：完成した動画に「ギャラリーに共有」ボタンを表示',
  'admin.change.galleryDigestOn': () => 'ギャラリー：今週のトップ 5 をオン',
  'admin.change.galleryDigestOff': () => 'ギャラリー：今週のトップ 5 をオフ',
  'gallery.perm.ViewChannel': () => 'チャンネルを見る',
  'gallery.perm.SendMessages': () => 'メッセージを送信（フォーラムでは投稿の作成）',
  'gallery.perm.SendMessagesInThreads': () => 'スレッドと投稿でメッセージを送信',
  'gallery.perm.AttachFiles': () => 'ファイルを添付',
  'gallery.perm.EmbedLinks': () => '埋め込みリンク',
  'gallery.perm.ReadMessageHistory': () => 'メッセージ履歴を読む',
  'gallery.perm.ManageThreads': () => 'スレッドと投稿の管理',
  'gallery.perm.ManageChannels': () => 'チャンネルの管理（フォーラムのタグ作成に必要）',
  'gallery.admin.missing': (p) =>
    `ギャラリーは設定されませんでした：<#${s(p, 'channel')}> でボットに次の権限がありません：${s(p, 'list')}。権限を付与してからもう一度お試しください。`,
  'gallery.admin.notVisible': (p) =>
    `ギャラリーは設定されませんでした：ボットが <#${s(p, 'channel')}> を見られません。そこで「チャンネルを見る」を付与してからもう一度お試しください。`,
  'admin.needGallery': () =>
    '先にギャラリーのチャンネルを選んでください：`/video-admin gallery channel:<フォーラムまたはテキストチャンネル>`。',
  'gallery.admin.badChannel': () => 'ギャラリーにはフォーラムチャンネルかテキストチャンネルを選んでください。',
  'gallery.admin.set': (p) => `ギャラリー：<#${s(p, 'channel')}>、${s(p, 'mode')}。`,
  'gallery.admin.auto': () => '完成した動画はすべて共有されます',
  'gallery.admin.button': () => '完成した動画に「ギャラリーに共有」ボタンが付きます',
  'gallery.admin.off': () => 'ギャラリーをオフにしました。作成済みの投稿は残ります。',
  'gallery.admin.digestOn': () => '毎週月曜日に今週のトップ 5 を投稿します。',
  'gallery.admin.digestOff': () => '今週のトップ 5 は投稿しません。',
  'gallery.admin.tagsFull': (p) =>
    `注意：このフォーラムには Discord の上限 20 個のうち ${s(p, 'count')} 個のタグがあります。ボットは既存のタグを再利用しますが、上限に達しているとモデルとアスペクト比のタグを追加できません。`,
  'gallery.show.title': () => 'ギャラリー',
  'gallery.show.none': () => 'オフ',
  'gallery.show.deleted': (p) =>
    `オフ：チャンネル（${s(p, 'channel')}）が削除されました。/video-admin gallery で新しいチャンネルを設定してください`,
  'gallery.purge.none': (p) => `プロンプトが「${s(p, 'term')}」に一致するギャラリーの投稿はありません。`,
  'gallery.purge.confirm': (p) =>
    `プロンプトが「${s(p, 'term')}」に一致するギャラリーの投稿が ${s(p, 'count')} 件あります。すべて削除しますか？`,
  'gallery.purge.button': () => 'すべて削除',
  'gallery.purge.done': (p) => `ギャラリーの投稿を ${s(p, 'count')} 件削除しました。`,
  'gallery.post.requester': (p) => `作成：<@${s(p, 'user')}>`,
  'gallery.post.card': () => '元のカード',
  'gallery.post.use': () => 'このプロンプトを使う',
  'gallery.share': () => 'ギャラリーに共有',
  'gallery.share.done': () => '共有しました。動画はまもなくギャラリーに表示されます。',
  'gallery.share.denied': () =>
    'この動画を共有できるのは、リクエストしたメンバーか「メッセージの管理」権限を持つメンバーだけです。',
  'gallery.share.optedOut': () => 'リクエストしたメンバーは自分の動画をギャラリーに載せない設定にしています。',
  'gallery.share.already': () => 'この動画はすでにギャラリーにあります。',
  'gallery.share.noGallery': () => 'このサーバーにはギャラリーがありません。',
  'gallery.share.notDone': () => '共有できるのは完成した動画だけです。',
  'gallery.optOut': () => 'あなたの動画はこのサーバーのギャラリーに共有されません。',
  'gallery.optIn': () => 'あなたの動画は再びこのサーバーのギャラリーに共有されることがあります。',
  'gallery.top.title': (p) => `ギャラリーでリアクションの多い動画（${s(p, 'period')}）`,
  'gallery.top.none': () => 'この期間にリアクションの付いたギャラリーの動画はまだありません。',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — リアクション ${s(p, 'count')} 件`,
  'gallery.period.day': () => '今日',
  'gallery.period.week': () => '今週',
  'gallery.period.month': () => '今月',
  'gallery.period.all': () => '全期間',
  'gallery.digest.title': () => '今週のトップ 5',
  'gallery.serverOnly': () => 'ギャラリーはサーバーの機能です。',
};
