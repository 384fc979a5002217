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
     * about this service, never another subject, though it names no paper. GENERIC — a paper word of everyday
     * life too (документ, справка, таблица): a cue like SUBJECT, but one a question whose other words all point
     * away from the field may still be declined with. CONSEQUENCE — no cue, but a sanction (выговор, лишить
     * премии) a question may name as the threat behind a duty it asks about.
     */
    enum Kind { SUBJECT, GENERIC, LISTED, IMPOSED, DUTY, TEACHER, SERVICE, CONSEQUENCE, NOT }

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
                        if (pair == Kind.SUBJECT || pair == Kind.GENERIC || pair == Kind.LISTED
                                || pair == Kind.IMPOSED || pair == Kind.SERVICE) {
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
                    case SUBJECT, GENERIC, LISTED, IMPOSED, SERVICE -> found.add(a);
                    case DUTY -> duty = duty == null ? a : duty;
                    case TEACHER -> teacher = teacher == null ? a : teacher;
                    case CONSEQUENCE -> { }
                }
            }
        }
        if (found.isEmpty() && duty != null && teacher != null) {
            found.add(duty);
            found.add(teacher);
        }
        return found.stream().distinct().toList();
    }

    /** Is this cue a paper that may be one item of a teacher's list while the base does not cover it alone? */
    boolean listed(String lemma) {
        return cues.get(lemma) == Kind.LISTED;
    }

    /**
     * Does the question itself (its words, not their concept synonyms) tell of the field for certain — a teacher's
     * paper, attestation, an imposed duty, «обязан» with a teacher — rather than only an everyday paper word
     * (GENERIC) or a word to the service (жалоба)? Such a question is never declined.
     */
    boolean certain(List<Term> terms) {
        boolean duty = false;
        boolean teacher = false;
        for (int i = 0; i < terms.size(); i++) {
            for (String a : terms.get(i).forms()) {
                if (i + 1 < terms.size()) {
                    for (String b : terms.get(i + 1).forms()) {
                        if (strong(cues.get(a + " " + b))) {
                            return true;
                        }
                    }
                }
                Kind k = cues.get(a);
                duty |= k == Kind.DUTY;
                teacher |= k == Kind.TEACHER;
                if (strong(k)) {
                    return true;
                }
            }
        }
        return duty && teacher;
    }

    private static boolean strong(Kind k) {
        return k == Kind.SUBJECT || k == Kind.LISTED || k == Kind.IMPOSED;
    }

    /** Is this lemma a sanction that may be only the threat behind a duty asked about? */
    boolean consequence(String lemma) {
        return cues.get(lemma) == Kind.CONSEQUENCE;
    }

    /** Does the question ask whether something is a duty or may be demanded (обязательно, должен, заставляют…)? */
    boolean asksDuty(List<Term> terms) {
        for (Term t : terms) {
            for (String a : t.forms()) {
                Kind k = cues.get(a);
                if (k == Kind.DUTY || k == Kind.IMPOSED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many of the cues found name a paper (not a duty). */
    int papers(List<String> found) {
        int n = 0;
        for (String f : found) {
            Kind k = cues.get(f);
            n += k == Kind.SUBJECT || k == Kind.GENERIC || k == Kind.LISTED ? 1 : 0;
        }
        return n;
    }

    /**
     * The terms without those a NOT cue gives another sense («школьная форма», «принимать документы»): such a word
     * names no paper of a teacher, so it names no entry's subject either.
     */
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
