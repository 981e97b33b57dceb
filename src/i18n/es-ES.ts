/** Spanish (es-ES, also served to es-419) texts, "tú" as Discord's Spanish UI; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const esES: Messages = {
  'model.unknown': (p) => `El modelo \`${s(p, 'value')}\` no existe. Elige uno de estos: ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `El modelo \`${s(p, 'value')}\` está desactivado en este servidor. Elige uno de estos: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'La descripción está vacía. Describe el vídeo que quieres.',
  'prompt.tooLong': (p) =>
    `La descripción tiene ${s(p, 'length')} caracteres; ${s(p, 'model')} admite como máximo ${s(p, 'max')}.`,
  'duration.range': (p) =>
    `No se puede usar una duración de ${s(p, 'value')} s con ${s(p, 'model')}: elige un número entero de segundos entre ${s(p, 'min')} y ${s(p, 'max')} (predeterminado: ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `La resolución \`${s(p, 'value')}\` no está disponible en ${s(p, 'model')}: se admite ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `La relación de aspecto \`${s(p, 'value')}\` no está disponible en ${s(p, 'model')}: se admite ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `La orientación \`${s(p, 'value')}\` no es válida: usa landscape (horizontal) o portrait (vertical).`,
  'orientation.conflict': (p) =>
    `La orientación ${s(p, 'orientation')} contradice la relación de aspecto ${s(p, 'ratio')}; el servicio de vídeo da prioridad a la relación, así que elige una orientación que coincida o déjala en blanco.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')} no admite imágenes de referencia. Modelos que sí las admiten: ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `Has dado ${s(p, 'count')} imágenes de referencia; ${s(p, 'model')} admite como máximo ${s(p, 'max')}.`,
  'images.required': (p) =>
    `${s(p, 'model')} crea vídeo a partir de imágenes: añade al menos una imagen de referencia (hasta ${s(p, 'max')}).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} no admite fotograma inicial/final. Modelos que sí: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'No se pueden usar a la vez imágenes de referencia y fotogramas inicial/final: usa solo una de las dos opciones.',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')} necesita un fotograma inicial y uno final en el modo de fotogramas; no se admite uno solo.`,
  'frames.lastNeedsFirst': () => 'Un fotograma final también necesita un fotograma inicial.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')} no admite vídeos de referencia. Modelos que sí los admiten: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) =>
    `Has dado ${s(p, 'count')} vídeos de referencia; ${s(p, 'model')} admite como máximo ${s(p, 'max')}.`,
  'videos.totalDuration': (p) =>
    `Los vídeos de referencia duran ${s(p, 'total')} s en total; el límite es ${s(p, 'max')} s.`,
  'videos.totalSize': (p) => `Los vídeos de referencia ocupan ${s(p, 'total')} en total; el límite es ${s(p, 'max')}.`,
  'videos.resolution': (p) =>
    `El vídeo de referencia ${s(p, 'name')} mide ${s(p, 'width')}×${s(p, 'height')}; el lado corto de cada vídeo debe medir entre ${s(p, 'min')} y ${s(p, 'max')} px.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')} no admite audio de referencia. Modelos que sí lo admiten: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) =>
    `Has dado ${s(p, 'count')} audios de referencia; ${s(p, 'model')} admite como máximo ${s(p, 'max')}.`,
  'audios.alone': () =>
    'El audio de referencia no se puede usar solo: añade una imagen de referencia, un vídeo de referencia o fotogramas inicial/final.',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')} no admite audio de referencia en el modo de fotogramas: quita el audio o usa imágenes de referencia en lugar de fotogramas.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} solo admite archivos como identificadores asset:// de la revisión de archivos del servicio de vídeo, no \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} no puede usar archivos subidos (necesita identificadores asset:// revisados). Elige un modelo que admita archivos subidos, por ejemplo ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} necesita una URL pública https://, no \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}: usa una URL pública https:// o un identificador asset://, no \`${s(p, 'value')}\`.`,
  'media.contentType': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} es de tipo ${s(p, 'value')}; tipos admitidos: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) => `${s(p, 'field')}: ${s(p, 'name')} ocupa ${s(p, 'size')}; el límite es ${s(p, 'max')}.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} mide ${s(p, 'width')}×${s(p, 'height')} px; la revisión de archivos del servicio de vídeo admite imágenes de ${s(p, 'min')} a ${s(p, 'max')} px por lado.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} mide ${s(p, 'width')}×${s(p, 'height')} (relación de aspecto ${s(p, 'ratio')}); la revisión de archivos del servicio de vídeo admite relaciones de ${s(p, 'min')} a ${s(p, 'max')} (ancho ÷ alto).`,
  'field.invalid': (p) => `${s(p, 'field')} no es válido: ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) =>
    `Tu solicitud no se ha enviado (${s(p, 'count')} ${Number(p.count) === 1 ? 'problema' : 'problemas'}); no se ha descontado nada:`,
  'reply.limitRefused': (p) => `No se ha iniciado y no se ha descontado nada: ${s(p, 'reason')}`,
  'task.title': () => 'Generación de vídeo',
  'task.field.model': () => 'Modelo',
  'task.field.params': () => 'Parámetros',
  'task.field.references': () => 'Referencias',
  'task.field.requester': () => 'Solicitado por',
  'task.field.cost': () => 'Uso',
  'task.field.status': () => 'Estado',
  'task.field.task': () => 'Tarea',
  'task.field.elapsed': () => 'Tiempo',
  'elapsed.seconds': (p) => `${s(p, 'seconds')} s`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')} min ${s(p, 'seconds')} s`,
  'task.cost.perTask': () => '1 vídeo, se factura por vídeo',
  'task.cost.perSecond': (p) => `${s(p, 'units')} s de vídeo, se factura por segundo`,
  'task.cost.estimate': (p) => `≈ ${s(p, 'amount')} (estimado)`,
  'task.refs.none': () => 'ninguna (solo texto)',
  'task.refs.images': (p) => `${s(p, 'count')} imagen(es)`,
  'task.refs.frames': (p) => `fotogramas: ${s(p, 'which')}`,
  'task.refs.videos': (p) => `${s(p, 'count')} vídeo(s)`,
  'task.refs.audios': (p) => `${s(p, 'count')} audio(s)`,
  'task.params': (p) => `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'relación automática',
  'model.choice.images': () => 'img',
  'model.choice.frames': () => 'fotogramas',
  'model.choice.videos': () => 'vídeo',
  'model.choice.audios': () => 'audio',
  'model.choice.perTask': () => 'por tarea',
  'model.choice.perSecond': () => 'por segundo',
  'model.choice.reviewed': (p) => `${s(p, 'refs')} (con revisión)`,
  'model.choice.assetOnly': () => 'solo asset://',
  'model.choice.textOnly': () => 'texto',
  'status.accepted': () => '⏳ Aceptada, enviando al servicio de vídeo…',
  'status.submitting': () => '⏳ Enviando al servicio de vídeo…',
  'status.reviewing': () => '🔎 El servicio de vídeo está revisando tus archivos…',
  'status.review_submitting': () => '🔎 El servicio de vídeo está revisando tus archivos…',
  'status.queued': () => '🕒 Enviada; el servicio de vídeo aún no la ha empezado',
  'status.running': (p) =>
    `🎬 Renderizando${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')} %)` : ''}`,
  'status.delivering': () => '📤 Terminado, subiendo el vídeo…',
  'status.preparing': () => '🎞️ Preparando el vídeo para Discord…',
  'status.done': () => '✅ Listo',
  'status.failed': () => '❌ Error',
  'status.timed_out': () => '⌛ Tiempo agotado',
  'status.uncertain': () => '⚠️ Resultado desconocido',
  'status.waiting': (p) =>
    `🕒 En cola — posición ${s(p, 'position')}${p.startsAt ? ` · se espera que empiece <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'El servicio de vídeo ha rechazado esta solicitud por su contenido. Cambia la descripción o las imágenes (Remezclar conserva lo demás); la misma solicitud se volvería a rechazar. No cuenta para tus límites.',
  'failure.transient': (p) =>
    `El servicio de vídeo ha tenido un problema temporal (${s(p, 'detail')}). No cuenta para tus límites; Reintentar suele funcionar.`,
  'failure.quota': () =>
    'La cuenta del servicio de vídeo se ha quedado sin saldo o sin cuota. No cuenta para tus límites, y se ha enviado una alerta al operador del bot.',
  'failure.invalid_input': (p) =>
    `El servicio de vídeo no ha podido usar los archivos o datos enviados (${s(p, 'detail')}). No cuenta para tus límites.`,
  'failure.unknown': (p) =>
    `El servicio de vídeo ha informado de un error: ${s(p, 'detail')}. No cuenta para tus límites.`,
  'failure.upstream_unavailable': (p) =>
    `No se ha podido conectar con el servicio de vídeo (${s(p, 'detail')}). No se ha creado nada y no cuenta para tus límites; vuelve a intentarlo dentro de un minuto.`,
  'failure.auth': () =>
    'El bot no ha podido iniciar sesión en el servicio de vídeo (se ha rechazado su clave de API). No cuenta para tus límites; avisa a un administrador del servidor.',
  'failure.invalid_request': (p) =>
    `El servicio de vídeo ha rechazado la solicitud: ${s(p, 'detail')}. No cuenta para tus límites.`,
  'failure.uncertain': () =>
    'El bot perdió el rastro de esta solicitud mientras la enviaba, así que no puede saber si el servicio de vídeo creó un vídeo; si lo creó, no aparecerá aquí. El bot nunca reenvía una solicitud por su cuenta, y no cuenta para tus límites. Reintentar la envía como una solicitud nueva.',
  'failure.timed_out': (p) =>
    `Sin resultado después de ${s(p, 'minutes')} minutos, así que el bot ha dejado de esperar. No cuenta para tus límites.`,
  'failure.not_found': () =>
    'El servicio de vídeo ya no reconoce esta tarea, así que no llegará ningún vídeo. No cuenta para tus límites; Reintentar la vuelve a iniciar.',
  'failure.no_video': () =>
    'El servicio de vídeo dio la tarea por terminada, pero no entregó ningún vídeo. No cuenta para tus límites; Reintentar suele funcionar.',
  'failure.cancelled': (p) =>
    `El servicio de vídeo ha cancelado esta tarea o ha caducado (${s(p, 'detail')}). No cuenta para tus límites; Reintentar la vuelve a iniciar.`,
  'failure.restart_stale': () =>
    'El bot se reinició antes de poder enviar esta solicitud, y ya es demasiado antigua para enviarla. No se ha creado nada y no cuenta para tus límites; usa Reintentar.',
  'failure.reply_failed': () =>
    'Discord no ha dejado que el bot respondiera a esta solicitud, así que no se ha enviado nada al servicio de vídeo. No cuenta para tus límites.',
  'failure.message_deleted': () =>
    'El vídeo se ha creado, pero su mensaje se ha eliminado y el bot no puede enviarte un mensaje directo. No cuenta para tus límites.',
  'failure.undeliverable': () =>
    'El vídeo se ha creado, pero Discord no ha dejado que el bot lo publique en ningún sitio, ni siquiera por mensaje directo. No cuenta para tus límites.',
  'failure.account_unavailable': () =>
    'La cuenta de vídeo del bot no está disponible ahora mismo (sus claves de API se han rechazado o se han quedado sin saldo). No se ha creado nada y no cuenta para tus límites; avisa a un administrador del servidor.',
  'failure.review_failed': (p) =>
    `La revisión de archivos del servicio de vídeo ha rechazado ${s(p, 'file')}: ${s(p, 'detail')}. No se ha creado nada y no cuenta para tus límites. Usa otro archivo; si vuelves a enviar el mismo, se rechazará de nuevo.`,
  'failure.review_timeout': (p) =>
    `La revisión de archivos del servicio de vídeo no ha terminado en ${s(p, 'minutes')} minutos, así que el bot ha dejado de esperar. No se ha creado nada y no cuenta para tus límites; Reintentar vuelve a iniciar la revisión.`,
  'failure.member_cancelled': () =>
    'Cancelada mientras esperaba en la cola. No se ha enviado nada al servicio de vídeo y no cuenta para tus límites.',
  'button.reroll': () => 'Regenerar',
  'button.retry': () => 'Reintentar',
  'button.delete': () => 'Eliminar',
  'button.cancel': () => 'Cancelar',
  'button.cancelDenied': () =>
    'Solo el miembro que pidió este vídeo, o alguien con el permiso Gestionar mensajes, puede cancelarlo.',
  'button.cancelTooLate': () =>
    'Esta solicitud ya ha salido de la cola y se ha enviado al servicio de vídeo, que no permite cancelarla.',
  'button.open': () => 'Abrir vídeo',
  'button.remix': () => 'Remezclar',
  'button.extend': () => 'Continuar',
  'button.extendUnavailable': () =>
    'El modelo de este vídeo no puede empezar desde un fotograma, así que no se puede continuar. Usa Remezclar o un nuevo /video.',
  'modal.remix.title': () => 'Remezclar este vídeo',
  'modal.extend.title': () => 'Continuar: el siguiente plano',
  'modal.field.prompt': () => 'Descripción',
  'modal.field.extendPrompt': () => 'Descripción del siguiente plano',
  'modal.field.duration': (p) => `Duración en segundos (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Relación de aspecto (p. ej., 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Tomando el último fotograma del vídeo para el siguiente plano…',
  'extend.frameCaption': (p) => `Último fotograma de \`${s(p, 'id')}\`: el fotograma inicial del siguiente plano.`,
  'extend.videoGone': () =>
    'El servicio de vídeo ya no tiene este vídeo (los guarda unos 3 días), así que no se puede tomar su último fotograma. No se ha descontado nada.',
  'extend.noEncoder': () =>
    'Continuar no está disponible en este bot ahora mismo (necesita ffmpeg). No se ha descontado nada; usa Remezclar.',
  'extend.framePostFailed': () =>
    'El bot no ha podido publicar el fotograma en este canal (necesita los permisos Enviar mensajes y Adjuntar archivos). No se ha descontado nada.',
  'task.field.parent': () => 'Origen',
  'task.parent.reroll': (p) => `Regeneración de ${s(p, 'task')}`,
  'task.parent.retry': (p) => `Reintento de ${s(p, 'task')}`,
  'task.parent.remix': (p) => `Remezcla de ${s(p, 'task')}`,
  'task.parent.extend': (p) => `Continúa ${s(p, 'task')}`,
  'button.deleteDenied': () =>
    'Solo el miembro que pidió este vídeo, o alguien con el permiso Gestionar mensajes, puede eliminarlo.',
  'button.deleted': () => 'Eliminado.',
  'button.unknownTask': () => 'El bot ya no conoce esta tarea.',
  'button.mediaExpired': () =>
    'Las imágenes o clips de esta solicitud ya no están disponibles en Discord. Empieza un nuevo /video y vuelve a subirlos; no se ha descontado nada.',
  'button.reviewFailed': () =>
    'La revisión de archivos del servicio de vídeo rechazó un archivo de esta solicitud, así que no se puede volver a enviar tal cual. Empieza un nuevo /video con otro archivo.',
  'button.notFinished': () => 'Esta tarea aún no ha terminado.',
  'tasks.none': () => 'Todavía no tienes tareas. Empieza una con /video.',
  'tasks.recentTitle': () => 'Tus tareas recientes',
  'tasks.notFound': (p) => `No hay ninguna tarea \`${s(p, 'id')}\` que puedas ver.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `El vídeo (${s(p, 'reason')}) está en el botón Abrir vídeo. El servicio de vídeo lo guarda unos 3 días: descárgalo si quieres conservarlo.`,
  'delivery.reason.tooLarge': (p) => `supera el límite de subida de ${s(p, 'limit')} de este servidor`,
  'delivery.reason.fetchFailed': () => 'no se pudo descargar para subirlo',
  'delivery.reason.cannotFit': (p) =>
    `no se pudo reducir lo suficiente para el límite de subida de ${s(p, 'limit')} de este servidor`,
  'delivery.fitted': (p) =>
    `Reducido para caber en el límite de subida de ${s(p, 'limit')} de este servidor. El vídeo en calidad completa está en el botón Abrir vídeo hasta el <t:${s(p, 'expiresAt')}:f>.`,
  'delivery.reason.notFetched': () => 'su dirección no es una de las que el bot puede descargar, así que no se subió',
  'delivery.reason.uploadFailed': () => 'Discord no aceptó la subida',
  'delivery.dmReady': () => 'Tu vídeo está listo. Su mensaje en el servidor ya no existe, así que aquí lo tienes.',
  'notice.ended': (p) => `<@${s(p, 'user')}> tu solicitud de vídeo ha terminado sin vídeo.`,
  'notice.dmEnded': () =>
    'Tu solicitud de vídeo ha terminado sin vídeo. Su mensaje en el servidor ya no existe, así que te contamos aquí lo que ha pasado.',
  'list.more': (p) => `…y ${s(p, 'count')} más`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> tu vídeo está listo.`,
  'task.field.video': () => 'Vídeo',
  'limit.cooldown': (p) => `espera ${s(p, 'seconds')} s entre vídeos (vuelve a intentarlo <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p) =>
    `ya tienes ${s(p, 'used')} de ${s(p, 'limit')} vídeos renderizándose; espera a que termine uno.`,
  'limit.guild_running': (p) =>
    `este servidor ya tiene ${s(p, 'used')} de ${s(p, 'limit')} vídeos renderizándose; vuelve a intentarlo cuando termine uno.`,
  'limit.member_running_zero': () =>
    'no se pueden crear vídeos para ti en este servidor: tu límite «Vídeos renderizándose a la vez por miembro» está en 0. Pregunta a un administrador del servidor.',
  'limit.guild_running_zero': () =>
    'no se pueden crear vídeos en este servidor: su límite «Vídeos renderizándose a la vez en el servidor» está en 0. Pregunta a un administrador del servidor.',
  'limit.member_daily_tasks': (p) =>
    `has usado ${s(p, 'used')} de tus ${s(p, 'limit')} vídeos de hoy; se restablece <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p) =>
    `este servidor ha usado ${s(p, 'used')} de sus ${s(p, 'limit')} vídeos de hoy; se restablece <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p) =>
    `este servidor ha usado ${s(p, 'used')} de sus ${s(p, 'limit')} vídeos de este mes; se restablece <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p) =>
    `este servidor ha usado ${s(p, 'used')} de sus ${s(p, 'limit')} segundos de vídeo de este mes y este necesita ${s(p, 'needed')}; se restablece <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'la generación en mensajes directos está desactivada; usa el bot en un servidor.',
  'limit.blocked': (p) => `la descripción contiene «${s(p, 'term')}», que este servidor no permite.`,
  'limit.guild_queue': (p) =>
    `todas las plazas de renderizado están ocupadas y la cola de este servidor está llena (${s(p, 'used')} de ${s(p, 'limit')} en espera); vuelve a intentarlo cuando avance.`,
  'limit.guild_monthly_spend': (p) =>
    `este servidor ha gastado unos ${s(p, 'used')} de sus ${s(p, 'limit')} este mes y este vídeo costaría ${s(p, 'needed')}; se restablece <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    'la cuenta de vídeo del bot no está disponible ahora mismo (sus claves de API se han rechazado o se han quedado sin saldo). Avisa a un administrador del servidor.',
  'limit.member_queue': (p) =>
    `tus vídeos se están renderizando y ya tienes ${s(p, 'used')} de ${s(p, 'limit')} solicitudes esperando en la cola.`,
  'policy.channel': (p) => `en este servidor solo se pueden crear vídeos en ${s(p, 'channels')}.`,
  'policy.role': (p) => `en este servidor solo pueden crear vídeos los miembros con ${s(p, 'role')}.`,
  'admin.denied': () => 'Solo los miembros con el permiso Gestionar servidor pueden cambiar estos ajustes.',
  'admin.saved': (p) => `Guardado: ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `canales de generación + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `canales de generación − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'se pueden crear vídeos en todos los canales',
  'admin.change.modelEnabled': (p) => `modelo \`${s(p, 'model')}\` activado`,
  'admin.change.modelDisabled': (p) => `modelo \`${s(p, 'model')}\` desactivado`,
  'admin.change.defaults': (p) => `valores predeterminados: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `valores predeterminados borrados y después: ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `zona horaria = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `solo los miembros con ${s(p, 'role')} pueden crear vídeos`,
  'admin.change.roleEveryone': () => 'todos los miembros pueden crear vídeos',
  'admin.change.blocklistAdded': (p) => `lista de bloqueo + «${s(p, 'term')}»`,
  'admin.change.blocklistRemoved': (p) => `lista de bloqueo − «${s(p, 'term')}»`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` no es un límite válido: usa un número entero, none (sin límite) o default (predeterminado).`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` no es una zona horaria: usa un nombre IANA como UTC, Europe/Madrid o America/Mexico_City.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` no es un id de modelo.`,
  'admin.needChannel': () => 'Elige un canal para añadir o quitar.',
  'admin.badTerm': () => 'Un término bloqueado debe tener entre 1 y 100 caracteres.',
  'admin.blocklistFull': (p) =>
    `La lista de bloqueo ya tiene ${s(p, 'value')} términos, el máximo por servidor: quita uno antes de añadir otro.`,
  'admin.termUnknown': (p) => `«${s(p, 'value')}» no está en la lista de bloqueo.`,
  'admin.blocklist.added': (p) =>
    `Se ha añadido «${s(p, 'term')}» a la lista de términos bloqueados (${s(p, 'count')} de ${s(p, 'max')}).`,
  'admin.blocklist.removed': (p) =>
    `Se ha quitado «${s(p, 'term')}» de la lista de términos bloqueados (${s(p, 'count')} de ${s(p, 'max')}).`,
  'admin.blocklist.title': (p) => `Términos bloqueados en las descripciones (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'No hay términos bloqueados en este servidor.',
  'admin.show.blocklist': (p) => `Términos bloqueados: ${s(p, 'count')}`,
  'admin.show.title': () => 'Ajustes de generación de vídeo',
  'admin.show.limits': () => 'Límites',
  'admin.show.where': () => 'Dónde y quién',
  'admin.show.models': () => 'Modelos',
  'admin.show.defaults': () => 'Valores predeterminados',
  'admin.show.everywhere': () => 'todos los canales',
  'admin.show.everyone': () => 'todos',
  'admin.show.noLimit': () => 'sin límite',
  'admin.show.fromDefault': () => '(predeterminado del bot)',
  'admin.show.allModels': () => 'todos los modelos activados',
  'admin.show.disabled': (p) => `desactivados: ${s(p, 'list')}`,
  'admin.show.none': () => 'sin definir',
  'limit.label.guild_daily_tasks': () => 'Vídeos del servidor al día',
  'limit.label.guild_monthly_tasks': () => 'Vídeos del servidor al mes',
  'limit.label.guild_monthly_seconds': () => 'Segundos de vídeo del servidor al mes',
  'limit.label.member_daily_tasks': () => 'Vídeos por miembro al día',
  'limit.label.member_running': () => 'Vídeos renderizándose a la vez por miembro',
  'limit.label.guild_running': () => 'Vídeos renderizándose a la vez en el servidor',
  'limit.label.cooldown_seconds': () => 'Espera entre solicitudes (s)',
  'limit.label.guild_queue': () => 'Solicitudes en la cola del servidor',
  'limit.label.member_queue': () => 'Solicitudes en la cola por miembro',
  'limit.label.guild_monthly_spend': () => 'Gasto estimado del servidor al mes',
  'usage.title': () => 'Uso de vídeo',
  'usage.you': () => 'Tú',
  'usage.server': () => 'Este servidor',
  'usage.line': (p) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · se restablece <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p) =>
    `Este mes: ${s(p, 'perTask')} vídeos facturados por tarea, ${s(p, 'perSecond')} s de vídeo facturado por segundo.`,
  'usage.membersTitle': (p) => `Uso por miembro, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>: ${s(p, 'tasks')} vídeos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p) => `⚠️ ${s(p, 'count')} rechazados por su contenido`,
  'usage.noMembers': () => 'Nadie ha creado un vídeo este mes.',
  'usage.queued': (p) => `Esperando en la cola: ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(por <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Límites por rol',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\` (posición ${s(p, 'position')})`,
  'usage.more': (p) => `…y ${s(p, 'count')} más (usa csv: True para ver la lista completa).`,
  'usage.spend': (p) => `Gasto estimado este mes: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `Vídeos al día en los últimos 30 días (${s(p, 'zone')}): ${s(p, 'total')} en total, ${s(p, 'month')} este mes.`,
  'usage.chart.title': () => 'Vídeos al día, últimos 30 días',
  'usage.chart.perDay': () => 'vídeos al día',
  'usage.chart.monthSoFar': () => 'este mes hasta hoy (eje derecho)',
  'usage.chart.cap': (p) => `límite mensual: ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => 'vídeos este mes, acumulado',
  'usage.chart.family.manxue': () => 'Manxue completo',
  'usage.chart.family.manxue-fast': () => 'Manxue rápido',
  'usage.chart.family.manxue-video': () => 'Manxue con vídeo de referencia',
  'usage.chart.family.manxue-video-fast': () => 'Manxue con vídeo de referencia rápido',
  'usage.chart.family.sp-economy': () => 'SP económico',
  'usage.chart.family.sp-official': () => 'SP oficial',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini especial',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Imagen a vídeo rápido',
  'usage.chart.family.std': () => 'Estándar',
  'usage.chart.family.other': () => 'otros modelos',
  'error.generic': () => 'Algo ha fallado por nuestra parte; no se ha descontado nada. Vuelve a intentarlo.',
  'error.guildOnly': () => 'Este comando solo funciona en servidores.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) =>
    `la descripción contiene «${s(p, 'term')}», que este bot no permite en ningún sitio.`,
  'limit.user_install_disabled': () =>
    'este bot solo acepta solicitudes en los servidores que lo han añadido (y en sus mensajes directos); añádelo a un servidor para usarlo allí.',
  'limit.user_monthly_spend': (p) =>
    `tu gasto de este mes fuera de los servidores que han añadido el bot es de ${s(p, 'used')} de ${s(p, 'limit')}; este vídeo sumaría ${s(p, 'needed')}. Se restablece <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'El bot no está en esta conversación, así que esta tarjeta solo se actualiza durante 15 minutos; si tu vídeo tarda más, te llegará por mensaje directo.',
  'usage.userScope': () => 'Tu uso propio (servidores sin el bot, MD de grupo)',
  'usage.serverOnly': () => 'Esto solo funciona en un servidor que haya añadido el bot.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) =>
    `**Cola de este servidor**: ${s(p, 'running')} renderizándose, ${s(p, 'waiting')} en espera`,
  'admin.queue.running': () => 'Renderizándose ahora',
  'admin.queue.waiting': () => 'Esperando un hueco libre',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · empezó ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · solicitado ${s(p, 'since')}${p.startsAt ? ` · empezará previsiblemente <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'No hay nada renderizándose ni en espera en este servidor.',
  'admin.queue.more': (p) => `…y ${s(p, 'count')} más`,
  'admin.queue.cancel': (p) => `Cancelar ${s(p, 'position')}`,
  'admin.queue.cancelHint': () =>
    'Cancelar saca de la cola una solicitud en espera y devuelve su uso; la tarjeta del miembro lo indica.',
  'admin.queue.moderatorsOnly': () =>
    'Solo los miembros con el permiso Gestionar mensajes pueden cancelar solicitudes aquí.',
  'admin.queue.cancelled': (p) =>
    `Se canceló \`${s(p, 'id')}\` de ${s(p, 'user')}: nunca se envió al servicio de vídeo y se devolvió su uso.`,
  'tasks.pick.waiting': () => '🕒 en espera',
  'tasks.pick.working': () => '⏳ en curso',
  'tasks.pick.done': () => '✅ listo',
  'tasks.pick.failed': () => '❌ error',
  'tasks.pick.timedOut': () => '⌛ tiempo agotado',
  'tasks.pick.uncertain': () => '⚠️ resultado desconocido',
  'tasks.pick.noPrompt': () => '(sin descripción)',
  'extend.userInstall': () =>
    'Continuar necesita el bot en este servidor (publica el último fotograma en el canal). Úsalo donde se haya añadido el bot o en sus mensajes directos.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Tus ajustes',
  'settings.defaults': () => 'Tus valores predeterminados (/video los usa para lo que no indiques)',
  'settings.label.model': () => 'Modelo',
  'settings.label.ratio': () => 'Relación de aspecto',
  'settings.label.resolution': () => 'Resolución',
  'settings.label.duration': () => 'Duración',
  'settings.line': (p) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} s`,
  'settings.none': () => 'ninguno: se aplican los del servidor',
  'settings.offHere': () => '(desactivado en este servidor: aquí se omite)',
  'settings.order': () => 'Orden: lo que escribes en /video › tus valores › los del servidor › los del modelo.',
  'settings.notify.on': () => '🔔 MD cuando un vídeo tuyo termine o falle: **activado**',
  'settings.notify.off': () => '🔕 MD cuando un vídeo tuyo termine o falle: **desactivado**',
  'settings.saved': () => 'Se han guardado tus valores predeterminados.',
  'settings.cleared': () => 'Se han borrado tus valores predeterminados.',
  'settings.nothing': () =>
    'Indica al menos un valor (modelo, relación de aspecto, resolución, duración) o reset: True.',
  'settings.notifySaved.on': () =>
    'Recibirás un mensaje directo con el enlace cuando un vídeo tuyo termine o falle (tus mensajes directos deben estar abiertos al bot).',
  'settings.notifySaved.off': () => 'Ya no recibirás un mensaje directo cuando termine un vídeo tuyo.',
  'settings.yourDefault': () => '★ tu predeterminado',
  'task.field.memberDefaults': () => 'Tu predeterminado',
  'notify.done': (p) => `✅ Tu vídeo \`${s(p, 'id')}\` está listo: «${s(p, 'prompt')}»`,
  'notify.video': (p) => `Vídeo: ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ Tu solicitud de vídeo \`${s(p, 'id')}\` terminó sin vídeo: «${s(p, 'prompt')}»`,
  'notify.card': (p) => `Tarjeta: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'Cómo crear vídeos',
  'help.make.title': () => 'Crear un vídeo',
  'help.make.text': () => '**Solo texto**: `/video text prompt: un zorro rojo corriendo por la nieve recién caída`',
  'help.make.images': () =>
    '**A partir de imágenes**: `/video images prompt: el gato empieza a bailar image1: (tu imagen)`',
  'help.make.frames': () =>
    '**Fotograma inicial y final**: `/video frames prompt: amanecer sobre la ciudad first_frame: (imagen) last_frame: (imagen)`',
  'help.make.references': () =>
    '**A partir de un vídeo de referencia**: `/video references prompt: el mismo movimiento de cámara, de noche video1: (clip)`',
  'help.make.options': () =>
    'Añade `model:`, `duration:`, `ratio:` o `resolution:` a cualquiera; lo que no indiques sale de tus /settings y luego del servidor.',
  'help.make.buttons': () =>
    'En la tarjeta: **Regenerar** (la misma solicitud otra vez), **Reintentar** (tras un fallo), **Remezclar** (editar descripción, duración, relación), **Continuar** (siguiente plano desde el último fotograma), **Cancelar** (mientras está en cola), **Eliminar**.',
  'help.models.title': (p) => `Modelos: ${s(p, 'family')}`,
  'help.models.ids': () => 'Ids de modelo',
  'help.models.durations': () => 'Duración',
  'help.models.resolutions': () => 'Resolución',
  'help.models.ratios': () => 'Relaciones de aspecto',
  'help.models.references': () => 'Referencias',
  'help.models.billing': () => 'Facturación',
  'help.models.line': (p) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}–${s(p, 'max')} s (predeterminado ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')} (fija)`,
  'help.models.perTask': () => 'por tarea',
  'help.models.perSecond': () => 'por segundo de vídeo',
  'help.refs.textOnly': () => 'solo texto',
  'help.refs.images': (p) => `hasta ${s(p, 'max')} imágenes`,
  'help.refs.imagesRequired': (p) => `de 1 a ${s(p, 'max')} imágenes (obligatorio)`,
  'help.refs.frames': () => 'fotograma inicial (el final es opcional)',
  'help.refs.framesBoth': () => 'fotograma inicial y final juntos',
  'help.refs.videos': (p) => `hasta ${s(p, 'max')} vídeos (${s(p, 'seconds')} s en total)`,
  'help.refs.audios': (p) => `hasta ${s(p, 'max')} clips de audio`,
  'help.refs.reviewed': () => 'los archivos subidos pasan antes por la revisión de archivos del servicio de vídeo',
  'help.refs.assetOnly': () => 'solo ids asset:// (sin subidas)',
  'help.models.pick': () => 'Ver otra familia de modelos…',
  'help.limits.title': () => 'Tus límites ahora mismo',
  'help.limits.daily': (p) =>
    `Vídeos que te quedan hoy: **${s(p, 'left')}** de ${s(p, 'limit')} (se restablece <t:${s(p, 'resetAt')}:R>)`,
  'help.limits.dailyNone': () => 'Vídeos al día: sin límite',
  'help.limits.running': (p) => `Renderizando ahora: **${s(p, 'used')}** de ${s(p, 'limit')} a la vez`,
  'help.limits.runningNone': (p) => `Renderizando ahora: **${s(p, 'used')}** (sin tope)`,
  'help.limits.spend': (p) => `Gasto estimado este mes: **${s(p, 'amount')}**${p.limit ? ` de ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Dónde mirar después',
  'help.next.body': () =>
    '`/usage me`: tu uso y todos los límites · `/tasks list`: tus vídeos recientes · `/settings`: tus valores predeterminados y avisos por MD',
  'help.admin.title': () => 'Para administradores (Gestionar servidor)',
  'help.admin.body': () =>
    '`/video-admin show` ajustes y límites · `limit` y `role-limit` topes · `channel` y `role` quién y dónde · `model` activar o desactivar modelos · `defaults` valores del servidor · `blocklist` términos vetados · `timezone` reinicios · `usage members` y `usage chart` informes · `queue` lo que se renderiza y espera',
  'source.card.animate': (p) => `Animado a partir de ${s(p, 'message')}`,
  'source.card.references': (p) => `Referencias de ${s(p, 'message')}`,
  'source.card.messageLink': () => 'este mensaje',
  'source.help': () =>
    '**Desde cualquier mensaje**: Aplicaciones → **Animar** (su imagen inicia el vídeo) o **Usar como referencias** (sus imágenes y vídeo)',
  'source.title.animate': () => 'Animar este mensaje',
  'source.title.references': () => 'Usar como referencias',
  'source.model.member': (p) => `Modelo: ${s(p, 'model')} (tu predeterminado)`,
  'source.model.server': (p) => `Modelo: ${s(p, 'model')} (el predeterminado del servidor)`,
  'source.model.catalog': (p) =>
    `Modelo: ${s(p, 'model')} (el primero que admite estos archivos; tu predeterminado no)`,
  'source.field.pick': () => 'Qué imagen',
  'source.field.pickHelp': (p) => `Se usará como ${s(p, 'how')}`,
  'source.pick.firstFrame': () => 'fotograma inicial',
  'source.pick.reference': () => 'imagen de referencia',
  'source.pick.image': (p) => `Imagen ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p) => `Las ${s(p, 'count')} imágenes como referencias`,
  'source.noMedia.animate': () =>
    'Ese mensaje no tiene ninguna imagen que animar (una imagen adjunta o insertada). No se ha creado nada.',
  'source.noMedia.references': () =>
    'Ese mensaje no tiene imágenes ni vídeos que usar como referencias. No se ha creado nada.',
  'source.noModel': () => 'Ningún modelo activado aquí admite los archivos de ese mensaje. No se ha creado nada.',
  'source.gone': () =>
    'No se ha podido volver a leer ese mensaje (se ha eliminado o el bot no ve ese canal): vuelve a abrir el formulario desde el mensaje. No se ha creado nada.',
  'source.mediaExpired': () =>
    'No se han podido volver a obtener de Discord los archivos de ese mensaje. Inténtalo de nuevo en un momento; no se ha creado nada.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'galería desactivada',
  'admin.change.galleryChannel': (p) => `galería = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'galería: se comparte cada vídeo terminado',
  'admin.change.galleryAutoOff': () => 'galería: los vídeos terminados tienen un botón Compartir en la galería',
  'admin.change.galleryDigestOn': () => 'galería: Top 5 de la semana activado',
  'admin.change.galleryDigestOff': () => 'galería: Top 5 de la semana desactivado',
  'gallery.perm.ViewChannel': () => 'Ver canal',
  'gallery.perm.SendMessages': () => 'Enviar mensajes (Crear publicaciones en un foro)',
  'gallery.perm.SendMessagesInThreads': () => 'Enviar mensajes en hilos y publicaciones',
  'gallery.perm.AttachFiles': () => 'Adjuntar archivos',
  'gallery.perm.EmbedLinks': () => 'Insertar enlaces',
  'gallery.perm.ReadMessageHistory': () => 'Leer el historial de mensajes',
  'gallery.perm.ManageThreads': () => 'Gestionar hilos y publicaciones',
  'gallery.perm.ManageChannels': () => 'Gestionar canales (para crear etiquetas del foro)',
  'gallery.admin.missing': (p) =>
    `No se ha configurado la galería: al bot le faltan estos permisos en <#${s(p, 'channel')}>: ${s(p, 'list')}. Concédeselos y vuelve a intentarlo.`,
  'gallery.admin.notVisible': (p) =>
    `No se ha configurado la galería: el bot no puede ver <#${s(p, 'channel')}>. Dale Ver canal allí y vuelve a intentarlo.`,
  'admin.needGallery': () =>
    'Primero elige el canal de la galería: `/video-admin gallery channel:<canal de foro o de texto>`.',
  'gallery.admin.badChannel': () => 'Elige un canal de foro o un canal de texto para la galería.',
  'gallery.admin.set': (p) => `Galería: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'se comparte cada vídeo terminado',
  'gallery.admin.button': () => 'los vídeos terminados tienen un botón Compartir en la galería',
  'gallery.admin.off': () => 'Galería desactivada. Las publicaciones ya hechas se quedan.',
  'gallery.admin.digestOn': () => 'El Top 5 de la semana se publicará cada lunes.',
  'gallery.admin.digestOff': () => 'Sin Top 5 semanal.',
  'gallery.admin.tagsFull': (p) =>
    `Nota: el foro ya tiene ${s(p, 'count')} de las 20 etiquetas que permite Discord; el bot reutiliza etiquetas, pero no puede añadir las de modelo y relación de aspecto cuando está lleno.`,
  'gallery.show.title': () => 'Galería',
  'gallery.show.none': () => 'desactivada',
  'gallery.show.deleted': (p) =>
    `desactivada: se eliminó su canal (${s(p, 'channel')}); elige uno nuevo con /video-admin gallery`,
  'gallery.purge.none': (p) =>
    `Ninguna publicación de la galería tiene una descripción que coincida con «${s(p, 'term')}».`,
  'gallery.purge.confirm': (p) =>
    `Publicaciones de la galería cuya descripción coincide con «${s(p, 'term')}»: ${s(p, 'count')}. ¿Quitarlas todas?`,
  'gallery.purge.button': () => 'Quitarlas',
  'gallery.purge.done': (p) => `Publicaciones de la galería quitadas: ${s(p, 'count')}.`,
  'gallery.post.requester': (p) => `de <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Tarjeta original',
  'gallery.post.use': () => 'Usar esta descripción',
  'gallery.share': () => 'Compartir en la galería',
  'gallery.share.done': () => 'Compartido: el vídeo aparecerá en la galería en breve.',
  'gallery.share.denied': () =>
    'Solo quien lo pidió o los miembros con Gestionar mensajes pueden compartir este vídeo.',
  'gallery.share.optedOut': () => 'Quien pidió este vídeo no quiere sus vídeos en la galería.',
  'gallery.share.already': () => 'Este vídeo ya está en la galería.',
  'gallery.share.noGallery': () => 'Este servidor no tiene galería.',
  'gallery.share.notDone': () => 'Solo se pueden compartir vídeos terminados.',
  'gallery.optOut': () => 'Tus vídeos no se compartirán en la galería de este servidor.',
  'gallery.optIn': () => 'Tus vídeos pueden volver a compartirse en la galería de este servidor.',
  'gallery.top.title': (p) => `Vídeos de la galería con más reacciones (${s(p, 'period')})`,
  'gallery.top.none': () => 'Todavía ningún vídeo de la galería tiene reacciones en este periodo.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — reacciones: ${s(p, 'count')}`,
  'gallery.period.day': () => 'hoy',
  'gallery.period.week': () => 'esta semana',
  'gallery.period.month': () => 'este mes',
  'gallery.period.all': () => 'desde siempre',
  'gallery.digest.title': () => 'Top 5 de la semana',
  'gallery.serverOnly': () => 'La galería es una función de servidor.',
};
