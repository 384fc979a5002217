package ru.rosobr.assistant.testkit;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's {@code AccessMatrixIT} on a context of its own: the service gives its table ({@link #matrix}) and,
 * where the table checks region isolation, creates the other region's data first ({@link #prepare}); the base runs
 * every route against the table and compares the table with the README's «Матрица доступа». The subclass still
 * declares its infrastructure ({@code @DynamicPropertySource}), which differs per service. The OpenAPI description
 * is switched on, so that a service that has one states it in its table ({@link AccessMatrix#apiDocs()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.api-docs.enabled=true")
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class AccessMatrixTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ApplicationContext context;

    /** The service's access table, also its README's «Матрица доступа». */
    protected abstract AccessMatrix matrix();

    /** Creates what the table's own-region checks look for (nothing by default). */
    protected void prepare() {
    }

    @Test
    void everyRouteAdmitsExactlyWhomTheMatrixSays() {
        prepare();
        matrix().assertKeptBy(context, web);
    }

    @Test
    void readmeShowsTheMatrix() {
        matrix().assertShownIn(Path.of("README.md"));
    }
}
