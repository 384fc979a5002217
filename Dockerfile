# One image recipe for every service: build the jars first (./mvnw -DskipTests package), then
#   docker build --build-arg SERVICE=intake-service -t rosobr/intake-service .
FROM eclipse-temurin:25-jre
ARG SERVICE
RUN useradd --system --uid 10001 app
COPY ${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
