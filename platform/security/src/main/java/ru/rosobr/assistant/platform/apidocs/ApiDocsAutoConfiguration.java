package ru.rosobr.assistant.platform.apidocs;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.utils.SpringDocUtils;

/**
 * The OpenAPI description of a service's console API ({@code /v3/api-docs}, springdoc), for the services that bring
 * springdoc: the console's TypeScript types are generated from it (console/web/src/api/&lt;service&gt;.openapi.json,
 * kept equal to it by the service's OpenApiSpecIT). Off unless {@code springdoc.api-docs.enabled} is set (the
 * platform's defaults switch it off), and then for administrators only ({@code ApiSecurity}); the gateway
 * does not route it. A service states only which of its paths the description covers
 * ({@code springdoc.paths-to-match}).
 */
@AutoConfiguration
@ConditionalOnClass(ModelConverter.class)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "true")
public class ApiDocsAutoConfiguration {

    @Bean
    ModelConverter recordComponents() {
        return new RecordComponents();
    }

    /**
     * A controller's {@code @AuthenticationPrincipal Jwt} is the caller's token, not a parameter of the request.
     * springdoc ignores the annotation, but only after {@code default-flat-param-object} has taken the token apart
     * into query parameters ({@code tokenValue}, {@code issuedAt}, {@code expiresAt}); a type it ignores stays whole.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Jwt.class)
    static class CallersToken {
        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Jwt.class);
        }
    }

    /**
     * Jackson writes every component of a record, null or not: each is a required property of the schema (without
     * this every field would be optional in the generated TypeScript); one marked {@code @Nullable} may be null.
     * Jackson reads a missing component as null, so a request body's record says which of its components the
     * service does without: {@code @Schema(requiredMode = NOT_REQUIRED)} on such a component, or on the record for
     * all of them; such a component is optional and, unless primitive, nullable.
     */
    static final class RecordComponents implements ModelConverter {

        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            if (!chain.hasNext()) {
                return null;
            }
            Schema<?> schema = chain.next().resolve(type, context, chain);
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (schema == null || raw == null || !raw.isRecord()) {
                return schema;
            }
            Schema<?> model = schema;
            if (schema.get$ref() != null) {
                Map<String, Schema> defined = context.getDefinedModels();
                model = defined.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            }
            if (model == null || model.getProperties() == null) {
                return schema;
            }
            boolean allOptional = optional(raw.getAnnotation(
                    io.swagger.v3.oas.annotations.media.Schema.class));
            for (RecordComponent c : raw.getRecordComponents()) {
                String name = jsonName(raw, c);
                Schema<?> property = model.getProperties().get(name);
                if (property == null) {
                    continue;
                }
                boolean optional = allOptional || optional(field(raw, c)
                        .map(f -> f.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class)).orElse(null));
                List<String> required = model.getRequired();
                if (optional) {
                    if (required != null) {
                        required.remove(name);
                    }
                } else if (required == null || !required.contains(name)) {
                    model.addRequiredItem(name);
                }
                if (!c.getType().isPrimitive() && property.get$ref() == null && (optional || nullable(c))) {
                    property.setNullable(true);
                }
            }
            return schema;
        }

        /** The component's name in JSON: its own, or the one {@code @JsonProperty} gives it (kept on the field). */
        private static String jsonName(Class<?> record, RecordComponent c) {
            return field(record, c).map(f -> f.getAnnotation(JsonProperty.class))
                    .filter(renamed -> !renamed.value().isEmpty()).map(JsonProperty::value).orElse(c.getName());
        }

        /** The component's field, where annotations of the component that apply to fields are kept. */
        private static Optional<Field> field(Class<?> record, RecordComponent c) {
            try {
                return Optional.of(record.getDeclaredField(c.getName()));
            } catch (NoSuchFieldException e) {
                return Optional.empty();
            }
        }

        private static boolean optional(io.swagger.v3.oas.annotations.media.Schema schema) {
            return schema != null && schema.requiredMode() == RequiredMode.NOT_REQUIRED;
        }

        /** JSpecify's, Jakarta's or Spring's {@code @Nullable}, on the component or its type. */
        private static boolean nullable(RecordComponent c) {
            return Stream.concat(Arrays.stream(c.getAnnotations()), Arrays.stream(c.getAnnotatedType().getAnnotations()))
                    .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
        }
    }
}
