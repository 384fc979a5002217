package ru.rosobr.assistant.intake.messenger;

/** What the bot says in a messenger (the channel-independent dialogue texts, in Russian). */
public final class MessengerTexts {

    public static final String GREETING = """
            Здравствуйте! Я — помощник Рособрнадзора для педагогов школ, колледжей (СПО) и детских садов (ДОО).

            Я отвечаю на вопросы о документационной нагрузке: какие документы педагог обязан вести, а какие от \
            него требовать не вправе — планы, журналы, отчёты, характеристики, справки. Напишите вопрос одним \
            сообщением. Если готового проверенного ответа нет, я передам вопрос специалисту вашего региона.""";

    /**
     * What the greeting says about personal data (152-ФЗ): what is processed, why, for how long, and where the
     * policy is ({@code %s}: its address, {@code assistant.privacy-policy-url}).
     */
    public static final String PRIVACY = """
            О персональных данных: чтобы ответить вам и передать вопрос специалисту вашего региона, мы обрабатываем             ваши ФИО, регион, тип образовательной организации, идентификатор в мессенджере и текст обращений.             Переписка хранится не дольше года, затем удаляется; по обращению к оператору данные можно получить или             удалить. Политика обработки персональных данных: %s""";

    /** The greeting with the personal-data notice and the policy's address. */
    public static String greeting(String privacyPolicyUrl) {
        return GREETING + "\n\n" + PRIVACY.formatted(privacyPolicyUrl);
    }

    public static final String NOT_VERIFIED = """
            Задавать вопросы помощнику могут только педагоги с подтверждённой ролью.

            Подтвердить роль педагога можно через администратора вашей образовательной организации в Сферуме или \
            MAX: он отметит вас как сотрудника организации, и ваши данные попадут в реестр помощника. После этого \
            напишите вопрос ещё раз — обращение будет принято.""";

    /** A callback answer is a short notification (VK shows at most 90 characters). */
    public static final String NOT_VERIFIED_SHORT = "Вопросы принимаются только от педагогов с подтверждённой ролью";

    public static final String DISABLED = """
            Приём вопросов от вашей учётной записи приостановлен администратором помощника.

            Если это ошибка, обратитесь к администратору вашей образовательной организации: после проверки доступ \
            восстановят, и вы сможете снова задавать вопросы.""";

    public static final String DISABLED_SHORT = "Приём вопросов от вашей учётной записи приостановлен";

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
