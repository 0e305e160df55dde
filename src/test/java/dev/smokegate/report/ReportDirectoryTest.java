package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {

    private static final Instant T1 = Instant.parse("2026-11-25T22:15:00.700Z");
    private static final Instant T2 = Instant.parse("2026-11-25T23:00:00Z");

    @TempDir
    Path root;

    @Test
    void createsEnvironmentAndSortableUtcTimestampDirectoryWithAllureResults() throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "staging", T1);

        assertThat(dir.root()).isEqualTo(root.resolve("staging").resolve("20261125T221500Z"));
        assertThat(dir.allureResults()).isDirectory();
        assertThat(dir.summaryJson()).isEqualTo(dir.root().resolve("summary.json"));
        assertThat(dir.junitXml()).isEqualTo(dir.root().resolve("junit.xml"));
        assertThat(dir.htmlIndex()).isEqualTo(dir.root().resolve("html").resolve("index.html"));
    }

    @Test
    void givesTwoRunsInTheSameSecondDistinctDirectoriesThatSortInOrder() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add(ReportDirectory.create(root, "staging", T1).name());
        }

        assertThat(names).doesNotHaveDuplicates().isSorted();
        assertThat(names.get(0)).isEqualTo("20261125T221500Z");
        assertThat(names.get(1)).isEqualTo("20261125T221500Z-02");
        assertThat(names.get(11)).isEqualTo("20261125T221500Z-12");
    }

    @Test
    void keepsEnvironmentNamesInsideTheReportsRoot() throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "../../etc/evil name", T1);

        assertThat(dir.environmentDir().getParent()).isEqualTo(root);
        assertThat(dir.environmentDir().getFileName().toString()).isEqualTo(".._.._etc_evil_name");
        assertThat(ReportDirectory.safeName("..")).isEqualTo("_..");
    }

    @Test
    void pointsLatestAtTheNewestRunWithARelativeSymlink() throws Exception {
        ReportDirectory first = ReportDirectory.create(root, "staging", T1);
        first.markLatest();
        ReportDirectory second = ReportDirectory.create(root, "staging", T2);
        second.markLatest();

        Path latest = root.resolve("staging").resolve("latest");
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of(second.name()));
        assertThat(ReportDirectory.latest(root.resolve("staging"))).contains(second.root());
    }

    @Test
    void doesNotMoveLatestBackToAnOlderRunThatFinishesLater() throws Exception {
        ReportDirectory older = ReportDirectory.create(root, "staging", T1);
        ReportDirectory newer = ReportDirectory.create(root, "staging", T2);
        newer.markLatest();
        older.markLatest();

        assertThat(ReportDirectory.latest(root.resolve("staging"))).contains(newer.root());
    }

    @Test
    void readsTheTextFileFallbackForLatest() throws Exception {
        ReportDirectory run = ReportDirectory.create(root, "staging", T1);
        Files.writeString(root.resolve("staging").resolve("latest"), run.name() + "\n");

        assertThat(ReportDirectory.latest(root.resolve("staging"))).contains(run.root());
    }

    @Test
    void listsPreviousRunsOfTheSameEnvironmentNewestFirst() throws Exception {
        ReportDirectory a = ReportDirectory.create(root, "staging", T1);
        ReportDirectory b = ReportDirectory.create(root, "staging", T1);
        ReportDirectory.create(root, "prod", T2);
        ReportDirectory c = ReportDirectory.create(root, "staging", T2);
        c.markLatest();
        Files.createDirectories(root.resolve("staging").resolve("not-a-run"));

        assertThat(c.previousRuns()).extracting(ReportDirectory::root).containsExactly(b.root(), a.root());
        assertThat(a.previousRuns()).isEmpty();
    }

    @Test
    void findsTheNewestPreviousRunThatLeftHistory() throws Exception {
        ReportDirectory withHistory = ReportDirectory.create(root, "staging", T1);
        Files.createDirectories(withHistory.htmlHistory());
        ReportDirectory withoutHtml = ReportDirectory.create(root, "staging", T1);
        ReportDirectory current = ReportDirectory.create(root, "staging", T2);

        assertThat(current.previousRuns()).extracting(ReportDirectory::root)
                .containsExactly(withoutHtml.root(), withHistory.root());
        assertThat(current.previousRunWithHistory()).map(ReportDirectory::root).contains(withHistory.root());
    }

    @Test
    void sortsSameSecondRunsNumericallyBeyondNinetyNine() throws Exception {
        Path env = Files.createDirectories(root.resolve("staging"));
        for (String name : List.of("20261125T221500Z", "20261125T221500Z-99", "20261125T221500Z-100")) {
            Files.createDirectory(env.resolve(name));
        }
        ReportDirectory current = ReportDirectory.create(root, "staging", T2);

        assertThat(current.previousRuns()).extracting(ReportDirectory::name)
                .containsExactly("20261125T221500Z-100", "20261125T221500Z-99", "20261125T221500Z");
    }
}
