# syntax=docker/dockerfile:1
# Multi-stage build: the image builds the jar (backend + Vite UI) itself, then runs it on a JRE as a non-root user.
#   docker build -t chainatlas .        (or `docker compose up --build`, see docker-compose.yml)

# --- build: Maven (JDK 17) plus Node 22 for the frontend step that Maven runs (frontend/scripts/maven-step.mjs) ---
FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# The cache mounts keep Maven's and npm's downloads between builds (BuildKit). Java tests need Neo4j and a
# browser and are skipped here; the frontend's Vitest tests still run in Maven's test phase.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -B -DskipTests package \
 && cp target/chainatlas-*.jar /chainatlas.jar

# --- runtime: JRE only, unprivileged user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 chainatlas \
 && useradd --system --uid 10001 --gid chainatlas --home-dir /app --shell /usr/sbin/nologin chainatlas \
 && mkdir -p /app/data \
 && chown -R chainatlas:chainatlas /app
WORKDIR /app
COPY --from=build --chown=chainatlas:chainatlas /chainatlas.jar /app/chainatlas.jar
USER 10001:10001
# Only used when NEO4J_URI is empty (embedded Neo4j); compose points the app at a server instead.
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/app/chainatlas.jar"]
