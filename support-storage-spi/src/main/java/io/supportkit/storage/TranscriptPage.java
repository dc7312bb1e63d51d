package io.supportkit.storage;

import io.supportkit.internal.Require;

import java.util.List;

/**
 * One page of a transcript, in sequence order. Keyset paging: pass {@link #nextAfter()} to read the next page;
 * pages stay consistent while messages are appended.
 *
 * <pre>{@code
 * long after = 0;
 * TranscriptPage page;
 * do {
 *     page = store.transcripts().read(tenant, id, after, 100);
 *     page.messages().forEach(this::show);
 *     after = page.nextAfter();
 * } while (page.hasMore());
 * }</pre>
 *
 * @param nextAfter the sequence to pass as {@code afterSequence} for the next page
 * @param hasMore   whether messages beyond this page existed when it was read
 */
public record TranscriptPage(List<Message> messages, long nextAfter, boolean hasMore) {
    public TranscriptPage {
        messages = List.copyOf(Require.nonNull(messages, "messages"));
    }
}
