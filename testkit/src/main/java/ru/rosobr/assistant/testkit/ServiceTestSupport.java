package ru.rosobr.assistant.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the real infrastructure of the test JVM: a fresh database on the local (or
 * embedded) PostgreSQL and the JVM's embedded KRaft broker. Call from a {@code @DynamicPropertySource} method.
 */
public final class ServiceTestSupport {

    private ServiceTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        LocalPostgres.Server server = LocalPostgres.shared();
        String database = LocalPostgres.freshDatabase(databasePrefix);
        registry.add("PGHOST", server::host);
        registry.add("PGPORT", server::port);
        registry.add("PGUSER", server::user);
        registry.add("PGPASSWORD", () -> server.password() == null ? "" : server.password());
        registry.add("PGDATABASE", () -> database);
        registry.add("KAFKA_BOOTSTRAP_SERVERS", KafkaProbe::bootstrapServers);
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        // only operator-service reads it: it signs with the key the other services learn from the JWKS above
        registry.add("ASSISTANT_JWT_SIGNING_KEY", TestJwt::privateKeyPem);
    }
}
