# The engine's image, built from this repository: docker build -t campaign-engine .
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies and plugins first, in a layer of their own that is rebuilt only when a pom changes:
# an empty build of the modules fetches what the real one needs, which then runs offline.
COPY pom.xml .
COPY campaign-domain/pom.xml campaign-domain/
COPY campaign-test-support/pom.xml campaign-test-support/
COPY campaign-projections/pom.xml campaign-projections/
COPY campaign-api/pom.xml campaign-api/
COPY campaign-bench/pom.xml campaign-bench/
RUN mvn -B -q -pl campaign-api -am -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true \
        package dependency:go-offline \
    && rm -rf */target
COPY . .
RUN mvn -B -q -o -Dmaven.test.skip=true -pl campaign-api -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /app engine
# where a key file made at first start goes (docker-compose.yml mounts a volume here)
RUN mkdir -p /var/lib/campaign-engine/keys && chown engine /var/lib/campaign-engine/keys
WORKDIR /app
COPY --from=build /src/campaign-api/target/campaign-api-0.1.0-SNAPSHOT.jar engine.jar
USER engine
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/engine.jar"]
