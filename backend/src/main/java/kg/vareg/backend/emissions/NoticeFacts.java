package kg.vareg.backend.emissions;

import java.time.LocalDate;
import java.util.List;
import kg.vareg.backend.emissions.EmissionEvent.Channel;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;

/**
 * What is reported about a notice (¶11, ¶38-40, ¶54-56): which, to whom (empty = every recipient the ¶ names), on
 * which day (null = today), how, the hash of the document sent and, for ¶56, where it is published.
 */
public record NoticeFacts(NoticeKind kind, List<Recipient> recipients, LocalDate actOn, Channel channel,
        String documentSha256, String url) {

    public NoticeFacts {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Just the kind: every recipient, today, no channel, document or address. */
    public static NoticeFacts of(NoticeKind kind) {
        return new NoticeFacts(kind, List.of(), null, null, null, null);
    }
}
