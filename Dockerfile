# syntax=docker/dockerfile:1
# Build stage: installs every dependency (compiling sqlite3's native module) and compiles TypeScript.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# sqlite3 uses a prebuilt binary when one downloads, else compiles with the tools above.
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The image uses Debian's ffmpeg (below), not the static binary the npm package ships: drop that 68 MB. The chart
# loads only the Regular weight of its shipped fonts (src/services/usage/chartFonts.ts): drop the other weights
# (about 60 MB).
RUN npm run build && npm prune --omit=dev && rm -rf node_modules/@ffmpeg-installer \
 && find node_modules/@embedpdf -name '*.otf' ! -name '*-Regular.otf' -delete

# Runtime stage: only the compiled code, production node_modules (with the built sqlite3) and a non-root user.
FROM node:20-bookworm-slim AS runtime
# ffmpeg fits finished videos to Discord's upload limit and takes the last frame for Extend. No system fonts: the
# /usage chart draws with the fonts shipped in node_modules (@embedpdf/fonts-sc, @embedpdf/fonts-kr).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/bot.sqlite \
    FFMPEG_PATH=/usr/bin/ffmpeg \
    HTTP_PORT=8080 \
    HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# The SQLite file (tasks, usage, guild settings) lives here: mount a volume so jobs survive a new container.
VOLUME ["/app/data"]
# GET /healthz (see docs/METRICS.md): 200 while the gateway is ready and the database answers.
# /metrics is served on the same port for Prometheus. HTTP_HOST=0.0.0.0 on purpose: inside a container,
# 127.0.0.1 would be unreachable from outside it; set METRICS_TOKEN when the port is published.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=2000", "--max-semi-space-size=32", "dist/main.js"]
