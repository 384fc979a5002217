package ru.rosobr.assistant.intake.messenger;

/** What the bot says in a messenger (the channel-independent dialogue texts, in Russian). */
public final class MessengerTexts {

    public static final String GREETING = """
            Здравствуйте! Я — помощник Рособрнадзора для педагогов школ, колледжей (СПО) и детских садов (ДОО).

            Я отвечаю на вопросы о документационной нагрузке: какие документы педагог обязан вести, а какие от \
            него требовать не вправе — планы, журналы, отчёты, характеристики, справки. Напишите вопрос одним \
            сообщением. Если готового проверенного ответа нет, я передам вопрос специалисту вашего региона.""";

    public static final String NOT_VERIFIED = """
            Задавать вопросы помощнику могут только педагоги с подтверждённой ролью.

            Подтвердить роль педагога можно через администратора вашей образовательной организации в Сферуме или \
            MAX: он отметит вас как сотрудника организации, и ваши данные попадут в реестр помощника. После этого \
            напишите вопрос ещё раз — обращение будет принято.""";

    /** A callback answer is a short notification (VK shows at most 90 characters). */
    public static final String NOT_VERIFIED_SHORT = "Вопросы принимаются только от педагогов с подтверждённой ролью";

    public static final String NOT_TEXT = "Я понимаю только текст. Пожалуйста, напишите вопрос словами.";

    public static final String ASK_DISTRICT = """
            Чтобы ваш вопрос попал к специалистам вашего региона, укажите регион. Выберите федеральный округ:""";

    public static final String CHOOSE_DISTRICT_SHORT = "Выберите федеральный округ";

    public static final String FOLLOW_UP_ADDED =
            "Дополнение добавлено к вашему обращению — специалист увидит его вместе с вопросом.";

    public static final String UNKNOWN_BUTTON = "Эта кнопка больше не действует";

    private MessengerTexts() {
    }

    public static String chooseRegion(String district, int page, int pages) {
        return "Выберите регион (" + district + (pages > 1 ? ", страница " + (page + 1) + " из " + pages : "") + "):";
    }

    public static String regionSaved(String regionName, boolean questionAccepted) {
        return "Регион сохранён: " + regionName + ". " + (questionAccepted
                ? "Ваш вопрос принят — ответ придёт в этот чат."
                : "Напишите ваш вопрос одним сообщением.");
    }
}
