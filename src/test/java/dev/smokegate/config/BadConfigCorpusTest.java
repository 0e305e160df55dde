package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem the loader reports for a corpus of malformed configs, compared line for line and byte for byte
 * with {@code bad-configs.txt}: what users read must not change by accident. To change a message on purpose,
 * rerun with {@code -Dsmokegate.corpus.update=true} and review the diff of that file.
 */
class BadConfigCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/config/bad-configs.txt");
    private static final String CASE = "=== ";
    private static final String PROBLEMS = "--- problems";

    record Case(String name, String yaml, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of(), id -> id.startsWith("http."));

    static Stream<Case> corpus() throws IOException {
        return read().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheRecordedProblems(Case bad) throws IOException {
        assertThat(problems(bad)).containsExactlyElementsOf(bad.problems());
    }

    @Test
    void everyCaseReportsAtLeastOneProblem() throws IOException {
        assertThat(read()).allSatisfy(bad -> assertThat(bad.problems()).as(bad.name()).isNotEmpty());
    }

    /** Not a test of behaviour: rewrites the corpus from what the loader says now, when asked to. */
    @Test
    void updatesTheCorpusWhenAsked() throws IOException {
        if (!Boolean.getBoolean("smokegate.corpus.update")) {
            return;
        }
        List<String> lines = new ArrayList<>(header());
        for (Case bad : read()) {
            lines.add(CASE + bad.name());
            lines.add(bad.yaml().stripTrailing());
            lines.add(PROBLEMS);
            lines.addAll(problems(bad));
        }
        Files.write(CORPUS, lines, StandardCharsets.UTF_8);
    }

    private List<String> problems(Case bad) throws IOException {
        Path file = Files.writeString(dir.resolve("env.yaml"), bad.yaml());
        List<String> problems = new ArrayList<>();
        try {
            loader.load(file);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(p.replace(file.toString(), "{file}")
                    .replace(dir.toString(), "{dir}")));
        }
        return problems;
    }

    private static List<String> header() throws IOException {
        return Files.readAllLines(CORPUS).stream().takeWhile(l -> l.startsWith("#")).toList();
    }

    private static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        StringBuilder yaml = new StringBuilder();
        List<String> problems = null;
        for (String line : Files.readAllLines(CORPUS)) {
            if (line.startsWith(CASE)) {
                if (name != null) {
                    cases.add(new Case(name, yaml.toString(), problems));
                }
                name = line.substring(CASE.length());
                yaml = new StringBuilder();
                problems = null;
            } else if (name == null) {
                continue;
            } else if (line.equals(PROBLEMS)) {
                problems = new ArrayList<>();
            } else if (problems != null) {
                problems.add(line);
            } else {
                yaml.append(line).append('\n');
            }
        }
        if (name != null) {
            cases.add(new Case(name, yaml.toString(), problems));
        }
        return cases;
    }
}
