# Twofold in a container. Not built or run here (this project's machines have no container engine):
# kept to what can be checked by reading. Build from the repository root:
#   docker build -t twofold .
# Run with PostgreSQL: see docker-compose.yml; alone on the embedded H2 file database:
#   docker run --read-only --tmpfs /tmp:rw,exec,nosuid,nodev -v twofold-data:/data -p 8080:8080 twofold

# --- build: the shaded jar, tests skipped (CI runs them) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY mfa-domain mfa-domain
COPY mfa-adapters-jdbc mfa-adapters-jdbc
COPY mfa-adapters-http mfa-adapters-http
COPY mfa-app mfa-app
COPY architecture-tests architecture-tests
RUN mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -pl mfa-app -am package

# --- run: a JRE, a non-root user, one writable volume ---
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 twofold \
 && useradd --system --uid 10001 --gid twofold --home-dir /data --shell /usr/sbin/nologin twofold \
 && mkdir -p /data && chown twofold:twofold /data && chmod 0700 /data
COPY --from=build /src/mfa-app/target/mfa-app.jar /opt/twofold/mfa-app.jar
USER twofold:twofold
# The only writable place: the embedded database and development key (unused with PostgreSQL and
# MFA_SECRET_KEY). Run the container with --read-only; the JVM needs a writable /tmp that allows exec
# (--tmpfs /tmp:rw,exec,...; Docker's tmpfs is noexec by default): Netty's epoll transport and ACCP's
# signer unpack their native libraries there and load them. On a noexec /tmp both fall back (Java NIO,
# the JDK's signer) and the start-up log says so.
VOLUME ["/data"]
ENV MFA_DATA_DIR=/data \
    MICRONAUT_SERVER_PORT=8080 \
    MFA_LOG_FORMAT=json
EXPOSE 8080
# Readiness: the database answers (liveness, for an orchestrator that restarts, is /health/liveness).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/twofold/mfa-app.jar"]
