/** French (fr) texts, "tu" as Discord's French UI, French spacing before : ; ? !; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const fr: Messages = {
  'model.unknown': (p) => `Le modèle \`${s(p, 'value')}\` n’existe pas. Choisis parmi : ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `Le modèle \`${s(p, 'value')}\` est désactivé sur ce serveur. Choisis parmi : ${s(p, 'allowed')}.`,
  'prompt.required': () => 'Le prompt est vide. Décris la vidéo que tu veux.',
  'prompt.tooLong': (p) =>
    `Le prompt fait ${s(p, 'length')} caractères ; ${s(p, 'model')} en accepte au plus ${s(p, 'max')}.`,
  'duration.range': (p) =>
    `Une durée de ${s(p, 'value')} s n’est pas possible avec ${s(p, 'model')} : choisis un nombre entier de secondes entre ${s(p, 'min')} et ${s(p, 'max')} (par défaut ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `La résolution \`${s(p, 'value')}\` n’est pas disponible avec ${s(p, 'model')} : valeurs possibles ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `Le format d’image \`${s(p, 'value')}\` n’est pas disponible avec ${s(p, 'model')} : valeurs possibles ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `L’orientation \`${s(p, 'value')}\` n’est pas valide : utilise landscape (paysage) ou portrait.`,
  'orientation.conflict': (p) =>
    `L’orientation ${s(p, 'orientation')} contredit le format d’image ${s(p, 'ratio')} ; le service vidéo donne la priorité au format, alors choisis une orientation qui correspond ou laisse l’orientation vide.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')} n’accepte pas d’images de référence. Modèles qui les acceptent : ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `${s(p, 'count')} images de référence fournies ; ${s(p, 'model')} en accepte au plus ${s(p, 'max')}.`,
  'images.required': (p) =>
    `${s(p, 'model')} crée une vidéo à partir d’images : ajoute au moins une image de référence (jusqu’à ${s(p, 'max')}).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} n’accepte pas d’image de début ou de fin. Modèles qui les acceptent : ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Les images de référence et les images de début/fin ne peuvent pas être utilisées ensemble : choisis l’un ou l’autre.',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')} a besoin d’une image de début et d’une image de fin en mode images clés ; une seule image ne suffit pas.`,
  'frames.lastNeedsFirst': () => 'Une image de fin nécessite aussi une image de début.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')} n’accepte pas de vidéos de référence. Modèles qui les acceptent : ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) =>
    `${s(p, 'count')} vidéos de référence fournies ; ${s(p, 'model')} en accepte au plus ${s(p, 'max')}.`,
  'videos.totalDuration': (p) =>
    `Les vidéos de référence durent ${s(p, 'total')} s au total ; la limite est de ${s(p, 'max')} s.`,
  'videos.totalSize': (p) =>
    `Les vidéos de référence pèsent ${s(p, 'total')} au total ; la limite est de ${s(p, 'max')}.`,
  'videos.resolution': (p) =>
    `La vidéo de référence ${s(p, 'name')} fait ${s(p, 'width')}×${s(p, 'height')} ; le petit côté de chaque vidéo doit faire entre ${s(p, 'min')} et ${s(p, 'max')} px.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')} n’accepte pas d’audio de référence. Modèles qui l’acceptent : ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) =>
    `${s(p, 'count')} extraits audio de référence fournis ; ${s(p, 'model')} en accepte au plus ${s(p, 'max')}.`,
  'audios.alone': () =>
    'L’audio de référence ne peut pas être utilisé seul : ajoute une image de référence, une vidéo de référence ou des images de début/fin.',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')} n’accepte pas d’audio de référence en mode images clés : retire l’audio ou utilise des images de référence à la place.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')} : ${s(p, 'model')} n’accepte les médias que sous forme d’identifiants asset:// issus de la vérification des médias du service vidéo, pas \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')} : ${s(p, 'model')} ne peut pas utiliser de fichiers envoyés (il lui faut des identifiants asset:// vérifiés). Choisis un modèle qui accepte les envois, par exemple ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')} : ${s(p, 'model')} a besoin d’une URL https:// publique, pas \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')} : utilise une URL https:// publique ou un identifiant asset://, pas \`${s(p, 'value')}\`.`,
  'media.contentType': (p) =>
    `${s(p, 'field')} : ${s(p, 'name')} est de type ${s(p, 'value')} ; types acceptés : ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) => `${s(p, 'field')} : ${s(p, 'name')} pèse ${s(p, 'size')} ; la limite est de ${s(p, 'max')}.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')} : ${s(p, 'name')} fait ${s(p, 'width')}×${s(p, 'height')} px ; la vérification des médias du service vidéo accepte des images de ${s(p, 'min')} à ${s(p, 'max')} px de côté.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')} : ${s(p, 'name')} fait ${s(p, 'width')}×${s(p, 'height')} (format ${s(p, 'ratio')}) ; la vérification des médias du service vidéo accepte des formats de ${s(p, 'min')} à ${s(p, 'max')} (largeur ÷ hauteur).`,
  'field.invalid': (p) => `${s(p, 'field')} n’est pas valide : ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) =>
    `Ta demande n’a pas été envoyée (${s(p, 'count')} ${Number(p.count) === 1 ? 'problème' : 'problèmes'}) ; rien n’a été décompté :`,
  'reply.limitRefused': (p) => `Non lancée, rien n’a été décompté : ${s(p, 'reason')}`,
  'task.title': () => 'Génération de vidéo',
  'task.field.model': () => 'Modèle',
  'task.field.params': () => 'Paramètres',
  'task.field.references': () => 'Références',
  'task.field.requester': () => 'Demandée par',
  'task.field.cost': () => 'Utilisation',
  'task.field.status': () => 'Statut',
  'task.field.task': () => 'Tâche',
  'task.field.elapsed': () => 'Durée',
  'elapsed.seconds': (p) => `${s(p, 'seconds')} s`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')} min ${s(p, 'seconds')} s`,
  'task.cost.perTask': () => '1 vidéo, facturée à la vidéo',
  'task.cost.perSecond': (p) => `${s(p, 'units')} s de vidéo, facturées à la seconde`,
  'task.cost.estimate': (p) => `≈ ${s(p, 'amount')} (estimation)`,
  'task.refs.none': () => 'aucune (texte seul)',
  'task.refs.images': (p) => `${s(p, 'count')} image(s)`,
  'task.refs.frames': (p) => `images clés : ${s(p, 'which')}`,
  'task.refs.videos': (p) => `${s(p, 'count')} vidéo(s)`,
  'task.refs.audios': (p) => `${s(p, 'count')} extrait(s) audio`,
  'task.params': (p) => `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'format auto',
  'model.choice.images': () => 'img',
  'model.choice.frames': () => 'images clés',
  'model.choice.videos': () => 'vidéo',
  'model.choice.audios': () => 'audio',
  'model.choice.perTask': () => 'à la tâche',
  'model.choice.perSecond': () => 'à la seconde',
  'model.choice.reviewed': (p) => `${s(p, 'refs')} (vérifiés)`,
  'model.choice.assetOnly': () => 'asset:// seulement',
  'model.choice.textOnly': () => 'texte',
  'status.accepted': () => '⏳ Acceptée, envoi au service vidéo…',
  'status.submitting': () => '⏳ Envoi au service vidéo…',
  'status.reviewing': () => '🔎 Le service vidéo vérifie tes médias…',
  'status.review_submitting': () => '🔎 Le service vidéo vérifie tes médias…',
  'status.queued': () => '🕒 Envoyée ; le service vidéo ne l’a pas encore commencée',
  'status.running': (p) =>
    `🎬 Rendu en cours${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')} %)` : ''}`,
  'status.delivering': () => '📤 Terminé, envoi de la vidéo…',
  'status.preparing': () => '🎞️ Préparation de la vidéo pour Discord…',
  'status.done': () => '✅ Terminé',
  'status.failed': () => '❌ Échec',
  'status.timed_out': () => '⌛ Délai dépassé',
  'status.uncertain': () => '⚠️ Résultat inconnu',
  'status.waiting': (p) =>
    `🕒 En file d’attente — position ${s(p, 'position')}${p.startsAt ? ` · début prévu <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'Le service vidéo a refusé cette demande à cause de son contenu. Modifie le prompt ou les images (Remixer garde le reste) ; la même demande serait de nouveau refusée. Cela ne compte pas dans tes limites.',
  'failure.transient': (p) =>
    `Le service vidéo a eu un problème temporaire (${s(p, 'detail')}). Cela ne compte pas dans tes limites ; Réessayer fonctionne généralement.`,
  'failure.quota': () =>
    'Le compte du service vidéo n’a plus de solde ou de quota. Cela ne compte pas dans tes limites, et l’opérateur du bot a reçu une alerte.',
  'failure.invalid_input': (p) =>
    `Le service vidéo n’a pas pu utiliser les fichiers fournis (${s(p, 'detail')}). Cela ne compte pas dans tes limites.`,
  'failure.unknown': (p) =>
    `Le service vidéo a signalé un échec : ${s(p, 'detail')}. Cela ne compte pas dans tes limites.`,
  'failure.upstream_unavailable': (p) =>
    `Le service vidéo est injoignable (${s(p, 'detail')}). Rien n’a été créé et cela ne compte pas dans tes limites ; réessaie dans une minute.`,
  'failure.auth': () =>
    'Le bot n’a pas pu se connecter au service vidéo (sa clé API a été refusée). Cela ne compte pas dans tes limites ; préviens un administrateur du serveur.',
  'failure.invalid_request': (p) =>
    `Le service vidéo a rejeté la demande : ${s(p, 'detail')}. Cela ne compte pas dans tes limites.`,
  'failure.uncertain': () =>
    'Le bot a perdu la trace de cette demande pendant l’envoi, il ne peut donc pas savoir si le service vidéo a créé une vidéo ; si c’est le cas, elle n’apparaîtra pas ici. Le bot ne renvoie jamais une demande de lui-même, et cela ne compte pas dans tes limites. Réessayer l’envoie comme une nouvelle demande.',
  'failure.timed_out': (p) =>
    `Aucun résultat après ${s(p, 'minutes')} minutes, le bot a donc arrêté d’attendre. Cela ne compte pas dans tes limites.`,
  'failure.not_found': () =>
    'Le service vidéo ne connaît plus cette tâche, aucune vidéo n’arrivera donc. Cela ne compte pas dans tes limites ; Réessayer la relance.',
  'failure.no_video': () =>
    'Le service vidéo a indiqué que la tâche était terminée, mais sans fournir de vidéo. Cela ne compte pas dans tes limites ; Réessayer fonctionne généralement.',
  'failure.cancelled': (p) =>
    `Le service vidéo a annulé cette tâche ou elle a expiré (${s(p, 'detail')}). Cela ne compte pas dans tes limites ; Réessayer la relance.`,
  'failure.restart_stale': () =>
    'Le bot a redémarré avant de pouvoir envoyer cette demande, et elle est trop ancienne pour être envoyée maintenant. Rien n’a été créé et cela ne compte pas dans tes limites ; utilise Réessayer.',
  'failure.reply_failed': () =>
    'Discord n’a pas laissé le bot répondre à cette demande, donc rien n’a été envoyé au service vidéo. Cela ne compte pas dans tes limites.',
  'failure.message_deleted': () =>
    'La vidéo a été créée, mais son message a été supprimé et le bot ne peut pas t’envoyer de message privé. Cela ne compte pas dans tes limites.',
  'failure.undeliverable': () =>
    'La vidéo a été créée, mais Discord n’a laissé le bot la publier nulle part, pas même en message privé. Cela ne compte pas dans tes limites.',
  'failure.account_unavailable': () =>
    'Le compte vidéo du bot est indisponible pour le moment (ses clés API ont été refusées ou n’ont plus de solde). Rien n’a été créé et cela ne compte pas dans tes limites ; préviens un administrateur du serveur.',
  'failure.review_failed': (p) =>
    `La vérification des médias du service vidéo a refusé ${s(p, 'file')} : ${s(p, 'detail')}. Rien n’a été créé et cela ne compte pas dans tes limites. Utilise un autre fichier ; le même serait de nouveau refusé.`,
  'failure.review_timeout': (p) =>
    `La vérification des médias du service vidéo ne s’est pas terminée en ${s(p, 'minutes')} minutes, le bot a donc arrêté d’attendre. Rien n’a été créé et cela ne compte pas dans tes limites ; Réessayer relance la vérification.`,
  'failure.member_cancelled': () =>
    'Annulée pendant l’attente dans la file. Rien n’a été envoyé au service vidéo et cela ne compte pas dans tes limites.',
  'button.reroll': () => 'Régénérer',
  'button.retry': () => 'Réessayer',
  'button.delete': () => 'Supprimer',
  'button.cancel': () => 'Annuler',
  'button.cancelDenied': () =>
    'Seul le membre qui a demandé cette vidéo, ou quelqu’un avec la permission Gérer les messages, peut l’annuler.',
  'button.cancelTooLate': () =>
    'Cette demande a déjà quitté la file d’attente et a été envoyée au service vidéo, qui ne permet pas de l’annuler.',
  'button.open': () => 'Ouvrir la vidéo',
  'button.remix': () => 'Remixer',
  'button.extend': () => 'Prolonger',
  'button.extendUnavailable': () =>
    'Le modèle de cette vidéo ne peut pas partir d’une image, elle ne peut donc pas être prolongée. Utilise Remixer ou une nouvelle commande /video.',
  'modal.remix.title': () => 'Remixer cette vidéo',
  'modal.extend.title': () => 'Prolonger : le plan suivant',
  'modal.field.prompt': () => 'Prompt',
  'modal.field.extendPrompt': () => 'Prompt du plan suivant',
  'modal.field.duration': (p) => `Durée en secondes (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Format d’image (ex. 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Extraction de la dernière image de la vidéo pour le plan suivant…',
  'extend.frameCaption': (p) => `Dernière image de \`${s(p, 'id')}\` : l’image de début du plan suivant.`,
  'extend.videoGone': () =>
    'Le service vidéo n’a plus cette vidéo (il les garde environ 3 jours), sa dernière image ne peut donc pas être extraite. Rien n’a été décompté.',
  'extend.noEncoder': () =>
    'Prolonger n’est pas disponible sur ce bot pour le moment (il faut ffmpeg). Rien n’a été décompté ; utilise Remixer.',
  'extend.framePostFailed': () =>
    'Le bot n’a pas pu publier l’image dans ce salon (il lui faut les permissions Envoyer des messages et Joindre des fichiers). Rien n’a été décompté.',
  'task.field.parent': () => 'Origine',
  'task.parent.reroll': (p) => `Régénération de ${s(p, 'task')}`,
  'task.parent.retry': (p) => `Nouvel essai de ${s(p, 'task')}`,
  'task.parent.remix': (p) => `Remix de ${s(p, 'task')}`,
  'task.parent.extend': (p) => `Suite de ${s(p, 'task')}`,
  'button.deleteDenied': () =>
    'Seul le membre qui a demandé cette vidéo, ou quelqu’un avec la permission Gérer les messages, peut la supprimer.',
  'button.deleted': () => 'Supprimée.',
  'button.unknownTask': () => 'Le bot ne connaît plus cette tâche.',
  'button.mediaExpired': () =>
    'Les images ou extraits de cette demande ne sont plus disponibles sur Discord. Lance une nouvelle commande /video et envoie-les de nouveau ; rien n’a été décompté.',
  'button.reviewFailed': () =>
    'La vérification des médias du service vidéo a refusé un fichier de cette demande, elle ne peut donc pas être renvoyée telle quelle. Lance une nouvelle commande /video avec un autre fichier.',
  'button.notFinished': () => 'Cette tâche n’est pas encore terminée.',
  'tasks.none': () => 'Tu n’as encore aucune tâche. Lance-toi avec /video.',
  'tasks.recentTitle': () => 'Tes tâches récentes',
  'tasks.notFound': (p) => `Aucune tâche \`${s(p, 'id')}\` que tu peux voir.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `La vidéo (${s(p, 'reason')}) est accessible avec le bouton Ouvrir la vidéo. Le service vidéo la garde environ 3 jours : enregistre-la si tu veux la conserver.`,
  'delivery.reason.tooLarge': (p) => `plus lourde que la limite d’envoi de ${s(p, 'limit')} de ce serveur`,
  'delivery.reason.fetchFailed': () => 'n’a pas pu être récupérée pour l’envoi',
  'delivery.reason.cannotFit': (p) =>
    `n’a pas pu être assez réduite pour la limite d’envoi de ${s(p, 'limit')} de ce serveur`,
  'delivery.fitted': (p) =>
    `Réduite pour tenir dans la limite d’envoi de ${s(p, 'limit')} de ce serveur. La vidéo en qualité d’origine est derrière le bouton Ouvrir la vidéo jusqu’au <t:${s(p, 'expiresAt')}:f>.`,
  'delivery.reason.notFetched': () =>
    'son adresse ne fait pas partie de celles que le bot peut récupérer, elle n’a donc pas été envoyée',
  'delivery.reason.uploadFailed': () => 'Discord n’a pas accepté l’envoi',
  'delivery.dmReady': () => 'Ta vidéo est prête. Son message sur le serveur n’existe plus, alors la voici.',
  'notice.ended': (p) => `<@${s(p, 'user')}> ta demande de vidéo s’est terminée sans vidéo.`,
  'notice.dmEnded': () =>
    'Ta demande de vidéo s’est terminée sans vidéo. Son message sur le serveur n’existe plus, alors voici ce qui s’est passé.',
  'list.more': (p) => `…et ${s(p, 'count')} de plus`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> ta vidéo est prête.`,
  'task.field.video': () => 'Vidéo',
  'limit.cooldown': (p) => `attends ${s(p, 'seconds')} s entre deux vidéos (réessaie <t:${s(p, 'resetAt')}:R>).`,
  'limit.member_running': (p) =>
    `tu as déjà ${s(p, 'used')} vidéos sur ${s(p, 'limit')} en cours de rendu ; attends qu’une se termine.`,
  'limit.guild_running': (p) =>
    `ce serveur a déjà ${s(p, 'used')} vidéos sur ${s(p, 'limit')} en cours de rendu ; réessaie quand une sera terminée.`,
  'limit.member_running_zero': () =>
    'aucune vidéo ne peut être créée pour toi sur ce serveur : ta limite « Vidéos en rendu simultané par membre » est à 0. Demande à un administrateur du serveur.',
  'limit.guild_running_zero': () =>
    'aucune vidéo ne peut être créée sur ce serveur : sa limite « Vidéos en rendu simultané sur le serveur » est à 0. Demande à un administrateur du serveur.',
  'limit.member_daily_tasks': (p) =>
    `tu as utilisé ${s(p, 'used')} de tes ${s(p, 'limit')} vidéos aujourd’hui ; remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_daily_tasks': (p) =>
    `ce serveur a utilisé ${s(p, 'used')} de ses ${s(p, 'limit')} vidéos aujourd’hui ; remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_tasks': (p) =>
    `ce serveur a utilisé ${s(p, 'used')} de ses ${s(p, 'limit')} vidéos ce mois-ci ; remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'limit.guild_monthly_seconds': (p) =>
    `ce serveur a utilisé ${s(p, 'used')} de ses ${s(p, 'limit')} secondes de vidéo ce mois-ci et celle-ci en demande ${s(p, 'needed')} ; remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'limit.dm_disabled': () => 'la génération en messages privés est désactivée ; utilise le bot sur un serveur.',
  'limit.blocked': (p) => `le prompt contient « ${s(p, 'term')} », que ce serveur n’autorise pas.`,
  'limit.guild_queue': (p) =>
    `tous les emplacements de rendu sont pris et la file d’attente de ce serveur est pleine (${s(p, 'used')} sur ${s(p, 'limit')} en attente) ; réessaie quand elle avancera.`,
  'limit.guild_monthly_spend': (p) =>
    `ce serveur a dépensé environ ${s(p, 'used')} sur ${s(p, 'limit')} ce mois-ci et cette vidéo coûterait ${s(p, 'needed')} ; remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'limit.account_unavailable': () =>
    'le compte vidéo du bot est indisponible pour le moment (ses clés API ont été refusées ou n’ont plus de solde). Préviens un administrateur du serveur.',
  'limit.member_queue': (p) =>
    `tes vidéos sont en cours de rendu et tu as déjà ${s(p, 'used')} demandes sur ${s(p, 'limit')} en file d’attente.`,
  'policy.channel': (p) => `sur ce serveur, les vidéos ne peuvent être créées que dans ${s(p, 'channels')}.`,
  'policy.role': (p) => `sur ce serveur, seuls les membres avec ${s(p, 'role')} peuvent créer des vidéos.`,
  'admin.denied': () => 'Seuls les membres avec la permission Gérer le serveur peuvent modifier ces paramètres.',
  'admin.saved': (p) => `Enregistré : ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `salons de génération + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `salons de génération − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'les vidéos peuvent être créées dans tous les salons',
  'admin.change.modelEnabled': (p) => `modèle \`${s(p, 'model')}\` activé`,
  'admin.change.modelDisabled': (p) => `modèle \`${s(p, 'model')}\` désactivé`,
  'admin.change.defaults': (p) => `valeurs par défaut : ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `valeurs par défaut effacées, puis : ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `fuseau horaire = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `seuls les membres avec ${s(p, 'role')} peuvent créer des vidéos`,
  'admin.change.roleEveryone': () => 'tous les membres peuvent créer des vidéos',
  'admin.change.blocklistAdded': (p) => `liste de blocage + « ${s(p, 'term')} »`,
  'admin.change.blocklistRemoved': (p) => `liste de blocage − « ${s(p, 'term')} »`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` n’est pas une limite : utilise un nombre entier, none (sans limite) ou default (par défaut).`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` n’est pas un fuseau horaire : utilise un nom IANA comme UTC, Europe/Paris ou America/Montreal.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` n’est pas un identifiant de modèle.`,
  'admin.needChannel': () => 'Choisis un salon à ajouter ou à retirer.',
  'admin.badTerm': () => 'Un terme bloqué doit faire de 1 à 100 caractères.',
  'admin.blocklistFull': (p) =>
    `La liste de blocage contient déjà ${s(p, 'value')} termes, le maximum pour un serveur : retires-en un avant d’en ajouter un autre.`,
  'admin.termUnknown': (p) => `« ${s(p, 'value')} » n’est pas dans la liste de blocage.`,
  'admin.blocklist.added': (p) =>
    `« ${s(p, 'term')} » ajouté à la liste de blocage des prompts (${s(p, 'count')} termes sur ${s(p, 'max')}).`,
  'admin.blocklist.removed': (p) =>
    `« ${s(p, 'term')} » retiré de la liste de blocage des prompts (${s(p, 'count')} termes sur ${s(p, 'max')}).`,
  'admin.blocklist.title': (p) => `Termes bloqués dans les prompts (${s(p, 'count')}) :`,
  'admin.blocklist.empty': () => 'Aucun terme n’est bloqué dans les prompts sur ce serveur.',
  'admin.show.blocklist': (p) => `Termes bloqués : ${s(p, 'count')}`,
  'admin.show.title': () => 'Paramètres de génération de vidéo',
  'admin.show.limits': () => 'Limites',
  'admin.show.where': () => 'Où et qui',
  'admin.show.models': () => 'Modèles',
  'admin.show.defaults': () => 'Valeurs par défaut',
  'admin.show.everywhere': () => 'tous les salons',
  'admin.show.everyone': () => 'tout le monde',
  'admin.show.noLimit': () => 'sans limite',
  'admin.show.fromDefault': () => '(valeur par défaut du bot)',
  'admin.show.allModels': () => 'tous les modèles activés',
  'admin.show.disabled': (p) => `désactivés : ${s(p, 'list')}`,
  'admin.show.none': () => 'aucune définie',
  'limit.label.guild_daily_tasks': () => 'Vidéos du serveur par jour',
  'limit.label.guild_monthly_tasks': () => 'Vidéos du serveur par mois',
  'limit.label.guild_monthly_seconds': () => 'Secondes de vidéo du serveur par mois',
  'limit.label.member_daily_tasks': () => 'Vidéos par membre et par jour',
  'limit.label.member_running': () => 'Vidéos en rendu simultané par membre',
  'limit.label.guild_running': () => 'Vidéos en rendu simultané sur le serveur',
  'limit.label.cooldown_seconds': () => 'Délai entre deux demandes (s)',
  'limit.label.guild_queue': () => 'Demandes en file d’attente sur le serveur',
  'limit.label.member_queue': () => 'Demandes en file d’attente par membre',
  'limit.label.guild_monthly_spend': () => 'Dépense estimée du serveur par mois',
  'usage.title': () => 'Utilisation vidéo',
  'usage.you': () => 'Toi',
  'usage.server': () => 'Ce serveur',
  'usage.line': (p) =>
    `${s(p, 'label')} : **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · remise à zéro <t:${s(p, 'resetAt')}:R>` : ''}`,
  'usage.billing': (p) =>
    `Ce mois-ci : ${s(p, 'perTask')} vidéos facturées à la tâche, ${s(p, 'perSecond')} s de vidéo facturées à la seconde.`,
  'usage.membersTitle': (p) => `Utilisation par membre, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}> : ${s(p, 'tasks')} vidéos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p) => `⚠️ ${s(p, 'count')} refusée(s) pour leur contenu`,
  'usage.noMembers': () => 'Personne n’a créé de vidéo ce mois-ci.',
  'usage.queued': (p) => `En file d’attente : ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(via <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Limites par rôle',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\` (position ${s(p, 'position')})`,
  'usage.more': (p) => `…et ${s(p, 'count')} de plus (utilise csv: True pour la liste complète).`,
  'usage.spend': (p) => `Dépenses estimées ce mois-ci : **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `Vidéos par jour sur les 30 derniers jours (${s(p, 'zone')}) : ${s(p, 'total')} au total, ${s(p, 'month')} ce mois-ci.`,
  'usage.chart.title': () => 'Vidéos par jour, 30 derniers jours',
  'usage.chart.perDay': () => 'vidéos par jour',
  'usage.chart.monthSoFar': () => 'ce mois-ci jusqu’à présent (axe de droite)',
  'usage.chart.cap': (p) => `plafond mensuel : ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => 'vidéos ce mois-ci, cumul',
  'usage.chart.family.manxue': () => 'Manxue complet',
  'usage.chart.family.manxue-fast': () => 'Manxue rapide',
  'usage.chart.family.manxue-video': () => 'Manxue vidéo de référence',
  'usage.chart.family.manxue-video-fast': () => 'Manxue vidéo de référence rapide',
  'usage.chart.family.sp-economy': () => 'SP économique',
  'usage.chart.family.sp-official': () => 'SP officiel',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini spécial',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Image vers vidéo rapide',
  'usage.chart.family.std': () => 'Standard',
  'usage.chart.family.other': () => 'autres modèles',
  'error.generic': () => 'Un problème est survenu de notre côté ; rien n’a été décompté. Réessaie.',
  'error.guildOnly': () => 'Cette commande ne fonctionne que sur les serveurs.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) => `le prompt contient « ${s(p, 'term')} », que ce bot n’autorise nulle part.`,
  'limit.user_install_disabled': () =>
    'ce bot n’accepte les demandes que sur les serveurs qui l’ont ajouté (et dans ses messages privés) ; ajoute-le à un serveur pour l’y utiliser.',
  'limit.user_monthly_spend': (p) =>
    `tes dépenses ce mois-ci hors des serveurs qui ont ajouté le bot sont de ${s(p, 'used')} sur ${s(p, 'limit')} ; cette vidéo ajouterait ${s(p, 'needed')}. Remise à zéro <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'Le bot n’est pas dans cette conversation : cette carte n’est donc mise à jour que pendant 15 minutes ; si ta vidéo prend plus de temps, elle t’arrivera en message privé.',
  'usage.userScope': () => 'Ta propre utilisation (serveurs sans le bot, MP de groupe)',
  'usage.serverOnly': () => 'Cela ne fonctionne que sur un serveur qui a ajouté le bot.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) =>
    `**File d’attente de ce serveur** : ${s(p, 'running')} en cours de rendu, ${s(p, 'waiting')} en attente`,
  'admin.queue.running': () => 'Rendu en cours',
  'admin.queue.waiting': () => 'En attente d’une place',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · lancée ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · demandée ${s(p, 'since')}${p.startsAt ? ` · début prévu <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'Rien n’est en cours de rendu ni en attente sur ce serveur.',
  'admin.queue.more': (p) => `…et ${s(p, 'count')} de plus`,
  'admin.queue.cancel': (p) => `Annuler ${s(p, 'position')}`,
  'admin.queue.cancelHint': () =>
    'Annuler retire une demande en attente de la file et rembourse son utilisation ; la carte du membre l’indique.',
  'admin.queue.moderatorsOnly': () =>
    'Seuls les membres avec la permission Gérer les messages peuvent annuler des demandes ici.',
  'admin.queue.cancelled': (p) =>
    `\`${s(p, 'id')}\` de ${s(p, 'user')} annulée : elle n’a jamais été envoyée au service vidéo et son utilisation a été remboursée.`,
  'tasks.pick.waiting': () => '🕒 en attente',
  'tasks.pick.working': () => '⏳ en cours',
  'tasks.pick.done': () => '✅ terminée',
  'tasks.pick.failed': () => '❌ échouée',
  'tasks.pick.timedOut': () => '⌛ délai dépassé',
  'tasks.pick.uncertain': () => '⚠️ résultat inconnu',
  'tasks.pick.noPrompt': () => '(sans prompt)',
  'extend.userInstall': () =>
    'Prolonger a besoin du bot sur ce serveur (il publie la dernière image dans le salon). Utilise-le là où le bot a été ajouté, ou dans ses messages privés.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Tes paramètres',
  'settings.defaults': () => 'Tes valeurs par défaut (utilisées par /video pour ce que tu omets)',
  'settings.label.model': () => 'Modèle',
  'settings.label.ratio': () => 'Format d’image',
  'settings.label.resolution': () => 'Résolution',
  'settings.label.duration': () => 'Durée',
  'settings.line': (p) => `${s(p, 'label')} : **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} s`,
  'settings.none': () => 'aucune : les valeurs du serveur s’appliquent',
  'settings.offHere': () => '(désactivé sur ce serveur : ignoré ici)',
  'settings.order': () => 'Ordre : ce que tu tapes dans /video › tes valeurs › celles du serveur › celles du modèle.',
  'settings.notify.on': () => '🔔 MP quand une de tes vidéos est finie ou échoue : **activé**',
  'settings.notify.off': () => '🔕 MP quand une de tes vidéos est finie ou échoue : **désactivé**',
  'settings.saved': () => 'Tes valeurs par défaut sont enregistrées.',
  'settings.cleared': () => 'Tes valeurs par défaut ont été effacées.',
  'settings.nothing': () => 'Donne au moins une valeur (modèle, format, résolution, durée), ou reset: True.',
  'settings.notifySaved.on': () =>
    'Tu recevras un message privé avec le lien quand une de tes vidéos sera finie ou échouera (tes messages privés doivent être ouverts au bot).',
  'settings.notifySaved.off': () => 'Tu ne recevras plus de message privé à la fin de tes vidéos.',
  'settings.yourDefault': () => '★ ta valeur par défaut',
  'task.field.memberDefaults': () => 'Ta valeur par défaut',
  'notify.done': (p) => `✅ Ta vidéo \`${s(p, 'id')}\` est prête : « ${s(p, 'prompt')} »`,
  'notify.video': (p) => `Vidéo : ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ Ta demande de vidéo \`${s(p, 'id')}\` s’est terminée sans vidéo : « ${s(p, 'prompt')} »`,
  'notify.card': (p) => `Carte : ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'Créer des vidéos',
  'help.make.title': () => 'Créer une vidéo',
  'help.make.text': () => '**Texte seul** : `/video text prompt: un renard roux qui court dans la neige fraîche`',
  'help.make.images': () =>
    '**À partir d’images** : `/video images prompt: le chat se met à danser image1: (ton image)`',
  'help.make.frames': () =>
    '**Image de début et de fin** : `/video frames prompt: lever de soleil sur la ville first_frame: (image) last_frame: (image)`',
  'help.make.references': () =>
    '**À partir d’une vidéo de référence** : `/video references prompt: même mouvement de caméra, de nuit video1: (clip)`',
  'help.make.options': () =>
    'Ajoute `model:`, `duration:`, `ratio:` ou `resolution:` à n’importe lequel ; ce que tu omets vient de tes /settings, puis du serveur.',
  'help.make.buttons': () =>
    'Sur la carte : **Régénérer** (la même demande à nouveau), **Réessayer** (après un échec), **Remixer** (modifier prompt, durée, format), **Prolonger** (plan suivant depuis la dernière image), **Annuler** (en file d’attente), **Supprimer**.',
  'help.models.title': (p) => `Modèles : ${s(p, 'family')}`,
  'help.models.ids': () => 'Identifiants des modèles',
  'help.models.durations': () => 'Durée',
  'help.models.resolutions': () => 'Résolution',
  'help.models.ratios': () => 'Formats d’image',
  'help.models.references': () => 'Références',
  'help.models.billing': () => 'Facturation',
  'help.models.line': (p) => `**${s(p, 'label')}** : ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}–${s(p, 'max')} s (par défaut ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')} (fixe)`,
  'help.models.perTask': () => 'à la tâche',
  'help.models.perSecond': () => 'à la seconde de vidéo',
  'help.refs.textOnly': () => 'texte seul',
  'help.refs.images': (p) => `jusqu’à ${s(p, 'max')} images`,
  'help.refs.imagesRequired': (p) => `de 1 à ${s(p, 'max')} images (obligatoire)`,
  'help.refs.frames': () => 'image de début (image de fin facultative)',
  'help.refs.framesBoth': () => 'image de début et de fin ensemble',
  'help.refs.videos': (p) => `jusqu’à ${s(p, 'max')} vidéos (${s(p, 'seconds')} s au total)`,
  'help.refs.audios': (p) => `jusqu’à ${s(p, 'max')} extraits audio`,
  'help.refs.reviewed': () => 'les fichiers envoyés passent d’abord par la vérification des médias du service vidéo',
  'help.refs.assetOnly': () => 'identifiants asset:// seulement (pas d’envoi)',
  'help.models.pick': () => 'Voir une autre famille de modèles…',
  'help.limits.title': () => 'Tes limites en ce moment',
  'help.limits.daily': (p) =>
    `Vidéos restantes aujourd’hui : **${s(p, 'left')}** sur ${s(p, 'limit')} (remise à zéro <t:${s(p, 'resetAt')}:R>)`,
  'help.limits.dailyNone': () => 'Vidéos par jour : pas de limite',
  'help.limits.running': (p) => `Rendu en cours : **${s(p, 'used')}** sur ${s(p, 'limit')} à la fois`,
  'help.limits.runningNone': (p) => `Rendu en cours : **${s(p, 'used')}** (sans plafond)`,
  'help.limits.spend': (p) =>
    `Dépenses estimées ce mois-ci : **${s(p, 'amount')}**${p.limit ? ` sur ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Pour aller plus loin',
  'help.next.body': () =>
    '`/usage me` : ton utilisation et chaque limite · `/tasks list` : tes vidéos récentes · `/settings` : tes valeurs par défaut et les MP',
  'help.admin.title': () => 'Pour les admins (Gérer le serveur)',
  'help.admin.body': () =>
    '`/video-admin show` paramètres et limites · `limit` et `role-limit` plafonds · `channel` et `role` qui et où · `model` activer ou désactiver des modèles · `defaults` valeurs du serveur · `blocklist` termes interdits · `timezone` remises à zéro · `usage members` et `usage chart` rapports · `queue` ce qui est en cours de rendu et en attente',
  'source.card.animate': (p) => `Animation de ${s(p, 'message')}`,
  'source.card.references': (p) => `Références tirées de ${s(p, 'message')}`,
  'source.card.messageLink': () => 'ce message',
  'source.help': () =>
    '**Depuis n’importe quel message** : Applications → **Animer** (son image ouvre la vidéo) ou **Utiliser comme références** (ses images et sa vidéo)',
  'source.title.animate': () => 'Animer ce message',
  'source.title.references': () => 'Utiliser comme références',
  'source.model.member': (p) => `Modèle : ${s(p, 'model')} (ta valeur par défaut)`,
  'source.model.server': (p) => `Modèle : ${s(p, 'model')} (la valeur par défaut du serveur)`,
  'source.model.catalog': (p) =>
    `Modèle : ${s(p, 'model')} (le premier qui accepte ces fichiers ; pas ton modèle par défaut)`,
  'source.field.pick': () => 'Quelle image',
  'source.field.pickHelp': (p) => `Utilisée comme ${s(p, 'how')}`,
  'source.pick.firstFrame': () => 'image de début',
  'source.pick.reference': () => 'image de référence',
  'source.pick.image': (p) => `Image ${s(p, 'n')} : ${s(p, 'name')}`,
  'source.pick.all': (p) => `Les ${s(p, 'count')} images comme références`,
  'source.noMedia.animate': () => 'Ce message n’a aucune image à animer (image jointe ou intégrée). Rien n’a été créé.',
  'source.noMedia.references': () =>
    'Ce message n’a aucune image ni vidéo à utiliser comme références. Rien n’a été créé.',
  'source.noModel': () => 'Aucun modèle activé ici n’accepte les fichiers de ce message. Rien n’a été créé.',
  'source.gone': () =>
    'Impossible de relire ce message (supprimé, ou le bot ne voit pas ce salon) : rouvre le formulaire depuis le message. Rien n’a été créé.',
  'source.mediaExpired': () =>
    'Impossible de récupérer à nouveau les fichiers de ce message depuis Discord. Réessaie dans un instant ; rien n’a été créé.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'galerie désactivée',
  'admin.change.galleryChannel': (p) => `galerie = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'galerie : chaque vidéo terminée est partagée',
  'admin.change.galleryAutoOff': () => 'galerie : les vidéos terminées ont un bouton Partager dans la galerie',
  'admin.change.galleryDigestOn': () => 'galerie : Top 5 de la semaine activé',
  'admin.change.galleryDigestOff': () => 'galerie : Top 5 de la semaine désactivé',
  'gallery.perm.ViewChannel': () => 'Voir le salon',
  'gallery.perm.SendMessages': () => 'Envoyer des messages (Créer des publications dans un forum)',
  'gallery.perm.SendMessagesInThreads': () => 'Envoyer des messages dans les fils et les publications',
  'gallery.perm.AttachFiles': () => 'Joindre des fichiers',
  'gallery.perm.EmbedLinks': () => 'Intégrer des liens',
  'gallery.perm.ReadMessageHistory': () => 'Voir les anciens messages',
  'gallery.perm.ManageThreads': () => 'Gérer les fils et les publications',
  'gallery.perm.ManageChannels': () => 'Gérer les salons (pour créer les tags du forum)',
  'gallery.admin.missing': (p) =>
    `La galerie n’a pas été définie : il manque au bot ces permissions dans <#${s(p, 'channel')}> : ${s(p, 'list')}. Accorde-les et réessaie.`,
  'gallery.admin.notVisible': (p) =>
    `La galerie n’a pas été définie : le bot ne voit pas <#${s(p, 'channel')}>. Donne-lui Voir le salon là-bas et réessaie.`,
  'admin.needGallery': () =>
    'Choisis d’abord le salon de la galerie : `/video-admin gallery channel:<salon forum ou textuel>`.',
  'gallery.admin.badChannel': () => 'Choisis un salon forum ou un salon textuel pour la galerie.',
  'gallery.admin.set': (p) => `Galerie : <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'chaque vidéo terminée est partagée',
  'gallery.admin.button': () => 'les vidéos terminées ont un bouton Partager dans la galerie',
  'gallery.admin.off': () => 'Galerie désactivée. Les publications déjà faites restent.',
  'gallery.admin.digestOn': () => 'Le Top 5 de la semaine sera publié chaque lundi.',
  'gallery.admin.digestOff': () => 'Pas de Top 5 hebdomadaire.',
  'gallery.admin.tagsFull': (p) =>
    `Remarque : le forum a déjà ${s(p, 'count')} des 20 tags permis par Discord ; le bot réutilise les tags, mais ne peut pas ajouter ceux du modèle et du format d’image quand il est plein.`,
  'gallery.show.title': () => 'Galerie',
  'gallery.show.none': () => 'désactivée',
  'gallery.show.deleted': (p) =>
    `désactivée : son salon (${s(p, 'channel')}) a été supprimé ; choisis-en un nouveau avec /video-admin gallery`,
  'gallery.purge.none': (p) => `Aucune publication de la galerie n’a un prompt correspondant à « ${s(p, 'term')} ».`,
  'gallery.purge.confirm': (p) =>
    `Publications de la galerie dont le prompt correspond à « ${s(p, 'term')} » : ${s(p, 'count')}. Les retirer tous ?`,
  'gallery.purge.button': () => 'Les retirer',
  'gallery.purge.done': (p) => `Publications de la galerie retirées : ${s(p, 'count')}.`,
  'gallery.post.requester': (p) => `par <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Carte d’origine',
  'gallery.post.use': () => 'Utiliser ce prompt',
  'gallery.share': () => 'Partager dans la galerie',
  'gallery.share.done': () => 'Partagée : la vidéo apparaîtra bientôt dans la galerie.',
  'gallery.share.denied': () =>
    'Seul le membre qui a demandé cette vidéo, ou quelqu’un avec la permission Gérer les messages, peut la partager.',
  'gallery.share.optedOut': () => 'Le membre qui a demandé cette vidéo ne veut pas de ses vidéos dans la galerie.',
  'gallery.share.already': () => 'Cette vidéo est déjà dans la galerie.',
  'gallery.share.noGallery': () => 'Ce serveur n’a pas de galerie.',
  'gallery.share.notDone': () => 'Seules les vidéos terminées peuvent être partagées.',
  'gallery.optOut': () => 'Tes vidéos ne seront pas partagées dans la galerie de ce serveur.',
  'gallery.optIn': () => 'Tes vidéos peuvent de nouveau être partagées dans la galerie de ce serveur.',
  'gallery.top.title': (p) => `Vidéos de la galerie avec le plus de réactions (${s(p, 'period')})`,
  'gallery.top.none': () => 'Aucune vidéo de la galerie n’a encore de réactions sur cette période.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — réactions : ${s(p, 'count')}`,
  'gallery.period.day': () => 'aujourd’hui',
  'gallery.period.week': () => 'cette semaine',
  'gallery.period.month': () => 'ce mois-ci',
  'gallery.period.all': () => 'depuis le début',
  'gallery.digest.title': () => 'Top 5 de la semaine',
  'gallery.serverOnly': () => 'La galerie est une fonctionnalité de serveur.',
};
