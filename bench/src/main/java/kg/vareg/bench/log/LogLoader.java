package kg.vareg.bench.log;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.MerkleAppender;
import kg.vareg.ledger.merkle.StoredNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills an empty log with {@code n} entries quickly: journal rows by generate_series, then leaves and every
 * complete subtree computed by the ledger's MerkleAppender (the same code the worker runs) and written with
 * COPY, then one signed checkpoint. The result is exactly what the worker would have built, just faster.
 */
public final class LogLoader {

    private static final int CHUNK = 65_536;
    private static final HexFormat HEX = HexFormat.of();

    private LogLoader() {
    }

    /** Canonical bytes of journal row {@code id} as the loader writes it. */
    public static byte[] entry(long id) {
        return ("{\"n\":" + id + ",\"type\":\"BENCH\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the root of the loaded tree. */
    public static Sha256Hash load(DataSource ds, long n) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO registry.journal (id, record_type, record_version, canonical_json) "
                        + "SELECT g, 'BENCH', 1, convert_to('{\"n\":' || g || ',\"type\":\"BENCH\"}', 'UTF8') "
                        + "FROM generate_series(1, " + n + ") g");
                st.execute("SELECT setval('registry.journal_id_seq', " + n + ")");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CompactRange range = CompactRange.EMPTY;
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                List<Sha256Hash> leaves = new ArrayList<>(len);
                StringBuilder leafCsv = new StringBuilder(len * 90);
                for (int i = 0; i < len; i++) {
                    long index = start + i;
                    Sha256Hash h = TreeHasher.leafHash(entry(index + 1));
                    leaves.add(h);
                    leafCsv.append(index).append(',').append(index + 1).append(",\\x").append(h.toHex()).append('\n');
                }
                MerkleAppender.Result r = range.append(leaves);
                StringBuilder nodeCsv = new StringBuilder(r.newNodes().size() * 80);
                for (StoredNode node : r.newNodes()) {
                    nodeCsv.append(node.id().level()).append(',').append(node.id().index()).append(",\\x")
                            .append(HEX.formatHex(node.hash().toBytes())).append('\n');
                }
                copy.copyIn("COPY log.leaves (leaf_index, journal_id, leaf_hash) FROM STDIN (FORMAT csv)",
                        new StringReader(leafCsv.toString()));
                copy.copyIn("COPY log.nodes (level, node_index, hash) FROM STDIN (FORMAT csv)",
                        new StringReader(nodeCsv.toString()));
                range = r.range();
            }
            Sha256Hash root = range.root();
            NoteSigner signer = NoteSigner.generate("vareg.kg/bench", new SecureRandom());
            try (var ps = c.prepareStatement("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)")) {
                ps.setLong(1, n);
                ps.setBytes(2, root.toBytes());
                ps.setString(3, signer.sign(new Checkpoint("vareg.kg/bench", n, root).toText()));
                ps.executeUpdate();
            }
            try (var st = c.createStatement()) {
                st.execute("ANALYZE log.leaves");
                st.execute("ANALYZE log.nodes");
                st.execute("ANALYZE registry.journal");
            }
            return root;
        }
    }
}
