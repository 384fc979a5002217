package ru.rosobr.assistant.operator.security;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Who is asking, from their token. Region isolation is decided here, on the server: regional staff (OPERATOR,
 * REGIONAL_HEAD) see their own region only; FEDERAL and ADMIN see every region.
 */
public record Viewer(String username, Set<String> roles, String region) {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public static Viewer of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(JwtSupport.ROLES);
        return new Viewer(jwt.getSubject(), roles == null ? Set.of() : Set.copyOf(roles),
                jwt.getClaimAsString(JwtSupport.REGION));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Federal staff and admins work across regions. */
    public boolean seesAllRegions() {
        return has("FEDERAL") || has("ADMIN");
    }

    public boolean canSee(String appealRegion) {
        return seesAllRegions() || (region != null && region.equals(appealRegion));
    }

    /** Plain dates in filters are days of the viewer's region (Moscow time for federal staff). */
    public ZoneId zone() {
        return Regions.find(region).map(Regions.Region::zone).orElse(MOSCOW);
    }
}
