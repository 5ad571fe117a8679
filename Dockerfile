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
 && cp target/webex-recording-bot-*.jar /src/app.jar \
 && java -Djarmode=tools -jar /src/app.jar extract --destination /src/extracted
COPY docker/HealthCheck.java /src/healthcheck/
RUN javac -d /src/healthcheck /src/healthcheck/HealthCheck.java

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 bot \
 && useradd --system --uid 10001 --gid bot --home-dir /app --shell /usr/sbin/nologin bot \
 && mkdir -p /app /config /log /token_storage \
 && chown bot:bot /log /token_storage
WORKDIR /app
# The jar extracted (app.jar + lib/): class data sharing needs plain jars on the class path.
COPY --from=build /src/extracted/ /app/
COPY --from=build /src/healthcheck/HealthCheck.class /app/healthcheck/
# The sample rules; mount your own read-only at /config (docker run -v ./config:/config:ro).
COPY config/config.json /config/config.json
# Memory (docs/docker.md): a heap of at most 56 MB with a 14 MB young generation that keeps 10-30 %
# free above the live data (about 30 MB), the C1 compiler only, and glibc's freed memory handed
# back every 2 s.
ENV CFG_FILE_PATH=/config/config.json \
    LOG_DIR=/log \
    SERVER_PORT=8080 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx56m -Xmn14m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=96m -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=2000"
# Cold start (docs/deploy.md): the class data sharing archive comes from a training run with this
# image's JVM and options, which refreshes the AOT-processed context and exits before it serves
# (spring.context.exit=onRefresh). Dummy credentials keep it out of the demo; it contacts nothing.
RUN BOT_ACCESS_TOKEN=cds-training WEBHOOK_SECRET=cds-training \
    TOKEN_STORAGE_PATH=/tmp/cds-training LOG_DIR=/tmp/cds-training \
    java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -Dspring.aot.enabled=true \
         -jar /app/app.jar \
 && rm -rf /tmp/cds-training
VOLUME ["/config", "/log", "/token_storage"]
EXPOSE 8080
USER bot
# Liveness only: Docker restarts a stuck JVM, never a bot whose officer must authorize again
# or whose Webex is unreachable (both are on the status page and in /actuator/health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/app/healthcheck", "HealthCheck", "http://localhost:8080/actuator/health/liveness"]
# AOT-processed beans (process-aot) and the archive; the demo profile and BOT_MODE=websocket start
# without the AOT beans (AotFallback), the archive still helps them.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-Dspring.aot.enabled=true", "-jar", "/app/app.jar"]
