package ru.rosobr.assistant.intake.messenger.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.messenger.MessengerTexts;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The region choice with buttons: federal district first, then the district's regions a page at a time. Every
 * step fits in 10 buttons (VK's limit for a keyboard inside a message). Payloads: {@code region:districts},
 * {@code region:fd:<district>:<page>}, {@code region:set:<code>}.
 */
final class RegionPicker {

    static final String PREFIX = "region:";
    static final int PAGE = 7;

    /** Federal districts in the usual order, with their names. */
    static final Map<String, String> DISTRICTS = new LinkedHashMap<>();

    static {
        DISTRICTS.put("ЦФО", "Центральный");
        DISTRICTS.put("СЗФО", "Северо-Западный");
        DISTRICTS.put("ЮФО", "Южный");
        DISTRICTS.put("СКФО", "Северо-Кавказский");
        DISTRICTS.put("ПФО", "Приволжский");
        DISTRICTS.put("УФО", "Уральский");
        DISTRICTS.put("СФО", "Сибирский");
        DISTRICTS.put("ДФО", "Дальневосточный");
    }

    /** A prompt: text and buttons. */
    record Prompt(String text, List<Button> buttons) {
    }

    /** What a region button asks for. */
    sealed interface Choice {
        record Districts() implements Choice {
        }

        record District(String district, int page) implements Choice {
        }

        record Region(String code) implements Choice {
        }
    }

    private RegionPicker() {
    }

    static boolean isRegionPayload(String payload) {
        return payload != null && payload.startsWith(PREFIX);
    }

    static Optional<Choice> parse(String payload) {
        String[] p = payload.trim().split(":", -1);
        if (p.length == 2 && p[1].equals("districts")) {
            return Optional.of(new Choice.Districts());
        }
        if (p.length == 4 && p[1].equals("fd") && DISTRICTS.containsKey(p[2])) {
            try {
                int page = Integer.parseInt(p[3]);
                return page >= 0 && page < pages(p[2]) ? Optional.of(new Choice.District(p[2], page))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (p.length == 3 && p[1].equals("set") && Regions.exists(p[2])) {
            return Optional.of(new Choice.Region(p[2]));
        }
        return Optional.empty();
    }

    static Prompt districts() {
        List<Button> buttons = new ArrayList<>();
        DISTRICTS.forEach((code, name) -> buttons.add(new Button(name + " (" + code + ")",
                PREFIX + "fd:" + code + ":0")));
        return new Prompt(MessengerTexts.ASK_DISTRICT, buttons);
    }

    static Prompt district(String district, int page) {
        List<Regions.Region> all = regionsOf(district);
        int pages = pages(district);
        List<Button> buttons = new ArrayList<>();
        for (Regions.Region r : all.subList(page * PAGE, Math.min(all.size(), (page + 1) * PAGE))) {
            buttons.add(new Button(r.name(), PREFIX + "set:" + r.code()));
        }
        if (page > 0) {
            buttons.add(new Button("◀ Назад", PREFIX + "fd:" + district + ":" + (page - 1)));
        }
        if (page + 1 < pages) {
            buttons.add(new Button("Ещё ▶", PREFIX + "fd:" + district + ":" + (page + 1)));
        }
        buttons.add(new Button("↩ Другой округ", PREFIX + "districts"));
        return new Prompt(MessengerTexts.chooseRegion(DISTRICTS.get(district) + " федеральный округ", page, pages),
                buttons);
    }

    static int pages(String district) {
        return Math.max(1, (regionsOf(district).size() + PAGE - 1) / PAGE);
    }

    private static List<Regions.Region> regionsOf(String district) {
        return Regions.all().stream().filter(r -> r.federalDistrict().equals(district))
                .sorted(Comparator.comparing(Regions.Region::name)).toList();
    }
}
