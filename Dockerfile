# The gateway image: API, WebSocket subscriptions and the built web app on one port.
# Two stages: the build has every dependency and compiles the server (tsc) and the web app (Vite);
# the image that runs holds only the production dependencies and the compiled output.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
# DATA_DIR holds attachments when S3_URL is unset: a volume (shared by every gateway in
# docker-compose.yml) mounted on a folder the unprivileged user owns.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# Read at start in production: the web app's registered operations (trusted documents).
COPY --from=build /app/schema/trusted-documents.json ./schema/trusted-documents.json
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains: sockets close with 1012 so clients resume on another instance, in-flight
# requests finish, then the process exits (server/src/main.ts).
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
