/** German (de) texts, "du" as Discord's German UI; every key of en-US.ts (checked by the compiler). */
import type { Messages } from './index.js';
import { s } from './params.js';

export const de: Messages = {
  'model.unknown': (p) => `Das Modell \`${s(p, 'value')}\` gibt es nicht. Wähle eines davon: ${s(p, 'allowed')}.`,
  'model.disabled': (p) =>
    `Das Modell \`${s(p, 'value')}\` ist auf diesem Server deaktiviert. Wähle eines davon: ${s(p, 'allowed')}.`,
  'prompt.required': () => 'Der Prompt ist leer. Beschreibe das Video, das du möchtest.',
  'prompt.tooLong': (p) =>
    `Der Prompt hat ${s(p, 'length')} Zeichen; ${s(p, 'model')} akzeptiert höchstens ${s(p, 'max')}.`,
  'duration.range': (p) =>
    `Eine Dauer von ${s(p, 'value')} s ist mit ${s(p, 'model')} nicht möglich: Wähle eine ganze Zahl an Sekunden von ${s(p, 'min')} bis ${s(p, 'max')} (Standard: ${s(p, 'default')}).`,
  'resolution.notAllowed': (p) =>
    `Die Auflösung \`${s(p, 'value')}\` ist mit ${s(p, 'model')} nicht verfügbar: erlaubt sind ${s(p, 'allowed')}.`,
  'ratio.notAllowed': (p) =>
    `Das Seitenverhältnis \`${s(p, 'value')}\` ist mit ${s(p, 'model')} nicht verfügbar: erlaubt sind ${s(p, 'allowed')}.`,
  'orientation.invalid': (p) =>
    `Die Ausrichtung \`${s(p, 'value')}\` ist ungültig: Verwende landscape (Querformat) oder portrait (Hochformat).`,
  'orientation.conflict': (p) =>
    `Die Ausrichtung ${s(p, 'orientation')} widerspricht dem Seitenverhältnis ${s(p, 'ratio')}; der Videodienst richtet sich nach dem Seitenverhältnis. Wähle also eine passende Ausrichtung oder lass sie weg.`,
  'images.notAccepted': (p) =>
    `${s(p, 'model')} nimmt keine Referenzbilder an. Modelle, die das tun: ${s(p, 'suggest')}.`,
  'images.tooMany': (p) =>
    `${s(p, 'count')} Referenzbilder angegeben; ${s(p, 'model')} nimmt höchstens ${s(p, 'max')} an.`,
  'images.required': (p) =>
    `${s(p, 'model')} erstellt Videos aus Bildern: Füge mindestens ein Referenzbild hinzu (bis zu ${s(p, 'max')}).`,
  'frames.notAccepted': (p) =>
    `${s(p, 'model')} nimmt kein Start-/Endbild an. Modelle, die das tun: ${s(p, 'suggest')}.`,
  'frames.exclusiveWithImages': () =>
    'Referenzbilder und Start-/Endbilder können nicht zusammen verwendet werden: Nutze entweder Referenzbilder oder Start-/Endbilder.',
  'frames.bothRequired': (p) =>
    `${s(p, 'model')} braucht im Bildmodus sowohl ein Startbild als auch ein Endbild; ein einzelnes Bild wird nicht unterstützt.`,
  'frames.lastNeedsFirst': () => 'Ein Endbild braucht auch ein Startbild.',
  'videos.notAccepted': (p) =>
    `${s(p, 'model')} nimmt keine Referenzvideos an. Modelle, die das tun: ${s(p, 'suggest')}.`,
  'videos.tooMany': (p) =>
    `${s(p, 'count')} Referenzvideos angegeben; ${s(p, 'model')} nimmt höchstens ${s(p, 'max')} an.`,
  'videos.totalDuration': (p) =>
    `Die Referenzvideos dauern zusammen ${s(p, 'total')} s; das Limit liegt bei ${s(p, 'max')} s.`,
  'videos.totalSize': (p) =>
    `Die Referenzvideos sind zusammen ${s(p, 'total')} groß; das Limit liegt bei ${s(p, 'max')}.`,
  'videos.resolution': (p) =>
    `Das Referenzvideo ${s(p, 'name')} hat ${s(p, 'width')}×${s(p, 'height')}; die kurze Seite jedes Videos muss ${s(p, 'min')}–${s(p, 'max')} px lang sein.`,
  'audios.notAccepted': (p) =>
    `${s(p, 'model')} nimmt kein Referenzaudio an. Modelle, die das tun: ${s(p, 'suggest')}.`,
  'audios.tooMany': (p) =>
    `${s(p, 'count')} Referenzaudios angegeben; ${s(p, 'model')} nimmt höchstens ${s(p, 'max')} an.`,
  'audios.alone': () =>
    'Referenzaudio kann nicht allein verwendet werden: Füge ein Referenzbild, ein Referenzvideo oder Start-/Endbilder hinzu.',
  'audios.notWithFrames': (p) =>
    `${s(p, 'model')} nimmt im Bildmodus kein Referenzaudio an: Entferne das Audio oder verwende Referenzbilder statt Start-/Endbildern.`,
  'media.assetOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} nimmt Medien nur als asset://-IDs aus der Medienprüfung des Videodienstes an, nicht \`${s(p, 'value')}\`.`,
  'media.assetOnlyAttachment': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} kann keine hochgeladenen Dateien verwenden (es braucht geprüfte asset://-IDs). Wähle ein Modell, das Uploads annimmt, zum Beispiel ${s(p, 'suggest')}.`,
  'media.httpsOnly': (p) =>
    `${s(p, 'field')}: ${s(p, 'model')} braucht eine öffentliche https://-URL, nicht \`${s(p, 'value')}\`.`,
  'media.httpsOrAsset': (p) =>
    `${s(p, 'field')}: Verwende eine öffentliche https://-URL oder eine asset://-ID, nicht \`${s(p, 'value')}\`.`,
  'media.contentType': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} hat den Typ ${s(p, 'value')}; erlaubte Typen: ${s(p, 'allowed')}.`,
  'media.tooLarge': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} ist ${s(p, 'size')} groß; das Limit liegt bei ${s(p, 'max')}.`,
  'media.reviewImageSize': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} hat ${s(p, 'width')}×${s(p, 'height')} px; die Medienprüfung des Videodienstes nimmt Bilder mit ${s(p, 'min')} bis ${s(p, 'max')} px pro Seite an.`,
  'media.reviewImageRatio': (p) =>
    `${s(p, 'field')}: ${s(p, 'name')} hat ${s(p, 'width')}×${s(p, 'height')} (Seitenverhältnis ${s(p, 'ratio')}); die Medienprüfung des Videodienstes nimmt Seitenverhältnisse von ${s(p, 'min')} bis ${s(p, 'max')} an (Breite ÷ Höhe).`,
  'field.invalid': (p) => `${s(p, 'field')} ist ungültig: ${s(p, 'detail')}.`,

  'reply.problemsTitle': (p) =>
    `Deine Anfrage wurde nicht gesendet (${s(p, 'count')} ${Number(p.count) === 1 ? 'Problem' : 'Probleme'}); es wurde nichts angerechnet:`,
  'reply.limitRefused': (p) => `Nicht gestartet, nichts angerechnet: ${s(p, 'reason')}`,
  'task.title': () => 'Videoerstellung',
  'task.field.model': () => 'Modell',
  'task.field.params': () => 'Parameter',
  'task.field.references': () => 'Referenzen',
  'task.field.requester': () => 'Angefragt von',
  'task.field.cost': () => 'Nutzung',
  'task.field.status': () => 'Status',
  'task.field.task': () => 'Auftrag',
  'task.field.elapsed': () => 'Dauer',
  'elapsed.seconds': (p) => `${s(p, 'seconds')} s`,
  'elapsed.minutes': (p) => `${s(p, 'minutes')} Min. ${s(p, 'seconds')} s`,
  'task.cost.perTask': () => '1 Video, pro Video abgerechnet',
  'task.cost.perSecond': (p) => `${s(p, 'units')} s Video, pro Sekunde abgerechnet`,
  'task.cost.estimate': (p) => `≈ ${s(p, 'amount')} (geschätzt)`,
  'task.refs.none': () => 'keine (nur Text)',
  'task.refs.images': (p) => `${s(p, 'count')} Bild(er)`,
  'task.refs.frames': (p) => `Start-/Endbild: ${s(p, 'which')}`,
  'task.refs.videos': (p) => `${s(p, 'count')} Video(s)`,
  'task.refs.audios': (p) => `${s(p, 'count')} Audio(s)`,
  'task.params': (p) => `${s(p, 'duration')} s · ${s(p, 'resolution')} · ${s(p, 'ratio')}`,
  'task.ratio.auto': () => 'Seitenverhältnis automatisch',
  'model.choice.images': () => 'Bild',
  'model.choice.frames': () => 'Start-/Endbild',
  'model.choice.videos': () => 'Video',
  'model.choice.audios': () => 'Audio',
  'model.choice.perTask': () => 'pro Auftrag',
  'model.choice.perSecond': () => 'pro Sekunde',
  'model.choice.reviewed': (p) => `${s(p, 'refs')} (geprüft)`,
  'model.choice.assetOnly': () => 'nur asset://',
  'model.choice.textOnly': () => 'Text',
  'status.accepted': () => '⏳ Angenommen, wird an den Videodienst gesendet …',
  'status.submitting': () => '⏳ Wird an den Videodienst gesendet …',
  'status.reviewing': () => '🔎 Der Videodienst prüft deine Medien …',
  'status.review_submitting': () => '🔎 Der Videodienst prüft deine Medien …',
  'status.queued': () => '🕒 Gesendet; der Videodienst hat noch nicht damit begonnen',
  'status.running': (p) =>
    `🎬 Wird gerendert${p.progress !== undefined && p.progress !== '' ? ` (${s(p, 'progress')} %)` : ''}`,
  'status.delivering': () => '📤 Fertig, das Video wird hochgeladen …',
  'status.preparing': () => '🎞️ Das Video wird für Discord vorbereitet …',
  'status.done': () => '✅ Fertig',
  'status.failed': () => '❌ Fehlgeschlagen',
  'status.timed_out': () => '⌛ Zeitüberschreitung',
  'status.uncertain': () => '⚠️ Ergebnis unbekannt',
  'status.waiting': (p) =>
    `🕒 In der Warteschlange – Platz ${s(p, 'position')}${p.startsAt ? ` · Start voraussichtlich <t:${s(p, 'startsAt')}:R>` : ''}`,
  'failure.moderation': () =>
    'Der Videodienst hat diese Anfrage wegen ihres Inhalts abgelehnt. Ändere den Prompt oder die Bilder („Remixen“ behält alles andere bei); dieselbe Anfrage würde erneut abgelehnt. Das wird nicht auf deine Limits angerechnet.',
  'failure.transient': (p) =>
    `Der Videodienst hatte ein vorübergehendes Problem (${s(p, 'detail')}). Das wird nicht auf deine Limits angerechnet; „Erneut versuchen“ klappt meistens.`,
  'failure.quota': () =>
    'Das Konto beim Videodienst hat kein Guthaben oder Kontingent mehr. Das wird nicht auf deine Limits angerechnet, und der Betreiber des Bots wurde alarmiert.',
  'failure.invalid_input': (p) =>
    `Der Videodienst konnte die Eingaben nicht verwenden (${s(p, 'detail')}). Das wird nicht auf deine Limits angerechnet.`,
  'failure.unknown': (p) =>
    `Der Videodienst hat einen Fehler gemeldet: ${s(p, 'detail')}. Das wird nicht auf deine Limits angerechnet.`,
  'failure.upstream_unavailable': (p) =>
    `Der Videodienst war nicht erreichbar (${s(p, 'detail')}). Es wurde nichts erstellt und nichts wird auf deine Limits angerechnet; versuch es in einer Minute noch einmal.`,
  'failure.auth': () =>
    'Der Bot konnte sich nicht beim Videodienst anmelden (sein API-Schlüssel wurde abgelehnt). Das wird nicht auf deine Limits angerechnet; bitte sag einem Server-Admin Bescheid.',
  'failure.invalid_request': (p) =>
    `Der Videodienst hat die Anfrage abgelehnt: ${s(p, 'detail')}. Das wird nicht auf deine Limits angerechnet.`,
  'failure.uncertain': () =>
    'Der Bot hat diese Anfrage beim Senden aus den Augen verloren und kann nicht wissen, ob der Videodienst ein Video erstellt hat; falls ja, erscheint es hier nicht. Der Bot sendet eine Anfrage nie von selbst erneut, und das wird nicht auf deine Limits angerechnet. „Erneut versuchen“ sendet sie als neue Anfrage.',
  'failure.timed_out': (p) =>
    `Nach ${s(p, 'minutes')} Minuten kein Ergebnis, daher wartet der Bot nicht länger. Das wird nicht auf deine Limits angerechnet.`,
  'failure.not_found': () =>
    'Der Videodienst kennt diesen Auftrag nicht mehr, es kommt also kein Video. Das wird nicht auf deine Limits angerechnet; „Erneut versuchen“ startet ihn neu.',
  'failure.no_video': () =>
    'Der Videodienst hat den Auftrag als fertig gemeldet, aber kein Video geliefert. Das wird nicht auf deine Limits angerechnet; „Erneut versuchen“ klappt meistens.',
  'failure.cancelled': (p) =>
    `Der Videodienst hat diesen Auftrag abgebrochen oder er ist abgelaufen (${s(p, 'detail')}). Das wird nicht auf deine Limits angerechnet; „Erneut versuchen“ startet ihn neu.`,
  'failure.restart_stale': () =>
    'Der Bot wurde neu gestartet, bevor er diese Anfrage senden konnte, und sie ist jetzt zu alt zum Senden. Es wurde nichts erstellt und nichts wird auf deine Limits angerechnet; nutze „Erneut versuchen“.',
  'failure.reply_failed': () =>
    'Discord hat den Bot nicht auf diese Anfrage antworten lassen, daher wurde nichts an den Videodienst gesendet. Das wird nicht auf deine Limits angerechnet.',
  'failure.message_deleted': () =>
    'Das Video wurde erstellt, aber seine Nachricht wurde gelöscht und der Bot kann dir keine Direktnachricht senden. Das wird nicht auf deine Limits angerechnet.',
  'failure.undeliverable': () =>
    'Das Video wurde erstellt, aber Discord hat den Bot es nirgends posten lassen, nicht einmal per Direktnachricht. Das wird nicht auf deine Limits angerechnet.',
  'failure.account_unavailable': () =>
    'Das Videokonto des Bots ist gerade nicht verfügbar (seine API-Schlüssel wurden abgelehnt oder haben kein Guthaben mehr). Es wurde nichts erstellt und nichts wird auf deine Limits angerechnet; bitte sag einem Server-Admin Bescheid.',
  'failure.review_failed': (p) =>
    `Die Medienprüfung des Videodienstes hat ${s(p, 'file')} abgelehnt: ${s(p, 'detail')}. Es wurde nichts erstellt und nichts wird auf deine Limits angerechnet. Verwende eine andere Datei; dieselbe würde erneut abgelehnt.`,
  'failure.review_timeout': (p) =>
    `Die Medienprüfung des Videodienstes wurde nicht innerhalb von ${s(p, 'minutes')} Minuten fertig, daher wartet der Bot nicht länger. Es wurde nichts erstellt und nichts wird auf deine Limits angerechnet; „Erneut versuchen“ startet die Prüfung neu.`,
  'failure.member_cancelled': () =>
    'Beim Warten in der Warteschlange abgebrochen. Es wurde nichts an den Videodienst gesendet und nichts wird auf deine Limits angerechnet.',
  'button.reroll': () => 'Neu generieren',
  'button.retry': () => 'Erneut versuchen',
  'button.delete': () => 'Löschen',
  'button.cancel': () => 'Abbrechen',
  'button.cancelDenied': () =>
    'Nur das Mitglied, das dieses Video angefragt hat, oder jemand mit der Berechtigung „Nachrichten verwalten“ kann es abbrechen.',
  'button.cancelTooLate': () =>
    'Diese Anfrage hat die Warteschlange schon verlassen und wurde an den Videodienst gesendet, der sie nicht abbrechen kann.',
  'button.open': () => 'Video öffnen',
  'button.remix': () => 'Remixen',
  'button.extend': () => 'Fortsetzen',
  'button.extendUnavailable': () =>
    'Das Modell dieses Videos kann nicht von einem Bild aus starten, daher kann es nicht fortgesetzt werden. Nutze „Remixen“ oder einen neuen /video-Befehl.',
  'modal.remix.title': () => 'Dieses Video remixen',
  'modal.extend.title': () => 'Fortsetzen: die nächste Einstellung',
  'modal.field.prompt': () => 'Prompt',
  'modal.field.extendPrompt': () => 'Prompt für die nächste Einstellung',
  'modal.field.duration': (p) => `Dauer in Sekunden (${s(p, 'min')}–${s(p, 'max')})`,
  'modal.field.ratio': () => 'Seitenverhältnis (z. B. 16:9, 9:16, 1:1)',
  'extend.working': () => '🎞️ Das letzte Bild des Videos wird für die nächste Einstellung entnommen …',
  'extend.frameCaption': (p) => `Letztes Bild von \`${s(p, 'id')}\`: das Startbild der nächsten Einstellung.`,
  'extend.videoGone': () =>
    'Der Videodienst hat dieses Video nicht mehr (er speichert Videos etwa 3 Tage), daher kann sein letztes Bild nicht entnommen werden. Es wurde nichts angerechnet.',
  'extend.noEncoder': () =>
    'Fortsetzen ist bei diesem Bot gerade nicht verfügbar (es braucht ffmpeg). Es wurde nichts angerechnet; nutze stattdessen „Remixen“.',
  'extend.framePostFailed': () =>
    'Der Bot konnte das Bild nicht in diesem Kanal posten (er braucht die Berechtigungen „Nachrichten senden“ und „Dateien anhängen“). Es wurde nichts angerechnet.',
  'task.field.parent': () => 'Ursprung',
  'task.parent.reroll': (p) => `Neu generiert aus ${s(p, 'task')}`,
  'task.parent.retry': (p) => `Neuer Versuch von ${s(p, 'task')}`,
  'task.parent.remix': (p) => `Remix von ${s(p, 'task')}`,
  'task.parent.extend': (p) => `Setzt ${s(p, 'task')} fort`,
  'button.deleteDenied': () =>
    'Nur das Mitglied, das dieses Video angefragt hat, oder jemand mit der Berechtigung „Nachrichten verwalten“ kann es löschen.',
  'button.deleted': () => 'Gelöscht.',
  'button.unknownTask': () => 'Der Bot kennt diesen Auftrag nicht mehr.',
  'button.mediaExpired': () =>
    'Die Bilder oder Clips dieser Anfrage sind bei Discord nicht mehr verfügbar. Starte einen neuen /video-Befehl und lade sie erneut hoch; es wurde nichts angerechnet.',
  'button.reviewFailed': () =>
    'Die Medienprüfung des Videodienstes hat eine Datei dieser Anfrage abgelehnt, daher kann sie nicht unverändert erneut gesendet werden. Starte einen neuen /video-Befehl mit einer anderen Datei.',
  'button.notFinished': () => 'Dieser Auftrag ist noch nicht fertig.',
  'tasks.none': () => 'Du hast noch keine Aufträge. Starte einen mit /video.',
  'tasks.recentTitle': () => 'Deine letzten Aufträge',
  'tasks.notFound': (p) => `Kein Auftrag \`${s(p, 'id')}\`, den du sehen kannst.`,
  'tasks.line': (p) => `\`${s(p, 'id')}\` · ${s(p, 'status')} · ${s(p, 'model')} · ${s(p, 'when')}`,
  'delivery.link': (p) =>
    `Das Video (${s(p, 'reason')}) findest du über den Button „Video öffnen“. Der Videodienst speichert es etwa 3 Tage: Lade es herunter, wenn du es behalten willst.`,
  'delivery.reason.tooLarge': (p) => `größer als das Upload-Limit dieses Servers von ${s(p, 'limit')}`,
  'delivery.reason.fetchFailed': () => 'konnte für den Upload nicht abgerufen werden',
  'delivery.reason.cannotFit': (p) =>
    `konnte nicht klein genug für das Upload-Limit dieses Servers von ${s(p, 'limit')} gemacht werden`,
  'delivery.fitted': (p) =>
    `Verkleinert, um ins Upload-Limit dieses Servers von ${s(p, 'limit')} zu passen. Das Video in voller Qualität gibt es bis <t:${s(p, 'expiresAt')}:f> über den Button „Video öffnen“.`,
  'delivery.reason.notFetched': () =>
    'seine Adresse gehört nicht zu denen, die der Bot abrufen darf, daher wurde es nicht hochgeladen',
  'delivery.reason.uploadFailed': () => 'Discord hat den Upload nicht angenommen',
  'delivery.dmReady': () =>
    'Dein Video ist fertig. Seine Nachricht auf dem Server gibt es nicht mehr, deshalb kommt es hier.',
  'notice.ended': (p) => `<@${s(p, 'user')}> deine Videoanfrage wurde ohne Video beendet.`,
  'notice.dmEnded': () =>
    'Deine Videoanfrage wurde ohne Video beendet. Ihre Nachricht auf dem Server gibt es nicht mehr, deshalb erfährst du hier, was passiert ist.',
  'list.more': (p) => `… und ${s(p, 'count')} weitere`,
  'delivery.ready': (p) => `<@${s(p, 'user')}> dein Video ist fertig.`,
  'task.field.video': () => 'Video',
  'limit.cooldown': (p) =>
    `Bitte warte ${s(p, 'seconds')} s zwischen zwei Videos (versuch es <t:${s(p, 'resetAt')}:R> wieder).`,
  'limit.member_running': (p) =>
    `Bei dir werden schon ${s(p, 'used')} von ${s(p, 'limit')} Videos gerendert; warte, bis eines fertig ist.`,
  'limit.guild_running': (p) =>
    `Auf diesem Server werden schon ${s(p, 'used')} von ${s(p, 'limit')} Videos gerendert; versuch es wieder, wenn eines fertig ist.`,
  'limit.member_running_zero': () =>
    'Für dich kann auf diesem Server kein Video erstellt werden: Dein Limit „Gleichzeitig gerenderte Videos pro Mitglied“ steht auf 0. Frag einen Server-Admin.',
  'limit.guild_running_zero': () =>
    'Auf diesem Server kann kein Video erstellt werden: Sein Limit „Gleichzeitig gerenderte Videos pro Server“ steht auf 0. Frag einen Server-Admin.',
  'limit.member_daily_tasks': (p) =>
    `Du hast heute ${s(p, 'used')} von deinen ${s(p, 'limit')} Videos genutzt; wird <t:${s(p, 'resetAt')}:R> zurückgesetzt.`,
  'limit.guild_daily_tasks': (p) =>
    `Dieser Server hat heute ${s(p, 'used')} von seinen ${s(p, 'limit')} Videos genutzt; wird <t:${s(p, 'resetAt')}:R> zurückgesetzt.`,
  'limit.guild_monthly_tasks': (p) =>
    `Dieser Server hat diesen Monat ${s(p, 'used')} von seinen ${s(p, 'limit')} Videos genutzt; wird <t:${s(p, 'resetAt')}:R> zurückgesetzt.`,
  'limit.guild_monthly_seconds': (p) =>
    `Dieser Server hat diesen Monat ${s(p, 'used')} von seinen ${s(p, 'limit')} Sekunden Video genutzt, und dieses braucht ${s(p, 'needed')}; wird <t:${s(p, 'resetAt')}:R> zurückgesetzt.`,
  'limit.dm_disabled': () => 'Das Erstellen in Direktnachrichten ist ausgeschaltet; nutze den Bot auf einem Server.',
  'limit.blocked': (p) => `Der Prompt enthält „${s(p, 'term')}“, was auf diesem Server nicht erlaubt ist.`,
  'limit.guild_queue': (p) =>
    `Alle Render-Plätze sind belegt und die Warteschlange dieses Servers ist voll (${s(p, 'used')} von ${s(p, 'limit')} warten); versuch es wieder, wenn sie weiterrückt.`,
  'limit.guild_monthly_spend': (p) =>
    `Dieser Server hat diesen Monat geschätzt ${s(p, 'used')} von ${s(p, 'limit')} ausgegeben, und dieses Video würde ${s(p, 'needed')} kosten; wird <t:${s(p, 'resetAt')}:R> zurückgesetzt.`,
  'limit.account_unavailable': () =>
    'Das Videokonto des Bots ist gerade nicht verfügbar (seine API-Schlüssel wurden abgelehnt oder haben kein Guthaben mehr). Bitte sag einem Server-Admin Bescheid.',
  'limit.member_queue': (p) =>
    `Deine Videos werden gerendert und du hast schon ${s(p, 'used')} von ${s(p, 'limit')} Anfragen in der Warteschlange.`,
  'policy.channel': (p) => `Auf diesem Server können Videos nur in ${s(p, 'channels')} erstellt werden.`,
  'policy.role': (p) => `Auf diesem Server können nur Mitglieder mit ${s(p, 'role')} Videos erstellen.`,
  'admin.denied': () => 'Nur Mitglieder mit der Berechtigung „Server verwalten“ können diese Einstellungen ändern.',
  'admin.saved': (p) => `Gespeichert: ${s(p, 'what')}.`,
  'admin.change.limit': (p) => `${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.roleLimit': (p) => `${s(p, 'role')} ${s(p, 'label')} = ${s(p, 'value')}`,
  'admin.change.channelAdded': (p) => `Kanäle für Videos + ${s(p, 'channel')}`,
  'admin.change.channelRemoved': (p) => `Kanäle für Videos − ${s(p, 'channel')}`,
  'admin.change.channelsCleared': () => 'Videos können in allen Kanälen erstellt werden',
  'admin.change.modelEnabled': (p) => `Modell \`${s(p, 'model')}\` aktiviert`,
  'admin.change.modelDisabled': (p) => `Modell \`${s(p, 'model')}\` deaktiviert`,
  'admin.change.defaults': (p) => `Standardwerte: ${s(p, 'values')}`,
  'admin.change.defaultsReset': (p) => `Standardwerte gelöscht, dann: ${s(p, 'values')}`,
  'admin.change.timeZone': (p) => `Zeitzone = ${s(p, 'zone')}`,
  'admin.change.role': (p) => `nur Mitglieder mit ${s(p, 'role')} können Videos erstellen`,
  'admin.change.roleEveryone': () => 'alle Mitglieder können Videos erstellen',
  'admin.change.blocklistAdded': (p) => `Sperrliste + „${s(p, 'term')}“`,
  'admin.change.blocklistRemoved': (p) => `Sperrliste − „${s(p, 'term')}“`,
  'admin.badLimit': (p) =>
    `\`${s(p, 'value')}\` ist kein Limit: Verwende eine ganze Zahl, none (kein Limit) oder default (Standard).`,
  'admin.badZone': (p) =>
    `\`${s(p, 'value')}\` ist keine Zeitzone: Verwende einen IANA-Namen wie UTC, Europe/Berlin oder Europe/Vienna.`,
  'admin.badModel': (p) => `\`${s(p, 'value')}\` ist keine Modell-ID.`,
  'admin.needChannel': () => 'Wähle einen Kanal zum Hinzufügen oder Entfernen.',
  'admin.badTerm': () => 'Ein gesperrter Begriff muss 1 bis 100 Zeichen lang sein.',
  'admin.blocklistFull': (p) =>
    `Die Sperrliste hat schon ${s(p, 'value')} Begriffe, das Maximum für einen Server: Entferne einen, bevor du einen neuen hinzufügst.`,
  'admin.termUnknown': (p) => `„${s(p, 'value')}“ steht nicht auf der Sperrliste.`,
  'admin.blocklist.added': (p) =>
    `„${s(p, 'term')}“ zur Prompt-Sperrliste hinzugefügt (${s(p, 'count')} von ${s(p, 'max')} Begriffen).`,
  'admin.blocklist.removed': (p) =>
    `„${s(p, 'term')}“ von der Prompt-Sperrliste entfernt (${s(p, 'count')} von ${s(p, 'max')} Begriffen).`,
  'admin.blocklist.title': (p) => `Gesperrte Prompt-Begriffe (${s(p, 'count')}):`,
  'admin.blocklist.empty': () => 'Auf diesem Server sind keine Prompt-Begriffe gesperrt.',
  'admin.show.blocklist': (p) => `Gesperrte Prompt-Begriffe: ${s(p, 'count')}`,
  'admin.show.title': () => 'Einstellungen der Videoerstellung',
  'admin.show.limits': () => 'Limits',
  'admin.show.where': () => 'Wo und wer',
  'admin.show.models': () => 'Modelle',
  'admin.show.defaults': () => 'Standardwerte',
  'admin.show.everywhere': () => 'alle Kanäle',
  'admin.show.everyone': () => 'alle',
  'admin.show.noLimit': () => 'kein Limit',
  'admin.show.fromDefault': () => '(Standard des Bots)',
  'admin.show.allModels': () => 'alle Modelle aktiviert',
  'admin.show.disabled': (p) => `deaktiviert: ${s(p, 'list')}`,
  'admin.show.none': () => 'nichts festgelegt',
  'limit.label.guild_daily_tasks': () => 'Server-Videos pro Tag',
  'limit.label.guild_monthly_tasks': () => 'Server-Videos pro Monat',
  'limit.label.guild_monthly_seconds': () => 'Server-Videosekunden pro Monat',
  'limit.label.member_daily_tasks': () => 'Videos pro Mitglied und Tag',
  'limit.label.member_running': () => 'Gleichzeitig gerenderte Videos pro Mitglied',
  'limit.label.guild_running': () => 'Gleichzeitig gerenderte Videos pro Server',
  'limit.label.cooldown_seconds': () => 'Wartezeit zwischen Anfragen (s)',
  'limit.label.guild_queue': () => 'Anfragen in der Warteschlange des Servers',
  'limit.label.member_queue': () => 'Anfragen in der Warteschlange pro Mitglied',
  'limit.label.guild_monthly_spend': () => 'Geschätzte Server-Ausgaben pro Monat',
  'usage.title': () => 'Videonutzung',
  'usage.you': () => 'Du',
  'usage.server': () => 'Dieser Server',
  'usage.line': (p) =>
    `${s(p, 'label')}: **${s(p, 'used')}** / ${s(p, 'limit')}${p.resetAt ? ` · wird <t:${s(p, 'resetAt')}:R> zurückgesetzt` : ''}`,
  'usage.billing': (p) =>
    `Diesen Monat: ${s(p, 'perTask')} pro Auftrag abgerechnete Videos, ${s(p, 'perSecond')} s pro Sekunde abgerechnetes Video.`,
  'usage.membersTitle': (p) => `Nutzung pro Mitglied, ${s(p, 'month')}`,
  'usage.memberLine': (p) => `<@${s(p, 'user')}>: ${s(p, 'tasks')} Videos · ${s(p, 'seconds')} s`,
  'usage.moderated': (p) => `⚠️ ${s(p, 'count')} wegen des Inhalts abgelehnt`,
  'usage.noMembers': () => 'Diesen Monat hat noch niemand ein Video erstellt.',
  'usage.queued': (p) => `In der Warteschlange: ${s(p, 'list')}`,
  'usage.fromRole': (p) => `(durch <@&${s(p, 'role')}>)`,
  'admin.show.roleLimits': () => 'Rollenlimits',
  'usage.queuedItem': (p) => `\`${s(p, 'id')}\` (Platz ${s(p, 'position')})`,
  'usage.more': (p) => `… und ${s(p, 'count')} weitere (mit csv: True bekommst du die ganze Liste).`,
  'usage.spend': (p) =>
    `Geschätzte Ausgaben diesen Monat: **${s(p, 'amount')}**${p.limit ? ` / ${s(p, 'limit')}` : ''}`,
  'usage.memberCost': (p) => `≈ ${s(p, 'amount')}`,
  'usage.chart.caption': (p) =>
    `Videos pro Tag in den letzten 30 Tagen (${s(p, 'zone')}): ${s(p, 'total')} insgesamt, ${s(p, 'month')} diesen Monat.`,
  'usage.chart.title': () => 'Videos pro Tag, letzte 30 Tage',
  'usage.chart.perDay': () => 'Videos pro Tag',
  'usage.chart.monthSoFar': () => 'dieser Monat bisher (rechte Achse)',
  'usage.chart.cap': (p) => `Monatslimit: ${s(p, 'limit')}`,
  'usage.chart.monthAxis': () => 'Videos in diesem Monat, kumuliert',
  'usage.chart.family.manxue': () => 'Manxue voll',
  'usage.chart.family.manxue-fast': () => 'Manxue schnell',
  'usage.chart.family.manxue-video': () => 'Manxue mit Referenzvideo',
  'usage.chart.family.manxue-video-fast': () => 'Manxue mit Referenzvideo, schnell',
  'usage.chart.family.sp-economy': () => 'SP günstig',
  'usage.chart.family.sp-official': () => 'SP offiziell',
  'usage.chart.family.mini': () => 'Mini',
  'usage.chart.family.mini-sp': () => 'Mini Sonderpreis',
  'usage.chart.family.md': () => 'MD',
  'usage.chart.family.fast-i2v': () => 'Bild zu Video, schnell',
  'usage.chart.family.std': () => 'Standard',
  'usage.chart.family.other': () => 'andere Modelle',
  'error.generic': () => 'Bei uns ist etwas schiefgelaufen; es wurde nichts angerechnet. Bitte versuch es noch einmal.',
  'error.guildOnly': () => 'Dieser Befehl funktioniert nur auf Servern.',
  // User install and the operator's blocklist (issue 22 §4).
  'limit.blockedByOperator': (p) => `Der Prompt enthält „${s(p, 'term')}“, was dieser Bot nirgends erlaubt.`,
  'limit.user_install_disabled': () =>
    'Dieser Bot nimmt Anfragen nur auf Servern an, die ihn hinzugefügt haben (und in seinen Direktnachrichten); füge ihn einem Server hinzu, um ihn dort zu nutzen.',
  'limit.user_monthly_spend': (p) =>
    `Deine Ausgaben diesen Monat außerhalb von Servern mit dem Bot liegen bei ${s(p, 'used')} von ${s(p, 'limit')}; dieses Video käme auf ${s(p, 'needed')} dazu. Zurückgesetzt wird <t:${s(p, 'resetAt')}:R>.`,
  'card.userInstallNote': () =>
    'Der Bot ist nicht in dieser Unterhaltung, daher wird diese Karte nur 15 Minuten lang aktualisiert; dauert dein Video länger, kommt es per Direktnachricht.',
  'usage.userScope': () => 'Deine eigene Nutzung (Server ohne den Bot, Gruppen-DMs)',
  'usage.serverOnly': () => 'Das geht nur auf einem Server, der den Bot hinzugefügt hat.',
  // /video-admin queue (what renders and waits on the server) and /tasks status's pick list (issue 25).
  'admin.queue.title': (p) =>
    `**Warteschlange dieses Servers**: ${s(p, 'running')} werden gerendert, ${s(p, 'waiting')} warten`,
  'admin.queue.running': () => 'Wird gerade gerendert',
  'admin.queue.waiting': () => 'Wartet auf einen freien Platz',
  'admin.queue.runningLine': (p) =>
    `\`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · gestartet ${s(p, 'since')} · ${s(p, 'prompt')}`,
  'admin.queue.waitingLine': (p) =>
    `**${s(p, 'position')}.** \`${s(p, 'id')}\` · ${s(p, 'user')} · ${s(p, 'model')} · angefragt ${s(p, 'since')}${p.startsAt ? ` · Start voraussichtlich <t:${s(p, 'startsAt')}:R>` : ''} · ${s(p, 'prompt')}`,
  'admin.queue.empty': () => 'Auf diesem Server wird gerade nichts gerendert, und nichts wartet.',
  'admin.queue.more': (p) => `… und ${s(p, 'count')} weitere`,
  'admin.queue.cancel': (p) => `${s(p, 'position')} abbrechen`,
  'admin.queue.cancelHint': () =>
    'Abbrechen nimmt eine wartende Anfrage aus der Warteschlange und erstattet ihre Nutzung; die Karte des Mitglieds zeigt das an.',
  'admin.queue.moderatorsOnly': () =>
    'Nur Mitglieder mit der Berechtigung „Nachrichten verwalten“ können hier Anfragen abbrechen.',
  'admin.queue.cancelled': (p) =>
    `\`${s(p, 'id')}\` von ${s(p, 'user')} abgebrochen: Die Anfrage wurde nie an den Videodienst gesendet, die Nutzung wurde erstattet.`,
  'tasks.pick.waiting': () => '🕒 wartet',
  'tasks.pick.working': () => '⏳ in Arbeit',
  'tasks.pick.done': () => '✅ fertig',
  'tasks.pick.failed': () => '❌ fehlgeschlagen',
  'tasks.pick.timedOut': () => '⌛ Zeitüberschreitung',
  'tasks.pick.uncertain': () => '⚠️ Ergebnis unbekannt',
  'tasks.pick.noPrompt': () => '(kein Prompt)',
  'extend.userInstall': () =>
    'Fortsetzen braucht den Bot auf diesem Server (er postet das letzte Bild im Kanal). Nutze es dort, wo der Bot hinzugefügt wurde, oder in seinen Direktnachrichten.',

  // Member settings (/settings), the card's "Your default" and the DM notice (issue 22 §2)
  'settings.title': () => 'Deine Einstellungen',
  'settings.defaults': () => 'Deine Standardwerte (nutzt /video für alles, was du weglässt)',
  'settings.label.model': () => 'Modell',
  'settings.label.ratio': () => 'Seitenverhältnis',
  'settings.label.resolution': () => 'Auflösung',
  'settings.label.duration': () => 'Dauer',
  'settings.line': (p) => `${s(p, 'label')}: **${s(p, 'value')}**`,
  'settings.seconds': (p) => `${s(p, 'value')} Sekunden`,
  'settings.none': () => 'keine festgelegt: Es gelten die Standardwerte des Servers',
  'settings.offHere': () => '(auf diesem Server ausgeschaltet: hier übersprungen)',
  'settings.order': () =>
    'Reihenfolge: was du bei /video eingibst › deine Standardwerte › die des Servers › die des Modells.',
  'settings.notify.on': () => '🔔 DM, wenn ein Video von dir fertig ist oder fehlschlägt: **an**',
  'settings.notify.off': () => '🔕 DM, wenn ein Video von dir fertig ist oder fehlschlägt: **aus**',
  'settings.saved': () => 'Deine Standardwerte wurden gespeichert.',
  'settings.cleared': () => 'Deine Standardwerte wurden gelöscht.',
  'settings.nothing': () =>
    'Gib mindestens einen Wert an (Modell, Seitenverhältnis, Auflösung, Dauer) oder reset: True.',
  'settings.notifySaved.on': () =>
    'Du bekommst eine Direktnachricht mit dem Link, wenn ein Video von dir fertig ist oder fehlschlägt (deine Direktnachrichten müssen für den Bot offen sein).',
  'settings.notifySaved.off': () => 'Du bekommst keine Direktnachricht mehr, wenn ein Video von dir endet.',
  'settings.yourDefault': () => '★ dein Standard',
  'task.field.memberDefaults': () => 'Dein Standard',
  'notify.done': (p) => `✅ Dein Video \`${s(p, 'id')}\` ist fertig: „${s(p, 'prompt')}“`,
  'notify.video': (p) => `Zum Video: ${s(p, 'url')}`,
  'notify.failed': (p) => `❌ Deine Videoanfrage \`${s(p, 'id')}\` endete ohne Video: „${s(p, 'prompt')}“`,
  'notify.card': (p) => `Karte: ${s(p, 'url')}`,

  // Help (/help) (issue 22 §3)
  'help.title': () => 'Videos erstellen',
  'help.make.title': () => 'Ein Video erstellen',
  'help.make.text': () => '**Nur Text**: `/video text prompt: ein Rotfuchs rennt durch frischen Schnee`',
  'help.make.images': () => '**Aus Bildern**: `/video images prompt: die Katze fängt an zu tanzen image1: (dein Bild)`',
  'help.make.frames': () =>
    '**Start- und Endbild**: `/video frames prompt: Sonnenaufgang über der Stadt first_frame: (Bild) last_frame: (Bild)`',
  'help.make.references': () =>
    '**Aus einem Referenzvideo**: `/video references prompt: dieselbe Kamerafahrt, bei Nacht video1: (Clip)`',
  'help.make.options': () =>
    'Füge bei jedem `model:`, `duration:`, `ratio:` oder `resolution:` hinzu; was du weglässt, kommt aus deinen /settings, dann vom Server.',
  'help.make.buttons': () =>
    'Auf der Karte: **Neu generieren** (dieselbe Anfrage noch einmal), **Erneut versuchen** (nach einem Fehler), **Remixen** (Prompt, Länge, Seitenverhältnis ändern), **Fortsetzen** (nächste Einstellung ab dem letzten Bild), **Abbrechen** (in der Warteschlange), **Löschen**.',
  'help.models.title': (p) => `Modelle: ${s(p, 'family')}`,
  'help.models.ids': () => 'Modell-IDs',
  'help.models.durations': () => 'Dauer',
  'help.models.resolutions': () => 'Auflösung',
  'help.models.ratios': () => 'Seitenverhältnisse',
  'help.models.references': () => 'Referenzen',
  'help.models.billing': () => 'Abrechnung',
  'help.models.line': (p) => `**${s(p, 'label')}**: ${s(p, 'value')}`,
  'help.models.seconds': (p) => `${s(p, 'min')}–${s(p, 'max')} Sekunden (Standard ${s(p, 'default')})`,
  'help.models.fixed': (p) => `${s(p, 'value')} (fest)`,
  'help.models.perTask': () => 'pro Auftrag',
  'help.models.perSecond': () => 'pro Videosekunde',
  'help.refs.textOnly': () => 'nur Text',
  'help.refs.images': (p) => `bis zu ${s(p, 'max')} Bilder`,
  'help.refs.imagesRequired': (p) => `1 bis ${s(p, 'max')} Bilder (Pflicht)`,
  'help.refs.frames': () => 'Startbild (Endbild optional)',
  'help.refs.framesBoth': () => 'Start- und Endbild zusammen',
  'help.refs.videos': (p) => `bis zu ${s(p, 'max')} Videos (zusammen ${s(p, 'seconds')} s)`,
  'help.refs.audios': (p) => `bis zu ${s(p, 'max')} Audioclips`,
  'help.refs.reviewed': () => 'Uploads gehen zuerst durch die Medienprüfung des Videodienstes',
  'help.refs.assetOnly': () => 'nur asset://-IDs (keine Uploads)',
  'help.models.pick': () => 'Andere Modellfamilie zeigen…',
  'help.limits.title': () => 'Deine Limits gerade',
  'help.limits.daily': (p) =>
    `Verbleibende Videos heute: **${s(p, 'left')}** von ${s(p, 'limit')} (wird <t:${s(p, 'resetAt')}:R> zurückgesetzt)`,
  'help.limits.dailyNone': () => 'Videos pro Tag: kein Limit',
  'help.limits.running': (p) => `Wird gerade gerendert: **${s(p, 'used')}** von ${s(p, 'limit')} gleichzeitig`,
  'help.limits.runningNone': (p) => `Wird gerade gerendert: **${s(p, 'used')}** (ohne Obergrenze)`,
  'help.limits.spend': (p) =>
    `Geschätzte Ausgaben diesen Monat: **${s(p, 'amount')}**${p.limit ? ` von ${s(p, 'limit')}` : ''}`,
  'help.next.title': () => 'Wo du weiterschauen kannst',
  'help.next.body': () =>
    '`/usage me`: deine Nutzung und jedes Limit · `/tasks list`: deine letzten Videos · `/settings`: deine Standardwerte und DM-Hinweise',
  'help.admin.title': () => 'Für Admins (Server verwalten)',
  'help.admin.body': () =>
    '`/video-admin show` Einstellungen und Limits · `limit` und `role-limit` Obergrenzen · `channel` und `role` wer und wo · `model` Modelle an/aus · `defaults` Server-Standardwerte · `blocklist` gesperrte Begriffe · `timezone` Zurücksetzungen · `usage members` und `usage chart` Berichte · `queue` was gerade gerendert wird und wartet',
  'source.card.animate': (p) => `Animiert aus ${s(p, 'message')}`,
  'source.card.references': (p) => `Referenzen aus ${s(p, 'message')}`,
  'source.card.messageLink': () => 'dieser Nachricht',
  'source.help': () =>
    '**Aus jeder Nachricht**: Apps → **Animieren** (ihr Bild beginnt das Video) oder **Als Referenzen verwenden** (ihre Bilder und ihr Video)',
  'source.title.animate': () => 'Diese Nachricht animieren',
  'source.title.references': () => 'Als Referenzen verwenden',
  'source.model.member': (p) => `Modell: ${s(p, 'model')} (dein Standard)`,
  'source.model.server': (p) => `Modell: ${s(p, 'model')} (Standard dieses Servers)`,
  'source.model.catalog': (p) => `Modell: ${s(p, 'model')} (das erste, das diese Dateien annimmt; dein Standard nicht)`,
  'source.field.pick': () => 'Welches Bild',
  'source.field.pickHelp': (p) => `Es wird als ${s(p, 'how')} verwendet`,
  'source.pick.firstFrame': () => 'Startbild',
  'source.pick.reference': () => 'Referenzbild',
  'source.pick.image': (p) => `Bild ${s(p, 'n')}: ${s(p, 'name')}`,
  'source.pick.all': (p) => `Alle ${s(p, 'count')} Bilder als Referenzen`,
  'source.noMedia.animate': () =>
    'Diese Nachricht hat kein Bild zum Animieren (ein angehängtes oder eingebettetes Bild). Es wurde nichts erstellt.',
  'source.noMedia.references': () =>
    'Diese Nachricht hat weder Bild noch Video, das als Referenz dienen kann. Es wurde nichts erstellt.',
  'source.noModel': () =>
    'Kein hier aktiviertes Modell nimmt die Dateien dieser Nachricht an. Es wurde nichts erstellt.',
  'source.gone': () =>
    'Diese Nachricht konnte nicht erneut gelesen werden (gelöscht, oder der Bot sieht den Kanal nicht): Öffne das Formular erneut über die Nachricht. Es wurde nichts erstellt.',
  'source.mediaExpired': () =>
    'Die Dateien dieser Nachricht konnten nicht neu von Discord abgerufen werden. Versuch es gleich noch einmal; es wurde nichts erstellt.',
  // The gallery (issue 23).
  'admin.change.galleryOff': () => 'Galerie aus',
  'admin.change.galleryChannel': (p) => `Galerie = ${s(p, 'channel')}`,
  'admin.change.galleryAutoOn': () => 'Galerie: jedes fertige Video wird geteilt',
  'admin.change.galleryAutoOff': () => 'Galerie: fertige Videos bekommen einen Button „In der Galerie teilen“',
  'admin.change.galleryDigestOn': () => 'Galerie: Top 5 der Woche an',
  'admin.change.galleryDigestOff': () => 'Galerie: Top 5 der Woche aus',
  'gallery.perm.ViewChannel': () => 'Kanal ansehen',
  'gallery.perm.SendMessages': () => 'Nachrichten senden (in einem Forum: Beiträge erstellen)',
  'gallery.perm.SendMessagesInThreads': () => 'Nachrichten in Threads und Beiträgen senden',
  'gallery.perm.AttachFiles': () => 'Dateien anhängen',
  'gallery.perm.EmbedLinks': () => 'Links einbetten',
  'gallery.perm.ReadMessageHistory': () => 'Nachrichtenverlauf anzeigen',
  'gallery.perm.ManageThreads': () => 'Threads und Beiträge verwalten',
  'gallery.perm.ManageChannels': () => 'Kanäle verwalten (um Forum-Tags anzulegen)',
  'gallery.admin.missing': (p) =>
    `Die Galerie wurde nicht eingerichtet: Dem Bot fehlen in <#${s(p, 'channel')}> diese Berechtigungen: ${s(p, 'list')}. Erteile sie und versuch es noch einmal.`,
  'gallery.admin.notVisible': (p) =>
    `Die Galerie wurde nicht eingerichtet: Der Bot kann <#${s(p, 'channel')}> nicht sehen. Gib ihm dort „Kanal ansehen“ und versuch es noch einmal.`,
  'admin.needGallery': () => 'Wähle zuerst den Galerie-Kanal: `/video-admin gallery channel:<Forum- oder Textkanal>`.',
  'gallery.admin.badChannel': () => 'Wähle einen Forum-Kanal oder einen Textkanal für die Galerie.',
  'gallery.admin.set': (p) => `Galerie: <#${s(p, 'channel')}>, ${s(p, 'mode')}.`,
  'gallery.admin.auto': () => 'jedes fertige Video wird geteilt',
  'gallery.admin.button': () => 'fertige Videos bekommen einen Button „In der Galerie teilen“',
  'gallery.admin.off': () => 'Galerie ausgeschaltet. Bereits erstellte Beiträge bleiben.',
  'gallery.admin.digestOn': () => 'Die Top 5 der Woche werden jeden Montag gepostet.',
  'gallery.admin.digestOff': () => 'Keine wöchentlichen Top 5.',
  'gallery.admin.tagsFull': (p) =>
    `Hinweis: Das Forum hat schon ${s(p, 'count')} der 20 Tags, die Discord erlaubt; der Bot verwendet Tags wieder, kann aber keine Tags für Modell und Seitenverhältnis mehr hinzufügen, wenn es voll ist.`,
  'gallery.show.title': () => 'Galerie',
  'gallery.show.none': () => 'aus',
  'gallery.show.deleted': (p) =>
    `aus: Ihr Kanal (${s(p, 'channel')}) wurde gelöscht; richte mit /video-admin gallery einen neuen ein`,
  'gallery.purge.none': (p) => `Kein Galerie-Beitrag hat einen Prompt, der zu „${s(p, 'term')}“ passt.`,
  'gallery.purge.confirm': (p) =>
    `Galerie-Beiträge mit einem Prompt, der zu „${s(p, 'term')}“ passt: ${s(p, 'count')}. Alle entfernen?`,
  'gallery.purge.button': () => 'Alle entfernen',
  'gallery.purge.done': (p) => `Entfernte Galerie-Beiträge: ${s(p, 'count')}.`,
  'gallery.post.requester': (p) => `von <@${s(p, 'user')}>`,
  'gallery.post.card': () => 'Ursprüngliche Karte',
  'gallery.post.use': () => 'Diesen Prompt verwenden',
  'gallery.share': () => 'In der Galerie teilen',
  'gallery.share.done': () => 'Geteilt: Das Video erscheint gleich in der Galerie.',
  'gallery.share.denied': () =>
    'Nur wer das Video angefragt hat oder Mitglieder mit „Nachrichten verwalten“ können es teilen.',
  'gallery.share.optedOut': () => 'Wer dieses Video angefragt hat, möchte seine Videos nicht in der Galerie.',
  'gallery.share.already': () => 'Dieses Video ist schon in der Galerie.',
  'gallery.share.noGallery': () => 'Dieser Server hat keine Galerie.',
  'gallery.share.notDone': () => 'Nur fertige Videos können geteilt werden.',
  'gallery.optOut': () => 'Deine Videos werden nicht in der Galerie dieses Servers geteilt.',
  'gallery.optIn': () => 'Deine Videos dürfen wieder in der Galerie dieses Servers geteilt werden.',
  'gallery.top.title': (p) => `Galerie-Videos mit den meisten Reaktionen (${s(p, 'period')})`,
  'gallery.top.none': () => 'In diesem Zeitraum hat noch kein Galerie-Video Reaktionen.',
  'gallery.top.line': (p) => `${s(p, 'rank')}. [${s(p, 'title')}](${s(p, 'link')}) — Reaktionen: ${s(p, 'count')}`,
  'gallery.period.day': () => 'heute',
  'gallery.period.week': () => 'diese Woche',
  'gallery.period.month': () => 'diesen Monat',
  'gallery.period.all': () => 'insgesamt',
  'gallery.digest.title': () => 'Top 5 der Woche',
  'gallery.serverOnly': () => 'Die Galerie ist eine Server-Funktion.',
};
