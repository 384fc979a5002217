package ru.rosobr.assistant.operator.kb;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The editable fields of a draft, as the console sends them; every field may be null (on creation: taken from the
 * appeal where possible; on verification: left as the draft has it).
 *
 * @param audience ALL | SCHOOL | SPO | DOO
 */
@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
public record KbDraftFields(String topic, String audience, String question, List<String> phrasings, String answer,
                            String legalBasis) {

    public static final KbDraftFields NONE = new KbDraftFields(null, null, null, null, null, null);
}
