package ru.rosobr.assistant.intake.teacher;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A registry file read row by row, never whole: CSV (UTF-8, ',' or ';') or XLSX (its first sheet), told apart by
 * the content (an XLSX is a ZIP), whatever the browser called it. The first non-empty row is the header.
 * Anything that makes the file as a whole unreadable is {@link RegistryImport.Unreadable}, with the reason in Russian.
 */
public final class RegistryFile implements Closeable {

    /** A data row: its number as the person sees it (the line of the CSV, the row of the sheet) and its cells. */
    public record RawRow(int row, Map<String, String> fields) {
    }

    private final String format;
    private final Closeable resource;
    private final Iterator<RawRow> rows;

    private RegistryFile(String format, Closeable resource, Iterator<RawRow> rows) {
        this.format = format;
        this.resource = resource;
        this.rows = rows;
    }

    /** CSV or XLSX. */
    public String format() {
        return format;
    }

    public Iterator<RawRow> rows() {
        return rows;
    }

    public static RegistryFile open(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n == 0) {
            throw new RegistryImport.Unreadable("Файл пуст");
        }
        boolean zip = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        return zip ? xlsx(file) : csv(file);
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }

    // ---- CSV ----

    /**
     * The first line, read ahead and pushed back so the parser sees it again. A header longer than the limit is no
     * registry (the reader could not go back over it): refused as unreadable.
     */
    private static String peekHeaderLine(BufferedReader reader, int limit) throws IOException {
        reader.mark(limit);
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n' && c != '\r') {
            if (line.length() == limit - 1) {
                throw new RegistryImport.Unreadable("Первая строка файла длиннее " + (limit / 1024)
                        + " КБ: это не заголовок реестра (ожидается " + String.join(",", RegistryImport.COLUMNS) + ")");
            }
            line.append((char) c);
        }
        reader.reset();
        return c == -1 && line.isEmpty() ? null : line.toString();
    }

    private static RegistryFile csv(Path file) throws IOException {
        // strict UTF-8: a file saved as Windows-1251 must be refused, not imported with broken names
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                64 * 1024);
        try {
            reader.mark(64 * 1024);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            String headerLine = peekHeaderLine(reader, 64 * 1024);
            CSVParser parser = CSVParser.parse(reader, RegistryImport.csvFormat(headerLine == null ? "" : headerLine));
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            while (columns == null) {
                CSVRecord header = nextCsv(records);
                if (header == null) {
                    throw new RegistryImport.Unreadable("В файле нет заголовка: ожидается "
                            + String.join(",", RegistryImport.COLUMNS));
                }
                if (!header.stream().allMatch(String::isBlank)) {
                    columns = RegistryImport.columns(header.toList(), "CSV");
                }
            }
            Map<String, Integer> index = columns;
            return new RegistryFile("CSV", parser, new Rows() {
                @Override
                RawRow read() {
                    CSVRecord r;
                    do {
                        r = nextCsv(records);
                    } while (r != null && r.stream().allMatch(String::isBlank));
                    if (r == null) {
                        return null;
                    }
                    CSVRecord cells = r;
                    return new RawRow((int) cells.getRecordNumber(),
                            RegistryImport.fields(index, i -> i < cells.size() ? cells.get(i) : null));
                }
            });
        } catch (CharacterCodingException e) {
            reader.close();
            throw notUtf8();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static CSVRecord nextCsv(Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8();
            }
            throw new RegistryImport.Unreadable("CSV не читается: " + e.getCause().getMessage());
        }
    }

    private static RegistryImport.Unreadable notUtf8() {
        return new RegistryImport.Unreadable("Файл CSV должен быть в кодировке UTF-8 (в Excel: «Сохранить как» → "
                + "«CSV UTF-8»), или загрузите книгу Excel (XLSX)");
    }

    // ---- XLSX ----

    private static RegistryFile xlsx(Path file) throws IOException {
        ReadableWorkbook workbook;
        Iterator<Row> sheet;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (IOException | ExcelReaderException e) {
            throw new RegistryImport.Unreadable("Файл не читается как книга Excel (XLSX)");
        }
        try {
            sheet = workbook.getFirstSheet().openStream().iterator();
            Map<String, Integer> columns = null;
            while (columns == null) {
                Row header = nextXlsx(sheet);
                if (header == null) {
                    throw new RegistryImport.Unreadable("На первом листе нет заголовка: ожидается "
                            + String.join(",", RegistryImport.COLUMNS));
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < header.getCellCount(); i++) {
                    names.add(text(header, i));
                }
                if (names.stream().anyMatch(s -> s != null && !s.isBlank())) {
                    columns = RegistryImport.columns(names, "листа Excel");
                }
            }
            Map<String, Integer> index = columns;
            return new RegistryFile("XLSX", workbook, new Rows() {
                @Override
                RawRow read() {
                    Row r;
                    Map<String, String> fields;
                    do {
                        r = nextXlsx(sheet);
                        if (r == null) {
                            return null;
                        }
                        Row row = r;
                        fields = RegistryImport.fields(index, i -> text(row, i));
                    } while (fields.values().stream().allMatch(v -> v == null || v.isBlank()));
                    return new RawRow(r.getRowNum(), fields);
                }
            });
        } catch (IOException | RuntimeException e) {
            workbook.close();
            if (e instanceof RegistryImport.Unreadable u) {
                throw u;
            }
            throw new RegistryImport.Unreadable("Файл не читается как книга Excel (XLSX)");
        }
    }

    private static Row nextXlsx(Iterator<Row> sheet) {
        try {
            return sheet.hasNext() ? sheet.next() : null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new RegistryImport.Unreadable("Лист Excel не читается: файл повреждён");
        }
    }

    /** A cell as text: a number without a fraction as digits («5» for a region, the full id of a user). */
    private static String text(Row row, int i) {
        if (!row.hasCell(i)) {
            return null;
        }
        Cell cell = row.getCell(i);
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY, ERROR -> null;
            case NUMBER -> {
                BigDecimal number = cell.asNumber();
                yield number == null ? null : number.stripTrailingZeros().toPlainString();
            }
            default -> cell.getText();
        };
    }

    /** An iterator over rows read one ahead. */
    private abstract static class Rows implements Iterator<RawRow> {
        private RawRow next;
        private boolean done;

        abstract RawRow read();

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = read();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RawRow r = next;
            next = null;
            return r;
        }
    }
}
