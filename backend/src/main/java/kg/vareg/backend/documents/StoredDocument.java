package kg.vareg.backend.documents;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kg.vareg.backend.kernel.ActorRole;

/** A filed document with its SHA-256 (the hash is what the journal carries, ARCHITECTURE.md "Registry"). */
@Entity
@Table(name = "document")
public class StoredDocument {
    @Id
    private UUID id;
    @Column(name = "emission_id", nullable = false)
    private UUID emissionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "media_type", nullable = false)
    private String mediaType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "commitment_salt")
    private byte[] commitmentSalt;
    @Enumerated(EnumType.STRING)
    @Column(name = "uploaded_by", nullable = false)
    private ActorRole uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected StoredDocument() {}

    StoredDocument(UUID id, UUID emissionId, DocumentKind kind, String fileName, String mediaType, byte[] content,
            String sha256, byte[] commitmentSalt, ActorRole uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.emissionId = emissionId;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.commitmentSalt = commitmentSalt;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public UUID id() { return id; }
    public UUID emissionId() { return emissionId; }
    public DocumentKind kind() { return kind; }
    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content; }
    byte[] commitmentSalt() { return commitmentSalt; }
    public ActorRole uploadedBy() { return uploadedBy; }
    public Instant uploadedAt() { return uploadedAt; }
}
