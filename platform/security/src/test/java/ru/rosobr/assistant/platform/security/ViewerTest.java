package ru.rosobr.assistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import ru.rosobr.assistant.platform.security.Viewer.RegionFilter;

class ViewerTest {

    private static Viewer viewer(List<String> roles, String region) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u");
        if (roles != null) {
            jwt.claim(JwtSupport.ROLES, roles);
        }
        if (region != null) {
            jwt.claim(JwtSupport.REGION, region);
        }
        return Viewer.of(jwt.build());
    }

    @Test
    void federalAndAdminSeeEveryRegionAndKeepTheRequestedFilter() {
        for (String role : List.of("FEDERAL", "ADMIN")) {
            Viewer v = viewer(List.of(role), null);
            assertThat(v.seesAllRegions()).isTrue();
            assertThat(v.seesNoRegion()).isFalse();
            assertThat(v.regional()).isFalse();
            assertThat(v.limitedTo()).isNull();
            assertThat(v.canSee("58")).isTrue();
            assertThat(v.narrow(null)).contains(new RegionFilter(null));
            assertThat(v.narrow(" ")).contains(new RegionFilter(null));
            assertThat(v.narrow("33")).contains(new RegionFilter("33"));
        }
    }

    @Test
    void aFederalRoleWinsOverARegionInTheToken() {
        Viewer v = viewer(List.of("REGIONAL_HEAD", "FEDERAL"), "58");
        assertThat(v.seesAllRegions()).isTrue();
        assertThat(v.limitedTo()).isNull();
        assertThat(v.canSee("33")).isTrue();
        assertThat(v.narrow("33")).contains(new RegionFilter("33"));
    }

    @Test
    void regionalStaffSeeTheirRegionOnly() {
        for (String role : List.of("OPERATOR", "REGIONAL_HEAD")) {
            Viewer v = viewer(List.of(role), "58");
            assertThat(v.seesAllRegions()).isFalse();
            assertThat(v.regional()).isTrue();
            assertThat(v.limitedTo()).isEqualTo("58");
            assertThat(v.canSee("58")).isTrue();
            assertThat(v.canSee("33")).isFalse();
            assertThat(v.canSee(null)).isFalse();
            assertThat(v.narrow(null)).contains(new RegionFilter("58"));
            assertThat(v.narrow("58")).contains(new RegionFilter("58"));
            assertThat(v.narrow("33")).isEmpty();
        }
    }

    @Test
    void aTokenWithoutARegionSeesNoRegionRatherThanEveryRegion() {
        for (Viewer v : List.of(viewer(List.of("REGIONAL_HEAD"), null), viewer(List.of("OPERATOR"), " "),
                viewer(List.of("KB_EDITOR"), null), viewer(null, null))) {
            assertThat(v.region()).isNull();
            assertThat(v.seesNoRegion()).isTrue();
            assertThat(v.regional()).isFalse();
            assertThat(v.limitedTo()).isNull();
            assertThat(v.canSee("58")).isFalse();
            assertThat(v.canSee(null)).isFalse();
            assertThat(v.narrow(null)).isEqualTo(Optional.empty());
            assertThat(v.narrow("58")).isEmpty();
        }
    }

    @Test
    void aRegionWithoutARegionalRoleIsNotRegionalStaff() {
        Viewer v = viewer(List.of("KB_EDITOR"), "58");
        assertThat(v.regional()).isFalse();
        assertThat(v.canSee("58")).isTrue();
        assertThat(v.has("KB_EDITOR")).isTrue();
        assertThat(v.username()).isEqualTo("u");
    }
}
