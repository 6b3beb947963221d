package kg.vareg.backend.proofs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.register.JournalReader;
import kg.vareg.common.logstore.AnchorRecord;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.common.logstore.LeafRecord;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.common.logstore.VerifierKeys;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.backend.proofs.ProofViews.AnchorView;
import kg.vareg.backend.proofs.ProofViews.BundleView;
import kg.vareg.backend.proofs.ProofViews.CheckpointView;
import kg.vareg.backend.proofs.ProofViews.ConsistencyProofView;
import kg.vareg.backend.proofs.ProofViews.DocumentVerificationView;
import kg.vareg.backend.proofs.ProofViews.EntryView;
import kg.vareg.backend.proofs.ProofViews.InclusionProofView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers the public log API from the log schema (written by the anchoring worker) and the journal.
 * Every proof comes from stored complete-subtree hashes ({@link PostgresHashStore}): O(log n) reads.
 * Proofs are given to the latest checkpoint ANCHORED with K confirmations, so what a client checks
 * against the contract is on-chain.
 */
@Service
class PublicLogService {

    /** A document search returns at most this many entries. */
    static final int MAX_DOCUMENT_MATCHES = 100;

    private final JdbcTemplate jdbc;
    private final LogQueries log;
    private final JournalReader journal;

    PublicLogService(JdbcTemplate jdbc, JournalReader journal) {
        this.jdbc = jdbc;
        this.log = new LogQueries(jdbc);
        this.journal = journal;
    }

    EntryView entry(long index) {
        if (index < 0) {
            throw new LogRequestException.BadField("index", "index must be >= 0, got " + index);
        }
        long size = log.size();
        if (index >= size) {
            throw new LogRequestException.BadField("index",
                    "index " + index + " is not below the log size " + size);
        }
        LeafRecord leaf = log.leaf(index).orElseThrow(() -> new LogRequestException.NotFound("no entry at index " + index));
        return view(leaf);
    }

    List<EntryView> entriesByLeafHash(String leafHashHex) {
        Sha256Hash h = parseHash("leafHash", leafHashHex);
        List<LeafRecord> leaves = log.leavesByHash(h);
        if (leaves.isEmpty()) {
            throw new LogRequestException.NotFound("no entry with leaf hash " + h.toHex());
        }
        return leaves.stream().map(this::view).toList();
    }

    InclusionProofView inclusion(long index, Long treeSizeOrNull) {
        long size = treeSizeOrNull != null ? treeSizeOrNull : anchoredSize()
                .orElseThrow(() -> new LogRequestException.NotFound("no checkpoint is anchored yet"));
        long logSize = log.size();
        if (size <= 0 || size > logSize) {
            throw new LogRequestException.BadField("treeSize", "treeSize must be in [1, " + logSize + "], got " + size);
        }
        if (index < 0 || index >= size) {
            throw new LogRequestException.BadField("index", "index " + index + " is not below the tree size " + size);
        }
        // Path, root's peaks and the leaf (level 0 of log.nodes holds each leaf hash) in ONE query; the size
        // was just read, so no second max(leaf_index): two statements per proof.
        List<NodeId> alsoNeeded = new ArrayList<>(CompactRange.peakIds(size));
        alsoNeeded.add(NodeId.leaf(index));
        PostgresHashStore store = PostgresHashStore.atSize(jdbc, size, logSize).prefetching(alsoNeeded);
        InclusionProof p = MerkleProofs.inclusionProof(store, index, size);
        return new InclusionProofView(index, size, store.nodeHash(NodeId.leaf(index)).toHex(), hex(p.path()),
                MerkleProofs.root(store, size).toHex());
    }

    ConsistencyProofView consistency(long first, long second) {
        long logSize = log.size();
        if (first <= 0) {
            throw new LogRequestException.BadField("first", "first must be > 0, got " + first);
        }
        if (second > logSize) {
            throw new LogRequestException.BadField("second", "second must be <= the log size " + logSize + ", got " + second);
        }
        if (first > second) {
            throw new LogRequestException.BadField("first", "first (" + first + ") must be <= second (" + second + ")");
        }
        PostgresHashStore store = PostgresHashStore.atSize(jdbc, second);
        ConsistencyProof p = MerkleProofs.consistencyProof(store, first, second);
        return new ConsistencyProofView(first, second, MerkleProofs.root(store, first).toHex(),
                MerkleProofs.root(store, second).toHex(), hex(p.path()));
    }

    CheckpointView checkpoint(long size) {
        CheckpointRecord cp = log.checkpoint(size)
                .orElseThrow(() -> new LogRequestException.NotFound("no checkpoint of size " + size));
        return checkpointView(cp);
    }

