package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.headers.AllowlistBypasses.Endpoint;
import dev.smokegate.check.headers.AllowlistBypasses.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistBypassesTest {

    @Test
    void loadsCspEvaluatorsJsonpAndAngularJsListsAsHttpsUrls() {
        List<Endpoint> all = AllowlistBypasses.all();

        assertThat(all).filteredOn(e -> e.kind() == Kind.JSONP).hasSize(123);
        assertThat(all).filteredOn(e -> e.kind() == Kind.ANGULAR).hasSize(32);
        assertThat(all).allSatisfy(e -> {
            assertThat(e.url().getScheme()).isEqualTo("https");
            assertThat(e.url().getHost()).isNotBlank();
        });
    }

    /** csp-evaluator's NEEDS_EVAL hosts: their JSONP-like answers run only through eval(). */
    @Test
    void marksTheJsonpEndpointsThatNeedEval() {
        assertThat(AllowlistBypasses.all()).filteredOn(Endpoint::needsEval).extracting(e -> e.url().getHost())
                .containsExactlyInAnyOrder("www.google-analytics.com", "www.googleadservices.com",
                        "googletagmanager.com", "www.googletagmanager.com", "ssl.google-analytics.com");
        assertThat(AllowlistBypasses.all()).filteredOn(e -> e.kind() == Kind.ANGULAR).noneMatch(Endpoint::needsEval);
    }

    @Test
    void namesAnEndpointByHostAndPath() {
        assertThat(AllowlistBypasses.all().get(0).hostAndPath()).isEqualTo("bebezoo.1688.com/fragment/index.htm");
    }
}
