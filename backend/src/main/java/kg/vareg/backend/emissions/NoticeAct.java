package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Optional;
import kg.vareg.backend.emissions.EmissionEvent.Channel;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;

/**
 * A notice, delivery or disclosure as recorded on the emission (¶11, ¶38-40, ¶54-56): what, to whom, done on which
 * day against which deadline, by whom, and the hash of the document sent where there is one. Never changed once
 * recorded (a second record of the same act is refused).
 */
@Embeddable
public class NoticeAct {
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private NoticeKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient", nullable = false)
    private Recipient recipient;
    @Column(name = "act_on", nullable = false)
    private LocalDate actOn;
    @Column(name = "recorded_on", nullable = false)
    private LocalDate recordedOn;
    @Column(name = "due")
    private LocalDate due;
    @Column(name = "late", nullable = false)
    private boolean late;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    private Channel channel;
    @Column(name = "document_sha256", length = 64)
    private String documentSha256;
    @Column(name = "url")
    private String url;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected NoticeAct() {}

    NoticeAct(NoticeKind kind, Recipient recipient, LocalDate actOn, LocalDate recordedOn, LocalDate due, Channel channel,
            String documentSha256, String url, String recordedBy) {
        this.kind = kind;
        this.recipient = recipient;
        this.actOn = actOn;
        this.recordedOn = recordedOn;
        this.due = due;
        this.late = due != null && actOn.isAfter(due);
        this.channel = channel;
        this.documentSha256 = documentSha256;
        this.url = url;
        this.recordedBy = recordedBy;
    }

    public NoticeKind kind() { return kind; }
    public Recipient recipient() { return recipient; }
    public LocalDate actOn() { return actOn; }
    public LocalDate recordedOn() { return recordedOn; }
    public Optional<LocalDate> due() { return Optional.ofNullable(due); }
    public boolean late() { return late; }
    public Optional<Channel> channel() { return Optional.ofNullable(channel); }
    public Optional<String> documentSha256() { return Optional.ofNullable(documentSha256); }
    public Optional<String> url() { return Optional.ofNullable(url); }
    public String recordedBy() { return recordedBy; }
}
