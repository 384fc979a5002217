package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

class LemmaMatcherTest {

    private static LemmaMatcher matcher(MatcherSettings settings) {
        LemmaMatcher m = new LemmaMatcher(new TextAnalyzer(Morphology.get(), Lexicon.standard()), Lexicon.standard(),
                settings);
        m.reindex(StarterKb.entries());
        return m;
    }

    private static final LemmaMatcher MATCHER = matcher(MatcherSettings.defaults());

    private static MatchResult match(String q) {
        return MATCHER.match(q, null);
    }

    @Test
    void matchesParaphrasesWithSlangAndTypos() {
        assertThat(match("обязан ли я писать поурочку").best().topic()).isEqualTo("lesson-plans");
        assertThat(match("Обязательно ли заполнять ЭЖ?").best().topic()).isEqualTo("electronic-journal");
        assertThat(match("что должен вести кл. рук.?").best().topic()).isEqualTo("class-teacher-docs");
        MatchResult typo = match("обязан ли учитель заполнять электроный журнл");
        assertThat(typo.decision()).isEqualTo(Decision.MATCHED);
        assertThat(typo.best().topic()).isEqualTo("electronic-journal");
    }

    @Test
    void thresholdDecidesBetweenAnswerAndRouting() {
        String q = "Нужно ли сдавать отчёт о проведённом мероприятии?";
        MatchResult r = match(q);
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        MatcherSettings d = MatcherSettings.defaults();
        // the same question with a threshold just above its score is routed, with its candidate kept
        LemmaMatcher strict = matcher(new MatcherSettings(r.score() + 0.01, d.minMargin(), d.offTopicThreshold(),
                d.answerWeight(), d.conceptWeight(), d.unknownWeight(), d.coverageShare()));
        MatchResult routed = strict.match(q, null);
        assertThat(routed.decision()).isEqualTo(Decision.UNMATCHED);
        assertThat(routed.best().id()).isEqualTo(r.best().id());
        assertThat(routed.score()).isEqualTo(r.score());
        // a runner-up closer than the margin also routes (the margin a strong match needs shrinks, never below
        // MIN_MARGIN_SHARE of minMargin)
        double wide = (r.score() - r.runnerUpScore() + 0.01) / LemmaMatcher.MIN_MARGIN_SHARE;
        LemmaMatcher narrow = matcher(new MatcherSettings(d.matchThreshold(), wide,
                d.offTopicThreshold(), d.answerWeight(), d.conceptWeight(), d.unknownWeight(), d.coverageShare()));
        assertThat(narrow.match(q, null).decision()).isEqualTo(Decision.UNMATCHED);
    }

    @Test
    void requiredMarginShrinksAsTheScoreGrows() {
        LemmaMatcher m = matcher(MatcherSettings.defaults());
        double full = MatcherSettings.defaults().minMargin();
        assertThat(m.requiredMargin(MatcherSettings.defaults().matchThreshold())).isEqualTo(full);
        assertThat(m.requiredMargin(0.65)).isLessThan(full).isGreaterThan(full * LemmaMatcher.MIN_MARGIN_SHARE);
        assertThat(m.requiredMargin(0.95)).isEqualTo(full * LemmaMatcher.MIN_MARGIN_SHARE);
    }

