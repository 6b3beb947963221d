package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register adapter of {@link RegisteredTokens}: reads the register's {@code registry.emission} table
 * (read-only). Every emission that has (or had) a registration number is watched, cancelled ones too
 * (¶45-47, ¶53: their VAs must be withdrawn). The blockchain named in the decision (¶5) is mapped to a
 * watched chain by name; an emission on a chain nobody configured is logged and skipped.
 * The token profile and the expected ERC-20 name/symbol are the issuer's optional declarations in the application
 * (emissions.OnChainToken, columns token_profile/token_name/token_symbol): without a profile TRANSFER is assumed,
 * without a name or symbol that check is skipped (decimals are always checked).
 */
final class JdbcRegisteredTokens implements RegisteredTokens {
    private static final Logger log = LoggerFactory.getLogger(JdbcRegisteredTokens.class);
    private static final String SELECT = """
            SELECT e.registration_number, e.blockchain, lower(e.token_address), lower(e.issuer_wallet), e.quantity,
                   e.token_decimals, e.va_type, e.state, e.placement_start, e.placement_end, e.placed_quantity,
                   (SELECT max(h.occurred_at) FROM registry.emission_event h WHERE h.emission_id = e.id AND h.type IN
                       ('EmissionSuspended', 'EmissionDeclaredUnsuccessful', 'EmissionDeclaredInvalid',
                        'EmissionDeclaredNotGenuine', 'EmissionCancelled', 'RegistrationNumberCancelled')) AS phase_since,
                   e.token_profile, e.token_name, e.token_symbol
            FROM registry.emission e
            WHERE e.registration_number IS NOT NULL AND e.token_address IS NOT NULL AND e.issuer_wallet IS NOT NULL""";

    private final JdbcClient jdbc;
    private final ChainRegistry chains;

    JdbcRegisteredTokens(JdbcClient jdbc, ChainRegistry chains) {
        this.jdbc = jdbc;
        this.chains = chains;
    }

    @Override
    public List<MonitoredToken> all() {
        return jdbc.sql(SELECT).query(this::row).list().stream().flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<MonitoredToken> byAddress(long chainId, String tokenAddress) {
        String address = MonitoredToken.normalise(tokenAddress);
        return jdbc.sql(SELECT + " AND lower(e.token_address) = ?").params(address).query(this::row).list().stream()
                .flatMap(Optional::stream).filter(t -> t.chainId() == chainId)
                // a number reused for the same contract cannot happen (¶60), but prefer a live emission if it did
                .min((a, b) -> Boolean.compare(EmissionPhase.ALL_VAS_WITHDRAWN.contains(a.phase()),
                        EmissionPhase.ALL_VAS_WITHDRAWN.contains(b.phase())));
    }

    private Optional<MonitoredToken> row(ResultSet rs, int i) throws SQLException {
        String blockchain = rs.getString(2);
        Optional<ChainGateway> chain = chains.byIdOrName(blockchain);
        if (chain.isEmpty()) {
            log.warn("emission {} declares blockchain '{}', which no vareg.verifier.chains entry names: not watched",
                    rs.getString(1), blockchain);
            return Optional.empty();
        }
        int decimals = rs.getInt(6);
        BigInteger scale = BigInteger.TEN.pow(decimals);
        BigInteger placed = rs.getBigDecimal(11) == null ? null : rs.getBigDecimal(11).toBigIntegerExact().multiply(scale);
        Timestamp since = rs.getTimestamp(12);
        try {
            return Optional.of(new MonitoredToken(rs.getString(1), chain.get().chainId(), rs.getString(3), rs.getString(4),
                    rs.getBigDecimal(5).toBigIntegerExact().multiply(scale), decimals, rs.getString(14), rs.getString(15),
                    rs.getString(7), phase(rs.getString(8)), since == null ? null : since.toInstant(),
                    rs.getObject(9, java.time.LocalDate.class), rs.getObject(10, java.time.LocalDate.class),
                    profile(rs.getString(13)), placed));
        } catch (IllegalArgumentException badAddress) {
            log.warn("emission {}: {}", rs.getString(1), badAddress.getMessage());
            return Optional.empty();
        }
    }

    /** The register's declared profile (emissions.TokenEventProfile, same names); none declared = TRANSFER. */
    static TokenProfile profile(String declared) {
        return declared == null ? TokenProfile.TRANSFER : TokenProfile.valueOf(declared);
    }

    /** The register's states (emissions.EmissionState) as the verifier's phases. */
    static EmissionPhase phase(String state) {
        return switch (state) {
            case "DRAFT", "SUBMITTED", "REFUSED" -> EmissionPhase.APPLIED;
            case "REGISTERED", "OFFER_DISCLOSED" -> EmissionPhase.REGISTERED;
            case "PLACEMENT", "RESULTS_REPORTED" -> EmissionPhase.PLACEMENT;
            case "SUSPENDED" -> EmissionPhase.SUSPENDED;
            case "SUCCESSFUL" -> EmissionPhase.COMPLETED;
            case "UNSUCCESSFUL" -> EmissionPhase.UNSUCCESSFUL;
            case "INVALID" -> EmissionPhase.INVALID;
            case "NOT_GENUINE" -> EmissionPhase.NOT_GENUINE;
            case "CANCELLED" -> EmissionPhase.CANCELLED;
            default -> throw new IllegalStateException("unknown emission state " + state);
        };
    }
}
