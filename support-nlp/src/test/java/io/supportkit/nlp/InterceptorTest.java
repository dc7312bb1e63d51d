package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.ConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptorTest {

    @Test
    void shouldRunHostStepsOutermostFirstAroundTheBuiltInAnalysis() {
        List<String> calls = new ArrayList<>();
        TextAnalyzer analyzer = TextAnalyzer.newBuilder()
            .addInterceptor(chain -> {
                calls.add("first before");
                TextAnalysis a = chain.proceed(chain.text());
                calls.add("first after");
                return a.withAttribute("step", "first");
            })
            .addInterceptor(chain -> {
                calls.add("second before");
                return chain.proceed(chain.text());
            })
            .build();
        TextAnalysis a = analyzer.analyze("hello");
        assertThat(calls).containsExactly("first before", "second before", "first after");
        assertThat(a.attributes()).containsEntry("step", "first");
    }

    @Test
    void shouldAnalyseTheTextAsChangedByAHostStep() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder()
            .addInterceptor(chain -> chain.proceed(chain.text().replace("--signature--", "")))
            .build();
        TextAnalysis a = analyzer.analyze("Where is order 245-12784?--signature--");
        assertThat(a.text()).isEqualTo("Where is order 245-12784?");
        assertThat(a.entities(EntityType.ORDER_NUMBER)).hasSize(1);
    }

    @Test
    void shouldLetAHostStepOverrideTheLanguage() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder()
            .addInterceptor(chain -> chain.proceed(chain.text())
                .withLanguage(new LanguageGuess(Language.TURKISH, 1.0, Language.UNKNOWN, 2)))
            .build();
        assertThat(analyzer.analyze("ok").language().language()).isEqualTo(Language.TURKISH);
    }

    @Test
    void shouldWrapAHostStepsFailure() {
        IllegalStateException failure = new IllegalStateException("CRM down");
        TextAnalyzer analyzer = TextAnalyzer.newBuilder().addInterceptor(chain -> {
            throw failure;
        }).build();
        assertThatThrownBy(() -> analyzer.analyze("hi")).isInstanceOf(AnalysisException.class)
            .hasMessageContaining("interceptor 0").hasCause(failure);
    }

    @Test
    void shouldPassSupportExceptionsThroughUnwrapped() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder().addInterceptor(chain -> {
            throw new ConflictException("busy");
        }).build();
        assertThatThrownBy(() -> analyzer.analyze("hi")).isExactlyInstanceOf(ConflictException.class);
    }

    @Test
    void shouldRejectAStepThatReturnsNull() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder().addInterceptor(chain -> null).build();
        assertThatThrownBy(() -> analyzer.analyze("hi")).isInstanceOf(AnalysisException.class)
            .hasMessageContaining("returned null");
    }
}
