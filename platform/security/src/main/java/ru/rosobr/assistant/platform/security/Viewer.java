package ru.rosobr.assistant.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from their access token, and the region-isolation rules every service applies on the server:
 * FEDERAL and ADMIN see every region; everybody else at most the region in their token (regional staff — OPERATOR,
 * REGIONAL_HEAD — carry one; a token without a region sees no region). Which roles may call a route at all stays
 * in each service's security configuration and its own rules.
 *
 * @param region the region in the token, or null (a blank claim counts as none)
 */
public record Viewer(String username, Set<String> roles, String region) {

    /** Roles that see every region. */
    public static final Set<String> ALL_REGION_ROLES = Set.of("FEDERAL", "ADMIN");
    /** Roles that work in the one region of their token. */
    public static final Set<String> REGIONAL_ROLES = Set.of("OPERATOR", "REGIONAL_HEAD");

    public Viewer {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        region = region == null || region.isBlank() ? null : region;
    }

    public static Viewer of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(JwtSupport.ROLES);
        return new Viewer(jwt.getSubject(), roles == null ? Set.of() : Set.copyOf(roles),
                jwt.getClaimAsString(JwtSupport.REGION));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** FEDERAL or ADMIN: every region. */
    public boolean seesAllRegions() {
        return hasAny(ALL_REGION_ROLES);
    }

    /** Regional staff with their region: not federal, OPERATOR or REGIONAL_HEAD, a region in the token. */
    public boolean regional() {
        return !seesAllRegions() && hasAny(REGIONAL_ROLES) && region != null;
    }

    /** The only region the viewer may see; null when they see every region — or none, see {@link #seesNoRegion()}. */
    public String limitedTo() {
        return seesAllRegions() ? null : region;
    }

    /** Not federal and no region in the token: no region is visible (never read as "every region"). */
    public boolean seesNoRegion() {
        return !seesAllRegions() && region == null;
    }

    public boolean canSee(String code) {
        return seesAllRegions() || (region != null && region.equals(code));
    }

    /**
     * The region filter a request may use: a viewer who sees every region keeps the requested one (none: every
     * region); anyone else gets their own region whether they asked for it or for none. Empty when nothing asked
     * for is visible — another region, or no region of their own; each service decides whether that is a refusal
     * (403) or an empty answer.
     *
     * @param requested the request's region filter; null or blank for none
     */
    public Optional<RegionFilter> narrow(String requested) {
        String asked = requested == null || requested.isBlank() ? null : requested;
        if (seesAllRegions()) {
            return Optional.of(new RegionFilter(asked));
        }
        if (region == null || (asked != null && !region.equals(asked))) {
            return Optional.empty();
        }
        return Optional.of(new RegionFilter(region));
    }

    /** @param region the one region to read, or null for every region */
    public record RegionFilter(String region) {

        public boolean everyRegion() {
            return region == null;
        }
    }
}
