/**
 * Russian (ru) texts, "вы" (lower case) as Discord's Russian UI; counts are written "label: N" so no noun has to
 * agree with a number; every key of en-US.ts (checked by the compiler).
 */
import type { Messages } from './index.js';
import { s } from './params.js';

export const ru: Messages = {
  'model.unknown': (p) => `Модели \`${s(p, 'value')}\` не существует. Выберите одну из: ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `Модель \`${s(p, 'value')}\` отключена на этом сервере. Выберите одну из: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'Промпт пуст. Опишите видео, которое хотите получить.',
  'prompt.tooLong': (p) =>
    `Длина промпта — ${s(p, 'length')} симв.; ${s(p, 'model')} принимает не больше ${s(p, 'max')}.`,
  'duration.range': (p) =>
    `Длительность ${s(p, 'value')} с недоступна для ${s(p, 'model')}: выберите целое число секунд от ${s(p, 'min')} до ${s(p, 'max')} (по умолчанию ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `Разрешение \`${s(p, 'value')}\` недоступно для ${s(p, 'model')}: допустимо ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `Соотношение сторон \`${s(p, 'value')}\` недоступно для ${s(p, 'model')}: допустимо ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `Ориентация \`${s(p, 'value')}\` недопустима: используйте landscape (горизонтальная) или portrait (вертикальная).`,
  'orientation.conflict': (p) =>
    `Ориентация ${s(p, 'orientation')} противоречит соотношению сторон ${s(p, 'ratio')}; видеосервис учитывает соотношение, поэтому выберите подходящую ориентацию или не указывайте её.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')} не принимает референсные изображения. Модели, которые принимают: ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `Референсных изображений: ${s(p, 'count')}; ${s(p, 'model')} принимает не больше ${s(p, 'max')}.`,
  'images.required': (p) =>
    `${s(p, 'model')} создаёт видео из изображений: добавьте хотя бы одно референсное изображение (максимум ${s(p, 'max')}).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} не принимает первый/последний кадр. Модели, которые принимают: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Референсные изображения и первый/последний кадр нельзя использовать вместе: выберите что-то одно.',
  'frames.bothRequired': (p) =>
    `В режиме кадров ${s(p, 'model')} нужны и первый, и последний кадр; один кадр не поддерживается.`,
  'frames.lastNeedsFirst': () => 'Для последнего кадра нужен и первый кадр.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')} не принимает референсные видео. Модели, которые принимают: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) => `Референсных видео: ${s(p, 'count')}; ${s(p, 'model')} принимает не больше ${s(p, 'max')}.`,
  'videos.totalDuration': (p) =>
    `Общая длительность референсных видео — ${s(p, 'total')} с; ограничение — ${s(p, 'max')} с.`,
  'videos.totalSize': (p) => `Общий размер референсных видео — ${s(p, 'total')}; ограничение — ${s(p, 'max')}.`,
  'videos.resolution': (p) =>
    `Референсное видео ${s(p, 'name')} имеет размер ${s(p, 'width')}×${s(p, 'height')}; короткая сторона каждого видео должна быть от ${s(p, 'min')} до ${s(p, 'max')} пикс.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')} не принимает референсное аудио. Модели, которые принимают: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) => `Референсных аудио: ${s(p, 'count')}; ${s(p, 'model')} принимает не больше ${s(p, 'max')}.`,
  'audios.alone': () =>
    'Референсное аудио нельзя использовать отдельно: добавьте референсное изображение, референсное видео или первый/последний кадр.',
  'audios.notWithFrames': (p) =>
    `В режиме кадров ${s(p, 'model')} не принимает референсное аудио: уберите аудио или используйте референсные изображения вместо кадров.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} принимает файлы только как идентификаторы asset:// после проверки медиафайлов видеосервисом, а не \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} не может использовать загруженные файлы (нужны проверенные идентификаторы asset://). Выберите модель, которая принимает загрузки, например ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} нужна публичная ссылка https://, а не \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}: используйте публичную ссылку https:// или идентификатор asset://, а не \`${s(p, 'value')}\`.`,
  'media.contentType': (p) =>
    `${s(p, 'field')}: тип ${s(p, 'name')} — ${s(p, 'value')}; допустимые типы: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) => `${s(p, 'field')}: размер ${s(p, 'name')} — ${s(p, 'size')}; ограничение — ${s(p, 'max')}.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} — ${s(p, 'width')}×${s(p, 'height')} пикс.; проверка медиафайлов видеосервиса принимает изображения от ${s(p, 'min')} до ${s(p, 'max')} пикс. по каждой стороне.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} — ${s(p, 'width')}×${s(p, 'height')} (соотношение сторон ${s(p, 'ratio')}); проверка медиафайлов видеосервиса принимает соотношения от ${s(p, 'min')} до ${s(p, 'max')} (ширина ÷ высота).`,
  'field.invalid': (p) => `${s(p, 'field')}: недопустимое значение: ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) => `Запрос не отправлен (проблем: ${s(p, 'count')}); ничего не списано:`,
  'reply.limitRefused': (p) => `Не запущено, ничего не списано: ${s(p, 'reason')}`,
  'task.title': () => 'Создание видео',
  'task.field.model': () => 'Модель',
  'task.field.params': () => 'Параметры',
  'task.field.references': () => 'Референсы',
  'task.field.requester': () => 'Автор запроса',
  'task.field.cost': () => 'Расход',
  'task.field.status': () => 'Статус',
  'task.field.task': () => 'Задача',
  'task.field.elapsed': () => 'Время',
  'elapsed.seconds': (p) => `${s(p, 'seconds')} с`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')} мин ${s(p, 'seconds')} с`,
  'task.cost.perTask': () => '1 видео, оплата за видео',
  'task.cost.perSecond': (p) => `${s(p, 'units')} с видео, оплата за секунду`,
  'task.cost.estimate': (p) => `≈ ${s(p, 'amount')} (оценка)`,
  'task.refs.none': () => 'нет (только текст)',
  'task.refs.images': (p) => `изображений: ${s(p, 'count')}`,
  'task.refs.frames': (p) => `кадры: ${s(p, 'which')}`,
  'task.refs.videos': (p) => `видео: ${s(p, 'count')}`,
  'task.refs.audios': (p) => `аудио: ${s(p, 'count')}`,
  'task.params': (p) => `${s(p, 'duration')} с · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'соотношение авто',
  'model.choice.images': () => 'изобр.',
  'model.choice.frames': () => 'кадры',
  'model.choice.videos': () => 'видео',
  'model.choice.audios': () => 'аудио',
  'model.choice.perTask': () => 'за задачу',
  'model.choice.perSecond': () => 'посекундно',
  'model.choice.reviewed': (p) => `${s(p, 'refs')} (с проверкой)`,
  'model.choice.assetOnly': () => 'только asset://',
  'model.choice.textOnly': () => 'текст',
  'status.accepted': () => '⏳ Принято, отправляем в видеосервис…',
  'status.submitting': () => '⏳ Отправляем в видеосервис…',
  'status.reviewing': () => '🔎 Видеосервис проверяет ваши медиафайлы…',
  'status.review_submitting': () => '🔎 Видеосервис проверяет ваши медиафайлы…',
  'status.queued': () => '🕒 Отправлено; видеосервис ещё не начал работу',
  'status.running': (p) =>
    `🎬 Рендеринг${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')}%)` : ''}`,
  'status.delivering': () => '📤 Готово, загружаем видео…',
  'status.preparing': () => '🎞️ Готовим видео для Discord…',
  'status.done': () => '✅ Готово',
  'status.failed': () => '❌ Ошибка',
  'status.timed_out': () => '⌛ Время истекло',
  'status.uncertain': () => '⚠️ Результат неизвестен',
  'status.waiting': (p) =>
    `🕒 В очереди — место ${s(p, 'position')}${p.startsAt ? ` · старт примерно <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'Видеосервис отклонил этот запрос из-за содержания. Измените промпт или изображения («Ремикс» сохранит остальное); тот же запрос будет снова отклонён. В ваши лимиты это не засчитано.',
  'failure.transient': (p) =>
    `У видеосервиса временная проблема (${s(p, 'detail')}). В ваши лимиты это не засчитано; «Повторить» обычно помогает.`,
  'failure.quota': () =>
    'На аккаунте видеосервиса закончились средства или квота. В ваши лимиты это не засчитано, а оператору бота отправлено оповещение.',
  'failure.invalid_input': (p) =>
    `Видеосервис не смог использовать входные данные (${s(p, 'detail')}). В ваши лимиты это не засчитано.`,
  'failure.unknown': (p) => `Видеосервис сообщил об ошибке: ${s(p, 'detail')}. В ваши лимиты это не засчитано.`,
  'failure.upstream_unavailable': (p) =>
    `Видеосервис недоступен (${s(p, 'detail')}). Ничего не создано, в лимиты не засчитано; попробуйте снова через минуту.`,
  'failure.auth': () =>
    'Бот не смог войти в видеосервис (его API-ключ отклонён). В ваши лимиты это не засчитано; сообщите администратору сервера.',
  'failure.invalid_request': (p) => `Видеосервис отклонил запрос: ${s(p, 'detail')}. В ваши лимиты это не засчитано.`,
  'failure.uncertain': () =>
    'Бот потерял этот запрос во время отправки и не может знать, создал ли видеосервис видео; если создал, здесь оно не появится. Сам бот никогда не отправляет запрос повторно; в ваши лимиты это не засчитано. «Повторить» отправит его как новый запрос.',
  'failure.timed_out': (p) =>
    `Результата нет уже ${s(p, 'minutes')} мин., поэтому бот перестал ждать. В ваши лимиты это не засчитано.`,
  'failure.not_found': () =>
    'Видеосервис больше не знает эту задачу, поэтому видео не будет. В ваши лимиты это не засчитано; «Повторить» запустит её заново.',
  'failure.no_video': () =>
    'Видеосервис сообщил, что задача завершена, но не вернул видео. В ваши лимиты это не засчитано; «Повторить» обычно помогает.',
  'failure.cancelled': (p) =>
    `Видеосервис отменил эту задачу, или её срок истёк (${s(p, 'detail')}). В ваши лимиты это не засчитано; «Повторить» запустит её заново.`,
  'failure.restart_stale': () =>
    'Бот перезапустился до отправки этого запроса, и теперь запрос слишком старый. Ничего не создано, в лимиты не засчитано; нажмите «Повторить».',
  'failure.reply_failed': () =>
    'Discord не дал боту ответить на этот запрос, поэтому в видеосервис ничего не отправлено. В ваши лимиты это не засчитано.',
  'failure.message_deleted': () =>
    'Видео создано, но его сообщение удалено, а бот не может отправить вам личное сообщение. В ваши лимиты это не засчитано.',
  'failure.undeliverable': () =>
    'Видео создано, но Discord не дал боту опубликовать его нигде, даже в личных сообщениях. В ваши лимиты это не засчитано.',
  'failure.account_unavailable': () =>
    'Аккаунт видеосервиса бота сейчас недоступен (его API-ключи отклонены или на них закончились средства). Ничего не создано, в лимиты не засчитано; сообщите администратору сервера.',
  'failure.review_failed': (p) =>
    `Проверка медиафайлов видеосервиса отклонила ${s(p, 'file')}: ${s(p, 'detail')}. Ничего не создано, в лимиты не засчитано. Используйте другой файл: тот же будет снова отклонён.`,
  'failure.review_timeout': (p) =>
    `Проверка медиафайлов видеосервиса не завершилась за ${s(p, 'minutes')} мин., поэтому бот перестал ждать. Ничего не создано, в лимиты не засчитано; «Повторить» запустит проверку заново.`,
  'failure.member_cancelled': () =>
    'Отменено во время ожидания в очереди. В видеосервис ничего не отправлено, в лимиты не засчитано.',
  'button.reroll': () => 'Сгенерировать заново',
  'button.retry': () => 'Повторить',
  'button.delete': () => 'Удалить',
  'button.cancel': () => 'Отменить',
  'button.cancelDenied': () =>
    'Отменить может только участник, запросивший это видео, или тот, у кого есть право «Управлять сообщениями».',
  'button.cancelTooLate': () =>
    'Этот запрос уже вышел из очереди и отправлен в видеосервис, который не позволяет его отменить.',
  'button.open': () => 'Открыть видео',
  'button.remix': () => 'Ремикс',
  'button.extend': () => 'Продолжить',
  'button.extendUnavailable': () =>
    'Модель этого видео не умеет начинать с кадра, поэтому продолжить его нельзя. Используйте «Ремикс» или новую команду /video.',
  'modal.remix.title': () => 'Ремикс этого видео',
  'modal.extend.title': () => 'Продолжить: следующая сцена',
  'modal.field.prompt': () => 'Промпт',
  'modal.field.extendPrompt': () => 'Промпт для следующей сцены',
  'modal.field.duration': (p) => `Длительность в секундах (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Соотношение сторон (напр. 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Берём последний кадр видео для следующей сцены…',
  'extend.frameCaption': (p) => `Последний кадр \`${s(p, 'id')}\`: первый кадр следующей сцены.`,
  'extend.videoGone': () =>
    'У видеосервиса больше нет этого видео (он хранит видео около 3 дней), поэтому его последний кадр взять нельзя. Ничего не списано.',
  'extend.noEncoder': () =>
    'Продолжение сейчас недоступно в этом боте (нужен ffmpeg). Ничего не списано; используйте «Ремикс».',
  'extend.framePostFailed': () =>
    'Бот не смог опубликовать кадр в этом канале (нужны права «Отправлять сообщения» и «Прикреплять файлы»). Ничего не списано.',
  'task.field.parent': () => 'Источник',
  'task.parent.reroll': (p) => `Новая генерация ${s(p, 'task')}`,
  'task.parent.retry': (p) => `Повтор ${s(p, 'task')}`,
  'task.parent.remix': (p) => `Ремикс ${s(p, 'task')}`,
  'task.parent.extend': (p) => `Продолжение ${s(p, 'task')}`,
  'button.deleteDenied': () =>
    'Удалить может только участник, запросивший это видео, или тот, у кого есть право «Управлять сообщениями».',
  'button.deleted': () => 'Удалено.',
  'button.unknownTask': () => 'Бот больше не знает эту задачу.',
  'button.mediaExpired': () =>
    'Изображения или клипы этого запроса больше недоступны в Discord. Запустите новую команду /video и загрузите их снова; ничего не списано.',
  'button.reviewFailed': () =>
    'Проверка медиафайлов видеосервиса отклонила файл этого запроса, поэтому отправить его снова в том же виде нельзя. Запустите новую команду /video с другим файлом.',
  'button.notFinished': () => 'Эта задача ещё не завершена.',
  'tasks.none': () => 'У вас пока нет задач. Начните с /video.',
  'tasks.recentTitle': () => 'Ваши недавние задачи',
  'tasks.notFound': (p) => `Нет доступной вам задачи \`${s(p, 'id')}\`.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `Видео (${s(p, 'reason')}) открывается кнопкой «Открыть видео». Видеосервис хранит его около 3 дней: сохраните его, если хотите оставить.`,
  'delivery.reason.tooLarge': (p) => `больше лимита загрузки этого сервера (${s(p, 'limit')})`,
  'delivery.reason.fetchFailed': () => 'не удалось скачать для загрузки',
  'delivery.reason.cannotFit': (p) => `не удалось уменьшить до лимита загрузки этого сервера (${s(p, 'limit')})`,
  'delivery.fitted': (p) =>
    `Уменьшено под лимит загрузки этого сервера (${s(p, 'limit')}). Видео в исходном качестве доступно по кнопке «Открыть видео» до <t:${s(p, 'expiresAt')}:f>.`,
  'delivery.reason.notFetched': () => 'его адрес не из тех, откуда бот может скачивать, поэтому оно не загружено',
  'delivery.reason.uploadFailed': () => 'Discord не принял загрузку',
  'delivery.dmReady': () => 'Ваше видео готово. Его сообщения на сервере больше нет, поэтому присылаем его сюда.',
  'notice.ended': (p) => `<@${s(p, 'user')}> ваш запрос на видео завершился без видео.`,
  'notice.dmEnded': () =>
    'Ваш запрос на видео завершился без видео. Его сообщения на сервере больше нет, поэтому рассказываем здесь, что произошло.',
  'list.more': (p) => `…и ещё ${s(p, 'count')}`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> ваше видео готово.`,
  'task.field.video': () => 'Видео',
  'limit.cooldown': (p) => `подождите ${s(p, 'seconds')} с между видео (попробуйте снова <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p) =>
    `у вас уже рендерится видео: ${s(p, 'used')} из ${s(p, 'limit')}; дождитесь, пока одно завершится.`,
  'limit.guild_running': (p) =>
    `на этом сервере уже рендерится видео: ${s(p, 'used')} из ${s(p, 'limit')}; попробуйте снова, когда одно завершится.`,
  'limit.member_running_zero': () =>
    'на этом сервере для вас нельзя создать видео: ваш лимит «Одновременный рендеринг видео на участника» равен 0. Обратитесь к администратору сервера.',
  'limit.guild_running_zero': () =>
    'на этом сервере нельзя создать видео: его лимит «Одновременный рендеринг видео на сервере» равен 0. Обратитесь к администратору сервера.',
  'limit.member_daily_tasks': (p) =>
    `вы использовали ${s(p, 'used')} из ${s(p, 'limit')} видео на сегодня; сброс <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p) =>
    `этот сервер использовал ${s(p, 'used')} из ${s(p, 'limit')} видео на сегодня; сброс <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p) =>
    `этот сервер использовал ${s(p, 'used')} из ${s(p, 'limit')} видео в этом месяце; сброс <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p) =>
    `этот сервер использовал ${s(p, 'used')} из ${s(p, 'limit')} с видео в этом месяце, а этому видео нужно ${s(p, 'needed')} с; сброс <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'создание видео в личных сообщениях отключено; используйте бота на сервере.',
  'limit.blocked': (p) => `промпт содержит «${s(p, 'term')}», что запрещено на этом сервере.`,
  'limit.guild_queue': (p) =>
    `все места для рендеринга заняты, и очередь этого сервера заполнена (ожидают: ${s(p, 'used')} из ${s(p, 'limit')}); попробуйте снова, когда она продвинется.`,
  'limit.guild_monthly_spend': (p) =>
    `этот сервер потратил в этом месяце примерно ${s(p, 'used')} из ${s(p, 'limit')}, а это видео стоило бы ${s(p, 'needed')}; сброс <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    'аккаунт видеосервиса бота сейчас недоступен (его API-ключи отклонены или на них закончились средства). Сообщите администратору сервера.',
  'limit.member_queue': (p) =>
    `ваши видео рендерятся, и у вас уже ждут в очереди запросы: ${s(p, 'used')} из ${s(p, 'limit')}.`,
  'policy.channel': (p) => `на этом сервере видео можно создавать только в ${s(p, 'channels')}.`,
  'policy.role': (p) => `на этом сервере видео могут создавать только участники с ролью ${s(p, 'role')}.`,
  'admin.denied': () => 'Изменять эти настройки могут только участники с правом «Управлять сервером».',
  'admin.saved': (p) => `Сохранено: ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `каналы для видео + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `каналы для видео − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'видео можно создавать во всех каналах',
  'admin.change.modelEnabled': (p) => `модель \`${s(p, 'model')}\` включена`,
  'admin.change.modelDisabled': (p) => `модель \`${s(p, 'model')}\` отключена`,
  'admin.change.defaults': (p) => `значения по умолчанию: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `значения по умолчанию сброшены, затем: ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `часовой пояс = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `создавать видео могут только участники с ролью ${s(p, 'role')}`,
  'admin.change.roleEveryone': () => 'создавать видео могут все участники',
  'admin.change.blocklistAdded': (p) => `список запрещённых слов + «${s(p, 'term')}»`,
  'admin.change.blocklistRemoved': (p) => `список запрещённых слов − «${s(p, 'term')}»`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` — не лимит: используйте целое число, none (без лимита) или default (по умолчанию).`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` — не часовой пояс: используйте имя IANA, например UTC, Europe/Moscow или Asia/Yekaterinburg.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` — не идентификатор модели.`,
  'admin.needChannel': () => 'Выберите канал, который нужно добавить или убрать.',
  'admin.badTerm': () => 'Запрещённое слово должно быть длиной от 1 до 100 символов.',
  'admin.blocklistFull': (p) =>
    `В списке запрещённых слов уже ${s(p, 'value')} — это максимум для сервера: уберите одно, прежде чем добавлять новое.`,
  'admin.termUnknown': (p) => `«${s(p, 'value')}» нет в списке запрещённых слов.`,
  'admin.blocklist.added': (p) =>
    `«${s(p, 'term')}» добавлено в список запрещённых слов для промптов (${s(p, 'count')} из ${s(p, 'max')}).`,
  'admin.blocklist.removed': (p) =>
    `«${s(p, 'term')}» удалено из списка запрещённых слов для промптов (${s(p, 'count')} из ${s(p, 'max')}).`,
  'admin.blocklist.title': (p) => `Запрещённые слова в промптах (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'На этом сервере нет запрещённых слов для промптов.',
  'admin.show.blocklist': (p) => `Запрещённые слова: ${s(p, 'count')}`,
  'admin.show.title': () => 'Настройки создания видео',
  'admin.show.limits': () => 'Лимиты',
  'admin.show.where': () => 'Где и кто',
  'admin.show.models': () => 'Модели',
  'admin.show.defaults': () => 'Значения по умолчанию',
  'admin.show.everywhere': () => 'все каналы',
  'admin.show.everyone': () => 'все',
  'admin.show.noLimit': () => 'без лимита',
  'admin.show.fromDefault': () => '(по умолчанию бота)',
  'admin.show.allModels': () => 'все модели включены',
  'admin.show.disabled': (p) => `отключены: ${s(p, 'list')}`,
  'admin.show.none': () => 'не задано',
  'limit.label.guild_daily_tasks': () => 'Видео сервера в день',
  'limit.label.guild_monthly_tasks': () => 'Видео сервера в месяц',
  'limit.label.guild_monthly_seconds': () => 'Секунд видео сервера в месяц',
  'limit.label.member_daily_tasks': () => 'Видео участника в день',
  'limit.label.member_running': () => 'Одновременный рендеринг видео на участника',
  'limit.label.guild_running': () => 'Одновременный рендеринг видео на сервере',
  'limit.label.cooldown_seconds': () => 'Пауза между запросами (с)',
  'limit.label.guild_queue': () => 'Запросов в очереди сервера',
  'limit.label.member_queue': () => 'Запросов в очереди на участника',
  'limit.label.guild_monthly_spend': () => 'Оценка расходов сервера в месяц',
  'usage.title': () => 'Использование видео',
  'usage.you': () => 'Вы',
  'usage.server': () => 'Этот сервер',
  'usage.line': (p) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · сброс <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p) =>
    `В этом месяце: видео с оплатой за задачу — ${s(p, 'perTask')}, видео с посекундной оплатой — ${s(p, 'perSecond')} с.`,
  'usage.membersTitle': (p) => `Использование по участникам, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>: видео — ${s(p, 'tasks')} · ${s(p, 'seconds')} с`,
  'usage.moderated': (p) => `⚠️ отклонено из-за содержания: ${s(p, 'count')}`,
  'usage.noMembers': () => 'В этом месяце ещё никто не создавал видео.',
  'usage.queued': (p) => `Ожидают в очереди: ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(по роли <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Лимиты по ролям',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\` (место ${s(p, 'position')})`,
  'usage.more': (p) => `…и ещё ${s(p, 'count')} (полный список — с csv: True).`,
  'usage.spend': (p) => `Оценка расходов в этом месяце: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `Видео в день за последние 30 дней (${s(p, 'zone')}): всего ${s(p, 'total')}, в этом месяце ${s(p, 'month')}.`,
  'usage.chart.title': () => 'Видео в день, последние 30 дней',
  'usage.chart.perDay': () => 'видео в день',
  'usage.chart.monthSoFar': () => 'с начала месяца (правая ось)',
  'usage.chart.cap': (p) => `месячный лимит: ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => 'видео за месяц, нарастающим итогом',
  'usage.chart.family.manxue': () => 'Manxue полная',
  'usage.chart.family.manxue-fast': () => 'Manxue быстрая',
  'usage.chart.family.manxue-video': () => 'Manxue с видео-референсом',
  'usage.chart.family.manxue-video-fast': () => 'Manxue с видео-референсом, быстрая',
  'usage.chart.family.sp-economy': () => 'SP эконом',
  'usage.chart.family.sp-official': () => 'SP официальная',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini спеццена',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Быстрое видео из изображения',
  'usage.chart.family.std': () => 'Стандартная',
  'usage.chart.family.other': () => 'другие модели',
  'error.generic': () => 'Что-то пошло не так на нашей стороне; ничего не списано. Попробуйте ещё раз.',
  'error.guildOnly': () => 'Эта команда работает только на серверах.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) => `промпт содержит «${s(p, 'term')}», что этот бот не разрешает нигде.`,
  'limit.user_install_disabled': () =>
    'этот бот принимает запросы только на серверах, которые его добавили (и в личных сообщениях с ним); добавьте его на сервер, чтобы пользоваться им там.',
  'limit.user_monthly_spend': (p) =>
    `ваши расходы в этом месяце вне серверов с ботом: ${s(p, 'used')} из ${s(p, 'limit')}; это видео добавило бы ${s(p, 'needed')}. Сброс <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'Бота нет в этой беседе, поэтому карточка обновляется только 15 минут; если видео будет готово позже, оно придёт вам в личные сообщения.',
  'usage.userScope': () => 'Ваше личное использование (серверы без бота, групповые ЛС)',
  'usage.serverOnly': () => 'Это работает только на сервере, который добавил бота.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) => `**Очередь этого сервера**: рендерится ${s(p, 'running')}, ждёт ${s(p, 'waiting')}`,
  'admin.queue.running': () => 'Сейчас рендерится',
  'admin.queue.waiting': () => 'Ждут свободного места',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · начато ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · запрошено ${s(p, 'since')}${p.startsAt ? ` · ожидаемый старт <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'На этом сервере сейчас ничего не рендерится и ничего не ждёт.',
  'admin.queue.more': (p) => `…и ещё ${s(p, 'count')}`,
  'admin.queue.cancel': (p) => `Отменить ${s(p, 'position')}`,
  'admin.queue.cancelHint': () =>
    'Отмена убирает ожидающий запрос из очереди, и он не засчитывается в лимиты; в карточке участника это будет видно.',
  'admin.queue.moderatorsOnly': () => 'Отменять запросы здесь могут только участники с правом «Управлять сообщениями».',
  'admin.queue.cancelled': (p) =>
    `Запрос \`${s(p, 'id')}\` участника ${s(p, 'user')} отменён: он не отправлялся в видеосервис и не засчитан в лимиты.`,
  'tasks.pick.waiting': () => '🕒 ждёт',
  'tasks.pick.working': () => '⏳ в работе',
  'tasks.pick.done': () => '✅ готово',
  'tasks.pick.failed': () => '❌ ошибка',
  'tasks.pick.timedOut': () => '⌛ время истекло',
  'tasks.pick.uncertain': () => '⚠️ результат неизвестен',
  'tasks.pick.noPrompt': () => '(без промпта)',
  'extend.userInstall': () =>
    'Для «Продолжить» бот должен быть на этом сервере (он публикует последний кадр в канале). Используйте его там, где бот добавлен, или в личных сообщениях с ним.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Ваши настройки',
  'settings.defaults': () => 'Ваши значения по умолчанию (/video берёт их для того, что вы не указали)',
  'settings.label.model': () => 'Модель',
  'settings.label.ratio': () => 'Соотношение сторон',
  'settings.label.resolution': () => 'Разрешение',
  'settings.label.duration': () => 'Длительность',
  'settings.line': (p) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} с`,
  'settings.none': () => 'не заданы: действуют значения сервера',
  'settings.offHere': () => '(отключено на этом сервере: здесь пропускается)',
  'settings.order': () => 'Порядок: что вы ввели в /video › ваши значения › значения сервера › значения модели.',
  'settings.notify.on': () => '🔔 ЛС, когда ваше видео готово или не получилось: **вкл.**',
  'settings.notify.off': () => '🔕 ЛС, когда ваше видео готово или не получилось: **выкл.**',
  'settings.saved': () => 'Ваши значения по умолчанию сохранены.',
  'settings.cleared': () => 'Ваши значения по умолчанию удалены.',
  'settings.nothing': () =>
    'Укажите хотя бы одно значение (модель, соотношение сторон, разрешение, длительность) или reset: True.',
  'settings.notifySaved.on': () =>
    'Когда ваше видео будет готово или не получится, вы получите личное сообщение со ссылкой (личные сообщения от бота должны быть открыты).',
  'settings.notifySaved.off': () => 'Вы больше не будете получать личное сообщение, когда ваше видео завершится.',
  'settings.yourDefault': () => '★ ваше значение по умолчанию',
  'task.field.memberDefaults': () => 'Ваши значения по умолчанию',
  'notify.done': (p) => `✅ Ваше видео \`${s(p, 'id')}\` готово: «${s(p, 'prompt')}»`,
  'notify.video': (p) => `Видео: ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ Ваш запрос видео \`${s(p, 'id')}\` завершился без видео: «${s(p, 'prompt')}»`,
  'notify.card': (p) => `Карточка: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'Как создавать видео',
  'help.make.title': () => 'Создать видео',
  'help.make.text': () => '**Только текст**: `/video text prompt: рыжая лиса бежит по свежему снегу`',
  'help.make.images': () =>
    '**По изображениям**: `/video images prompt: кот начинает танцевать image1: (ваша картинка)`',
  'help.make.frames': () =>
    '**Первый и последний кадр**: `/video frames prompt: рассвет над городом first_frame: (картинка) last_frame: (картинка)`',
  'help.make.references': () =>
    '**По референсному видео**: `/video references prompt: то же движение камеры, ночью video1: (клип)`',
  'help.make.options': () =>
    'К любому можно добавить `model:`, `duration:`, `ratio:` или `resolution:`; что не указано, берётся из ваших /settings, затем из настроек сервера.',
  'help.make.buttons': () =>
    'На карточке: **Сгенерировать заново** (тот же запрос ещё раз), **Повторить** (после сбоя), **Ремикс** (изменить промпт, длительность, соотношение), **Продолжить** (следующая сцена с последнего кадра), **Отменить** (пока в очереди), **Удалить**.',
  'help.models.title': (p) => `Модели: ${s(p, 'family')}`,
  'help.models.ids': () => 'ID моделей',
  'help.models.durations': () => 'Длительность',
  'help.models.resolutions': () => 'Разрешение',
  'help.models.ratios': () => 'Соотношения сторон',
  'help.models.references': () => 'Референсы',
  'help.models.billing': () => 'Оплата',
  'help.models.line': (p) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}–${s(p, 'max')} с (по умолчанию ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')} (фиксировано)`,
  'help.models.perTask': () => 'за задачу',
  'help.models.perSecond': () => 'за секунду видео',
  'help.refs.textOnly': () => 'только текст',
  'help.refs.images': (p) => `изображений: до ${s(p, 'max')}`,
  'help.refs.imagesRequired': (p) => `изображений: от 1 до ${s(p, 'max')} (обязательно)`,
  'help.refs.frames': () => 'первый кадр (последний — по желанию)',
  'help.refs.framesBoth': () => 'первый и последний кадр вместе',
  'help.refs.videos': (p) => `видео: до ${s(p, 'max')} (вместе ${s(p, 'seconds')} с)`,
  'help.refs.audios': (p) => `аудиоклипов: до ${s(p, 'max')}`,
  'help.refs.reviewed': () => 'загрузки сначала проходят проверку медиафайлов видеосервиса',
  'help.refs.assetOnly': () => 'только ID asset:// (без загрузок)',
  'help.models.pick': () => 'Показать другое семейство моделей…',
  'help.limits.title': () => 'Ваши лимиты сейчас',
  'help.limits.daily': (p) =>
    `Осталось видео на сегодня: **${s(p, 'left')}** из ${s(p, 'limit')} (сброс <t:${s(p, 'resetAt')}:R>)`,
  'help.limits.dailyNone': () => 'Видео в день: без лимита',
  'help.limits.running': (p) => `Сейчас рендерится: **${s(p, 'used')}** из ${s(p, 'limit')} одновременно`,
  'help.limits.runningNone': (p) => `Сейчас рендерится: **${s(p, 'used')}** (без ограничения)`,
  'help.limits.spend': (p) =>
    `Оценка расходов в этом месяце: **${s(p, 'amount')}**${p.limit ? ` из ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Что посмотреть дальше',
  'help.next.body': () =>
    '`/usage me`: ваше использование и все лимиты · `/tasks list`: ваши недавние видео · `/settings`: ваши значения по умолчанию и уведомления в ЛС',
  'help.admin.title': () => 'Для администраторов (Управлять сервером)',
  'help.admin.body': () =>
    '`/video-admin show` настройки и лимиты · `limit` и `role-limit` ограничения · `channel` и `role` кто и где · `model` включить или отключить модели · `defaults` значения сервера · `blocklist` запрещённые слова · `timezone` сбросы · `usage members` и `usage chart` отчёты · `queue` что рендерится и ждёт',
  'source.card.animate': (p) => `Анимация из ${s(p, 'message')}`,
  'source.card.references': (p) => `Референсы из ${s(p, 'message')}`,
  'source.card.messageLink': () => 'этого сообщения',
  'source.help': () =>
    '**Из любого сообщения**: Приложения → **Анимировать** (его изображение станет началом видео) или **Использовать как референсы** (его изображения и видео)',
  'source.title.animate': () => 'Анимировать это сообщение',
  'source.title.references': () => 'Использовать как референсы',
  'source.model.member': (p) => `Модель: ${s(p, 'model')} (ваша по умолчанию)`,
  'source.model.server': (p) => `Модель: ${s(p, 'model')} (по умолчанию на этом сервере)`,
  'source.model.catalog': (p) => `Модель: ${s(p, 'model')} (первая, что принимает эти файлы; ваша по умолчанию — нет)`,
  'source.field.pick': () => 'Какое изображение',
  'source.field.pickHelp': (p) => `Будет использовано как ${s(p, 'how')}`,
  'source.pick.firstFrame': () => 'первый кадр',
  'source.pick.reference': () => 'референсное изображение',
  'source.pick.image': (p) => `Изображение ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p) => `Все изображения как референсы (всего: ${s(p, 'count')})`,
  'source.noMedia.animate': () =>
    'В этом сообщении нет изображения для анимации (вложенного или встроенного). Ничего не создано.',
  'source.noMedia.references': () =>
    'В этом сообщении нет изображений или видео, которые можно использовать как референсы. Ничего не создано.',
  'source.noModel': () => 'Ни одна модель, включённая здесь, не принимает файлы этого сообщения. Ничего не создано.',
  'source.gone': () =>
    'Не удалось заново прочитать это сообщение (оно удалено, или бот не видит этот канал): откройте форму снова из сообщения. Ничего не создано.',
  'source.mediaExpired': () =>
    'Не удалось заново получить файлы этого сообщения из Discord. Попробуйте ещё раз чуть позже; ничего не создано.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'галерея выключена',
  'admin.change.galleryChannel': (p) => `галерея = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'галерея: публикуется каждое готовое видео',
  'admin.change.galleryAutoOff': () => 'галерея: у готовых видео есть кнопка «Поделиться в галерее»',
  'admin.change.galleryDigestOn': () => 'галерея: топ-5 недели включён',
  'admin.change.galleryDigestOff': () => 'галерея: топ-5 недели выключен',
  'gallery.perm.ViewChannel': () => 'Просматривать канал',
  'gallery.perm.SendMessages': () => 'Отправлять сообщения (создавать публикации на форуме)',
  'gallery.perm.SendMessagesInThreads': () => 'Отправлять сообщения в ветках и публикациях',
  'gallery.perm.AttachFiles': () => 'Прикреплять файлы',
  'gallery.perm.EmbedLinks': () => 'Встраивать ссылки',
  'gallery.perm.ReadMessageHistory': () => 'Читать историю сообщений',
  'gallery.perm.ManageThreads': () => 'Управлять ветками и публикациями',
  'gallery.perm.ManageChannels': () => 'Управлять каналами (чтобы создавать теги форума)',
  'gallery.admin.missing': (p) =>
    `Галерея не настроена: у бота нет этих прав в <#${s(p, 'channel')}>: ${s(p, 'list')}. Выдайте их и попробуйте ещё раз.`,
  'gallery.admin.notVisible': (p) =>
    `Галерея не настроена: бот не видит <#${s(p, 'channel')}>. Выдайте ему там право «Просматривать канал» и попробуйте ещё раз.`,
  'admin.needGallery': () =>
    'Сначала выберите канал галереи: `/video-admin gallery channel:<форум или текстовый канал>`.',
  'gallery.admin.badChannel': () => 'Выберите для галереи канал-форум или текстовый канал.',
  'gallery.admin.set': (p) => `Галерея: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'публикуется каждое готовое видео',
  'gallery.admin.button': () => 'у готовых видео будет кнопка «Поделиться в галерее»',
  'gallery.admin.off': () => 'Галерея выключена. Уже сделанные публикации остаются.',
  'gallery.admin.digestOn': () => 'Топ-5 недели будет публиковаться каждый понедельник.',
  'gallery.admin.digestOff': () => 'Без еженедельного топ-5.',
  'gallery.admin.tagsFull': (p) =>
    `Обратите внимание: на форуме уже ${s(p, 'count')} из 20 тегов, которые разрешает Discord; бот использует существующие теги, но не сможет добавить теги модели и соотношения сторон, когда место закончится.`,
  'gallery.show.title': () => 'Галерея',
  'gallery.show.none': () => 'выключена',
  'gallery.show.deleted': (p) =>
    `выключена: её канал (${s(p, 'channel')}) удалён; задайте новый через /video-admin gallery`,
  'gallery.purge.none': (p) => `Нет публикаций в галерее с промптом, совпадающим с «${s(p, 'term')}».`,
  'gallery.purge.confirm': (p) =>
    `Публикаций в галерее с промптом, совпадающим с «${s(p, 'term')}»: ${s(p, 'count')}. Убрать их все?`,
  'gallery.purge.button': () => 'Убрать их',
  'gallery.purge.done': (p) => `Убрано публикаций из галереи: ${s(p, 'count')}.`,
  'gallery.post.requester': (p) => `автор: <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Исходная карточка',
  'gallery.post.use': () => 'Использовать этот промпт',
  'gallery.share': () => 'Поделиться в галерее',
  'gallery.share.done': () => 'Готово: видео скоро появится в галерее.',
  'gallery.share.denied': () =>
    'Поделиться этим видео может только тот, кто его запросил, или участники с правом «Управлять сообщениями».',
  'gallery.share.optedOut': () => 'Автор запроса не хочет, чтобы его видео попадали в галерею.',
  'gallery.share.already': () => 'Это видео уже есть в галерее.',
  'gallery.share.noGallery': () => 'На этом сервере нет галереи.',
  'gallery.share.notDone': () => 'Поделиться можно только готовым видео.',
  'gallery.optOut': () => 'Ваши видео не будут публиковаться в галерее этого сервера.',
  'gallery.optIn': () => 'Ваши видео снова могут публиковаться в галерее этого сервера.',
  'gallery.top.title': (p) => `Видео галереи с наибольшим числом реакций (${s(p, 'period')})`,
  'gallery.top.none': () => 'За этот период у видео галереи пока нет реакций.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — реакций: ${s(p, 'count')}`,
  'gallery.period.day': () => 'сегодня',
  'gallery.period.week': () => 'эта неделя',
  'gallery.period.month': () => 'этот месяц',
  'gallery.period.all': () => 'всё время',
  'gallery.digest.title': () => 'Топ-5 недели',
  'gallery.serverOnly': () => 'Галерея работает только на сервере.',
};
