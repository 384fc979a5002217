package ru.rosobr.assistant.analytics.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Whose statistics a caller may see: federal staff and administrators every region, operators and regional heads
 * only the region in their token.
 *
 * @param region the only region visible, or null when every region is
 */
public record Viewer(String username, String region) {

    public static final List<String> ALL_REGION_ROLES = List.of("FEDERAL", "ADMIN");
    public static final List<String> REGIONAL_ROLES = List.of("OPERATOR", "REGIONAL_HEAD");

    public boolean seesAllRegions() {
        return region == null;
    }

    public boolean maySee(String code) {
        return region == null || region.equals(code);
    }

    /** Empty when the token gives no view of the statistics (no suitable role, or a regional role without region). */
    public static java.util.Optional<Viewer> of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(JwtSupport.ROLES);
        if (roles == null) {
            return java.util.Optional.empty();
        }
        if (roles.stream().anyMatch(ALL_REGION_ROLES::contains)) {
            return java.util.Optional.of(new Viewer(jwt.getSubject(), null));
        }
        String region = jwt.getClaimAsString(JwtSupport.REGION);
        if (roles.stream().anyMatch(REGIONAL_ROLES::contains) && region != null && !region.isBlank()) {
            return java.util.Optional.of(new Viewer(jwt.getSubject(), region));
        }
        return java.util.Optional.empty();
    }
}
