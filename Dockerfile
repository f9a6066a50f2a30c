# Build stage: compile and package the Spring Boot jar (processes/ and forms/ go onto the classpath).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE and the jar, run as a non-root user, profile prod (PostgreSQL, no demo data).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home app
WORKDIR /app
COPY --from=build /src/target/township-reform-approval-*.jar /app/app.jar
ENV SPRING_PROFILES_ACTIVE=prod \
    TZ=Asia/Shanghai \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Shanghai"
EXPOSE 8080
USER app
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
