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

    /**
     * What a cue tells. SERVICE — the question speaks to the service itself (бот, обращение, жалоба): it is
     * about this service, never another subject, though it names no paper.
     */
    enum Kind { SUBJECT, LISTED, IMPOSED, DUTY, TEACHER, SERVICE, NOT }

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
                        if (pair == Kind.SUBJECT || pair == Kind.LISTED || pair == Kind.IMPOSED
                                || pair == Kind.SERVICE) {
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
                    case SUBJECT, LISTED, IMPOSED, SERVICE -> found.add(a);
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

    /**
     * The terms without those a NOT cue gives another sense («школьная форма», «принимать документы»): such a word
     * names no paper of a teacher, so it names no entry's subject either.
     */
    /** Is this cue a paper that may be one item of a teacher's list while the base does not cover it alone? */
    boolean listed(String lemma) {
        return cues.get(lemma) == Kind.LISTED;
    }

    /** How many of the cues found name a paper (not a duty). */
    int papers(List<String> found) {
        int n = 0;
        for (String f : found) {
            Kind k = cues.get(f);
            n += k == Kind.SUBJECT || k == Kind.LISTED ? 1 : 0;
        }
        return n;
    }

    List<Term> withoutOtherSenses(List<Term> terms) {
        boolean[] drop = null;
        for (int i = 0; i < terms.size(); i++) {
            for (String a : features(terms.get(i))) {
                boolean pair = false;
                if (i + 1 < terms.size()) {
                    for (String b : features(terms.get(i + 1))) {
                        pair |= cues.get(a + " " + b) == Kind.NOT;
                    }
                }
                if (pair || cues.get(a) == Kind.NOT) {
                    if (drop == null) {
                        drop = new boolean[terms.size()];
                    }
                    drop[i] = true;
                    if (pair) {
                        drop[i + 1] = true;
                    }
                }
            }
        }
        if (drop == null) {
            return terms;
        }
        List<Term> out = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            if (!drop[i]) {
                out.add(terms.get(i));
            }
        }
        return out;
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
