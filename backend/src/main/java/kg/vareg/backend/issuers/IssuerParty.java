package kg.vareg.backend.issuers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A collateral manager (¶3-2) or third-party collateral provider (¶3-3) named by an issuer. */
@Entity
@Table(name = "issuer_party")
public class IssuerParty {
    @Id
    private UUID id;
    @Column(name = "issuer_id", nullable = false)
    private UUID issuerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartyRole role;
    @Column(nullable = false)
    private String name;
    @Column(name = "registration_data", nullable = false)
    private String registrationData;
    @Column(name = "non_affiliation_declared", nullable = false)
    private boolean nonAffiliationDeclared;
    @Column(name = "signs_decision_and_white_paper", nullable = false)
    private boolean signsDecisionAndWhitePaper;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IssuerParty() {}

    IssuerParty(UUID id, UUID issuerId, PartyRole role, String name, String registrationData,
            boolean nonAffiliationDeclared, boolean signsDecisionAndWhitePaper, Instant now) {
        this.id = id;
        this.issuerId = issuerId;
        this.role = role;
        this.name = name;
        this.registrationData = registrationData;
        this.nonAffiliationDeclared = nonAffiliationDeclared;
        this.signsDecisionAndWhitePaper = signsDecisionAndWhitePaper;
        this.createdAt = now;
    }

    public UUID id() { return id; }
    public UUID issuerId() { return issuerId; }
    public PartyRole role() { return role; }
    public String name() { return name; }
    public String registrationData() { return registrationData; }
    public boolean nonAffiliationDeclared() { return nonAffiliationDeclared; }
    public boolean signsDecisionAndWhitePaper() { return signsDecisionAndWhitePaper; }
}
