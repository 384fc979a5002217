package ru.rosobr.assistant.operator.appeals;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class AppealsCsvTest {

    @Test
    void formulasAreShownAsText() {
        assertThat(AppealsCsv.defused("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(AppealsCsv.defused("+7 900")).isEqualTo("'+7 900");
        assertThat(AppealsCsv.defused("-1")).isEqualTo("'-1");
        assertThat(AppealsCsv.defused("@sum")).isEqualTo("'@sum");
        assertThat(AppealsCsv.defused("Вопрос = ответ")).isEqualTo("Вопрос = ответ");
        assertThat(AppealsCsv.defused("")).isEmpty();
    }

    @Test
    void theHeaderHasAByteOrderMarkAndNoQuotes() {
        assertThat(AppealsCsv.lines(Flux.empty()).blockFirst())
                .startsWith("\uFEFFНомер обращения;Код региона;").endsWith(";Вопрос\r\n").doesNotContain("\"");
    }

    @Test
    void cellsWithSeparatorsQuotesAndLineBreaksReadBackAsTheyWere() throws Exception {
        List<String> cells = List.of("17", "a;b", "он сказал \"да\"", "строка\nвторая", "=1+1", "");
        String line = AppealsCsv.line(cells);

        assertThat(line).startsWith("17;\"a;b\";").endsWith("\r\n");
        List<String> read = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(line))
                .getRecords().getFirst().toList();
        assertThat(read).containsExactly("17", "a;b", "он сказал \"да\"", "строка\nвторая", "'=1+1", "");
    }
}
