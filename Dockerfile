# The Huiying server image: built from source in a Maven stage, run on a JRE.
#
#   docker build -t huiying .
#   docker compose up          # see docker-compose.yml
#
# Build stage: the whole reactor (text, routing, knowledge-base, admin-ui, server). Tests are compiled but
# not run here: they need PostgreSQL, Redis and a browser and run in CI (.ci/run).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY text text
COPY routing routing
COPY knowledge-base knowledge-base
COPY admin-ui admin-ui
COPY server server
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app huiying && mkdir -p /data && chown huiying /data
COPY --from=build /src/server/target/huiying-server.jar /app/huiying-server.jar
USER huiying
ENV HUIYING_DATA_DIR=/data
VOLUME /data
# 8080: REST, console, /ws/agent (STOMP), Twilio webhooks; 8081: the customer chat gateway (/ws/chat)
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/huiying-server.jar"]
