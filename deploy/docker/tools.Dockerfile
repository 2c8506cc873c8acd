# syntax=docker/dockerfile:1
#
# The suite's command-line tools (module tools) as an image: docker-compose runs its Kafka setup with it
# (io.orderflow.tools.kafka.KafkaSetup: users, topics and ACLs). Build from the repository root:
#
#   docker build -f deploy/docker/tools.Dockerfile -t orderflow/tools .
#   docker run --rm orderflow/tools io.orderflow.tools.kafka.KafkaSetup --passwords DIR ...

ARG JAVA_MAJOR=17

FROM eclipse-temurin:${JAVA_MAJOR}-jdk AS build
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,id=orderflow-m2,target=/root/.m2 \
    ./mvnw -B -ntp -pl tools -am package -DskipTests \
 && cp tools/target/tools-*.jar /workspace/tools.jar

FROM eclipse-temurin:${JAVA_MAJOR}-jre
RUN groupadd --system --gid 10001 orderflow \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin orderflow
WORKDIR /app
COPY --from=build /workspace/tools/target/lib/ ./lib/
COPY --from=build /workspace/tools.jar ./tools.jar
USER 10001:10001
# the tool's main class and arguments are the command
ENTRYPOINT ["java", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.orderflow", "-cp", "/app/tools.jar:/app/lib/*"]
