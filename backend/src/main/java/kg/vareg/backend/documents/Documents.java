package kg.vareg.backend.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.issuers.IssuerKind;
import kg.vareg.backend.register.Commitments;
import kg.vareg.backend.kernel.ActorRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores documents with their SHA-256 and checks the ¶9 package. Writes happen inside the caller's
 * transaction (the emission service journals the upload as one change).
 */
@Service
public class Documents {
    private final DocumentRepository repository;
    private final Clock clock;

    Documents(DocumentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(UUID emissionId, DocumentKind kind, String fileName, String mediaType, byte[] content,
            ActorRole by) {
        if (content == null || content.length == 0) {
            throw new InvalidFieldException("file", "the file is empty");
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw new InvalidFieldException("file", "the file needs a name of at most 255 characters");
        }
        String sha = Commitments.sha256Hex(content);
        byte[] salt = kind.privateData() ? Commitments.newSalt() : null;
        return repository.saveAndFlush(new StoredDocument(UUID.randomUUID(), emissionId, kind, fileName,
                mediaType == null ? "application/octet-stream" : mediaType, content, sha, salt, by, clock.instant()));
    }

    /**
     * The journal's view of a document: its kind and SHA-256, or for private kinds (¶66) only a salted
     * commitment to the hash.
     */
    public static Map<String, Object> journalRef(StoredDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        if (d.kind().privateData()) {
            m.put("commitment", Commitments.commit(d.commitmentSalt(), d.sha256()));
        } else {
            m.put("sha256", d.sha256());
        }
        return m;
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> of(UUID emissionId) {
        return repository.findByEmissionIdOrderByUploadedAt(emissionId);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(UUID emissionId, DocumentKind kind) {
        return repository.findByEmissionIdAndKindOrderByUploadedAtDesc(emissionId, kind).stream().findFirst();
    }

    /** A document of this emission, of one of the expected kinds (the basis of a step). */
    @Transactional(readOnly = true)
    public StoredDocument basis(UUID emissionId, UUID documentId, String field, DocumentKind... kinds) {
        StoredDocument d = repository.findById(documentId).filter(x -> x.emissionId().equals(emissionId))
                .orElseThrow(() -> new InvalidFieldException(field, "no document " + documentId + " filed for this emission"));
        if (kinds.length > 0 && !EnumSet.of(kinds[0], kinds).contains(d.kind())) {
            throw new InvalidFieldException(field, "document " + documentId + " is a " + d.kind() + ", expected one of "
                    + List.of(kinds));
        }
        return d;
    }

    @Transactional(readOnly = true)
    public StoredDocument get(UUID emissionId, UUID documentId) {
        return repository.findById(documentId).filter(x -> x.emissionId().equals(emissionId))
                .orElseThrow(() -> new NotFoundException("no document " + documentId));
    }

    /**
     * ¶9, ¶13: the package is complete when every item that applies to this kind of issuer is filed. Item 4
     * (blockchain data) is satisfied by the structured fields of the application itself.
     *
     * @return one line per missing item, naming it, e.g. "¶9(5) certificate of state registration (legal entity)"
     */
    @Transactional(readOnly = true)
    public List<String> missingPackageItems(UUID emissionId, IssuerKind issuerKind, boolean blockchainDataPresent) {
        Set<DocumentKind> filed = EnumSet.noneOf(DocumentKind.class);
        of(emissionId).forEach(d -> filed.add(d.kind()));
        if (blockchainDataPresent) filed.add(DocumentKind.BLOCKCHAIN_DATA);
        List<String> missing = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            boolean applies = switch (k.applies()) {
                case ALL -> true;
                case LEGAL_ENTITY -> issuerKind == IssuerKind.LEGAL_ENTITY;
                case NATURAL_PERSON -> issuerKind == IssuerKind.NATURAL_PERSON;
                case NONE -> false;
            };
            if (applies && !filed.contains(k)) {
                missing.add("¶9(" + k.packageItem().orElseThrow() + ") " + k.description() + " [" + k.name() + "]");
            }
        }
        return missing;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
