# The engine's image, built from this repository: docker build -t campaign-engine .
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -Dmaven.test.skip=true -pl campaign-api -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /app engine
WORKDIR /app
COPY --from=build /src/campaign-api/target/campaign-api-0.1.0-SNAPSHOT.jar engine.jar
USER engine
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/engine.jar"]
