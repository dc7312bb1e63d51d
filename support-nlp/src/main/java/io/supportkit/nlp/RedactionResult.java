package io.supportkit.nlp;

import java.util.List;

/**
 * The output of {@link Redactor#redact(String)}: the text safe to store and show, and the spans for audit.
 *
 * <p>Immutable and thread-safe. Example: {@code redactor.redact("şifrem hunter2").text()} is
 * {@code "şifrem [PASSWORD]"}.
 *
 * @param text       the redacted text
 * @param redactions what was found, in input order, never overlapping
 */
public record RedactionResult(String text, List<Redaction> redactions) {

    /** Copies the list so the result stays immutable. */
    public RedactionResult {
        redactions = List.copyOf(redactions);
    }

    /** True when something was found. */
    public boolean found() {
        return !redactions.isEmpty();
    }
}
