package dev.smokegate.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.ExecutableItem;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The single choke point between Allure and the disk: every test result, container and attachment the Allure
 * lifecycle writes passes through the {@link Redactor} first. Test code may put anything into names, parameters,
 * steps and attachments (an HTTP exchange with an {@code Authorization} header, a connection URL with a password);
 * none of it reaches {@code allure-results/} unredacted.
 *
 * <p>Results are redacted in place: the lifecycle hands a result over when it writes it and does not use it again,
 * and no later listener should see the secret either.
 */
public final class RedactingResultsWriter implements AllureResultsWriter {

    private final AllureResultsWriter delegate;
    private final Redactor redactor;

    public RedactingResultsWriter(AllureResultsWriter delegate, Redactor redactor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * An Allure lifecycle that writes redacted results to {@code allureResultsDir}. Hand it to
     * {@code new AllureJunitPlatform(lifecycle)} and also to {@code Allure.setLifecycle(lifecycle)}: the static
     * {@code Allure.step/addAttachment} helpers and the listener that allure-junit5 registers through
     * {@code META-INF/services} use the global lifecycle, which otherwise writes unredacted to
     * {@code ./allure-results}.
     */
    public static AllureLifecycle lifecycle(Path allureResultsDir, Redactor redactor) {
        return new AllureLifecycle(new RedactingResultsWriter(new FileSystemResultsWriter(allureResultsDir), redactor));
    }

    @Override
    public void write(TestResult result) {
        result.setName(redactor.redact(result.getName()));
        result.setFullName(redactor.redact(result.getFullName()));
        result.setTestCaseName(redactor.redact(result.getTestCaseName()));
        result.setDescription(redactor.redact(result.getDescription()));
        result.setDescriptionHtml(redactor.redact(result.getDescriptionHtml()));
        result.setLabels(redactLabels(result.getLabels()));
        result.setLinks(redactLinks(result.getLinks()));
        redactExecutable(result);
        delegate.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        container.setName(redactor.redact(container.getName()));
        container.setDescription(redactor.redact(container.getDescription()));
        container.setDescriptionHtml(redactor.redact(container.getDescriptionHtml()));
        container.setLinks(redactLinks(container.getLinks()));
        forEach(container.getBefores(), this::redactFixture);
        forEach(container.getAfters(), this::redactFixture);
        delegate.write(container);
    }

    /** Attachments are read fully: redaction needs the whole text (a secret may straddle any buffer boundary). */
    @Override
    public void write(String source, InputStream attachment) {
        byte[] content;
        try (InputStream in = attachment) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Allure attachment " + source, e);
        }
        delegate.write(source, new ByteArrayInputStream(redactor.redact(content)));
    }

    private void redactFixture(FixtureResult fixture) {
        fixture.setName(redactor.redact(fixture.getName()));
        fixture.setDescription(redactor.redact(fixture.getDescription()));
        fixture.setDescriptionHtml(redactor.redact(fixture.getDescriptionHtml()));
        redactExecutable(fixture);
    }

    /** What tests, fixtures and steps have in common: status details, parameters, attachments, nested steps. */
    private void redactExecutable(ExecutableItem item) {
        StatusDetails details = item.getStatusDetails();
        if (details != null) {
            details.setMessage(redactor.redact(details.getMessage()));
            details.setTrace(redactor.redact(details.getTrace()));
        }
        forEach(item.getParameters(), this::redactParameter);
        forEach(item.getAttachments(), this::redactAttachment);
        forEach(item.getSteps(), this::redactStep);
    }

    private void redactStep(StepResult step) {
        step.setName(redactor.redact(step.getName()));
        step.setDescription(redactor.redact(step.getDescription()));
        step.setDescriptionHtml(redactor.redact(step.getDescriptionHtml()));
        redactExecutable(step);
    }

    private void redactParameter(Parameter parameter) {
        parameter.setValue(redactor.redactNamed(parameter.getName(), parameter.getValue()));
        parameter.setName(redactor.redact(parameter.getName()));
    }

    /** The name shows in the report; source is the file name the lifecycle generated and type a media type. */
    private void redactAttachment(Attachment attachment) {
        attachment.setName(redactor.redact(attachment.getName()));
    }

    private List<Label> redactLabels(List<Label> labels) {
        forEach(labels, l -> l.setValue(redactor.redactNamed(l.getName(), l.getValue())));
        return labels;
    }

    private List<Link> redactLinks(List<Link> links) {
        forEach(links, l -> {
            l.setName(redactor.redact(l.getName()));
            l.setUrl(redactor.redact(l.getUrl()));
        });
        return links;
    }

    private static <T> void forEach(List<T> items, java.util.function.Consumer<T> action) {
        if (items != null) {
            items.forEach(action);
        }
    }
}
