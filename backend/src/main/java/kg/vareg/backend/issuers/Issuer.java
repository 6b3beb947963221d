package kg.vareg.backend.issuers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;

/**
 * An issuer: the public ¶62 data, the issuer code and region of its numbers (¶67-68), and — kept apart, never
 * public (¶66) — its founders, beneficial owners and personal data, with a salted commitment to them.
 */
@Entity
@Table(name = "issuer")
public class Issuer {
    @Id
    private UUID id;
    @Version
    private Long version; // a wrapper: null marks a new entity for Spring Data (persist, not merge)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IssuerKind kind;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "legal_form")
    private String legalForm;
    @Column(name = "state_registration_data")
    private String stateRegistrationData;
    @Column(name = "legal_address", nullable = false)
    private String legalAddress;
    @Column(name = "issuer_code", nullable = false)
    private String issuerCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Region region;
    private String website;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IssuerStatus status;
    @Column(name = "private_data", nullable = false)
    private String privateData;
    @Column(name = "private_salt", nullable = false)
    private byte[] privateSalt;
    @Column(name = "private_commitment", nullable = false)
    private String privateCommitment;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Issuer() {}

    Issuer(UUID id, IssuerKind kind, String fullName, String legalForm, String stateRegistrationData, String legalAddress,
            IssuerCode code, Region region, String website, String privateData, byte[] salt, String commitment, Instant now) {
        if (kind == IssuerKind.LEGAL_ENTITY && (blank(legalForm) || blank(stateRegistrationData))) {
            throw new IllegalArgumentException("a legal entity needs its legal form and state registration data (¶62, ¶9(5))");
        }
        this.id = id;
        this.kind = kind;
        this.fullName = fullName;
        this.legalForm = legalForm;
        this.stateRegistrationData = stateRegistrationData;
        this.legalAddress = legalAddress;
        this.issuerCode = code.value();
        this.region = region;
        this.website = website;
        this.status = IssuerStatus.ACTIVE;
        this.privateData = privateData;
        this.privateSalt = salt;
        this.privateCommitment = commitment;
        this.createdAt = now;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public UUID id() { return id; }
    public long version() { return version == null ? 0 : version; }
    public IssuerKind kind() { return kind; }
    public String fullName() { return fullName; }
    public Optional<String> legalForm() { return Optional.ofNullable(legalForm); }
    public Optional<String> stateRegistrationData() { return Optional.ofNullable(stateRegistrationData); }
    public String legalAddress() { return legalAddress; }
    public IssuerCode issuerCode() { return IssuerCode.of(issuerCode); }
    public Region region() { return region; }
    public Optional<String> website() { return Optional.ofNullable(website); }
    public IssuerStatus status() { return status; }
    /** ¶66: never returned by a public endpoint. */
    public String privateData() { return privateData; }
    public String privateCommitment() { return privateCommitment; }
    public Instant createdAt() { return createdAt; }
}
