package ru.rosobr.assistant.answer.matching;

import java.util.Collection;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.matching.internal.LemmaMatcher;
import ru.rosobr.assistant.answer.matching.internal.Lexicon;
import ru.rosobr.assistant.answer.matching.internal.Morphology;
import ru.rosobr.assistant.answer.matching.internal.TextAnalyzer;
import ru.rosobr.assistant.contracts.OrgType;

/** Builds the matcher the service uses; the evaluation and benchmark commands build the very same one. */
public final class Matching {

    private Matching() {
    }

    public static Matcher create(MatcherSettings settings) {
        Lexicon lexicon = Lexicon.standard();
        return new LemmaMatcher(new TextAnalyzer(Morphology.get(), lexicon), lexicon, settings);
    }

    public static Matcher create(MatcherSettings settings, Collection<KbEntry> entries) {
        Matcher m = create(settings);
        m.reindex(entries);
        return m;
    }

    /** A one-line account of a decision (analysed terms, audience, domain evidence, coverage, similarity). */
    public static String explain(Matcher matcher, String question, OrgType orgType) {
        if (matcher instanceof LemmaMatcher lm) {
            LemmaMatcher.Explanation x = lm.explain(question, orgType);
            MatchResult r = x.result();
            return String.format("%s asker=%s gate=%.2f%s cov=%.2f sim=%.2f best=%s %.3f second=%s %.3f terms=%s",
                    r.decision(), x.asker(), x.domainEvidence(),
                    x.paperworkCues().isEmpty() ? "" : " paperwork=" + x.paperworkCues(), x.coverage(),
                    x.similarity(), r.best() == null ? "-" : r.best().id(), r.score(),
                    r.runnerUp() == null ? "-" : r.runnerUp().id(), r.runnerUpScore(), x.terms());
        }
        return matcher.match(question, orgType).toString();
    }
}
