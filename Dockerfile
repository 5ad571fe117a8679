# syntax=docker/dockerfile:1
# Webex Recording Bot. Build: docker build -t recordingbot/webex-recording-bot .
# The build runs the same wrapper command as CI; see docs/docker.md.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -DskipTests package \
 && cp target/webex-recording-bot-*.jar /src/app.jar
COPY docker/HealthCheck.java /src/healthcheck/
RUN javac -d /src/healthcheck /src/healthcheck/HealthCheck.java

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 bot \
 && useradd --system --uid 10001 --gid bot --home-dir /app --shell /usr/sbin/nologin bot \
 && mkdir -p /app /config /log /token_storage \
 && chown bot:bot /log /token_storage
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
COPY --from=build /src/healthcheck/HealthCheck.class /app/healthcheck/
# The sample rules; mount your own read-only at /config (docker run -v ./config:/config:ro).
COPY config/config.json /config/config.json
ENV CFG_FILE_PATH=/config/config.json \
    LOG_DIR=/log \
    SERVER_PORT=8080 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=96m -XX:TieredStopAtLevel=1"
VOLUME ["/config", "/log", "/token_storage"]
EXPOSE 8080
USER bot
# Liveness only: Docker restarts a stuck JVM, never a bot whose officer must authorize again
# or whose Webex is unreachable (both are on the status page and in /actuator/health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/app/healthcheck", "HealthCheck", "http://localhost:8080/actuator/health/liveness"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
