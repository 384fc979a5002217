package ru.rosobr.assistant.answer;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;

/**
 * Keeps {@code console/web/src/api/answer.openapi.json}, from which the console's types of the knowledge-base API
 * are generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true}
 * rewrites it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    OpenApiSpecIT() {
        super("answer", "/api/kb/entries");
    }
}