    @Test
    void otherSubjectsAreDeclinedUnlessTheySpeakOfPaperwork() {
        // pay and platform logins are not the service's, however many field words the question has
        assertThat(match("Сколько платят классному руководителю в нашем регионе?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
        assertThat(match("Не получается зайти в электронный дневник, что делать?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
        // the same words next to a paper put on a teacher are routed
        assertThat(match("Не платят за отчёты, которые заставляют писать по выходным. Законно?").decision())
                .isNotEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void aQuestionToTheServiceItselfIsNeverDeclined() {
        // a SERVICE cue (бот, обращение, жалоба) keeps it in the subject, though it names no paper
        assertThat(match("По каким темам к вам можно обращаться?").decision()).isNotEqualTo(Decision.OFF_TOPIC);
        assertThat(match("Куда уйдёт моя жалоба дальше?").decision()).isNotEqualTo(Decision.OFF_TOPIC);
        // pay stays another subject, however the question is put
        assertThat(match("Какая надбавка положена за классное руководство?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void anImposedDutyIsNeverDeclined() {
        // «отправляют» puts a duty on the teacher: routed or answered, never declined
        assertThat(match("Нас отправляют убирать парк в воскресенье, можно не ходить?").decision())
                .isNotEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void anEntryThatExplainsOnlyTheFrameOfAQuestionDoesNotAnswerIt() {
        // «возможности» is the bot's own word, but nothing in the question names the bot: routed, the entry kept
        // as the candidate for the editor
        MatchResult r = match("Какие возможности у ребёнка с ОВЗ в обычной школе?");
        assertThat(r.best().topic()).isEqualTo("bot-scope");
        assertThat(r.score()).isGreaterThanOrEqualTo(MatcherSettings.defaults().matchThreshold());
        assertThat(r.score() - r.runnerUpScore()).isGreaterThan(MatcherSettings.defaults().minMargin());
        assertThat(r.decision()).isEqualTo(Decision.UNMATCHED);
    }

    @Test
    void anEntryWhoseTopicIsNotNamedNeitherAnswersNorStandsInTheWay() {
        MatchResult r = match("Нас заставляют водить детей на концерты по воскресеньям, законно?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("extra-events");
        // event reports share «проведённые мероприятия» with it, but the question names no report
        assertThat(r.runnerUp() == null || !r.runnerUp().topic().equals("event-reports")).isTrue();
    }

    @Test
    void aPaperNamedInPassingDoesNotKeepAnotherSubjectFromBeingDeclined() {
        assertThat(match("Как заполнить заявление на материальную помощь в профсоюз?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void theStoryNamesThePaperAShortQuestionAsksAbout() {
        String story = "Весной нам сказали к понедельнику подготовить характеристики на всех учеников класса. "
                + "Запроса ни от кого не было. Я сижу с ними все выходные. Это вообще законно?";
        MatchResult r = match(story);
        assertThat(r.best()).isNotNull();
        assertThat(r.best().topic()).isEqualTo("student-characteristic");
    }

    @Test
    void scoresAndRunnerUpAreConsistent() {
        MatchResult r = match("Нужно ли вести КТП отдельно от рабочей программы?");
        assertThat(r.best().topic()).isEqualTo("ktp");
        assertThat(r.score()).isBetween(0.0, 1.0);
        assertThat(r.runnerUp()).isNotNull();
        assertThat(r.runnerUp().topic()).isNotEqualTo("ktp");
        assertThat(r.runnerUpScore()).isLessThan(r.score());
    }

    @Test
    void knownGapsAreRoutedAndOtherSubjectsDeclined() {
        assertThat(match("Какие документы собрать на аттестацию на высшую категорию?").decision())
                .isEqualTo(Decision.UNMATCHED);
        assertThat(match("Лишили премии за то, что не сдала отчёт о мероприятии").decision())
                .isEqualTo(Decision.UNMATCHED);
        MatchResult off = match("Как приготовить борщ со сметаной?");
        assertThat(off.decision()).isEqualTo(Decision.OFF_TOPIC);
        assertThat(off.best()).isNull();
        assertThat(match("Какой курс евро на завтра?").decision()).isEqualTo(Decision.OFF_TOPIC);
        assertThat(match("   ").decision()).isEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void paperworkQuestionsAreNeverDeclinedAsOffTopic() {
        // in-domain questions the domain gate once declined: each speaks of documents, reports, journals, forms,
        // protocols, attestation or a duty put on a teacher, and no entry answers it, so it goes to the operator
        for (String q : List.of("Какие документы нужно подать на аттестацию на первую категорию?",
                "Сколько отчётов по наставничеству должен сдавать учитель?",
                "Какие журналы по технике безопасности ведёт учитель физкультуры?",
                "Нужно ли учителям заполнять форму самообследования школы?",
                "Кто должен подписывать протоколы родительских собраний?",
                "Меня обязали дежурить на переменах, это законно?",
                "Должен ли учитель проверять тетради каждый день?",
                // known gaps whose words an entry would otherwise explain (программа, документы)
                "Советник директора по воспитанию какие документы должен вести?",
                "Программу развития школы должны писать учителя?")) {
            assertThat(match(q).decision()).as(q).isEqualTo(Decision.UNMATCHED);
        }
        // paperwork words keep a question from being declined, not a doubtful match from needing a strong score
        assertThat(match("Как написать план-конспект для урока по литературе про Пушкина, помогите с текстом")
                .decision()).isEqualTo(Decision.UNMATCHED);
        // a paperwork word in another sense (a pupil's admission, a password) leaves the decision to the gate
        for (String q : List.of("Какие документы нужны для поступления в первый класс?",
                "Забыла пароль от электронного журнала, как войти?")) {
            assertThat(match(q).decision()).as(q).isEqualTo(Decision.OFF_TOPIC);
        }
    }

    @Test
    void attestationOrAnAnalysisIsNeverDeclinedHoweverForeignItsOtherWords() {
        // the domain gate found these far from the field (below the point where an everyday paper word is
        // overruled); attestation and an analysis are a teacher's paperwork, so they are routed or answered
        for (String q : List.of("Где взять бланк заявления на аттестацию на соответствие должности?",
                "Обязательно ли писать анализ диагностики по математике для методобъединения?")) {
            assertThat(match(q).decision()).as(q).isNotEqualTo(Decision.OFF_TOPIC);
        }
        // an everyday paper word alone still does not save another subject
        assertThat(match("Как распечатать справку с госуслуг на домашнем принтере?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void aSanctionThreatenedForADutyDoesNotStopTheAnswerAboutTheDuty() {
        // the threat is the story, the duty is what is asked
        MatchResult r = match("Завуч сказала, что кто не пойдёт на городской субботник, того лишат стимулирующих. "
                + "Обязательно ли мне участвовать?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("extra-events");
        // a sanction that is itself the question is still routed
        assertThat(match("Мне объявили выговор за несданный вовремя отчёт. Законно ли это?").decision())
                .isEqualTo(Decision.UNMATCHED);
    }

    @Test
    void aRoleTheStoryTellsAboutIsNotTheAsker() {
        MatchResult r = match("Каждую весну логопед обходит классы и собирает характеристики на всех детей. "
                + "Должна ли я их писать, если никто не присылал запроса?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("student-characteristic");
    }

    @Test
    void aListOfPapersIsAnsweredThoughOneOfThemIsAKnownGap() {
        // «протоколы» alone are routed (above); listed among other papers, the question asks about the list
        MatchResult r = match("Требуют от классного руководителя план воспитательной работы, протоколы родительских "
                + "собраний, отчёты и папку. Что из этого обязательно?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("class-teacher-docs");
    }

    @Test
    void aPaperWordInAnotherSenseNamesNoEntry() {
        // «форма» names the monitoring entry, «школьная форма» names nothing of a teacher's and is another subject
        assertThat(match("Какие требования к школьной форме в нашем регионе?").decision())
                .isEqualTo(Decision.OFF_TOPIC);
    }

    @Test
    void aThirdPartyWhoAsksForAPaperDoesNotChangeTheAudience() {
        MatchResult r = match("Психолог попросила написать характеристики на трёх детей. Обязан ли учитель писать "
                + "характеристику на ученика?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("student-characteristic");
    }

    @Test
    void oneSharedWordDoesNotAnswerALongerQuestion() {
        LemmaMatcher.Explanation x = MATCHER.explain("Можно ли ставить двойки ученикам за поведение?", null);
        assertThat(x.result().decision()).isNotEqualTo(Decision.MATCHED);
        // a threat of punishment is a labour matter the base does not cover: routed, whatever the entry's score
        assertThat(match("Может ли директор наказать за отказ заполнять мониторинг?").decision())
                .isEqualTo(Decision.UNMATCHED);
    }

    @Test
    void theSentenceThatAsksOutweighsTheStory() {
        String q = "Я работаю в школе давно, у нас большой коллектив и новый директор. Весной был ремонт кабинетов, "
                + "и всё перевезли в другой корпус. Теперь завуч требует сдавать поурочные планы на каждый урок. "
                + "Это законно?";
        MatchResult r = match(q);
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).isEqualTo("lesson-plans");
    }

    @Test
    void aDecisionNamesTheWordsItsEntryExplains() {
        MatchResult r = match("Обязательно ли заполнять ЭЖ?");
        assertThat(r.decision()).isEqualTo(Decision.MATCHED);
        assertThat(r.terms()).extracting(t -> t.lemma()).contains("электронный", "журнал");
        assertThat(match("Какая погода завтра?").terms()).isEmpty();
    }

    @Test
    void audienceDecidesWhichEntriesMayAnswer() {
        String q = "Какие документы я обязан вести?";
        assertThat(MATCHER.match(q, OrgType.SPO).best().topic()).isEqualTo("spo-doc-list");
        assertThat(MATCHER.match(q, OrgType.SCHOOL).best().topic()).isEqualTo("doc-list");
        assertThat(MATCHER.match(q, null).best().topic()).isEqualTo("doc-list");
        // the list of order No. 779 does not cover preschool: no school entry answers a kindergarten teacher
        MatchResult doo = MATCHER.match(q, OrgType.DOO);
        assertThat(doo.decision()).isEqualTo(Decision.UNMATCHED);
        assertThat(match("Какие документы обязан вести воспитатель детского сада?").decision())
                .isEqualTo(Decision.UNMATCHED);
        // the text wins over a missing organisation type
        assertThat(match("Я преподаватель колледжа, какие документы я обязан вести?").best().topic())
                .isEqualTo("spo-doc-list");
        // entries for everyone still answer a kindergarten teacher
        assertThat(MATCHER.match("В какое время можно писать родителям в чат?", OrgType.DOO).best().topic())
                .isEqualTo("chat-rules");
    }

    @Test
    void aCollegeTeacherAskingAboutOnePaperGetsThatPapersEntry() {
        // the college's general list is written for SPO, but a question about the journal or the site is about them
        assertThat(MATCHER.match("Обязан ли преподаватель техникума сам заполнять электронный журнал группы?",
                OrgType.SPO).best().topic()).isEqualTo("electronic-journal");
        assertThat(MATCHER.match("В колледже от преподавателей требуют писать посты для сайта. Законно?",
                OrgType.SPO).best().topic()).isEqualTo("social-media-site");
        // «мастер производственного обучения» says who asks, not what: the question is about the references
        assertThat(MATCHER.match("Мастер производственного обучения в техникуме — должен ли он писать "
                + "характеристики на студентов?", OrgType.SPO).best().topic()).isEqualTo("student-characteristic");
        // the general question of a college teacher still gets the college's list
        assertThat(MATCHER.match("Какие бумаги преподаватель колледжа обязан вести по закону?", OrgType.SPO)
                .best().topic()).isEqualTo("spo-doc-list");
    }

    @Test
    void aRoleToldAboutPastAnAdverbOrAWordOfHowOftenIsNotTheAsker() {
        // «дефектолог регулярно просит»: an adverb between the role and its verb
        assertAnswered("Дефектолог регулярно просит у меня характеристики на учеников. Я обязана их писать?",
                "student-characteristic");
        // «каждый месяц» between the role and its verb, «с нас» — the asker as an object, not the subject
        assertAnswered("Логопед каждый месяц собирает с нас характеристики на первоклассников. Мы обязаны их писать?",
                "student-characteristic");
    }

    private static void assertAnswered(String question, String topic) {
        MatchResult r = match(question);
        assertThat(r.decision()).as(question).isEqualTo(Decision.MATCHED);
        assertThat(r.best().topic()).as(question).isEqualTo(topic);
    }

    @Test
    void aNegatedGapOrForeignWordStillCounts() {
        // «не аттестован» still asks about attestation, «не платят» still about pay
        for (var c : java.util.Map.of("Учитель не аттестован — какие документы ему теперь готовить?",
                Decision.UNMATCHED, "Почему учителям не платят за проверку тетрадей третий месяц?",
                Decision.OFF_TOPIC).entrySet()) {
            assertThat(match(c.getKey()).decision()).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void aQuestionAddressedToTheServiceIsNotDeclined() {
        // «вы», «вам» speak to the service: never declined, and read as a word of the service's own entries
        MatchResult r = match("Сколько вы обычно рассматриваете такие вопросы?");
        assertThat(r.decision()).isNotEqualTo(Decision.OFF_TOPIC);
        assertAnswered("Сколько ждать, пока вы разберётесь с моим вопросом?", "appeal-process");
        assertAnswered("О чём вас можно спрашивать?", "bot-scope");
    }

    @Test
    void liveUpdatesTakeEffectAtOnce() {
        LemmaMatcher m = matcher(MatcherSettings.defaults());
        String q = "Обязан ли учитель вести тетрадь взаимопосещения уроков?";
        assertThat(m.match(q, null).decision()).isEqualTo(Decision.UNMATCHED);
        KbEntry entry = new KbEntry("mutual-visits", "lesson-plans", q, List.of("тетрадь взаимопосещения"),
                "Нет. Основание: ч. 6.2 ст. 47 № 273-ФЗ.", "ч. 6.2 ст. 47 № 273-ФЗ", Set.of(Audience.ALL),
                KbEntry.Status.VERIFIED, 1);
        m.update(entry);
        assertThat(m.match(q, null).best().id()).isEqualTo("mutual-visits");
        assertThat(m.match(q, null).decision()).isEqualTo(Decision.MATCHED);
        m.update(entry.withStatus(KbEntry.Status.RETIRED, 2));
        assertThat(m.match(q, null).decision()).isEqualTo(Decision.UNMATCHED);
        m.update(entry.withStatus(KbEntry.Status.DRAFT, 3)); // a draft is not indexed either
        assertThat(m.match(q, null).best() == null || !m.match(q, null).best().id().equals("mutual-visits")).isTrue();
    }

    @Test
    void readersAndWritersRunConcurrently() throws Exception {
        LemmaMatcher m = matcher(MatcherSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                readers.add(pool.submit(() -> {
                    String topic = null;
                    for (int k = 0; k < 300; k++) {
                        topic = m.match("обязан ли я писать поурочные планы", null).best().topic();
                    }
                    return topic;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int k = 0; k < 30; k++) {
                    m.update(new KbEntry("extra-" + k, "bot-scope", "вопрос номер " + k, List.of(), "ответ", null,
                            Set.of(Audience.ALL), KbEntry.Status.VERIFIED, 1));
                }
            });
            writer.get(30, TimeUnit.SECONDS);
            for (Future<String> r : readers) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo("lesson-plans");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
