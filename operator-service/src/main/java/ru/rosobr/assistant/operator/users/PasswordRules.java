package ru.rosobr.assistant.operator.users;

import java.util.Locale;
import java.util.Set;

import ru.rosobr.assistant.platform.input.TextInput;

/**
 * What a password must be: at least 10 characters, letters and digits, not the username, not one of the
 * passwords every guessing list starts with. The reason is in Russian for the console; null = acceptable.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes of a password (and the encoder refuses longer ones). */
    public static final int MAX_BYTES = 72;
    public static final String DESCRIPTION = "не короче " + MIN_LENGTH + " символов, буквы и цифры,"
            + " не совпадает с логином";

    private static final Set<String> COMMON = Set.of("password1", "qwerty1234", "1234567890a", "password123",
            "admin12345", "qwertyuiop1", "1q2w3e4r5t", "йцукен12345");

    private PasswordRules() {
    }

    /** Whether bcrypt can take the password at all (longer ones can never have been set). */
    public static boolean hashable(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public static String problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Пароль — не короче " + MIN_LENGTH + " символов";
        }
        if (password.length() > 200) {
            return "Пароль — не длиннее 200 символов";
        }
        if (!hashable(password)) {
            return "Пароль — не длиннее " + MAX_BYTES + " байт (около 36 русских или 72 латинских символов)";
        }
        if (TextInput.hasNul(password)) {
            return "Пароль " + TextInput.NUL_REASON;
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return "Пароль должен содержать и буквы, и цифры";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "Пароль не должен содержать логин";
        }
        if (COMMON.contains(lower)) {
            return "Этот пароль слишком распространён: выберите другой";
        }
        return null;
    }
}
