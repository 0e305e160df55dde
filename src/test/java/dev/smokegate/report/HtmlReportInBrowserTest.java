package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.browser.BrowserSession;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The single-file HTML report, opened in the headless Chromium its readers' browsers are like. */
@ExternalProcesses
class HtmlReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void rendersTheRunsCheckCountAFailedChecksMessageAndItsScreenshot() throws Exception {
        AllureHtmlReport tool = AllureHtmlReportTest.projectTool();
        assumeTrue(tool.available(), "node_modules/allure-commandline missing: run npm ci");
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(results, Redactor.forSecrets(List.of()));
        AllureTestResults.writeTest(lifecycle, "http.health.ok", Status.PASSED, "200 in 85 ms");
        AllureTestResults.writeTest(lifecycle, "http.frontend.ok", Status.PASSED, "200 in 120 ms");
        EnvironmentConfig config = EnvironmentConfig.builder("report", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).build();
        try (BrowserSession browser = BrowserSession.open(config, Instant.now().plusSeconds(120))) {
            WebDriver driver = browser.driver();
            driver.get("data:text/html,<h1>a page the check saw</h1>");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            writeFailureWithScreenshot(lifecycle, png);
            try (var files = Files.list(results)) {
                assertThat(files.filter(f -> f.toString().endsWith(".png")).toList()).singleElement()
                        .satisfies(f -> assertThat(Files.readAllBytes(f)).as("the redacting writer keeps the PNG")
                                .isEqualTo(png));
            }
            AllureHtmlReport.Result report = tool.render(results, dir.resolve("html"), Duration.ofMinutes(2));
            assertThat(report.problem()).isEmpty();

            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            String index = report.index().orElseThrow().toUri().toString();

            driver.get(index);
            wait.until(d -> text(d).contains("test cases"));
            assertThat(text(driver)).containsPattern("(?m)^3\\s*\\n\\s*test cases");

            driver.get(index + "#suites");
            click(wait, "http");
            click(wait, "http.db-path.ok");
            wait.until(d -> text(d).contains("got 503 Service Unavailable"));
            assertThat(text(driver)).contains("expected 2xx from /health/db, got 503 Service Unavailable");

            click(wait, "step 1: the sign-in page");
            WebElement image = wait.until(d -> d.findElements(By.cssSelector(".attachment__media, img")).stream()
                    .filter(i -> "img".equals(i.getTagName())).findFirst().orElse(null));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth",
                    image)).intValue() > 0);
        }
    }

    /** A failed check as the suites write it: a message and, as evidence, a screenshot. */
    private static void writeFailureWithScreenshot(AllureLifecycle lifecycle, byte[] png) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("http.db-path.ok")
                .setFullName("smokegate.http.db-path.ok").setHistoryId("http.db-path.ok")
                .setLabels(List.of(new Label().setName("suite").setValue("http"))));
        lifecycle.startTestCase(uuid);
        lifecycle.addAttachment("step 1: the sign-in page", "image/png", ".png", png);
        lifecycle.updateTestCase(uuid, t -> t.setStatus(Status.FAILED).setStatusDetails(new StatusDetails()
                .setMessage("expected 2xx from /health/db, got 503 Service Unavailable")));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }

    /** Clicks the report's tree entry (or link) whose own text is {@code label}, once it is there. */
    private static void click(WebDriverWait wait, String label) {
        wait.until(d -> {
            List<WebElement> found = d.findElements(By.xpath("//*[normalize-space(text())='" + label + "']"));
            if (found.isEmpty() || !found.get(0).isDisplayed()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    private static String text(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
    }
}