    CheckpointView latestCheckpoint(boolean anchoredOnly) {
        Optional<CheckpointRecord> cp = anchoredOnly ? anchoredSize().flatMap(log::checkpoint) : log.latestCheckpoint();
        return checkpointView(cp.orElseThrow(() -> new LogRequestException.NotFound(
                anchoredOnly ? "no checkpoint is anchored yet" : "the log is empty")));
    }

    /** Anchored checkpoints with sizes above {@code after}, in size order (for monitors). */
    List<CheckpointView> anchoredCheckpoints(long after, int limit) {
        List<CheckpointView> out = new ArrayList<>();
        for (AnchorRecord a : log.anchors(AnchorStatus.CONFIRMED, after, limit)) {
            log.checkpoint(a.treeSize()).ifPresent(cp -> out.add(new CheckpointView(cp.size(), cp.root().toHex(),
                    cp.signedNote(), cp.createdAt(), anchorView(a))));
        }
        return out;
    }

    DocumentVerificationView document(String sha256Hex) {
        Sha256Hash doc = parseHash("sha256", sha256Hex);
        // Every document hash a record carries is a row of registry.journal_document (JournalWriter): one index probe.
        List<Long> journalIds = journal.carrying(doc.toBytes(), MAX_DOCUMENT_MATCHES);
        List<EntryView> entries = new ArrayList<>();
        Map<Long, Long> leaves = log.leavesOfJournals(journalIds);
        for (long id : journalIds) {
            Long index = leaves.get(id);
            if (index != null) {
                log.leaf(index).ifPresent(leaf -> entries.add(view(leaf)));
            }
        }
        return new DocumentVerificationView(doc.toHex(), entries.size(), entries);
    }

    ProofViews.VerifierKeysView verifierKeys() {
        return new ProofViews.VerifierKeysView(new VerifierKeys(jdbc).all().stream()
                .map(k -> new ProofViews.VerifierKeyView(k.verifierKey(), k.name(), k.keyId(), "Ed25519",
                        Base64.getEncoder().encodeToString(k.publicKey()), k.firstStartedAt(), k.lastStartedAt(), k.current()))
                .toList());
    }

    private EntryView view(LeafRecord leaf) {
        JournalReader.Row row = journal(leaf.journalId());
        Optional<Long> anchored = anchoredSize();
        String canonical = Base64.getEncoder().encodeToString(row.canonical());
        String text = new String(row.canonical(), StandardCharsets.UTF_8);
        if (anchored.isEmpty() || leaf.index() >= anchored.get()) {
            return new EntryView(leaf.index(), row.id(), row.recordType(), row.recordVersion(), row.createdAt(),
                    leaf.leafHash().toHex(), canonical, text, false, null, null, null);
        }
        long size = anchored.get();
        InclusionProofView proof = inclusion(leaf.index(), size);
        CheckpointView cp = checkpoint(size);
        return new EntryView(leaf.index(), row.id(), row.recordType(), row.recordVersion(), row.createdAt(),
                leaf.leafHash().toHex(), canonical, text, true, proof, cp,
                new BundleView(canonical, leaf.index(), size, proof.inclusionPath()));
    }

    private JournalReader.Row journal(long id) {
        return journal.byId(id)
                .orElseThrow(() -> new IllegalStateException("log leaf points at missing journal row " + id));
    }

    /** The size of the latest checkpoint anchored with K confirmations, if any. */
    Optional<Long> anchoredTreeSize() {
        return anchoredSize();
    }

    private Optional<Long> anchoredSize() {
        return log.latestAnchor(AnchorStatus.CONFIRMED).map(AnchorRecord::treeSize);
    }

    private CheckpointView checkpointView(CheckpointRecord cp) {
        AnchorView anchor = log.anchorsOf(cp.size()).stream()
                .filter(a -> a.status() == AnchorStatus.CONFIRMED).findFirst()
                .map(PublicLogService::anchorView).orElse(null);
        return new CheckpointView(cp.size(), cp.root().toHex(), cp.signedNote(), cp.createdAt(), anchor);
    }

    private static AnchorView anchorView(AnchorRecord a) {
        return new AnchorView(a.treeSize(), a.chainId(), a.contractAddress(), a.txHash(), a.status().name(),
                a.blockNumber().orElse(null), a.blockHash().orElse(null), a.blockTime().orElse(null));
    }

    static Sha256Hash parseHash(String field, String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
            throw new LogRequestException.BadField(field, field + " must be 64 hex digits (a SHA-256)");
        }
        return Sha256Hash.of(HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT)));
    }

    private static List<String> hex(List<Sha256Hash> hashes) {
        return hashes.stream().map(Sha256Hash::toHex).toList();
    }
}
