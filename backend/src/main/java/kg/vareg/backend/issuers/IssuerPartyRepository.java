package kg.vareg.backend.issuers;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuerPartyRepository extends JpaRepository<IssuerParty, UUID> {
    List<IssuerParty> findByIssuerIdOrderByCreatedAt(UUID issuerId);
}
