package ru.rosobr.assistant.operator.kb;

import java.util.List;

/**
 * The editable fields of a draft, as the console sends them; every field may be null (on creation: taken from the
 * appeal where possible; on verification: left as the draft has it).
 *
 * @param audience ALL | SCHOOL | SPO | DOO
 */
public record KbDraftFields(String topic, String audience, String question, List<String> phrasings, String answer,
                            String legalBasis) {

    public static final KbDraftFields NONE = new KbDraftFields(null, null, null, null, null, null);
}
