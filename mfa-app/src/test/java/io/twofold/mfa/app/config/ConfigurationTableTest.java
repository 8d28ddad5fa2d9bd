package io.twofold.mfa.app.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Configuration" table names exactly the environment variables the server reads (the
 * {@code ${VAR}} of application.yml and logback.xml, and {@link Setting}), one row each, with a
 * default and an example.
 */
class ConfigurationTableTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final List<String> HEADER = List.of("Variable", "Default", "Example", "Meaning");

    @Test
    void namesEveryVariableTheServerReadsAndNoOther() throws IOException {
        Set<String> read = new TreeSet<>(placeholders("application.yml"));
        read.addAll(placeholders("logback.xml"));
        Arrays.stream(Setting.values()).map(Setting::envVar).forEach(read::add);

        List<String> documented = rows().stream().map(row -> row.get(0)).collect(Collectors.toList());

        assertThat(documented).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(documented)).isEqualTo(read);
    }

    @Test
    void givesEachVariableOneRowWithADefaultAnExampleAndAMeaning() throws IOException {
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row).hasSize(HEADER.size());
            assertThat(row.get(0)).as("one variable per row").matches("[A-Z][A-Z0-9_]*");
            assertThat(row.subList(1, row.size())).as(row.get(0)).allSatisfy(cell -> assertThat(cell).isNotBlank());
        });
    }

    /** The table's rows, the variable's backticks taken off; fails unless the header is the one expected. */
    private static List<List<String>> rows() throws IOException {
        List<String> lines = Files.readAllLines(readme(), StandardCharsets.UTF_8);
        int section = lines.indexOf("## Configuration");
        assertThat(section).as("README has a Configuration section").isNotNegative();
        int header = section;
        while (!lines.get(header).startsWith("| Variable")) {
            header++;
        }
        assertThat(cells(lines.get(header))).isEqualTo(HEADER);
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            row.set(0, row.get(0).replace("`", ""));
            rows.add(row);
        }
        return rows;
    }

    /** A Markdown row's cells; a {@code |} inside backticks (none in this table) would split a cell. */
    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("README.md"))) {
            here = here.getParent();
        }
        assertThat(here).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return here.resolve("README.md");
    }

    private static Set<String> placeholders(String resource) throws IOException {
        try (InputStream in = ConfigurationTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }
}
