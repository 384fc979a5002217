package ru.rosobr.assistant.operator.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The refusal of a validly signed token whose session was ended or whose user was changed since: the decoder throws
 * it with the reason, so that the 401 says why.
 */
public final class RevokedTokenException extends BadJwtException {

    public RevokedTokenException(String reason) {
        super(reason);
    }
}
