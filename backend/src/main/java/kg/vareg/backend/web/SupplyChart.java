package kg.vareg.backend.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A tiny inline SVG step chart of the total supply by block (no chart library, no script). Coordinates are computed
 * with BigDecimal; only the final pixel position is an int.
 */
public record SupplyChart(String points, long firstBlock, long lastBlock, BigInteger max) {
    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    static SupplyChart of(List<OnChainState.SupplyPoint> pts) {
        if (pts.isEmpty()) return null;
        long first = pts.getFirst().blockNumber();
        long last = Math.max(first + 1, pts.getLast().blockNumber());
        BigInteger max = pts.stream().map(OnChainState.SupplyPoint::supply).reduce(BigInteger.ONE, BigInteger::max);
        StringBuilder sb = new StringBuilder();
        int prevY = HEIGHT;
        for (OnChainState.SupplyPoint p : pts) {
            int x = (int) ((p.blockNumber() - first) * WIDTH / (last - first));
            int y = HEIGHT - new BigDecimal(p.supply()).multiply(BigDecimal.valueOf(HEIGHT))
                    .divide(new BigDecimal(max), MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP).intValue();
            sb.append(x).append(',').append(prevY).append(' ').append(x).append(',').append(y).append(' ');
            prevY = y;
        }
        sb.append(WIDTH).append(',').append(prevY);
        return new SupplyChart(sb.toString().trim(), first, last, max);
    }
}
