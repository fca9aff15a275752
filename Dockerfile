# Keygate container image.
#   docker build -t keygate:0.1.0 .
#   docker run --rm -e KEYGATE_DATABASE_URL=jdbc:postgresql://db:5432/keygate -e KEYGATE_DATABASE_PASSWORD=… \
#     -e KEYGATE_HOST=0.0.0.0 -p 7070:7070 keygate:0.1.0            # serve (the default command)
#   docker run --rm … keygate:0.1.0 migrate                          # the Helm pre-install/upgrade hook
#
# Stage 1 builds the same shaded jar the tests run (server/target/keygate.jar; JarIT starts it the
# way this image does), with the container profile: only the Linux builds of the embedded
# PostgreSQL are kept (a production image talks to a real database; `dev` still works on Linux).
#
# Reproducible and pinnable: both base images are build arguments, so a release build pins them by digest
#   docker build --build-arg BUILD_IMAGE=maven:3.9-eclipse-temurin-17@sha256:… \
#     --build-arg RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy@sha256:… -t <registry>/keygate:0.1.0 .
# and the image itself is deployed by digest: `docker push` prints it; the Helm chart takes it as
# image.digest (rendering <repository>@sha256:…, which a moved tag cannot change).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY config config
COPY proto proto
COPY server server
COPY client-stubs client-stubs
COPY helm/pom.xml helm/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN mvn -B -q -Pcontainer -DskipTests -Dcheckstyle.skip -pl server -am package

# Stage 2: a JRE only, no shell tools beyond the base, a non-root user, nothing writable but /tmp.
FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="keygate" \
      org.opencontainers.image.description="API-key authorization sidecar" \
      org.opencontainers.image.version="${VERSION}"
RUN groupadd --system --gid 10001 keygate && useradd --system --uid 10001 --gid keygate --no-create-home keygate
COPY --from=build /src/server/target/keygate.jar /app/keygate.jar
# Class-data sharing: a training run (`keygate train`: a throw-away embedded PostgreSQL, and a sidecar in
# a JVM of its own started with the flags after --, asked Authorize, Check and a management call, then
# stopped) records the classes a sidecar loads, and only those; every start then maps /app/keygate.jsa
# instead of loading them again (docs/performance.md). A second training against a throw-away Redis
# (installed for it and removed in the same layer) writes /app/keygate-redis.jsa, which the chart maps
# for sidecars counting in Redis: with Lettuce archived they start 0.3–0.5 s sooner, and an in-process
# sidecar does not map ~15 MB of Redis classes it never loads. JarIT runs both trainings and starts the
# jar with -Xshare:on on each archive.
RUN java -jar /app/keygate.jar train -- -XX:+UseSerialGC -Xss512k -Xlog:cds=error \
      -XX:ArchiveClassesAtExit=/app/keygate.jsa \
    && apt-get update && apt-get install -y --no-install-recommends redis-server \
    && redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes \
    && java -jar /app/keygate.jar train --redis-url redis://127.0.0.1:6379 -- -XX:+UseSerialGC -Xss512k \
      -Xlog:cds=error -XX:ArchiveClassesAtExit=/app/keygate-redis.jsa \
    && redis-cli -p 6379 shutdown nosave \
    && apt-get purge -y --auto-remove redis-server redis-tools && rm -rf /var/lib/apt/lists/* \
    && chmod 444 /app/keygate.jsa /app/keygate-redis.jsa
USER 10001:10001
# The Helm chart's javaToolOptions word for word (helm/keygate/values.yaml says why each flag; the helm
# module's JvmFlagsTest holds the two equal): a small heap for a sidecar, SerialGC for 1–2 cores, the archive.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -Xss512k -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=/app/keygate.jsa -XX:TrimNativeHeapInterval=5000" \
    KEYGATE_HOST=127.0.0.1 \
    KEYGATE_PORT=7070
EXPOSE 7070
ENTRYPOINT ["java", "-jar", "/app/keygate.jar"]
CMD ["serve"]
