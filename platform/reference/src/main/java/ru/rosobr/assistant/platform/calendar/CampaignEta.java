package ru.rosobr.assistant.platform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ru.rosobr.assistant.platform.reference.Regions;

/**
 * When a campaign will have sent everything at a given rate, with quiet hours (used by followup-service for the
 * progress of a campaign and by bin/bench-campaign): time is walked minute by minute;
 * in each minute the rate's budget is shared equally among the regions that are in their 08:00–19:00 window and
 * still have messages (what one region cannot use goes to the others) — the way the dispatcher shares it.
 */
public final class CampaignEta {

    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration HORIZON = Duration.ofDays(366);

    private CampaignEta() {
    }

    /** The moment the last message goes out, or null when nothing can ever go (no rate, unknown regions only). */
    public static Instant finish(Instant now, Map<String, Long> remainingByRegion, double ratePerSecond,
                                 DaytimeWindow window) {
        List<String> regions = new ArrayList<>();
        List<Double> left = new ArrayList<>();
        remainingByRegion.forEach((region, n) -> {
            if (n > 0) {
                regions.add(region);
                left.add(n.doubleValue());
            }
        });
        if (regions.isEmpty()) {
            return now;
        }
        if (ratePerSecond <= 0) {
            return null;
        }
        double perStep = ratePerSecond * STEP.toSeconds();
        Instant t = now;
        Instant end = now.plus(HORIZON);
        int n = regions.size();
        boolean[] open = new boolean[n];
        while (t.isBefore(end)) {
            int openCount = 0;
            for (int i = 0; i < n; i++) {
                open[i] = left.get(i) > 0 && window.nextAllowed(t, Regions.zoneOf(regions.get(i))).equals(t);
                openCount += open[i] ? 1 : 0;
            }
            if (openCount > 0) {
                double budget = perStep;
                // water-filling: equal shares, what a small region does not use goes to the rest
                while (budget > 1e-9 && openCount > 0) {
                    double share = budget / openCount;
                    double used = 0;
                    int stillOpen = 0;
                    for (int i = 0; i < n; i++) {
                        if (!open[i]) {
                            continue;
                        }
                        double take = Math.min(share, left.get(i));
                        left.set(i, left.get(i) - take);
                        used += take;
                        if (left.get(i) <= 1e-9) {
                            left.set(i, 0.0);
                            open[i] = false;
                        } else {
                            stillOpen++;
                        }
                    }
                    budget -= used;
                    if (stillOpen == openCount) {
                        break;
                    }
                    openCount = stillOpen;
                }
                double remaining = left.stream().mapToDouble(Double::doubleValue).sum();
                if (remaining <= 1e-9) {
                    // the last minute was only partly needed
                    double usedInStep = perStep - budget;
                    return t.plusMillis((long) Math.ceil(usedInStep / ratePerSecond * 1000));
                }
            }
            t = t.plus(STEP);
        }
        return null;
    }
}
