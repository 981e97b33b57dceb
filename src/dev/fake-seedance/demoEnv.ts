/** The `.env` lines that point the bot at a running fake video service (printed by `npm run fake-seedance`). */
export function demoEnvLines(url: string, apiKey: string): string[] {
  return [
    `SEEDANCE_BASE_URL=${url}`,
    `SEEDANCE_API_KEY=${apiKey}`,
    // The fake serves its videos over plain http on 127.0.0.1: both are refused unless allowed (never in production).
    'ALLOW_INSECURE_VIDEO_URLS=true',
    'ALLOW_PRIVATE_VIDEO_HOSTS=true',
  ];
}
