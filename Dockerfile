# Runtime image for the app. Build the jar first on the host: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/chainatlas-*.jar /app/chainatlas.jar
EXPOSE 8080
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/app/chainatlas.jar"]
