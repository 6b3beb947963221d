package kg.vareg.backend.documents;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<StoredDocument, UUID> {
    List<StoredDocument> findByEmissionIdOrderByUploadedAt(UUID emissionId);

    List<StoredDocument> findByEmissionIdAndKindOrderByUploadedAtDesc(UUID emissionId, DocumentKind kind);
}
