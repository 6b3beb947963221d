package kg.vareg.backend.emissions;

import java.time.LocalDate;

/**
 * A notice the emission owes (¶11, ¶38-40, ¶54-56) as shown by the API: DUE or OVERDUE until recorded, then DONE
 * with the day it was done and whether that was late. {@code due} is absent where the ¶ sets no term (¶11).
 */
public record NoticeView(String kind, String paragraph, String duty, String recipient, String dueBy, LocalDate triggeredOn,
        LocalDate due, String status, LocalDate doneOn, LocalDate recordedOn, Boolean late, String channel,
        String documentSha256, String url, String recordedBy) {

    public static NoticeView of(NoticeObligation o, LocalDate today) {
        NoticeAct a = o.done().orElse(null);
        String status = a != null ? "DONE" : o.overdue(today) ? "OVERDUE" : "DUE";
        return new NoticeView(o.kind().name(), o.kind().paragraph(), o.kind().duty(), o.recipient().name(),
                o.kind().party() == EmissionEvent.Party.ISSUER ? "ISSUER" : "REGISTRAR", o.triggeredOn(), o.due().orElse(null),
                status, a == null ? null : a.actOn(), a == null ? null : a.recordedOn(), a == null ? null : a.late(),
                a == null ? null : a.channel().map(Enum::name).orElse(null), a == null ? null : a.documentSha256().orElse(null),
                a == null ? null : a.url().orElse(null), a == null ? null : a.recordedBy());
    }
}
