/** Brazilian Portuguese (pt-BR) texts, "você" as Discord's pt-BR UI; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const ptBR: Messages = {
  'model.unknown': (p) => `O modelo \`${s(p, 'value')}\` não existe. Escolha um destes: ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `O modelo \`${s(p, 'value')}\` está desativado neste servidor. Escolha um destes: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'O prompt está vazio. Descreva o vídeo que você quer.',
  'prompt.tooLong': (p) =>
    `O prompt tem ${s(p, 'length')} caracteres; ${s(p, 'model')} aceita no máximo ${s(p, 'max')}.`,
  'duration.range': (p) =>
    `A duração de ${s(p, 'value')} s não é possível em ${s(p, 'model')}: escolha um número inteiro de segundos de ${s(p, 'min')} a ${s(p, 'max')} (padrão: ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `A resolução \`${s(p, 'value')}\` não está disponível em ${s(p, 'model')}: permitido ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `A proporção \`${s(p, 'value')}\` não está disponível em ${s(p, 'model')}: permitido ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `A orientação \`${s(p, 'value')}\` não é válida: use landscape (paisagem) ou portrait (retrato).`,
  'orientation.conflict': (p) =>
    `A orientação ${s(p, 'orientation')} contradiz a proporção ${s(p, 'ratio')}; o serviço de vídeo dá prioridade à proporção, então escolha uma orientação que combine ou deixe a orientação em branco.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')} não aceita imagens de referência. Modelos que aceitam: ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `${s(p, 'count')} imagens de referência enviadas; ${s(p, 'model')} aceita no máximo ${s(p, 'max')}.`,
  'images.required': (p) =>
    `${s(p, 'model')} cria vídeo a partir de imagens: adicione pelo menos uma imagem de referência (até ${s(p, 'max')}).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} não aceita quadro inicial/final. Modelos que aceitam: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Imagens de referência e quadros inicial/final não podem ser usados juntos: use só um dos dois.',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')} precisa de um quadro inicial e de um quadro final no modo de quadros; um quadro só não é suportado.`,
  'frames.lastNeedsFirst': () => 'Um quadro final também precisa de um quadro inicial.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')} não aceita vídeos de referência. Modelos que aceitam: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) =>
    `${s(p, 'count')} vídeos de referência enviados; ${s(p, 'model')} aceita no máximo ${s(p, 'max')}.`,
  'videos.totalDuration': (p) => `Os vídeos de referência somam ${s(p, 'total')} s; o limite é ${s(p, 'max')} s.`,
  'videos.totalSize': (p) => `Os vídeos de referência somam ${s(p, 'total')}; o limite é ${s(p, 'max')}.`,
  'videos.resolution': (p) =>
    `O vídeo de referência ${s(p, 'name')} tem ${s(p, 'width')}×${s(p, 'height')}; o lado menor de cada vídeo precisa ter de ${s(p, 'min')} a ${s(p, 'max')} px.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')} não aceita áudio de referência. Modelos que aceitam: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) =>
    `${s(p, 'count')} áudios de referência enviados; ${s(p, 'model')} aceita no máximo ${s(p, 'max')}.`,
  'audios.alone': () =>
    'O áudio de referência não pode ser usado sozinho: adicione uma imagem de referência, um vídeo de referência ou quadros inicial/final.',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')} não aceita áudio de referência no modo de quadros: remova o áudio ou use imagens de referência no lugar dos quadros.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} só aceita mídia como IDs asset:// da análise de mídia do serviço de vídeo, não \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} não pode usar arquivos enviados (precisa de IDs asset:// analisados). Escolha um modelo que aceite envios, por exemplo ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} precisa de uma URL https:// pública, não \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}: use uma URL https:// pública ou um ID asset://, não \`${s(p, 'value')}\`.`,
  'media.contentType': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} é do tipo ${s(p, 'value')}; tipos aceitos: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) => `${s(p, 'field')}: ${s(p, 'name')} tem ${s(p, 'size')}; o limite é ${s(p, 'max')}.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} tem ${s(p, 'width')}×${s(p, 'height')} px; a análise de mídia do serviço de vídeo aceita imagens de ${s(p, 'min')} a ${s(p, 'max')} px em cada lado.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} tem ${s(p, 'width')}×${s(p, 'height')} (proporção ${s(p, 'ratio')}); a análise de mídia do serviço de vídeo aceita proporções de ${s(p, 'min')} a ${s(p, 'max')} (largura ÷ altura).`,
  'field.invalid': (p) => `${s(p, 'field')} não é válido: ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) =>
    `Seu pedido não foi enviado (${s(p, 'count')} ${Number(p.count) === 1 ? 'problema' : 'problemas'}); nada foi cobrado:`,
  'reply.limitRefused': (p) => `Não iniciado, nada foi cobrado: ${s(p, 'reason')}`,
  'task.title': () => 'Geração de vídeo',
  'task.field.model': () => 'Modelo',
  'task.field.params': () => 'Parâmetros',
  'task.field.references': () => 'Referências',
  'task.field.requester': () => 'Pedido por',
  'task.field.cost': () => 'Uso',
  'task.field.status': () => 'Status',
  'task.field.task': () => 'Tarefa',
  'task.field.elapsed': () => 'Tempo',
  'elapsed.seconds': (p) => `${s(p, 'seconds')} s`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')} min ${s(p, 'seconds')} s`,
  'task.cost.perTask': () => '1 vídeo, cobrado por vídeo',
  'task.cost.perSecond': (p) => `${s(p, 'units')} s de vídeo, cobrado por segundo`,
  'task.cost.estimate': (p) => `≈ ${s(p, 'amount')} (estimado)`,
  'task.refs.none': () => 'nenhuma (só texto)',
  'task.refs.images': (p) => `${s(p, 'count')} imagem(ns)`,
  'task.refs.frames': (p) => `quadros: ${s(p, 'which')}`,
  'task.refs.videos': (p) => `${s(p, 'count')} vídeo(s)`,
  'task.refs.audios': (p) => `${s(p, 'count')} áudio(s)`,
  'task.params': (p) => `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'proporção automática',
  'model.choice.images': () => 'img',
  'model.choice.frames': () => 'quadros',
  'model.choice.videos': () => 'vídeo',
  'model.choice.audios': () => 'áudio',
  'model.choice.perTask': () => 'por tarefa',
  'model.choice.perSecond': () => 'por segundo',
  'model.choice.reviewed': (p) => `${s(p, 'refs')} (com análise)`,
  'model.choice.assetOnly': () => 'só asset://',
  'model.choice.textOnly': () => 'texto',
  'status.accepted': () => '⏳ Aceito, enviando para o serviço de vídeo…',
  'status.submitting': () => '⏳ Enviando para o serviço de vídeo…',
  'status.reviewing': () => '🔎 O serviço de vídeo está analisando sua mídia…',
  'status.review_submitting': () => '🔎 O serviço de vídeo está analisando sua mídia…',
  'status.queued': () => '🕒 Enviado; o serviço de vídeo ainda não começou',
  'status.running': (p) =>
    `🎬 Renderizando${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')}%)` : ''}`,
  'status.delivering': () => '📤 Pronto, enviando o vídeo…',
  'status.preparing': () => '🎞️ Preparando o vídeo para o Discord…',
  'status.done': () => '✅ Concluído',
  'status.failed': () => '❌ Falhou',
  'status.timed_out': () => '⌛ Tempo esgotado',
  'status.uncertain': () => '⚠️ Resultado desconhecido',
  'status.waiting': (p) =>
    `🕒 Na fila — posição ${s(p, 'position')}${p.startsAt ? ` · deve começar <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'O serviço de vídeo recusou este pedido por causa do conteúdo. Mude o prompt ou as imagens (Remixar mantém o resto); o mesmo pedido seria recusado de novo. Não conta para os seus limites.',
  'failure.transient': (p) =>
    `O serviço de vídeo teve um problema temporário (${s(p, 'detail')}). Não conta para os seus limites; Tentar novamente costuma funcionar.`,
  'failure.quota': () =>
    'A conta do serviço de vídeo ficou sem saldo ou cota. Não conta para os seus limites, e o operador do bot recebeu um alerta.',
  'failure.invalid_input': (p) =>
    `O serviço de vídeo não conseguiu usar as entradas (${s(p, 'detail')}). Não conta para os seus limites.`,
  'failure.unknown': (p) => `O serviço de vídeo informou uma falha: ${s(p, 'detail')}. Não conta para os seus limites.`,
  'failure.upstream_unavailable': (p) =>
    `Não foi possível acessar o serviço de vídeo (${s(p, 'detail')}). Nada foi criado e não conta para os seus limites; tente de novo daqui a um minuto.`,
  'failure.auth': () =>
    'O bot não conseguiu entrar no serviço de vídeo (a chave de API foi recusada). Não conta para os seus limites; avise um administrador do servidor.',
  'failure.invalid_request': (p) =>
    `O serviço de vídeo rejeitou o pedido: ${s(p, 'detail')}. Não conta para os seus limites.`,
  'failure.uncertain': () =>
    'O bot perdeu o controle deste pedido enquanto o enviava, então não tem como saber se o serviço de vídeo criou um vídeo; se criou, ele não aparecerá aqui. O bot nunca reenvia um pedido por conta própria, e isso não conta para os seus limites. Tentar novamente envia como um pedido novo.',
  'failure.timed_out': (p) =>
    `Nenhum resultado depois de ${s(p, 'minutes')} minutos, então o bot parou de esperar. Não conta para os seus limites.`,
  'failure.not_found': () =>
    'O serviço de vídeo não reconhece mais esta tarefa, então nenhum vídeo vai chegar. Não conta para os seus limites; Tentar novamente começa de novo.',
  'failure.no_video': () =>
    'O serviço de vídeo disse que a tarefa terminou, mas não entregou nenhum vídeo. Não conta para os seus limites; Tentar novamente costuma funcionar.',
  'failure.cancelled': (p) =>
    `O serviço de vídeo cancelou esta tarefa ou ela expirou (${s(p, 'detail')}). Não conta para os seus limites; Tentar novamente começa de novo.`,
  'failure.restart_stale': () =>
    'O bot reiniciou antes de conseguir enviar este pedido, e ele está antigo demais para ser enviado agora. Nada foi criado e não conta para os seus limites; use Tentar novamente.',
  'failure.reply_failed': () =>
    'O Discord não deixou o bot responder a este pedido, então nada foi enviado ao serviço de vídeo. Não conta para os seus limites.',
  'failure.message_deleted': () =>
    'O vídeo foi criado, mas a mensagem dele foi excluída e o bot não consegue te mandar uma mensagem direta. Não conta para os seus limites.',
  'failure.undeliverable': () =>
    'O vídeo foi criado, mas o Discord não deixou o bot publicá-lo em lugar nenhum, nem por mensagem direta. Não conta para os seus limites.',
  'failure.account_unavailable': () =>
    'A conta de vídeo do bot está indisponível agora (as chaves de API foram recusadas ou ficaram sem saldo). Nada foi criado e não conta para os seus limites; avise um administrador do servidor.',
  'failure.review_failed': (p) =>
    `A análise de mídia do serviço de vídeo recusou ${s(p, 'file')}: ${s(p, 'detail')}. Nada foi criado e não conta para os seus limites. Use outro arquivo; enviar o mesmo de novo será recusado outra vez.`,
  'failure.review_timeout': (p) =>
    `A análise de mídia do serviço de vídeo não terminou em ${s(p, 'minutes')} minutos, então o bot parou de esperar. Nada foi criado e não conta para os seus limites; Tentar novamente reinicia a análise.`,
  'failure.member_cancelled': () =>
    'Cancelado enquanto esperava na fila. Nada foi enviado ao serviço de vídeo e não conta para os seus limites.',
  'button.reroll': () => 'Gerar de novo',
  'button.retry': () => 'Tentar novamente',
  'button.delete': () => 'Excluir',
  'button.cancel': () => 'Cancelar',
  'button.cancelDenied': () =>
    'Só o membro que pediu este vídeo, ou alguém com a permissão Gerenciar mensagens, pode cancelá-lo.',
  'button.cancelTooLate': () =>
    'Este pedido já saiu da fila e foi enviado ao serviço de vídeo, que não permite cancelá-lo.',
  'button.open': () => 'Abrir vídeo',
  'button.remix': () => 'Remixar',
  'button.extend': () => 'Continuar',
  'button.extendUnavailable': () =>
    'O modelo deste vídeo não pode começar a partir de um quadro, então ele não pode ser continuado. Use Remixar ou um novo /video.',
  'modal.remix.title': () => 'Remixar este vídeo',
  'modal.extend.title': () => 'Continuar: a próxima cena',
  'modal.field.prompt': () => 'Prompt',
  'modal.field.extendPrompt': () => 'Prompt da próxima cena',
  'modal.field.duration': (p) => `Duração em segundos (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Proporção (ex.: 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Pegando o último quadro do vídeo para a próxima cena…',
  'extend.frameCaption': (p) => `Último quadro de \`${s(p, 'id')}\`: o quadro inicial da próxima cena.`,
  'extend.videoGone': () =>
    'O serviço de vídeo não tem mais este vídeo (ele guarda os vídeos por cerca de 3 dias), então o último quadro não pode ser obtido. Nada foi cobrado.',
  'extend.noEncoder': () =>
    'Continuar não está disponível neste bot agora (precisa do ffmpeg). Nada foi cobrado; use Remixar.',
  'extend.framePostFailed': () =>
    'O bot não conseguiu publicar o quadro neste canal (precisa das permissões Enviar mensagens e Anexar arquivos). Nada foi cobrado.',
  'task.field.parent': () => 'Origem',
  'task.parent.reroll': (p) => `Nova geração de ${s(p, 'task')}`,
  'task.parent.retry': (p) => `Nova tentativa de ${s(p, 'task')}`,
  'task.parent.remix': (p) => `Remix de ${s(p, 'task')}`,
  'task.parent.extend': (p) => `Continua ${s(p, 'task')}`,
  'button.deleteDenied': () =>
    'Só o membro que pediu este vídeo, ou alguém com a permissão Gerenciar mensagens, pode excluí-lo.',
  'button.deleted': () => 'Excluído.',
  'button.unknownTask': () => 'O bot não conhece mais esta tarefa.',
  'button.mediaExpired': () =>
    'As imagens ou clipes deste pedido não estão mais disponíveis no Discord. Comece um novo /video e envie tudo de novo; nada foi cobrado.',
  'button.reviewFailed': () =>
    'A análise de mídia do serviço de vídeo recusou um arquivo deste pedido, então ele não pode ser enviado de novo como está. Comece um novo /video com outro arquivo.',
  'button.notFinished': () => 'Esta tarefa ainda não terminou.',
  'tasks.none': () => 'Você ainda não tem tarefas. Comece uma com /video.',
  'tasks.recentTitle': () => 'Suas tarefas recentes',
  'tasks.notFound': (p) => `Nenhuma tarefa \`${s(p, 'id')}\` que você possa ver.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `O vídeo (${s(p, 'reason')}) está no botão Abrir vídeo. O serviço de vídeo guarda o arquivo por cerca de 3 dias: salve-o se quiser mantê-lo.`,
  'delivery.reason.tooLarge': (p) => `maior que o limite de envio de ${s(p, 'limit')} deste servidor`,
  'delivery.reason.fetchFailed': () => 'não pôde ser baixado para o envio',
  'delivery.reason.cannotFit': (p) =>
    `não pôde ficar pequeno o bastante para o limite de envio de ${s(p, 'limit')} deste servidor`,
  'delivery.fitted': (p) =>
    `Reduzido para caber no limite de envio de ${s(p, 'limit')} deste servidor. O vídeo em qualidade original está no botão Abrir vídeo até <t:${s(p, 'expiresAt')}:f>.`,
  'delivery.reason.notFetched': () => 'o endereço dele não é um dos que o bot pode baixar, então não foi enviado',
  'delivery.reason.uploadFailed': () => 'o Discord não aceitou o envio',
  'delivery.dmReady': () => 'Seu vídeo está pronto. A mensagem dele no servidor não existe mais, então aqui está ele.',
  'notice.ended': (p) => `<@${s(p, 'user')}> seu pedido de vídeo terminou sem vídeo.`,
  'notice.dmEnded': () =>
    'Seu pedido de vídeo terminou sem vídeo. A mensagem dele no servidor não existe mais, então aqui está o que aconteceu.',
  'list.more': (p) => `…e mais ${s(p, 'count')}`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> seu vídeo está pronto.`,
  'task.field.video': () => 'Vídeo',
  'limit.cooldown': (p) => `espere ${s(p, 'seconds')} s entre vídeos (tente de novo <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p) =>
    `você já tem ${s(p, 'used')} de ${s(p, 'limit')} vídeos renderizando; espere um terminar.`,
  'limit.guild_running': (p) =>
    `este servidor já tem ${s(p, 'used')} de ${s(p, 'limit')} vídeos renderizando; tente de novo quando um terminar.`,
  'limit.member_running_zero': () =>
    'nenhum vídeo pode ser criado para você neste servidor: seu limite “Vídeos renderizando ao mesmo tempo por membro” está em 0. Fale com um administrador do servidor.',
  'limit.guild_running_zero': () =>
    'nenhum vídeo pode ser criado neste servidor: o limite “Vídeos renderizando ao mesmo tempo no servidor” está em 0. Fale com um administrador do servidor.',
  'limit.member_daily_tasks': (p) =>
    `você usou ${s(p, 'used')} dos seus ${s(p, 'limit')} vídeos de hoje; renova <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p) =>
    `este servidor usou ${s(p, 'used')} dos seus ${s(p, 'limit')} vídeos de hoje; renova <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p) =>
    `este servidor usou ${s(p, 'used')} dos seus ${s(p, 'limit')} vídeos deste mês; renova <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p) =>
    `este servidor usou ${s(p, 'used')} dos seus ${s(p, 'limit')} segundos de vídeo deste mês e este precisa de ${s(p, 'needed')}; renova <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'a geração por mensagem direta está desativada; use o bot em um servidor.',
  'limit.blocked': (p) => `o prompt contém “${s(p, 'term')}”, que este servidor não permite.`,
  'limit.guild_queue': (p) =>
    `todas as vagas de renderização estão ocupadas e a fila deste servidor está cheia (${s(p, 'used')} de ${s(p, 'limit')} esperando); tente de novo quando ela andar.`,
  'limit.guild_monthly_spend': (p) =>
    `este servidor gastou cerca de ${s(p, 'used')} dos seus ${s(p, 'limit')} este mês e este vídeo custaria ${s(p, 'needed')}; renova <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    'a conta de vídeo do bot está indisponível agora (as chaves de API foram recusadas ou ficaram sem saldo). Avise um administrador do servidor.',
  'limit.member_queue': (p) =>
    `seus vídeos estão renderizando e você já tem ${s(p, 'used')} de ${s(p, 'limit')} pedidos esperando na fila.`,
  'policy.channel': (p) => `neste servidor, vídeos só podem ser criados em ${s(p, 'channels')}.`,
  'policy.role': (p) => `neste servidor, só membros com ${s(p, 'role')} podem criar vídeos.`,
  'admin.denied': () => 'Só membros com a permissão Gerenciar servidor podem alterar estas configurações.',
  'admin.saved': (p) => `Salvo: ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `canais de geração + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `canais de geração − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'vídeos podem ser criados em todos os canais',
  'admin.change.modelEnabled': (p) => `modelo \`${s(p, 'model')}\` ativado`,
  'admin.change.modelDisabled': (p) => `modelo \`${s(p, 'model')}\` desativado`,
  'admin.change.defaults': (p) => `padrões: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `padrões limpos e depois: ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `fuso horário = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `só membros com ${s(p, 'role')} podem criar vídeos`,
  'admin.change.roleEveryone': () => 'todos os membros podem criar vídeos',
  'admin.change.blocklistAdded': (p) => `lista de bloqueio + “${s(p, 'term')}”`,
  'admin.change.blocklistRemoved': (p) => `lista de bloqueio − “${s(p, 'term')}”`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` não é um limite: use um número inteiro, none (sem limite) ou default (padrão).`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` não é um fuso horário: use um nome IANA como UTC, America/Sao_Paulo ou Europe/Lisbon.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` não é um ID de modelo.`,
  'admin.needChannel': () => 'Escolha um canal para adicionar ou remover.',
  'admin.badTerm': () => 'Um termo bloqueado precisa ter de 1 a 100 caracteres.',
  'admin.blocklistFull': (p) =>
    `A lista de bloqueio já tem ${s(p, 'value')} termos, o máximo por servidor: remova um antes de adicionar outro.`,
  'admin.termUnknown': (p) => `“${s(p, 'value')}” não está na lista de bloqueio.`,
  'admin.blocklist.added': (p) =>
    `“${s(p, 'term')}” adicionado à lista de bloqueio de prompts (${s(p, 'count')} de ${s(p, 'max')} termos).`,
  'admin.blocklist.removed': (p) =>
    `“${s(p, 'term')}” removido da lista de bloqueio de prompts (${s(p, 'count')} de ${s(p, 'max')} termos).`,
  'admin.blocklist.title': (p) => `Termos bloqueados em prompts (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'Nenhum termo está bloqueado em prompts neste servidor.',
  'admin.show.blocklist': (p) => `Termos bloqueados: ${s(p, 'count')}`,
  'admin.show.title': () => 'Configurações de geração de vídeo',
  'admin.show.limits': () => 'Limites',
  'admin.show.where': () => 'Onde e quem',
  'admin.show.models': () => 'Modelos',
  'admin.show.defaults': () => 'Padrões',
  'admin.show.everywhere': () => 'todos os canais',
  'admin.show.everyone': () => 'todos',
  'admin.show.noLimit': () => 'sem limite',
  'admin.show.fromDefault': () => '(padrão do bot)',
  'admin.show.allModels': () => 'todos os modelos ativados',
  'admin.show.disabled': (p) => `desativados: ${s(p, 'list')}`,
  'admin.show.none': () => 'nada definido',
  'limit.label.guild_daily_tasks': () => 'Vídeos do servidor por dia',
  'limit.label.guild_monthly_tasks': () => 'Vídeos do servidor por mês',
  'limit.label.guild_monthly_seconds': () => 'Segundos de vídeo do servidor por mês',
  'limit.label.member_daily_tasks': () => 'Vídeos por membro por dia',
  'limit.label.member_running': () => 'Vídeos renderizando ao mesmo tempo por membro',
  'limit.label.guild_running': () => 'Vídeos renderizando ao mesmo tempo no servidor',
  'limit.label.cooldown_seconds': () => 'Intervalo entre pedidos (s)',
  'limit.label.guild_queue': () => 'Pedidos esperando na fila do servidor',
  'limit.label.member_queue': () => 'Pedidos esperando na fila por membro',
  'limit.label.guild_monthly_spend': () => 'Gasto estimado do servidor por mês',
  'usage.title': () => 'Uso de vídeo',
  'usage.you': () => 'Você',
  'usage.server': () => 'Este servidor',
  'usage.line': (p) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · renova <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p) =>
    `Este mês: ${s(p, 'perTask')} vídeos cobrados por tarefa, ${s(p, 'perSecond')} s de vídeo cobrado por segundo.`,
  'usage.membersTitle': (p) => `Uso por membro, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>: ${s(p, 'tasks')} vídeos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p) => `⚠️ ${s(p, 'count')} recusados pelo conteúdo`,
  'usage.noMembers': () => 'Ninguém criou um vídeo este mês.',
  'usage.queued': (p) => `Esperando na fila: ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(pelo cargo <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Limites por cargo',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\` (posição ${s(p, 'position')})`,
  'usage.more': (p) => `…e mais ${s(p, 'count')} (use csv: True para a lista completa).`,
  'usage.spend': (p) => `Gasto estimado este mês: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `Vídeos por dia nos últimos 30 dias (${s(p, 'zone')}): ${s(p, 'total')} no total, ${s(p, 'month')} este mês.`,
  'usage.chart.title': () => 'Vídeos por dia, últimos 30 dias',
  'usage.chart.perDay': () => 'vídeos por dia',
  'usage.chart.monthSoFar': () => 'este mês até agora (eixo direito)',
  'usage.chart.cap': (p) => `limite mensal: ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => 'vídeos neste mês, acumulado',
  'usage.chart.family.manxue': () => 'Manxue completo',
  'usage.chart.family.manxue-fast': () => 'Manxue rápido',
  'usage.chart.family.manxue-video': () => 'Manxue com vídeo de referência',
  'usage.chart.family.manxue-video-fast': () => 'Manxue com vídeo de referência rápido',
  'usage.chart.family.sp-economy': () => 'SP econômico',
  'usage.chart.family.sp-official': () => 'SP oficial',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini especial',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Imagem para vídeo rápido',
  'usage.chart.family.std': () => 'Padrão',
  'usage.chart.family.other': () => 'outros modelos',
  'error.generic': () => 'Algo deu errado do nosso lado; nada foi cobrado. Tente de novo.',
  'error.guildOnly': () => 'Este comando só funciona em servidores.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) => `o prompt contém “${s(p, 'term')}”, que este bot não permite em lugar nenhum.`,
  'limit.user_install_disabled': () =>
    'este bot só aceita pedidos nos servidores que o adicionaram (e nas mensagens diretas com ele); adicione-o a um servidor para usá-lo lá.',
  'limit.user_monthly_spend': (p) =>
    `o seu gasto deste mês fora dos servidores que adicionaram o bot é ${s(p, 'used')} de ${s(p, 'limit')}; este vídeo somaria ${s(p, 'needed')}. Renova <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'O bot não está nesta conversa, então este cartão só é atualizado por 15 minutos; se o seu vídeo demorar mais, ele chega por mensagem direta.',
  'usage.userScope': () => 'O seu uso próprio (servidores sem o bot, DMs em grupo)',
  'usage.serverOnly': () => 'Isto só funciona em um servidor que adicionou o bot.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) => `**Fila deste servidor**: ${s(p, 'running')} renderizando, ${s(p, 'waiting')} aguardando`,
  'admin.queue.running': () => 'Renderizando agora',
  'admin.queue.waiting': () => 'Aguardando uma vaga',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · começou ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · pedido ${s(p, 'since')}${p.startsAt ? ` · início previsto <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'Nada está renderizando nem aguardando neste servidor.',
  'admin.queue.more': (p) => `…e mais ${s(p, 'count')}`,
  'admin.queue.cancel': (p) => `Cancelar ${s(p, 'position')}`,
  'admin.queue.cancelHint': () =>
    'Cancelar tira da fila um pedido em espera e devolve o uso; o cartão do membro mostra isso.',
  'admin.queue.moderatorsOnly': () => 'Só membros com a permissão Gerenciar mensagens podem cancelar pedidos aqui.',
  'admin.queue.cancelled': (p) =>
    `\`${s(p, 'id')}\` de ${s(p, 'user')} foi cancelado: nunca foi enviado ao serviço de vídeo e o uso foi devolvido.`,
  'tasks.pick.waiting': () => '🕒 aguardando',
  'tasks.pick.working': () => '⏳ em andamento',
  'tasks.pick.done': () => '✅ concluído',
  'tasks.pick.failed': () => '❌ falhou',
  'tasks.pick.timedOut': () => '⌛ tempo esgotado',
  'tasks.pick.uncertain': () => '⚠️ resultado desconhecido',
  'tasks.pick.noPrompt': () => '(sem prompt)',
  'extend.userInstall': () =>
    'Continuar precisa do bot neste servidor (ele publica o último quadro no canal). Use onde o bot foi adicionado ou nas mensagens diretas com ele.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Suas configurações',
  'settings.defaults': () => 'Seus padrões (usados pelo /video no que você não informar)',
  'settings.label.model': () => 'Modelo',
  'settings.label.ratio': () => 'Proporção',
  'settings.label.resolution': () => 'Resolução',
  'settings.label.duration': () => 'Duração',
  'settings.line': (p) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} s`,
  'settings.none': () => 'nenhum definido: valem os padrões do servidor',
  'settings.offHere': () => '(desativado neste servidor: ignorado aqui)',
  'settings.order': () => 'Ordem: o que você digita no /video › seus padrões › os do servidor › os do modelo.',
  'settings.notify.on': () => '🔔 DM quando um vídeo seu terminar ou falhar: **ligado**',
  'settings.notify.off': () => '🔕 DM quando um vídeo seu terminar ou falhar: **desligado**',
  'settings.saved': () => 'Seus padrões foram salvos.',
  'settings.cleared': () => 'Seus padrões foram apagados.',
  'settings.nothing': () => 'Informe pelo menos um valor (modelo, proporção, resolução, duração) ou reset: True.',
  'settings.notifySaved.on': () =>
    'Você vai receber uma mensagem direta com o link quando um vídeo seu terminar ou falhar (suas mensagens diretas precisam estar abertas para o bot).',
  'settings.notifySaved.off': () => 'Você não vai mais receber mensagem direta quando um vídeo seu terminar.',
  'settings.yourDefault': () => '★ seu padrão',
  'task.field.memberDefaults': () => 'Seu padrão',
  'notify.done': (p) => `✅ Seu vídeo \`${s(p, 'id')}\` está pronto: “${s(p, 'prompt')}”`,
  'notify.video': (p) => `Vídeo: ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ Seu pedido de vídeo \`${s(p, 'id')}\` terminou sem vídeo: “${s(p, 'prompt')}”`,
  'notify.card': (p) => `Cartão: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'Como criar vídeos',
  'help.make.title': () => 'Criar um vídeo',
  'help.make.text': () => '**Só texto**: `/video text prompt: uma raposa vermelha correndo na neve fresca`',
  'help.make.images': () =>
    '**A partir de imagens**: `/video images prompt: o gato começa a dançar image1: (sua imagem)`',
  'help.make.frames': () =>
    '**Quadro inicial e final**: `/video frames prompt: nascer do sol sobre a cidade first_frame: (imagem) last_frame: (imagem)`',
  'help.make.references': () =>
    '**A partir de um vídeo de referência**: `/video references prompt: o mesmo movimento de câmera, à noite video1: (clipe)`',
  'help.make.options': () =>
    'Adicione `model:`, `duration:`, `ratio:` ou `resolution:` a qualquer um; o que você deixar de fora vem das suas /settings e depois do servidor.',
  'help.make.buttons': () =>
    'No cartão: **Gerar de novo** (o mesmo pedido outra vez), **Tentar novamente** (após uma falha), **Remixar** (editar prompt, duração, proporção), **Continuar** (próxima cena a partir do último quadro), **Cancelar** (enquanto está na fila), **Excluir**.',
  'help.models.title': (p) => `Modelos: ${s(p, 'family')}`,
  'help.models.ids': () => 'IDs dos modelos',
  'help.models.durations': () => 'Duração',
  'help.models.resolutions': () => 'Resolução',
  'help.models.ratios': () => 'Proporções',
  'help.models.references': () => 'Referências',
  'help.models.billing': () => 'Cobrança',
  'help.models.line': (p) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}–${s(p, 'max')} s (padrão ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')} (fixa)`,
  'help.models.perTask': () => 'por tarefa',
  'help.models.perSecond': () => 'por segundo de vídeo',
  'help.refs.textOnly': () => 'só texto',
  'help.refs.images': (p) => `até ${s(p, 'max')} imagens`,
  'help.refs.imagesRequired': (p) => `de 1 a ${s(p, 'max')} imagens (obrigatório)`,
  'help.refs.frames': () => 'quadro inicial (final opcional)',
  'help.refs.framesBoth': () => 'quadro inicial e final juntos',
  'help.refs.videos': (p) => `até ${s(p, 'max')} vídeos (${s(p, 'seconds')} s no total)`,
  'help.refs.audios': (p) => `até ${s(p, 'max')} clipes de áudio`,
  'help.refs.reviewed': () => 'os envios passam antes pela análise de mídia do serviço de vídeo',
  'help.refs.assetOnly': () => 'só IDs asset:// (sem envios)',
  'help.models.pick': () => 'Ver outra família de modelos…',
  'help.limits.title': () => 'Seus limites agora',
  'help.limits.daily': (p) =>
    `Vídeos restantes hoje: **${s(p, 'left')}** de ${s(p, 'limit')} (renova <t:${s(p, 'resetAt')}:R>)`,
  'help.limits.dailyNone': () => 'Vídeos por dia: sem limite',
  'help.limits.running': (p) => `Renderizando agora: **${s(p, 'used')}** de ${s(p, 'limit')} ao mesmo tempo`,
  'help.limits.runningNone': (p) => `Renderizando agora: **${s(p, 'used')}** (sem teto)`,
  'help.limits.spend': (p) => `Gasto estimado este mês: **${s(p, 'amount')}**${p.limit ? ` de ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Onde olhar depois',
  'help.next.body': () =>
    '`/usage me`: seu uso e todos os limites · `/tasks list`: seus vídeos recentes · `/settings`: seus padrões e avisos por DM',
  'help.admin.title': () => 'Para admins (Gerenciar servidor)',
  'help.admin.body': () =>
    '`/video-admin show` configurações e limites · `limit` e `role-limit` tetos · `channel` e `role` quem e onde · `model` ligar ou desligar modelos · `defaults` padrões do servidor · `blocklist` termos bloqueados · `timezone` renovações · `usage members` e `usage chart` relatórios · `queue` o que está renderizando e aguardando',
  'source.card.animate': (p) => `Animado a partir de ${s(p, 'message')}`,
  'source.card.references': (p) => `Referências de ${s(p, 'message')}`,
  'source.card.messageLink': () => 'esta mensagem',
  'source.help': () =>
    '**De qualquer mensagem**: Apps → **Animar** (a imagem dela inicia o vídeo) ou **Usar como referências** (as imagens e o vídeo dela)',
  'source.title.animate': () => 'Animar esta mensagem',
  'source.title.references': () => 'Usar como referências',
  'source.model.member': (p) => `Modelo: ${s(p, 'model')} (seu padrão)`,
  'source.model.server': (p) => `Modelo: ${s(p, 'model')} (o padrão deste servidor)`,
  'source.model.catalog': (p) =>
    `Modelo: ${s(p, 'model')} (o primeiro que aceita estes arquivos; o seu padrão não aceita)`,
  'source.field.pick': () => 'Qual imagem',
  'source.field.pickHelp': (p) => `Ela será usada como ${s(p, 'how')}`,
  'source.pick.firstFrame': () => 'quadro inicial',
  'source.pick.reference': () => 'imagem de referência',
  'source.pick.image': (p) => `Imagem ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p) => `Todas as ${s(p, 'count')} imagens como referências`,
  'source.noMedia.animate': () =>
    'Essa mensagem não tem imagem para animar (uma imagem anexada ou incorporada). Nada foi criado.',
  'source.noMedia.references': () =>
    'Essa mensagem não tem imagem nem vídeo para usar como referências. Nada foi criado.',
  'source.noModel': () => 'Nenhum modelo ativado aqui aceita os arquivos dessa mensagem. Nada foi criado.',
  'source.gone': () =>
    'Não foi possível ler essa mensagem de novo (ela foi excluída ou o bot não vê esse canal): abra o formulário de novo a partir da mensagem. Nada foi criado.',
  'source.mediaExpired': () =>
    'Não foi possível buscar de novo no Discord os arquivos dessa mensagem. Tente de novo daqui a pouco; nada foi criado.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'galeria desligada',
  'admin.change.galleryChannel': (p) => `galeria = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'galeria: todo vídeo concluído é compartilhado',
  'admin.change.galleryAutoOff': () => 'galeria: vídeos concluídos ganham um botão Compartilhar na galeria',
  'admin.change.galleryDigestOn': () => 'galeria: Top 5 da semana ligado',
  'admin.change.galleryDigestOff': () => 'galeria: Top 5 da semana desligado',
  'gallery.perm.ViewChannel': () => 'Ver canal',
  'gallery.perm.SendMessages': () => 'Enviar mensagens (Criar publicações em um fórum)',
  'gallery.perm.SendMessagesInThreads': () => 'Enviar mensagens em tópicos e publicações',
  'gallery.perm.AttachFiles': () => 'Anexar arquivos',
  'gallery.perm.EmbedLinks': () => 'Inserir links',
  'gallery.perm.ReadMessageHistory': () => 'Ver histórico de mensagens',
  'gallery.perm.ManageThreads': () => 'Gerenciar tópicos e publicações',
  'gallery.perm.ManageChannels': () => 'Gerenciar canais (para criar tags do fórum)',
  'gallery.admin.missing': (p) =>
    `A galeria não foi definida: o bot não tem estas permissões em <#${s(p, 'channel')}>: ${s(p, 'list')}. Conceda-as e tente de novo.`,
  'gallery.admin.notVisible': (p) =>
    `A galeria não foi definida: o bot não consegue ver <#${s(p, 'channel')}>. Dê a ele Ver canal lá e tente de novo.`,
  'admin.needGallery': () =>
    'Escolha primeiro o canal da galeria: `/video-admin gallery channel:<canal de fórum ou de texto>`.',
  'gallery.admin.badChannel': () => 'Escolha um canal de fórum ou um canal de texto para a galeria.',
  'gallery.admin.set': (p) => `Galeria: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'todo vídeo concluído é compartilhado',
  'gallery.admin.button': () => 'vídeos concluídos ganham um botão Compartilhar na galeria',
  'gallery.admin.off': () => 'Galeria desligada. As publicações já feitas continuam lá.',
  'gallery.admin.digestOn': () => 'O Top 5 da semana será publicado toda segunda-feira.',
  'gallery.admin.digestOff': () => 'Sem Top 5 semanal.',
  'gallery.admin.tagsFull': (p) =>
    `Observação: o fórum já tem ${s(p, 'count')} das 20 tags que o Discord permite; o bot reutiliza tags, mas não consegue adicionar as de modelo e proporção quando está cheio.`,
  'gallery.show.title': () => 'Galeria',
  'gallery.show.none': () => 'desligada',
  'gallery.show.deleted': (p) =>
    `desligada: o canal dela (${s(p, 'channel')}) foi excluído; defina um novo com /video-admin gallery`,
  'gallery.purge.none': (p) => `Nenhuma publicação da galeria tem um prompt que corresponda a “${s(p, 'term')}”.`,
  'gallery.purge.confirm': (p) =>
    `Publicações da galeria com prompt que corresponde a “${s(p, 'term')}”: ${s(p, 'count')}. Remover todos?`,
  'gallery.purge.button': () => 'Remover todas',
  'gallery.purge.done': (p) => `Publicações da galeria removidas: ${s(p, 'count')}.`,
  'gallery.post.requester': (p) => `por <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Cartão original',
  'gallery.post.use': () => 'Usar este prompt',
  'gallery.share': () => 'Compartilhar na galeria',
  'gallery.share.done': () => 'Compartilhado: o vídeo vai aparecer na galeria em instantes.',
  'gallery.share.denied': () => 'Só quem pediu ou membros com Gerenciar mensagens podem compartilhar este vídeo.',
  'gallery.share.optedOut': () => 'Quem pediu este vídeo não quer os próprios vídeos na galeria.',
  'gallery.share.already': () => 'Este vídeo já está na galeria.',
  'gallery.share.noGallery': () => 'Este servidor não tem galeria.',
  'gallery.share.notDone': () => 'Só vídeos concluídos podem ser compartilhados.',
  'gallery.optOut': () => 'Seus vídeos não serão compartilhados na galeria deste servidor.',
  'gallery.optIn': () => 'Seus vídeos podem voltar a ser compartilhados na galeria deste servidor.',
  'gallery.top.title': (p) => `Vídeos da galeria com mais reações (${s(p, 'period')})`,
  'gallery.top.none': () => 'Nenhum vídeo da galeria tem reações neste período ainda.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — reações: ${s(p, 'count')}`,
  'gallery.period.day': () => 'hoje',
  'gallery.period.week': () => 'esta semana',
  'gallery.period.month': () => 'este mês',
  'gallery.period.all': () => 'desde sempre',
  'gallery.digest.title': () => 'Top 5 da semana',
  'gallery.serverOnly': () => 'A galeria é um recurso de servidor.',
};
