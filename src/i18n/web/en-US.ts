/**
 * The web dashboard's texts in English (US): the reference table. Every other locale's table has exactly these
 * keys (the compiler checks it), each taking the same parameters. Values are plain text: pages escape them.
 */
export const webEnUS = {
  'app.title': () => 'Seedance videos',
  'nav.myVideos': () => 'My videos',
  'nav.signOut': () => 'Sign out',
  'nav.language': () => 'Language',
  'nav.signedInAs': (p: { name: string }) => `Signed in as ${p.name}`,
  'login.title': () => 'Sign in',
  'login.intro': () => 'Sign in with your Discord account to see the videos you made with the bot.',
  'login.button': () => 'Sign in with Discord',
  'login.failed': () => 'Signing in did not work (it may have taken too long). Please try again.',
  'videos.title': () => 'My videos',
  'videos.none': () => 'No videos match.',
  'videos.page': (p: { page: number }) => `Page ${p.page}`,
  'videos.searched': (p: { count: number }) => `Only your ${p.count} newest videos were searched.`,
  'videos.delete': () => 'Delete the card',
  'videos.deleteTitle': () => 'Delete this card?',
  'videos.deleteConfirm': () =>
    "The card (the message with this video) is deleted in Discord, and its post in the server's gallery too. This cannot be undone.",
  'videos.deleteCancel': () => 'Keep it',
  'videos.delete.deleted': () => 'The card was deleted in Discord.',
  'videos.delete.gone': () => 'The card was already gone from Discord.',
  'videos.delete.unreachable': () =>
    'The bot cannot reach this card (it is where only your own install of the app is). Use the Delete button on the card in Discord.',
  'filter.server': () => 'Server',
  'filter.state': () => 'State',
  'filter.model': () => 'Model',
  'filter.search': () => 'Search in prompts',
  'filter.any': () => 'Any',
  'filter.apply': () => 'Filter',
  'video.dm': () => 'Direct messages',
  'video.unknownServer': () => 'Another server',
  'video.channel': () => 'Channel',
  'video.parameters': () => 'Parameters',
  'video.cost': () => 'Cost',
  'video.created': () => 'Made',
  'video.expired': () => 'The video link has expired.',
  'video.notReady': () => 'No video yet.',
  'video.openCard': () => 'Open the card in Discord',
  'cost.tasks': (p: { units: number }) => `${p.units} video`,
  'cost.seconds': (p: { units: number }) => `${p.units} s of video`,
  'page.previous': () => 'Previous',
  'page.next': () => 'Next',
  'state.queued': () => 'Waiting in the queue',
  'state.accepted': () => 'Accepted',
  'state.review_submitting': () => 'Sending files for review',
  'state.reviewing': () => 'Files under review',
  'state.submitting': () => 'Sending',
  'state.running': () => 'Rendering',
  'state.delivering': () => 'Delivering',
  'state.done': () => 'Done',
  'state.failed': () => 'Failed',
  'state.timed_out': () => 'Timed out',
  'state.uncertain': () => 'Outcome unknown',
  'error.notFound': () => 'This page does not exist.',
  'error.forbidden': () => 'This request was refused. Reload the page and try again.',
  'error.tooMany': () => 'Too many requests. Please wait a minute.',
  'error.server': () => 'Something went wrong on our side. Please try again later.',
} as const;

type Texts = typeof webEnUS;
/** A web text key. */
export type WebKey = keyof Texts;
/** Every locale's table: the same keys as en-US, each taking the same parameters. */
export type WebTexts = { [K in WebKey]: Texts[K] extends () => string ? () => string : Texts[K] };
