package kg.vareg.backend.issuers;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuerRepository extends JpaRepository<Issuer, UUID> {
    boolean existsByIssuerCode(String issuerCode);
}
