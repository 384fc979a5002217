package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Does a question speak of a teacher's paperwork or duties (documents, reports, plans, journals, forms,
 * attestation, a duty put on a teacher)? Such a question is in the service's subject whatever the domain gate's
 * statistics say, so it is routed rather than declined when no entry answers it. The cues are project data
 * ({@code matching/paperwork-cues.tsv}).
 */
final class PaperworkCues {

    /** What a cue tells. */
    enum Kind { SUBJECT, IMPOSED, DUTY, TEACHER, NOT }

    private final Map<String, Kind> cues;

    PaperworkCues(Map<String, Kind> cues) {
        this.cues = cues;
    }

    /** The cue words found (empty when the question does not speak of paperwork). */
    List<String> find(List<Term> terms) {
        List<String> found = new ArrayList<>();
        String duty = null;
        String teacher = null;
        for (int i = 0; i < terms.size(); i++) {
            for (String a : features(terms.get(i))) {
                if (i + 1 < terms.size()) {
                    for (String b : features(terms.get(i + 1))) {
                        Kind pair = cues.get(a + " " + b);
                        if (pair == Kind.NOT) {
                            return List.of();
                        }
                        if (pair == Kind.SUBJECT || pair == Kind.IMPOSED) {
                            found.add(a + " " + b);
                        }
                    }
                }
                Kind k = cues.get(a);
                if (k == null) {
                    continue;
                }
                switch (k) {
                    case NOT -> {
                        return List.of();
                    }
                    case SUBJECT, IMPOSED -> found.add(a);
                    case DUTY -> duty = duty == null ? a : duty;
                    case TEACHER -> teacher = teacher == null ? a : teacher;
                }
            }
        }
        if (found.isEmpty() && duty != null && teacher != null) {
            found.add(duty);
            found.add(teacher);
        }
        return found.stream().distinct().toList();
    }

    private static List<String> features(Term t) {
        List<String> out = new ArrayList<>(t.forms().length + t.concepts().length);
        for (String f : t.forms()) {
            out.add(f);
        }
        for (String c : t.concepts()) {
            if (!c.startsWith(TextAnalyzer.PREFIX_MARK)) {
                out.add(c);
            }
        }
        return out;
    }
}
